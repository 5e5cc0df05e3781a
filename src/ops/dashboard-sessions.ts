import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Actor } from '../authz/domain/roles.js';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** How long a dashboard session lives: long enough to look around, short enough that a lost cookie soon expires. */
export const DASHBOARD_SESSION_SECONDS = 900;
/** 32 random bytes, base64url: what a session id looks like (anything else in the cookie is malformed). */
export const DASHBOARD_SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Queue-dashboard sessions: an opaque random id (the cookie) naming, in
 * Redis, the administrator who opened it, for {@link DASHBOARD_SESSION_SECONDS}.
 * The cookie never carries the access token, so a leaked cookie opens the
 * read-only dashboard for minutes, never the API. Redis holds a hash of the
 * id, so reading Redis does not yield a usable cookie either.
 */
@Injectable()
export class DashboardSessions {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async open(actor: Actor): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(
      this.key(id),
      JSON.stringify({ userId: actor.id, role: actor.role }),
      'EX',
      DASHBOARD_SESSION_SECONDS,
    );
    return id;
  }

  /** The session's holder, or undefined when the id is unknown or expired. */
  async find(id: string): Promise<{ userId: string; role: string } | undefined> {
    const found = await this.redis.get(this.key(id));
    return found === null ? undefined : (JSON.parse(found) as { userId: string; role: string });
  }

  private key(id: string): string {
    return `${this.config.redis.queuePrefix}:dashboard-session:${createHash('sha256').update(id).digest('hex')}`;
  }
}
