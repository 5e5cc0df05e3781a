import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Actor } from '../authz/domain/roles.js';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

const WINDOW_SECONDS = 60;

/**
 * Per-caller request limit, a fixed one-minute window counted in Redis (one
 * round trip: INCR and EXPIRE in a transaction) so that every API process
 * shares it. A user and an API key are separate callers. If Redis does not
 * answer, the request is let through: the limit guards against one caller
 * crowding out the others, and refusing everyone would be the greater harm.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts this request; the seconds until the window ends when the caller is over the limit, else undefined. */
  async hit(actor: Actor, now = Date.now()): Promise<number | undefined> {
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const key = `${this.config.redis.queuePrefix}:rate:${actor.kind}:${actor.id}:${window}`;
    let count: number;
    try {
      const result = await this.redis
        .multi()
        .incr(key)
        .expire(key, WINDOW_SECONDS + 1, 'NX')
        .exec();
      if (!result || result[0][0]) throw result?.[0][0] ?? new Error('transaction aborted');
      count = Number(result[0][1]);
    } catch (err) {
      this.logger.debug({ event: 'rate_limit_unavailable', err: String(err) }, 'rate limit not counted');
      return undefined;
    }
    if (count <= this.config.http.rateLimitPerMinute) return undefined;
    return Math.max(1, Math.ceil((window + 1) * WINDOW_SECONDS - now / 1000));
  }
}
