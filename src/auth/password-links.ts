import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import type { Role } from '../authz/domain/roles.js';
import { Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { AccountMail } from './account-mail.js';
import { SET_PASSWORD_LINK_HOURS } from './domain/account-emails.js';
import { hashPassword } from './passwords.js';
import type { PasswordTokenPurpose } from './persistence/password-token.entity.js';
import { TokenValidity } from './token-validity.js';

export interface IssuedLink {
  tokenId: string;
  token: string;
  expiresAt: Date;
  purpose: PasswordTokenPurpose;
}

/** A reset link is mailed at most this often per account: the public route must not flood a mailbox. */
const RESET_EVERY_SECONDS = 60;

/**
 * One-time set-password links (SPEC §8): 32 random bytes, only their SHA-256
 * stored, valid SET_PASSWORD_LINK_HOURS, used once; issuing one voids the
 * user's earlier unused ones. Setting a password ends every access token the
 * user held.
 */
@Injectable()
export class PasswordLinks implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordLinks.name);
  /** Resets answered but not yet done: a shutdown waits for them, so an accepted request is not dropped. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly mail: AccountMail,
    private readonly validity: TokenValidity,
  ) {}

  /** In the caller's transaction; the raw token leaves only through `send` (or to in-process callers). */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: PasswordTokenPurpose,
    now = new Date(),
  ): Promise<IssuedLink> {
    const token = randomBytes(32).toString('base64url');
    const tokenId = newId();
    const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000);
    await manager.query(`UPDATE password_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
      now,
    ]);
    await manager.query(
      `INSERT INTO password_tokens (id, user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tokenId, userId, purpose, hashToken(token), now, expiresAt],
    );
    return { tokenId, token, expiresAt, purpose };
  }

  send(to: string, userId: string, link: IssuedLink): Promise<void> {
    return this.mail.setPasswordLink({ to, userId, ...link });
  }

  /**
   * A new set-password link for `userId`, for in-process callers only (the
   * demo seed and test factories set passwords through the same route as a
   * person who followed the e-mailed link). No HTTP route reaches it.
   */
  issueInProcess(userId: string): Promise<IssuedLink> {
    return this.db.transaction((manager) => this.issue(manager, userId, 'invitation'));
  }

  async setPassword(token: string, password: string, requestId: string | null): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.db.transaction(async (manager) => {
      // An UPDATE … RETURNING answers [rows, affected] through TypeORM.
      const [[used]] = await manager.query<
        [{ user_id: string; role: Role; agency_id: string | null; purpose: string }[], number]
      >(
        `UPDATE password_tokens t SET used_at = now()
           FROM users u
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
            AND u.id = t.user_id AND u.disabled_at IS NULL
         RETURNING t.user_id, t.purpose, u.role, u.agency_id`,
        [hashToken(token)],
      );
      if (!used) {
        throw new Unprocessable(
          'invalid-password-token',
          'This link is not valid: it was used, has expired or is wrong.',
          [{ field: 'token', message: 'is not a valid, unused and unexpired set-password token' }],
        );
      }
      await manager.query(
        `UPDATE users SET password_hash = $2, tokens_valid_after = now(), updated_at = now() WHERE id = $1`,
        [used.user_id, passwordHash],
      );
      await manager.query(`UPDATE password_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
        used.user_id,
      ]);
      await this.audit.append(
        manager,
        { actor: { type: 'user', id: used.user_id, role: used.role, agencyId: used.agency_id }, requestId },
        {
          ...ownChain('user', used.user_id),
          action: 'user.password_set',
          payload: { purpose: used.purpose },
        },
      );
      return used.user_id;
    });
    await this.validity.changed(userId);
  }

  /**
   * Mails a reset link to a known, enabled account; for any other address
   * it does nothing. The route answers 202 before this runs, whatever the
   * address, so neither the answer nor its timing tells which accounts exist.
   */
  async requestReset(email: string, requestId: string | null): Promise<void> {
    const normalised = email.trim().toLowerCase();
    const issued = await this.db.transaction(async (manager) => {
      const [user] = await manager.query<{ id: string }[]>(
        `SELECT u.id FROM users u
          WHERE u.email = $1 AND u.disabled_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM password_tokens t WHERE t.user_id = u.id AND t.purpose = 'reset'
                             AND t.created_at > now() - make_interval(secs => $2))
          FOR UPDATE`,
        [normalised, RESET_EVERY_SECONDS],
      );
      if (!user) return undefined;
      const link = await this.issue(manager, user.id, 'reset');
      await this.audit.append(
        manager,
        { actor: SYSTEM_ACTOR, requestId },
        {
          ...ownChain('user', user.id),
          action: 'user.password_reset_requested',
          payload: { expiresAt: link.expiresAt.toISOString() },
        },
      );
      return { userId: user.id, link };
    });
    if (issued) await this.send(normalised, issued.userId, issued.link);
  }

  /** For the route: runs the reset after the answer, logging (never throwing) what went wrong. */
  requestResetInBackground(email: string, requestId: string | null): void {
    const work = this.requestReset(email, requestId)
      .catch((err: unknown) =>
        this.logger.error(
          { event: 'password_reset_failed', reason: err instanceof Error ? err.message : String(err) },
          'password reset request failed',
        ),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves once every reset answered so far has been carried out (or has failed and been logged). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
