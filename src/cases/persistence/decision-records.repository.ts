import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import { REVIEW_COLUMNS } from '../../reviews/persistence/reviews.repository.js';
import type { DecisionRecordRow } from './cases.repository.js';

/**
 * The agency that made a decision, as SQL over `decision_records d`. The one place that says it: records name the
 * actor's agency (null for none) and the case's; when every record carries the deciding agency in its own column,
 * this line, the index decision_records_deciding_occurred_idx and the statistics
 * decision_records_deciding_type_stats change, nothing else.
 */
export function decidingAgencySql(d: string): string {
  return `${d}.deciding_agency_id`;
}

/**
 * A decision record is readable when its case is. `agencyId` reads the record's copy of the case's agency (written
 * with the record; a case never changes agency), so agency callers' searches use the record's own indexes.
 */
const RECORD_CASE_COLUMNS: SqlColumns<'Case'> = {
  agencyId: 'd.agency_id',
  everReferred: 'c.ever_referred',
  state: 'c.state',
};

/**
 * Who made the record, joined for presentation: agency code, and the user's display name or the API key's name.
 * `sampled` says whether a review of it exists that the caller may read: an agency must not learn of a review before
 * it is concluded.
 */
function presented(ability: AppAbility, params: SqlParams): string {
  return `
  SELECT p.id, p.case_id, p.sequence, p.type, p.outcome, p.reason, p.payload, p.agency_id, p.actor_type, p.actor_id,
         p.actor_role, p.actor_agency_id, p.review_id, p.occurred_at, p.recorded_at, p.audit_hash, p.state_before,
         p.state_after, aa.code AS actor_agency_code,
         CASE p.actor_type WHEN 'user' THEN u.display_name ELSE k.name END AS actor_display_name,
         ${sampledSql(ability, params, 'p')} AS sampled
    FROM page p
    LEFT JOIN agencies aa ON aa.id = p.actor_agency_id
    LEFT JOIN users u ON p.actor_type = 'user' AND u.id = p.actor_id
    LEFT JOIN api_keys k ON p.actor_type = 'api_key' AND k.id = p.actor_id`;
}

function sampledSql(ability: AppAbility, params: SqlParams, d: string): string {
  const readable = accessibleSql(ability, 'read', 'Review', REVIEW_COLUMNS, params);
  return `EXISTS (SELECT 1 FROM reviews r WHERE r.decision_record_id = ${d}.id AND ${readable})`;
}

export interface PresentedDecisionRow extends DecisionRecordRow {
  agency_id: string;
  sampled: boolean;
}

export interface DecisionSearch {
  type?: string;
  outcome?: string;
  decidingAgencyId?: string;
  caseAgencyId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  sampled?: boolean;
  /** The last row of the previous page; pages run newest first. */
  before?: { occurredAt: string; id: string };
  limit: number;
}

/** Decision records across cases, as presented: with who made them and what they changed. */
@Injectable()
export class DecisionRecordsRepository {
  constructor(private readonly db: DataSource) {}

  /** Up to `limit + 1` records the caller may read, newest first (by occurredAt, then id). */
  async search(ability: AppAbility, s: DecisionSearch): Promise<PresentedDecisionRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Case', RECORD_CASE_COLUMNS, params)];
    if (s.type) where.push(`d.type = ${params.add(s.type)}`);
    if (s.outcome) where.push(`d.outcome = ${params.add(s.outcome)}`);
    if (s.decidingAgencyId) where.push(`${decidingAgencySql('d')} = ${params.add(s.decidingAgencyId)}`);
    if (s.caseAgencyId) where.push(`d.agency_id = ${params.add(s.caseAgencyId)}`);
    if (s.actorId) where.push(`d.actor_id = ${params.add(s.actorId)}`);
    if (s.from) where.push(`d.occurred_at >= ${params.add(s.from)}`);
    if (s.to) where.push(`d.occurred_at < ${params.add(s.to)}`);
    if (s.sampled !== undefined) where.push(`${s.sampled ? '' : 'NOT '}${sampledSql(ability, params, 'd')}`);
    if (s.before) {
      where.push(
        `(d.occurred_at, d.id) < (${params.add(s.before.occurredAt)}::timestamptz, ${params.add(s.before.id)}::uuid)`,
      );
    }
    return this.db.query<PresentedDecisionRow[]>(
      `WITH page AS (
         SELECT d.* FROM decision_records d JOIN cases c ON c.id = d.case_id
          WHERE ${where.join(' AND ')}
          ORDER BY d.occurred_at DESC, d.id DESC LIMIT ${params.add(s.limit + 1)}
       ) ${presented(ability, params)} ORDER BY p.occurred_at DESC, p.id DESC`,
      params.values,
    );
  }

  /** One record, if the caller may read its case. */
  async findReadable(ability: AppAbility, id: string): Promise<PresentedDecisionRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Case', RECORD_CASE_COLUMNS, params);
    const [row] = await this.db.query<PresentedDecisionRow[]>(
      `WITH page AS (
         SELECT d.* FROM decision_records d JOIN cases c ON c.id = d.case_id
          WHERE d.id = ${params.add(id)} AND ${access}
       ) ${presented(ability, params)}`,
      params.values,
    );
    return row;
  }

  /** A case's stream in sequence order (the caller's access to the case is checked before). */
  async ofCase(
    ability: AppAbility,
    caseId: string,
    afterSequence: number,
    limit: number,
  ): Promise<PresentedDecisionRow[]> {
    const params = new SqlParams();
    return this.db.query<PresentedDecisionRow[]>(
      `WITH page AS (
         SELECT * FROM decision_records
          WHERE case_id = ${params.add(caseId)} AND sequence > ${params.add(afterSequence)}
          ORDER BY sequence LIMIT ${params.add(limit + 1)}
       ) ${presented(ability, params)} ORDER BY p.sequence`,
      params.values,
    );
  }

  /**
   * Records by id, with no access check: for representations whose own rules already grant them (a review
   * embeds the record it reviews), and for a record just written in `manager`'s transaction.
   */
  async byIds(
    ability: AppAbility,
    ids: readonly string[],
    manager: EntityManager | DataSource = this.db,
  ): Promise<PresentedDecisionRow[]> {
    if (ids.length === 0) return [];
    const params = new SqlParams();
    return manager.query<PresentedDecisionRow[]>(
      `WITH page AS (SELECT * FROM decision_records WHERE id = ANY(${params.add(ids)}::uuid[]))
       ${presented(ability, params)}`,
      params.values,
    );
  }
}
