import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { TooManyRequests } from '../common/domain-errors.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Fixed-window login limits, per account (failed attempts) and per client
 * address (all attempts), shared by every API process through Redis. The
 * address is fastify's `request.ip`, which honours X-Forwarded-For only from
 * proxies named in TRUST_PROXY. If Redis is away the limits fall back to
 * this process's memory rather than switching off.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts this attempt against the address; refuses if the address or the account is over its limit. */
  async admit(email: string, address: string): Promise<void> {
    const { loginMaxAttemptsPerAddress, loginMaxAttemptsPerAccount } = this.config.auth;
    const byAddress = await this.increment(this.addressKey(address));
    if (byAddress.count > loginMaxAttemptsPerAddress) throw new TooManyRequests(byAddress.retryAfter);
    const byAccount = await this.peek(this.accountKey(email));
    if (byAccount.count >= loginMaxAttemptsPerAccount) throw new TooManyRequests(byAccount.retryAfter);
  }

  async recordFailure(email: string): Promise<void> {
    await this.increment(this.accountKey(email));
  }

  async recordSuccess(email: string): Promise<void> {
    const key = this.accountKey(email);
    this.local.delete(key);
    await this.redis.del(key).catch(() => undefined);
  }

  private accountKey(email: string): string {
    // Hashed: an e-mail address is personal data and does not belong in Redis.
    const digest = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    return `${this.config.redis.queuePrefix}:login:account:${digest}`;
  }

  private addressKey(address: string): string {
    return `${this.config.redis.queuePrefix}:login:address:${address}`;
  }

  private async increment(key: string): Promise<{ count: number; retryAfter: number }> {
    const window = this.config.auth.loginWindowSeconds;
    try {
      const result = await this.redis.multi().incr(key).expire(key, window, 'NX').ttl(key).exec();
      if (!result) throw new Error('transaction aborted');
      const count = Number(result[0][1]);
      const ttl = Number(result[2][1]);
      return { count, retryAfter: ttl > 0 ? ttl : window };
    } catch (err) {
      this.degraded(err);
      const now = Date.now();
      let entry = this.local.get(key);
      if (!entry || entry.resetAt <= now) entry = { count: 0, resetAt: now + window * 1000 };
      entry.count += 1;
      this.local.set(key, entry);
      return { count: entry.count, retryAfter: Math.ceil((entry.resetAt - now) / 1000) };
    }
  }

  private async peek(key: string): Promise<{ count: number; retryAfter: number }> {
    const window = this.config.auth.loginWindowSeconds;
    try {
      const result = await this.redis.multi().get(key).ttl(key).exec();
      if (!result) throw new Error('transaction aborted');
      const ttl = Number(result[1][1]);
      return { count: Number(result[0][1] ?? 0), retryAfter: ttl > 0 ? ttl : window };
    } catch (err) {
      this.degraded(err);
      const entry = this.local.get(key);
      const now = Date.now();
      if (!entry || entry.resetAt <= now) return { count: 0, retryAfter: window };
      return { count: entry.count, retryAfter: Math.ceil((entry.resetAt - now) / 1000) };
    }
  }

  private degraded(err: unknown): void {
    this.logger.warn(
      { event: 'login_throttle_degraded', reason: err instanceof Error ? err.message : String(err) },
      'Redis unavailable: login limits kept in process memory',
    );
  }
}
