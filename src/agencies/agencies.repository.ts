import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { AppAbility } from '../authz/domain/abilities.js';
import { accessibleSql, SqlParams } from '../authz/domain/rules-to-sql.js';
import { toEntities, type RawRow } from '../database/entity-rows.js';
import { AgencyEntity } from './persistence/agency.entity.js';

const COLUMNS = { id: 'a.id' } as const;

@Injectable()
export class AgenciesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(manager: EntityManager, agency: AgencyEntity): Promise<void> {
    await manager.insert(AgencyEntity, agency);
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM agencies WHERE lower(code) = lower($1)`, [code]);
    return rows.length > 0;
  }

  /** Agencies the caller may read, in creation order, after `afterId`. */
  async listReadable(ability: AppAbility, limit: number, afterId: string | undefined): Promise<AgencyEntity[]> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Agency', COLUMNS, params);
    const after = afterId ? `AND a.id > ${params.add(afterId)}` : '';
    const rows = await this.db.query<RawRow[]>(
      `SELECT a.* FROM agencies a WHERE ${access} ${after} ORDER BY a.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toEntities(this.db, AgencyEntity, rows);
  }

  async findReadable(ability: AppAbility, id: string): Promise<AgencyEntity | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Agency', COLUMNS, params);
    const rows = await this.db.query<RawRow[]>(
      `SELECT a.* FROM agencies a WHERE a.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return toEntities(this.db, AgencyEntity, rows)[0];
  }

  async findByIds(manager: EntityManager, ids: string[]): Promise<AgencyEntity[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<RawRow[]>(`SELECT * FROM agencies WHERE id = ANY($1)`, [ids]);
    return toEntities(this.db, AgencyEntity, rows);
  }
}
