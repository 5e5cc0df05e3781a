import { Injectable } from '@nestjs/common';
import { pick } from '../../common/pick.js';
import { insertRow, updateAtVersion } from '../../database/row-writes.js';
import type { EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import type { Actor, Role } from '../../authz/domain/roles.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import {
  DISCLOSED_STATES,
  type EvidenceKind,
  type InvestigationState,
  type Origin,
  type ProposedRecommendation,
} from '../domain/investigation-workflow.js';

export interface InvestigationRow {
  id: string;
  title: string;
  origin: Origin;
  complaint_id: string | null;
  agency_ids: string[];
  place_ids: string[];
  terms_of_reference: string;
  state: InvestigationState;
  version: number;
  investigators: string[];
  opened_by: string;
  opened_at: Date;
  draft_text: string | null;
  proposed_recommendations: ProposedRecommendation[] | null;
  drafted_at: Date | null;
  comments_close_at: Date | null;
  final_text: string | null;
  published_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  updated_at: Date;
}

export interface EvidenceRow {
  investigation_id: string;
  kind: EvidenceKind;
  record_id: string;
  note: string;
  added_by: string;
  added_at: Date;
}

export interface CommentRow {
  id: string;
  investigation_id: string;
  agency_id: string;
  author_id: string;
  author_role: Role;
  text: string;
  at: Date;
}

export interface InvestigationListFilter {
  state?: InvestigationState;
  agencyId?: string;
  afterId?: string;
  limit: number;
}

/** uuid[] read as text[]: node-pg parses text arrays into JavaScript arrays, not uuid ones. */
const SELECT = `SELECT i.id, i.title, i.origin, i.complaint_id, i.agency_ids::text[] AS agency_ids,
                       i.place_ids::text[] AS place_ids, i.terms_of_reference, i.state, i.version,
                       i.investigators::text[] AS investigators, i.opened_by, i.opened_at, i.draft_text,
                       i.proposed_recommendations, i.drafted_at, i.comments_close_at, i.final_text, i.published_at,
                       i.closed_at, i.close_reason, i.updated_at
                  FROM investigations i`;

/**
 * How the Investigation subject's attributes read in SQL for this caller (investigation-access.ts computes the same
 * in memory). Getters: a caller's value becomes a parameter only when a rule uses it, since PostgreSQL refuses a
 * parameter it never sees.
 */
function investigationColumns(actor: Actor, params: SqlParams): SqlColumns<'Investigation'> {
  return {
    get inScope() {
      return `(i.agency_ids @> ARRAY[${params.add(actor.agencyId)}::uuid])`;
    },
    disclosed: `(i.state IN (${DISCLOSED_STATES.map((s) => `'${s}'`).join(', ')}))`,
    get investigator() {
      return `(${params.add(actor.id)}::text = ANY(i.investigators::text[]))`;
    },
    get conflicted() {
      return `(i.agency_ids && ${params.add(actor.conflictAgencyIds)}::uuid[])`;
    },
  };
}

/**
 * Which records of each kind belong to the agencies or places in scope: what evidence may link. `$1` is the record,
 * `$2` the agencies in scope, `$3` (where a kind can be at a place) the places in scope.
 */
const EVIDENCE_IN_SCOPE: Record<EvidenceKind, { sql: string; places: boolean }> = {
  case: {
    sql: `SELECT 1 FROM cases c
           WHERE c.id = $1 AND (c.agency_id = ANY($2::uuid[]) OR EXISTS (
                   SELECT 1 FROM detention_episodes e WHERE e.case_id = c.id AND e.place_id = ANY($3::uuid[])))`,
    places: true,
  },
  decision_record: {
    sql: `SELECT 1 FROM decision_records d
           WHERE d.id = $1 AND (d.agency_id = ANY($2::uuid[]) OR d.deciding_agency_id = ANY($2::uuid[]))`,
    places: false,
  },
  review: {
    sql: `SELECT 1 FROM reviews r
           WHERE r.id = $1 AND (r.deciding_agency_id = ANY($2::uuid[]) OR r.case_agency_id = ANY($2::uuid[]))`,
    places: false,
  },
  visit: {
    sql: `SELECT 1 FROM visits v WHERE v.id = $1 AND (v.agency_id = ANY($2::uuid[]) OR v.place_id = ANY($3::uuid[]))`,
    places: true,
  },
  alert: {
    sql: `SELECT 1 FROM alerts a
           WHERE a.id = $1 AND (a.agency_id = ANY($2::uuid[])
                 OR (a.subject_type = 'detention_episode' AND EXISTS (
                       SELECT 1 FROM detention_episodes e WHERE e.id = a.subject_id AND e.place_id = ANY($3::uuid[])))
                 OR (a.subject_type = 'visit' AND EXISTS (
                       SELECT 1 FROM visits v WHERE v.id = a.subject_id AND v.place_id = ANY($3::uuid[]))))`,
    places: true,
  },
};

