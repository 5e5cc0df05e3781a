import { accountDelayMs, InMemoryLoginLimiter, type LoginLimits } from './login-limits.js';

const LIMITS: LoginLimits = {
  windowSeconds: 900,
  maxAttemptsPerAddress: 300,
  maxFailuresPerAccountAddress: 5,
  slowAfter: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  accountWindowSeconds: 86_400,
  knownAddressDays: 30,
};
const T0 = Date.UTC(2026, 11, 3, 9);

describe('accountDelayMs', () => {
  it('is zero up to the threshold, then doubles from the base up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => accountDelayMs(n, LIMITS))).toEqual([
      0, 0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });
});

describe('InMemoryLoginLimiter', () => {
  it('lets at most the strict limit of attempts through for one account and address, counted before the check', () => {
    const limiter = new InMemoryLoginLimiter({ ...LIMITS, slowAfter: 1_000 });
    const outcomes = Array.from({ length: 50 }, () => limiter.admit('acct', 'addr-1', T0));
    expect(outcomes.filter((o) => o.admitted)).toHaveLength(5);
    expect(outcomes[5]).toEqual({ admitted: false, limit: 'account_address', retryAfterSeconds: 900 });
  });

  it('does not let failures from one address refuse the owner at another', () => {
    const limiter = new InMemoryLoginLimiter({ ...LIMITS, slowAfter: 1_000 });
    for (let i = 0; i < 10; i++) limiter.admit('acct', 'attacker', T0);
    expect(limiter.admit('acct', 'owner', T0)).toEqual({ admitted: true, knownAddress: false });
  });

  it('undoes an attempt whose password was right', () => {
    const limiter = new InMemoryLoginLimiter({ ...LIMITS, slowAfter: 1_000 });
    for (let i = 0; i < 5; i++) {
      const a = limiter.admit('acct', 'addr', T0);
      if (a.admitted) limiter.succeeded('acct', 'addr', a.knownAddress, T0);
    }
    expect(limiter.admit('acct', 'addr', T0).admitted).toBe(true);
  });

  it('slows unknown addresses with growing delays past the account threshold, never known ones', () => {
    const limiter = new InMemoryLoginLimiter(LIMITS);
    const first = limiter.admit('acct', 'home', T0);
    expect(first.admitted).toBe(true);
    limiter.succeeded('acct', 'home', false, T0);
    // A guesser spread over many addresses: three free failures, then each waits 1 s, 2 s, 4 s ...
    for (let i = 0; i < 4; i++) expect(limiter.admit('acct', `bot-${i}`, T0).admitted).toBe(true);
    expect(limiter.admit('acct', 'bot-x', T0)).toEqual({ admitted: false, limit: 'account', retryAfterSeconds: 1 });
    expect(limiter.admit('acct', 'bot-x', T0 + 1_000).admitted).toBe(true);
    expect(limiter.admit('acct', 'bot-y', T0 + 1_000)).toEqual({
      admitted: false,
      limit: 'account',
      retryAfterSeconds: 2,
    });
    // The owner's address, known from the earlier sign-in, is not slowed.
    expect(limiter.admit('acct', 'home', T0 + 1_000)).toEqual({ admitted: true, knownAddress: true });
  });

  it('counts every attempt of an address over all accounts', () => {
    const limiter = new InMemoryLoginLimiter({ ...LIMITS, maxAttemptsPerAddress: 3 });
    for (let i = 0; i < 3; i++) expect(limiter.admit(`acct-${i}`, 'nat', T0).admitted).toBe(true);
    expect(limiter.admit('acct-9', 'nat', T0)).toMatchObject({ admitted: false, limit: 'address' });
    expect(limiter.admit('acct-9', 'nat', T0 + 900_000).admitted).toBe(true);
  });
});
