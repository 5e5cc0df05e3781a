import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppAbility } from '../authz/domain/abilities.js';
import { accessibleSql, SqlParams } from '../authz/domain/rules-to-sql.js';
import { toEntities, type RawRow } from '../database/entity-rows.js';
import { UserEntity } from './persistence/user.entity.js';

const COLUMNS = { agencyId: 'u.agency_id' } as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async insert(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.insert(UserEntity, user);
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM users WHERE email = $1`, [email])).length > 0;
  }

  async anyExists(manager: EntityManager): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM users LIMIT 1`)).length > 0;
  }

  /**
   * Disabling sets `tokens_valid_after` too (to the next whole second, the
   * resolution of a token's `iat`), so re-enabling does not revive tokens
   * issued before; an already-disabled user keeps their first disable time.
   */
  async setDisabled(manager: EntityManager, id: string, disabled: boolean): Promise<UserEntity | undefined> {
    const [rows] = await manager.query<[RawRow[], number]>(
      disabled
        ? `UPDATE users SET disabled_at = coalesce(disabled_at, now()),
                  tokens_valid_after = greatest(tokens_valid_after, date_trunc('second', now()) + interval '1 second'),
                  updated_at = now()
            WHERE id = $1 RETURNING *`
        : `UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = $1 RETURNING *`,
      [id],
    );
    return toEntities(this.db, UserEntity, rows)[0];
  }

  async listReadable(ability: AppAbility, limit: number, afterId: string | undefined): Promise<UserEntity[]> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'User', COLUMNS, params);
    const after = afterId ? `AND u.id > ${params.add(afterId)}` : '';
    const rows = await this.db.query<RawRow[]>(
      `SELECT u.* FROM users u WHERE ${access} ${after} ORDER BY u.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toEntities(this.db, UserEntity, rows);
  }

  async findReadable(ability: AppAbility, id: string): Promise<UserEntity | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'User', COLUMNS, params);
    const rows = await this.db.query<RawRow[]>(
      `SELECT u.* FROM users u WHERE u.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return toEntities(this.db, UserEntity, rows)[0];
  }
}

/** What an account is credited under until someone names it: the e-mail's local part (as the migration backfilled). */
export function defaultDisplayName(email: string): string {
  return email.split('@')[0];
}
