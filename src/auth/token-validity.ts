import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** Seconds a cached validity lives; changes are written through, so this only bounds memory. */
const CACHE_SECONDS = 86_400;
const DISABLED = 'disabled';

/**
 * Whether a user's access tokens still count: a disabled user's never do,
 * and tokens issued before `tokens_valid_after` (set when a password is set
 * or the user disabled) are refused. Checked on every request with a JWT, so
 * it is cached in Redis: changes are written through, and a cache fill uses
 * SET NX, so a fill that read the database before a change can never
 * overwrite the change. Without Redis, the database answers (a primary-key
 * read).
 */
@Injectable()
export class TokenValidity {
  private readonly logger = new Logger(TokenValidity.name);

  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** True when a token of this user issued at `issuedAtSeconds` (JWT `iat`) is still good. */
  async accepts(userId: string, issuedAtSeconds: number): Promise<boolean> {
    let value = await this.redis.get(this.key(userId)).catch(() => undefined);
    if (value === undefined || value === null) {
      const fresh = await this.fromDatabase(userId);
      if (fresh === undefined) return false;
      value = fresh;
      await this.redis.set(this.key(userId), value, 'EX', CACHE_SECONDS, 'NX').catch(() => undefined);
    }
    if (value === DISABLED) return false;
    return issuedAtSeconds >= Number(value);
  }

  /** After a commit that changed the user's disabled state or valid-after time. */
  async changed(userId: string): Promise<void> {
    const value = await this.fromDatabase(userId);
    try {
      if (value === undefined) await this.redis.del(this.key(userId));
      else await this.redis.set(this.key(userId), value, 'EX', CACHE_SECONDS);
    } catch (err) {
      // A stale cached value could let a disabled user's token through: without Redis, forget it instead.
      this.logger.error(
        { event: 'token_validity_cache_failed', userId, reason: err instanceof Error ? err.message : String(err) },
        'could not update the cached token validity',
      );
      await this.redis.del(this.key(userId)).catch(() => undefined);
    }
  }

  private async fromDatabase(userId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ disabled: boolean; valid_after: string | null }[]>(
      `SELECT disabled_at IS NOT NULL AS disabled, floor(extract(epoch FROM tokens_valid_after))::text AS valid_after
         FROM users WHERE id = $1`,
      [userId],
    );
    if (!row) return undefined;
    return row.disabled ? DISABLED : (row.valid_after ?? '0');
  }

  private key(userId: string): string {
    return `${this.config.redis.queuePrefix}:token-valid-after:${userId}`;
  }
}
