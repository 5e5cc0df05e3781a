import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../authz/domain/roles.js';
import { Unauthenticated } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { AppConfig } from '../config/app-config.js';
import { AccessTokens } from './access-tokens.js';
import { judgeRefresh, secondsLeft, type RefreshRefusal } from './domain/refresh-rotation.js';
import type { TokenResponse } from './dto.js';
import { LoginService } from './login.service.js';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository.js';

/** 32 random bytes, base64url: what a refresh token looks like; anything else is refused unread. */
export const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** An access token for the body and the refresh token for the cookie, with the cookie's Max-Age. */
export interface SessionGrant {
  access: TokenResponse;
  refreshToken: string;
  maxAgeSeconds: number;
}

const ENDED = 'The console session has ended (signed out, expired or revoked); sign in again.';

/**
 * Staff-console sessions (SPEC §15). Signing in starts a family of refresh
 * tokens; every refresh uses up its token and issues the family's next one
 * with a fresh access token, so a stolen cookie works at most once before
 * the owner's next refresh reveals it (domain/refresh-rotation.ts ends the
 * whole family on reuse). Only SHA-256 of a token is stored: a token is 256
 * random bits, so unlike a password it needs no slow hash: nobody can
 * search 2^256 values, and argon2's deliberate cost (CPU and memory on every
 * refresh of every open console) would buy nothing. A copy of the table
 * still holds no cookie that works.
 */
@Injectable()
export class ConsoleSessions {
  private readonly logger = new Logger(ConsoleSessions.name);

  constructor(
    private readonly db: DataSource,
    private readonly login: LoginService,
    private readonly access: AccessTokens,
    private readonly tokens: RefreshTokensRepository,
    private readonly config: AppConfig,
  ) {}

  /** Sign-in with e-mail and password, under the same limits and answers as `POST /auth/login`. */
  async start(email: string, password: string, address: string, now = new Date()): Promise<SessionGrant> {
    const actor = await this.login.authenticate(email, password, address);
    const familyId = newId();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionMaxSeconds * 1000);
    const refreshToken = await this.db.transaction((manager) =>
      this.issue(manager, actor, { familyId, signedInAt: now, expiresAt }, now),
    );
    this.logger.log({ event: 'console_session_started', userId: actor.id, familyId }, 'console session started');
    return { access: await this.access.issue(actor), refreshToken, maxAgeSeconds: secondsLeft(expiresAt, now) };
  }

  /** Rotates the cookie's token; 401 for any token that is not the live one of a live family. */
  async refresh(presented: string | undefined, now = new Date()): Promise<SessionGrant> {
    if (presented === undefined || !REFRESH_TOKEN.test(presented)) throw new Unauthenticated(ENDED);
    const outcome = await this.db.transaction(async (manager) => {
      const found = await this.tokens.lockByHash(manager, hashToken(presented));
      if (!found) return { refused: 'unknown' as const };
      const verdict = judgeRefresh(found.token, found.holder, now, this.config.auth.sessionIdleSeconds);
      if (!verdict.rotate) {
        if (verdict.revokeFamily) await this.tokens.revokeFamily(manager, found.familyId, now);
        return { refused: verdict.reason, userId: found.userId, familyId: found.familyId };
      }
      await this.tokens.markUsed(manager, found.id, now);
      const { role, agencyId, agencyKind, conflictAgencyIds } = found.holder;
      const actor: Actor = { kind: 'user', id: found.userId, role, agencyId, agencyKind, conflictAgencyIds };
      const family = { familyId: found.familyId, signedInAt: found.token.signedInAt, expiresAt: found.token.expiresAt };
      return { actor, refreshToken: await this.issue(manager, actor, family, now), expiresAt: family.expiresAt };
    });
    if (outcome.refused !== undefined) {
      this.refused(outcome.refused, outcome);
      throw new Unauthenticated(ENDED);
    }
    return {
      access: await this.access.issue(outcome.actor),
      refreshToken: outcome.refreshToken,
      maxAgeSeconds: secondsLeft(outcome.expiresAt, now),
    };
  }

  /** Ends the family of the cookie's token, if there is one; signing out twice is no error. */
  async end(presented: string | undefined, now = new Date()): Promise<void> {
    if (presented === undefined || !REFRESH_TOKEN.test(presented)) return;
    const familyId = await this.db.transaction((manager) =>
      this.tokens.revokeFamilyOf(manager, hashToken(presented), now),
    );
    if (familyId) this.logger.log({ event: 'console_session_ended', familyId }, 'console session ended');
  }

  private async issue(
    manager: EntityManager,
    actor: Actor,
    family: { familyId: string; signedInAt: Date; expiresAt: Date },
    now: Date,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert(manager, {
      id: newId(),
      userId: actor.id,
      tokenHash: hashToken(token),
      role: actor.role,
      agencyId: actor.agencyId,
      createdAt: now,
      ...family,
    });
    return token;
  }

  private refused(reason: RefreshRefusal | 'unknown', who: { userId?: string; familyId?: string }): void {
    const line = { event: 'console_refresh_refused', reason, userId: who.userId, familyId: who.familyId };
    // A reused token means a copy of a cookie exists somewhere: worth an operator's look.
    if (reason === 'reused') this.logger.warn(line, 'a rotated refresh token was used again: its session is revoked');
    else this.logger.log(line, 'refresh refused');
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
