import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import type { AgencyKind, Role } from '../../authz/domain/roles.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import { newId } from '../../common/ids.js';
import { countsBySql, keyListSql, medianDaysSql } from '../../database/sql-aggregates.js';
import {
  FINAL_STATES,
  RECOMMENDATION_STATES,
  utcDate,
  type HistoryEntry,
  type Priority,
  type RecommendationSnapshot,
  type RecommendationState,
  type SourceKind,
  type Theme,
  type VisitSource,
} from '../domain/recommendation-workflow.js';

/** How CASL's Recommendation attributes map to SQL over `recommendations r`. */
const COLUMNS: SqlColumns<'Recommendation'> = { agencyId: 'r.agency_id' };

/** `target_date` as text: a calendar date must not pass through a JavaScript Date and a time zone. */
const SELECT = `SELECT r.id, r.agency_id, r.source_kind, r.source_id, r.theme, r.priority, r.text, r.repeat_of, r.state,
                       r.claimed_from, r.version, r.issued_at, r.response_due_at, r.responded_at,
                       r.target_date::text AS target_date, r.created_by, r.updated_at
                  FROM recommendations r`;

export interface RecommendationRow {
  id: string;
  agency_id: string;
  source_kind: SourceKind;
  source_id: string | null;
  theme: Theme;
  priority: Priority;
  text: string;
  repeat_of: string | null;
  state: RecommendationState;
  claimed_from: 'accepted' | 'partially_accepted' | null;
  version: number;
  issued_at: Date;
  response_due_at: Date;
  responded_at: Date | null;
  target_date: string | null;
  created_by: string;
  updated_at: Date;
}

/** The columns the state machine decides on. */
export type SnapshotColumns = Pick<
  RecommendationRow,
  'state' | 'version' | 'priority' | 'issued_at' | 'response_due_at' | 'target_date' | 'claimed_from'
>;

/** A register row as the pure state machine (and the clocks) read it. */
export function recommendationSnapshotOf(r: SnapshotColumns): RecommendationSnapshot {
  return {
    state: r.state,
    version: r.version,
    priority: r.priority,
    issuedAt: r.issued_at,
    responseDueAt: r.response_due_at,
    targetDate: r.target_date,
    claimedFrom: r.claimed_from,
  };
}

export interface HistoryRow {
  version: number;
  at: Date;
  action: HistoryEntry['action'];
  actor_id: string;
  actor_role: Role;
  from_state: RecommendationState | null;
  to_state: RecommendationState;
  details: Record<string, string>;
}

export interface RecommendationListFilter {
  agencyId?: string;
  state?: RecommendationState;
  theme?: Theme;
  sourceKind?: SourceKind;
  /** Only those whose response is overdue or whose target date is missed at `now`. */
  overdueAt?: Date;
  afterId?: string;
  limit: number;
}

export interface NewRecommendation {
  id: string;
  agencyId: string;
  source: { kind: SourceKind; id: string | null };
  theme: Theme;
  text: string;
  repeatOf: string | null;
  snapshot: RecommendationSnapshot;
  createdBy: string;
}

/**
 * True for a recommendation `r` that is overdue at `now`: the register's `overdue=true` and the report's count, the
 * same conditions as isResponseOverdue and isTargetMissed in the domain.
 */
function overdueSql(params: SqlParams, now: Date): string {
  return `((r.state = 'issued' AND r.response_due_at < ${params.add(now)})
           OR (r.state IN ('accepted', 'partially_accepted') AND r.target_date < ${params.add(utcDate(now))}::date))`;
}

export interface RecommendationFiguresScope {
  /** A SQL subquery yielding the ids of the agencies to count for. */
  agencyIds: string;
  /** The period, `[from, to)`, in which the recommendations counted were issued. */
  from: Date;
  to: Date;
  /** The instant "overdue" and "open" are judged at. */
  now: Date;
}

/**
 * SPEC §12's figures for the agency report, grouped by agency: over the recommendations issued in the period and
 * readable by the caller, how many there are in each state now, open, overdue, the median days from issue to the
 * agency's response, and how many repeat an earlier one. A statement of its own or a subquery of the report.
 *
 * The response time is read from the history (the respond line; a recommendation has at most one, as respond
 * leaves `issued` and nothing leads back there, and a unique index holds it), not from the row's projection.
 */
export function recommendationFiguresSql(
  ability: AppAbility,
  params: SqlParams,
  scope: RecommendationFiguresScope,
): string {
  // Counted in two groupings: the counts hash-aggregate over every recommendation of the period; only the answered
  // ones (with the respond line) are sorted for the median. One grouping of both sorted every row of the period by
  // agency first (a third of the agency report's time at 100,000 recommendations).
  const inScope = () =>
    `r.agency_id IN ${scope.agencyIds}
             AND r.issued_at >= ${params.add(scope.from)}::timestamptz AND r.issued_at < ${params.add(scope.to)}::timestamptz
             AND ${accessibleSql(ability, 'read', 'Recommendation', COLUMNS, params)}`;
  return `SELECT c.agency_id, c.issued_in_period, c.by_state, c.open, c.overdue, m.days_to_respond,
                 coalesce(m.responded, 0)::int AS responded, c.repeats
            FROM (SELECT r.agency_id,
                         count(*)::int AS issued_in_period,
                         ${countsBySql('r.state', RECOMMENDATION_STATES)} AS by_state,
                         count(*) FILTER (WHERE r.state NOT IN ${keyListSql(FINAL_STATES)})::int AS open,
                         count(*) FILTER (WHERE ${overdueSql(params, scope.now)})::int AS overdue,
                         count(*) FILTER (WHERE r.repeat_of IS NOT NULL)::int AS repeats
                    FROM recommendations r
                   WHERE ${inScope()}
                   GROUP BY r.agency_id) c
            LEFT JOIN (SELECT r.agency_id, ${medianDaysSql('h.at - r.issued_at', 'true')} AS days_to_respond,
                              count(*) AS responded
                         FROM recommendations r
                         JOIN recommendation_history h ON h.recommendation_id = r.id AND h.action = 'respond'
                        WHERE ${inScope()}
                        GROUP BY r.agency_id) m ON m.agency_id = c.agency_id`;
}

