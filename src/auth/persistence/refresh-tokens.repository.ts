import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyKind, Role } from '../../authz/domain/roles.js';
import type { RefreshTokenState, TokenHolder } from '../domain/refresh-rotation.js';

export interface NewRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: Buffer;
  role: Role;
  agencyId: string | null;
  signedInAt: Date;
  createdAt: Date;
  expiresAt: Date;
}

/** A token found by its hash, locked, with its account as it is now. */
export interface LockedRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  token: RefreshTokenState;
  holder: TokenHolder & { agencyKind: AgencyKind | null; conflictAgencyIds: string[] };
}

interface LockedRow {
  id: string;
  family_id: string;
  user_id: string;
  role: Role;
  agency_id: string | null;
  signed_in_at: Date;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  disabled: boolean;
  user_role: Role;
  user_agency_id: string | null;
  agency_kind: AgencyKind | null;
  conflict_agency_ids: string[];
  tokens_valid_after: Date | null;
}

/**
 * How long the tokens of an ended sign-in are kept: a reuse shows in the log at once, and a week of rows lets an
 * operator see which sign-in it belonged to; after that they only grow the table (every refresh adds a row).
 */
export const ENDED_SESSIONS_KEPT_DAYS = 7;

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly db: DataSource) {}

  async insert(manager: EntityManager, t: NewRefreshToken): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, role, agency_id, signed_in_at, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [t.id, t.familyId, t.userId, t.tokenHash, t.role, t.agencyId, t.signedInAt, t.createdAt, t.expiresAt],
    );
  }

  /**
   * The token with this hash, its row locked until the transaction ends: of
   * two refreshes with one token, the second waits here and then reads the
   * first one's `used_at`, so only one can rotate it.
   */
  async lockByHash(manager: EntityManager, tokenHash: Buffer): Promise<LockedRefreshToken | undefined> {
    const [row] = await manager.query<LockedRow[]>(
      `SELECT r.id, r.family_id, r.user_id, r.role, r.agency_id, r.signed_in_at, r.created_at, r.expires_at,
              r.used_at, r.revoked_at, u.disabled_at IS NOT NULL AS disabled, u.role AS user_role,
              u.agency_id AS user_agency_id, a.kind AS agency_kind, u.conflict_agency_ids, u.tokens_valid_after
         FROM refresh_tokens r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE r.token_hash = $1
          FOR UPDATE OF r`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      familyId: row.family_id,
      userId: row.user_id,
      token: {
        role: row.role,
        agencyId: row.agency_id,
        signedInAt: row.signed_in_at,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        revokedAt: row.revoked_at,
      },
      holder: {
        disabled: row.disabled,
        role: row.user_role,
        agencyId: row.user_agency_id,
        agencyKind: row.agency_kind,
        conflictAgencyIds: row.conflict_agency_ids,
        tokensValidAfter: row.tokens_valid_after,
      },
    };
  }

  async markUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Ends every token of the family not ended yet. */
  async revokeFamily(manager: EntityManager, familyId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
      at,
    ]);
  }

  /** Ends the family of the token with this hash (any token of it, rotated or not); its id, if it was alive. */
  async revokeFamilyOf(manager: EntityManager, tokenHash: Buffer, at: Date): Promise<string | undefined> {
    const [[found]] = await manager.query<[{ family_id: string }[], number]>(
      `UPDATE refresh_tokens SET revoked_at = $2
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL
       RETURNING family_id`,
      [tokenHash, at],
    );
    return found?.family_id;
  }

  /**
   * Forgets the sign-ins that ended (absolute end passed; a revoked one ends by then too) over
   * ENDED_SESSIONS_KEPT_DAYS ago, whole families at once: all their tokens share `expires_at`.
   */
  async purgeEnded(): Promise<number> {
    const [, purged] = await this.db.query<[unknown[], number]>(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - make_interval(days => $1)`,
      [ENDED_SESSIONS_KEPT_DAYS],
    );
    return purged;
  }
}