/** Investigations, their evidence and comments. Every read for a caller filters by the caller's rules in SQL. */
@Injectable()
export class InvestigationsRepository {
  /** Up to `limit + 1` investigations the caller may read, in id order (the extra row tells whether a next page exists). */
  async listReadable(
    manager: EntityManager,
    ability: AppAbility,
    actor: Actor,
    filter: InvestigationListFilter,
  ): Promise<InvestigationRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Investigation', investigationColumns(actor, params), params)];
    if (filter.state) where.push(`i.state = ${params.add(filter.state)}`);
    if (filter.agencyId) where.push(`i.agency_ids @> ARRAY[${params.add(filter.agencyId)}::uuid]`);
    if (filter.afterId) where.push(`i.id > ${params.add(filter.afterId)}`);
    return manager.query<InvestigationRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  async findReadable(
    manager: EntityManager,
    ability: AppAbility,
    actor: Actor,
    id: string,
  ): Promise<InvestigationRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Investigation', investigationColumns(actor, params), params);
    const [row] = await manager.query<InvestigationRow[]>(
      `${SELECT} WHERE i.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return row;
  }

  async insert(manager: EntityManager, r: InvestigationRow): Promise<void> {
    // Proposed recommendations are jsonb: none yet when an investigation opens.
    await insertRow(manager, 'investigations', { ...r, proposed_recommendations: null });
  }

  /** Writes the investigation's new state if it is still at `expectedVersion`; false (nothing written) otherwise. */
  async update(manager: EntityManager, expectedVersion: number, r: InvestigationRow): Promise<boolean> {
    const changes = pick(r, [
      'state',
      'version',
      'investigators',
      'draft_text',
      'drafted_at',
      'comments_close_at',
      'final_text',
      'published_at',
      'closed_at',
      'close_reason',
      'updated_at',
    ]);
    const proposed = r.proposed_recommendations === null ? null : JSON.stringify(r.proposed_recommendations);
    return updateAtVersion(manager, 'investigations', r.id, expectedVersion, {
      ...changes,
      proposed_recommendations: proposed,
    });
  }

  async insertEvidence(manager: EntityManager, id: string, e: EvidenceRow): Promise<void> {
    await manager.query(
      `INSERT INTO investigation_evidence (id, investigation_id, kind, record_id, note, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, e.investigation_id, e.kind, e.record_id, e.note, e.added_by, e.added_at],
    );
  }

  async evidenceOf(manager: EntityManager, ids: string[]): Promise<EvidenceRow[]> {
    if (ids.length === 0) return [];
    return manager.query<EvidenceRow[]>(
      `SELECT investigation_id, kind, record_id, note, added_by, added_at FROM investigation_evidence
        WHERE investigation_id = ANY($1::uuid[]) ORDER BY added_at, id`,
      [ids],
    );
  }

  async isEvidence(manager: EntityManager, investigationId: string, kind: EvidenceKind, recordId: string) {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM investigation_evidence WHERE investigation_id = $1 AND kind = $2 AND record_id = $3`,
      [investigationId, kind, recordId],
    );
    return rows.length > 0;
  }

  /** Whether the record exists and belongs to an agency or place in scope (EVIDENCE_IN_SCOPE). */
  async recordInScope(
    manager: EntityManager,
    kind: EvidenceKind,
    recordId: string,
    agencyIds: string[],
    placeIds: string[],
  ): Promise<boolean> {
    const { sql, places } = EVIDENCE_IN_SCOPE[kind];
    const rows = await manager.query<unknown[]>(sql, places ? [recordId, agencyIds, placeIds] : [recordId, agencyIds]);
    return rows.length > 0;
  }

  async insertComment(manager: EntityManager, c: CommentRow): Promise<void> {
    await manager.query(
      `INSERT INTO investigation_comments (id, investigation_id, agency_id, author_id, author_role, text, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.id, c.investigation_id, c.agency_id, c.author_id, c.author_role, c.text, c.at],
    );
  }

  async commentsOf(manager: EntityManager, ids: string[]): Promise<CommentRow[]> {
    if (ids.length === 0) return [];
    return manager.query<CommentRow[]>(
      `SELECT id, investigation_id, agency_id, author_id, author_role, text, at FROM investigation_comments
        WHERE investigation_id = ANY($1::uuid[]) ORDER BY at, id`,
      [ids],
    );
  }

  /** The recommendations each investigation issued on publication, with their addressees, in issue order. */
  async recommendationsOf(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ id: string; source_id: string; agency_id: string }[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT id, source_id, agency_id FROM recommendations
        WHERE source_kind = 'investigation' AND source_id = ANY($1::uuid[]) ORDER BY issued_at, id`,
      [ids],
    );
  }

  /** The operating agency of each place among `ids` that exists. */
  async placeOperators(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; agency_id: string }[]>(
      `SELECT id, agency_id FROM places WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.agency_id]));
  }

  /** The reviewers among `ids`, with the agencies they have a conflict with. */
  async reviewers(manager: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const rows = await manager.query<{ id: string; conflicts: string[] }[]>(
      `SELECT id, conflict_agency_ids::text[] AS conflicts FROM users WHERE id = ANY($1::uuid[]) AND role = 'reviewer'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.conflicts]));
  }
}