/** The register and its history. Every read for a caller filters by the caller's rules in SQL. */
@Injectable()
export class RecommendationsRepository {
  /** Up to `limit + 1` recommendations the caller may read, in id order (the extra row tells whether a next page exists). */
  async listReadable(
    manager: EntityManager,
    ability: AppAbility,
    filter: RecommendationListFilter,
  ): Promise<RecommendationRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Recommendation', COLUMNS, params)];
    if (filter.agencyId) where.push(`r.agency_id = ${params.add(filter.agencyId)}`);
    if (filter.state) where.push(`r.state = ${params.add(filter.state)}`);
    if (filter.theme) where.push(`r.theme = ${params.add(filter.theme)}`);
    if (filter.sourceKind) where.push(`r.source_kind = ${params.add(filter.sourceKind)}`);
    if (filter.overdueAt) where.push(overdueSql(params, filter.overdueAt));
    if (filter.afterId) where.push(`r.id > ${params.add(filter.afterId)}`);
    return manager.query<RecommendationRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  async findReadable(manager: EntityManager, ability: AppAbility, id: string): Promise<RecommendationRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Recommendation', COLUMNS, params);
    const [row] = await manager.query<RecommendationRow[]>(
      `${SELECT} WHERE r.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return row;
  }

  /** Any recommendation, whoever asks (for checking a `repeatOf` the commissioner names). */
  async agencyOf(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row] = await manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM recommendations WHERE id = $1`, [
      id,
    ]);
    return row?.agency_id;
  }

  async history(manager: EntityManager, id: string): Promise<HistoryRow[]> {
    return manager.query<HistoryRow[]>(
      `SELECT version, at, action, actor_id, actor_role, from_state, to_state, details
         FROM recommendation_history WHERE recommendation_id = $1 ORDER BY version`,
      [id],
    );
  }

  async agencyKind(manager: EntityManager, agencyId: string): Promise<AgencyKind | undefined> {
    const [row] = await manager.query<{ kind: AgencyKind }[]>(`SELECT kind FROM agencies WHERE id = $1`, [agencyId]);
    return row?.kind;
  }

  /** Whether `reviewId` is a concluded review with a concern or disagreement about a decision `agencyId` made. */
  async isReviewSourceFor(manager: EntityManager, reviewId: string, agencyId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM reviews
        WHERE id = $1 AND deciding_agency_id = $2 AND concluded_at IS NOT NULL AND finding IN ('concern', 'disagree')`,
      [reviewId, agencyId],
    );
    return rows.length === 1;
  }

  /** A visit's state and the agency running its place now, whoever asks (the commissioner names the source). */
  async visitSource(manager: EntityManager, visitId: string): Promise<VisitSource | undefined> {
    const [row] = await manager.query<{ state: VisitSource['state']; place_agency_id: string }[]>(
      `SELECT v.state, p.agency_id AS place_agency_id FROM visits v JOIN places p ON p.id = v.place_id WHERE v.id = $1`,
      [visitId],
    );
    return row && { state: row.state, placeAgencyId: row.place_agency_id };
  }

  async insert(manager: EntityManager, r: NewRecommendation, entry: HistoryEntry, actorRole: Role): Promise<void> {
    const s = r.snapshot;
    await manager.query(
      `INSERT INTO recommendations (id, agency_id, source_kind, source_id, theme, priority, text, repeat_of, state,
                                    claimed_from, version, issued_at, response_due_at, target_date, created_by,
                                    updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $12)`,
      [
        r.id,
        r.agencyId,
        r.source.kind,
        r.source.id,
        r.theme,
        s.priority,
        r.text,
        r.repeatOf,
        s.state,
        s.claimedFrom,
        s.version,
        s.issuedAt,
        s.responseDueAt,
        s.targetDate,
        r.createdBy,
      ],
    );
    await this.appendHistory(manager, r.id, s.version, entry, actorRole);
  }

  /**
   * Writes the state `decide` returned if the recommendation is still at the
   * version it was decided on, and its history line; false, having written
   * nothing, when another writer got there first.
   */
  async applyTransition(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    next: RecommendationSnapshot,
    entry: HistoryEntry,
    actorRole: Role,
  ): Promise<boolean> {
    const [, changed] = await manager.query<[unknown[], number]>(
      `UPDATE recommendations
          SET state = $3, claimed_from = $4, target_date = $5, version = $6, updated_at = $7,
              responded_at = CASE WHEN $8 THEN $7 ELSE responded_at END
        WHERE id = $1 AND version = $2`,
      [
        id,
        expectedVersion,
        next.state,
        next.claimedFrom,
        next.targetDate,
        next.version,
        entry.at,
        entry.action === 'respond',
      ],
    );
    if (changed !== 1) return false;
    await this.appendHistory(manager, id, next.version, entry, actorRole);
    return true;
  }

  private async appendHistory(
    manager: EntityManager,
    id: string,
    version: number,
    entry: HistoryEntry,
    actorRole: Role,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO recommendation_history (id, recommendation_id, version, at, action, actor_id, actor_role, from_state,
                                           to_state, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        newId(),
        id,
        version,
        entry.at,
        entry.action,
        entry.by,
        actorRole,
        entry.fromState,
        entry.toState,
        JSON.stringify(entry.details),
      ],
    );
  }
}
