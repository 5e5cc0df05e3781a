import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams } from '../../authz/domain/rules-to-sql.js';
import { toEntities, type RawRow } from '../../database/entity-rows.js';
import { PlaceEntity } from './place.entity.js';

const COLUMNS = { agencyId: 'p.agency_id' } as const;

export interface PlaceListFilter {
  agencyId?: string;
  active?: boolean;
  afterId?: string;
  limit: number;
}

@Injectable()
export class PlacesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(manager: EntityManager, place: PlaceEntity): Promise<void> {
    await manager.insert(PlaceEntity, place);
  }

  async agencyExists(manager: EntityManager, agencyId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM agencies WHERE id = $1`, [agencyId]);
    return rows.length > 0;
  }

  async listReadable(ability: AppAbility, filter: PlaceListFilter): Promise<PlaceEntity[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Place', COLUMNS, params)];
    if (filter.agencyId) where.push(`p.agency_id = ${params.add(filter.agencyId)}`);
    if (filter.active !== undefined) where.push(`p.active = ${params.add(filter.active)}`);
    if (filter.afterId) where.push(`p.id > ${params.add(filter.afterId)}`);
    const rows = await this.db.query<RawRow[]>(
      `SELECT p.* FROM places p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
    return toEntities(this.db, PlaceEntity, rows);
  }

  async findReadable(
    ability: AppAbility,
    id: string,
    manager: EntityManager | DataSource = this.db,
  ): Promise<PlaceEntity | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Place', COLUMNS, params);
    const rows = await manager.query<RawRow[]>(
      `SELECT p.* FROM places p WHERE p.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return toEntities(this.db, PlaceEntity, rows)[0];
  }

  /**
   * Locks the place for a change. A detention at the place takes a share lock
   * on the same row (`activeOfAgency`), so deactivation and a new detention
   * there cannot both pass their checks.
   */
  async lockForUpdate(manager: EntityManager, id: string): Promise<PlaceEntity | undefined> {
    const rows = await manager.query<RawRow[]>(`SELECT * FROM places WHERE id = $1 FOR UPDATE`, [id]);
    return toEntities(this.db, PlaceEntity, rows)[0];
  }

  /** The place, if it is active and run by `agencyId`; held (share lock) until the transaction ends. */
  async activeOfAgency(manager: EntityManager, id: string, agencyId: string): Promise<PlaceEntity | undefined> {
    const rows = await manager.query<RawRow[]>(
      `SELECT * FROM places WHERE id = $1 AND agency_id = $2 AND active FOR SHARE`,
      [id, agencyId],
    );
    return toEntities(this.db, PlaceEntity, rows)[0];
  }

  async detainedNow(manager: EntityManager, id: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM detention_episodes WHERE place_id = $1 AND released_at IS NULL`,
      [id],
    );
    return row.n;
  }

  async update(manager: EntityManager, place: PlaceEntity): Promise<void> {
    await manager.query(
      `UPDATE places SET agency_id = $2, name = $3, kind = $4, region = $5, capacity = $6, active = $7, updated_at = $8
        WHERE id = $1`,
      [place.id, place.agencyId, place.name, place.kind, place.region, place.capacity, place.active, place.updatedAt],
    );
  }
}
