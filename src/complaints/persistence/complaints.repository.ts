import { Injectable } from '@nestjs/common';
import { pick } from '../../common/pick.js';
import { insertRow, updateAtVersion } from '../../database/row-writes.js';
import type { EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams } from '../../authz/domain/rules-to-sql.js';
import type { Channel, ComplaintState, Relationship, TriageOutcome } from '../domain/complaint-workflow.js';

export interface ComplaintRow {
  id: string;
  received_at: Date;
  channel: Channel;
  anonymous: boolean;
  complainant_relationship: Relationship | null;
  complainant_ciphertext: Buffer | null;
  complainant_key_id: string | null;
  summary: string;
  agency_ids: string[];
  case_ids: string[];
  state: ComplaintState;
  version: number;
  recorded_by: string;
  recorded_at: Date;
  triage_outcome: TriageOutcome | null;
  triage_reason: string | null;
  triaged_by: string | null;
  triaged_at: Date | null;
  investigation_id: string | null;
}

export interface ComplaintListFilter {
  state?: ComplaintState;
  agencyId?: string;
  afterId?: string;
  limit: number;
}

/** uuid[] read as text[]: node-pg parses text arrays into JavaScript arrays. Ciphertext only when asked for. */
function select(withPii: boolean): string {
  return `SELECT c.id, c.received_at, c.channel, c.anonymous, c.complainant_relationship,
                 ${withPii ? 'c.complainant_ciphertext, c.complainant_key_id' : 'NULL::bytea AS complainant_ciphertext, NULL AS complainant_key_id'},
                 c.summary, c.agency_ids::text[] AS agency_ids, c.case_ids::text[] AS case_ids, c.state, c.version,
                 c.recorded_by, c.recorded_at, c.triage_outcome, c.triage_reason, c.triaged_by, c.triaged_at,
                 c.investigation_id
            FROM complaints c`;
}

/** Complaints and the reviews their triage referred to. Every read for a caller filters by the caller's rules in SQL. */
@Injectable()
export class ComplaintsRepository {
  /** Up to `limit + 1` complaints the caller may read, in id order (the extra row tells whether a next page exists). */
  async listReadable(
    manager: EntityManager,
    ability: AppAbility,
    filter: ComplaintListFilter,
  ): Promise<ComplaintRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Complaint', {}, params)];
    if (filter.state) where.push(`c.state = ${params.add(filter.state)}`);
    if (filter.agencyId) where.push(`c.agency_ids @> ARRAY[${params.add(filter.agencyId)}::uuid]`);
    if (filter.afterId) where.push(`c.id > ${params.add(filter.afterId)}`);
    return manager.query<ComplaintRow[]>(
      `${select(false)} WHERE ${where.join(' AND ')} ORDER BY c.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  async findReadable(
    manager: EntityManager,
    ability: AppAbility,
    id: string,
    withPii = false,
  ): Promise<ComplaintRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Complaint', {}, params);
    const [row] = await manager.query<ComplaintRow[]>(
      `${select(withPii)} WHERE c.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return row;
  }

  async insert(manager: EntityManager, r: ComplaintRow): Promise<void> {
    await insertRow(manager, 'complaints', r);
  }

  /** Writes the triage if the complaint is still at `expectedVersion`; false (nothing written) otherwise. */
  async triage(manager: EntityManager, expectedVersion: number, r: ComplaintRow): Promise<boolean> {
    return updateAtVersion(
      manager,
      'complaints',
      r.id,
      expectedVersion,
      pick(r, ['state', 'version', 'triage_outcome', 'triage_reason', 'triaged_by', 'triaged_at', 'investigation_id']),
    );
  }

  async linkReviews(manager: EntityManager, complaintId: string, links: { reviewId: string; created: boolean }[]) {
    if (links.length === 0) return;
    await manager.query(
      `INSERT INTO complaint_reviews (complaint_id, review_id, created)
       SELECT $1, * FROM unnest($2::uuid[], $3::bool[])`,
      [complaintId, links.map((l) => l.reviewId), links.map((l) => l.created)],
    );
  }

  /** The reviews each complaint's triage referred to. */
  async reviewsOf(manager: EntityManager, ids: string[]): Promise<{ complaint_id: string; review_id: string }[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT complaint_id, review_id FROM complaint_reviews WHERE complaint_id = ANY($1::uuid[])
        ORDER BY complaint_id, review_id`,
      [ids],
    );
  }

  /** Those of `ids` that name a case. */
  async existingCases(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM cases WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.id));
  }
}
