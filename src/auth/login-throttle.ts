import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { TooManyRequests } from '../common/domain-errors.js';
import { REDIS } from '../redis/redis.module.js';
import { InMemoryLoginLimiter, type Admission, type LoginLimits } from './domain/login-limits.js';

/**
 * The policy of `domain/login-limits.ts` in Redis, one script per attempt, so
 * the check and the count are one atomic step shared by every API process:
 * of any number of parallel attempts, at most the limit are let through to
 * the password check. Keys: KEYS[1] address counter, KEYS[2] (account,
 * address) counter, KEYS[3] account hash {n: failures from unknown
 * addresses, next: epoch ms before which such addresses wait}, KEYS[4] set
 * of address tags the account signed in from.
 */
const ADMIT = `
local a = redis.call('INCR', KEYS[1])
if a == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if a > tonumber(ARGV[2]) then return {'address', redis.call('PTTL', KEYS[1])} end
local p = redis.call('INCR', KEYS[2])
if p == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
if p > tonumber(ARGV[3]) then
  redis.call('DECR', KEYS[2])
  return {'account_address', redis.call('PTTL', KEYS[2])}
end
if redis.call('SISMEMBER', KEYS[4], ARGV[8]) == 1 then return {'known', 0} end
local now = tonumber(ARGV[7])
local nextAt = tonumber(redis.call('HGET', KEYS[3], 'next') or '0')
if now < nextAt then
  redis.call('DECR', KEYS[2])
  return {'account', nextAt - now}
end
local n = redis.call('HINCRBY', KEYS[3], 'n', 1)
if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], ARGV[9]) end
local over = n - tonumber(ARGV[4])
if over > 0 then
  local delay = math.min(tonumber(ARGV[5]) * 2 ^ math.min(over - 1, 40), tonumber(ARGV[6]))
  redis.call('HSET', KEYS[3], 'next', math.floor(now + delay))
end
return {'unknown', 0}
`;

/** The attempt's counts undone: the password was right. */
const SUCCEEDED = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
if ARGV[1] == '0' and tonumber(redis.call('HGET', KEYS[2], 'n') or '0') > 0 then
  redis.call('HINCRBY', KEYS[2], 'n', -1)
end
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[3])
return 1
`;

/** What `admit` hands back, for `succeeded` to undo. */
export interface LoginTicket {
  account: string;
  address: string;
  knownAddress: boolean;
}

/**
 * Login limits shared by every API process through Redis. The address is
 * fastify's `request.ip`, which honours X-Forwarded-For only from proxies
 * named in TRUST_PROXY. If Redis is away the limits fall back to this
 * process's memory rather than switching off.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly limits: LoginLimits;
  private readonly local: InMemoryLoginLimiter;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.limits = config.auth.loginLimits;
    this.local = new InMemoryLoginLimiter(this.limits);
  }

  /** Counts this attempt before the password is checked; refuses (429) when a limit is reached. */
  async admit(email: string, address: string): Promise<LoginTicket> {
    const account = digest(email.toLowerCase());
    const addressTag = digest(address);
    const l = this.limits;
    const now = Date.now();
    let admission: Admission;
    try {
      const [outcome, ms] = (await this.redis.eval(
        ADMIT,
        4,
        this.key('address', addressTag),
        this.key('pair', account, addressTag),
        this.key('account', account),
        this.key('known', account),
        l.windowSeconds,
        l.maxAttemptsPerAddress,
        l.maxFailuresPerAccountAddress,
        l.slowAfter,
        l.baseDelayMs,
        l.maxDelayMs,
        now,
        addressTag,
        l.accountWindowSeconds,
      )) as [string, number];
      admission =
        outcome === 'known' || outcome === 'unknown'
          ? { admitted: true, knownAddress: outcome === 'known' }
          : {
              admitted: false,
              limit: outcome as 'address' | 'account_address' | 'account',
              retryAfterSeconds: Math.max(1, Math.ceil(Number(ms) / 1000)),
            };
    } catch (err) {
      this.degraded(err);
      admission = this.local.admit(account, addressTag, now);
    }
    if (!admission.admitted) {
      this.logger.warn({ event: 'login_throttled', limit: admission.limit }, 'login attempt refused by a limit');
      throw new TooManyRequests(admission.retryAfterSeconds);
    }
    return { account, address: addressTag, knownAddress: admission.knownAddress };
  }

  /** The password was right: this attempt no longer counts, and the address becomes known for the account. */
  async succeeded(ticket: LoginTicket): Promise<void> {
    try {
      await this.redis.eval(
        SUCCEEDED,
        3,
        this.key('pair', ticket.account, ticket.address),
        this.key('account', ticket.account),
        this.key('known', ticket.account),
        ticket.knownAddress ? '1' : '0',
        ticket.address,
        this.limits.knownAddressDays * 86_400,
      );
    } catch (err) {
      this.degraded(err);
    }
    this.local.succeeded(ticket.account, ticket.address, ticket.knownAddress, Date.now());
  }

  private key(...parts: string[]): string {
    return `${this.config.redis.queuePrefix}:login:${parts.join(':')}`;
  }

  private degraded(err: unknown): void {
    this.logger.warn(
      { event: 'login_throttle_degraded', reason: err instanceof Error ? err.message : String(err) },
      'Redis unavailable: login limits kept in process memory',
    );
  }
}

/** E-mail addresses and client addresses are personal data: Redis keys carry only a digest. */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
