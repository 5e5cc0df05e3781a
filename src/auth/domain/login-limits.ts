/**
 * The login limits (SPEC §8 "login rate-limited"), as one policy that the
 * Redis script in `login-throttle.ts` and the in-memory fallback both follow.
 * Every attempt is counted before the password is checked, and the count is
 * undone when the password was right, so parallel guesses cannot outrun it:
 *
 * - per client address, every attempt (any account): stops one address from
 *   spraying guesses over many accounts;
 * - per (account, address), attempts whose password was wrong: the strict
 *   limit. A guesser elsewhere cannot use it up for the owner's address;
 * - per account, wrong attempts from addresses that never signed in to this
 *   account: past `slowAfter` of them, each further attempt from such an
 *   address must wait a delay that doubles up to `maxDelayMs`. Addresses the
 *   account signed in from (kept `knownAddressDays`) are not slowed, so a
 *   guesser spread over many addresses slows itself, not the owner.
 */
export interface LoginLimits {
  windowSeconds: number;
  maxAttemptsPerAddress: number;
  maxFailuresPerAccountAddress: number;
  slowAfter: number;
  baseDelayMs: number;
  maxDelayMs: number;
  accountWindowSeconds: number;
  knownAddressDays: number;
}

export type Admission =
  | { admitted: true; knownAddress: boolean }
  | { admitted: false; limit: 'address' | 'account_address' | 'account'; retryAfterSeconds: number };

/** The wait before the next attempt from an unknown address, after `failures` such failures. */
export function accountDelayMs(
  failures: number,
  limits: Pick<LoginLimits, 'slowAfter' | 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const over = failures - limits.slowAfter;
  if (over <= 0) return 0;
  // 2 ** 40 already exceeds any sensible maximum; the cap keeps the arithmetic finite.
  return Math.min(limits.baseDelayMs * 2 ** Math.min(over - 1, 40), limits.maxDelayMs);
}

interface Counter {
  count: number;
  resetAt: number;
}

/**
 * The same policy in one process's memory: used while Redis cannot be
 * reached, so the limits degrade to per-process instead of switching off.
 */
export class InMemoryLoginLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly next = new Map<string, number>();
  private readonly known = new Map<string, number>();

  constructor(private readonly limits: LoginLimits) {}

  admit(account: string, address: string, now: number): Admission {
    const l = this.limits;
    const byAddress = this.increment(`address:${address}`, now, l.windowSeconds);
    if (byAddress.count > l.maxAttemptsPerAddress) {
      return { admitted: false, limit: 'address', retryAfterSeconds: seconds(byAddress.resetAt - now) };
    }
    const pairKey = `pair:${account}:${address}`;
    const pair = this.increment(pairKey, now, l.windowSeconds);
    if (pair.count > l.maxFailuresPerAccountAddress) {
      pair.count -= 1;
      return { admitted: false, limit: 'account_address', retryAfterSeconds: seconds(pair.resetAt - now) };
    }
    if ((this.known.get(`${account}:${address}`) ?? 0) > now) return { admitted: true, knownAddress: true };
    const nextAt = this.next.get(account) ?? 0;
    if (now < nextAt) {
      pair.count -= 1;
      return { admitted: false, limit: 'account', retryAfterSeconds: seconds(nextAt - now) };
    }
    const failures = this.increment(`account:${account}`, now, l.accountWindowSeconds);
    const delay = accountDelayMs(failures.count, l);
    if (delay > 0) this.next.set(account, now + delay);
    return { admitted: true, knownAddress: false };
  }

  succeeded(account: string, address: string, knownAddress: boolean, now: number): void {
    this.decrement(`pair:${account}:${address}`);
    if (!knownAddress) this.decrement(`account:${account}`);
    this.known.set(`${account}:${address}`, now + this.limits.knownAddressDays * 86_400_000);
  }

  private increment(key: string, now: number, windowSeconds: number): Counter {
    let counter = this.counters.get(key);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.counters.set(key, counter);
    }
    counter.count += 1;
    return counter;
  }

  private decrement(key: string): void {
    const counter = this.counters.get(key);
    if (counter && counter.count > 0) counter.count -= 1;
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
