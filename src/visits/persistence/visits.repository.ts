import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import type { ConsideredPlace, RiskInputs } from '../domain/visit-plan.js';
import type { VisitState } from '../domain/visit-workflow.js';

export interface VisitRow {
  id: string;
  plan_id: string | null;
  place_id: string;
  agency_id: string;
  day: string;
  state: VisitState;
  version: number;
  team: string[];
  started_at: Date | null;
  reported_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  summary: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface FindingRow {
  id: string;
  visit_id: string;
  text: string;
  severity: 'info' | 'concern' | 'serious';
  case_ids: string[];
  recorded_by: string;
  recorded_at: Date;
}

export interface PlanRow {
  id: string;
  from_day: string;
  to_day: string;
  count: number;
  seed_ciphertext: Buffer;
  seed_key_id: string;
  digest: string;
  places: ConsideredPlace[];
  created_by: string;
  created_at: Date;
}

export interface VisitListFilter {
  state?: VisitState;
  placeId?: string;
  agencyId?: string;
  planId?: string;
  afterId?: string;
  limit: number;
}

/** Dates as text: a `date` column read into a JS Date would shift with the server's time zone. */
const VISIT_SELECT = `v.id, v.plan_id, v.place_id, v.agency_id, to_char(v.day, 'YYYY-MM-DD') AS day, v.state, v.version,
  v.team::text[] AS team, v.started_at, v.reported_at, v.cancelled_at, v.cancel_reason, v.summary, v.created_at,
  v.updated_at`;

/**
 * How the Visit subject's attributes read in SQL, for this caller (`onTeam` depends on who asks). A getter: the
 * caller's id becomes a parameter only when a rule uses it, since PostgreSQL refuses a parameter it never sees.
 */
export function visitColumns(actorId: string, params: SqlParams): SqlColumns<'Visit'> {
  return {
    agencyId: 'v.agency_id',
    started: '(v.started_at IS NOT NULL)',
    reported: `(v.state = 'reported')`,
    get onTeam() {
      return `(${params.add(actorId)}::text = ANY(v.team::text[]))`;
    },
  };
}

@Injectable()
export class VisitsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Every active place with the figures its risk comes from, as of `now`, in one statement: people detained
   * there now, detention alerts about episodes there in the last 180 days, whole days since its last started
   * visit (null: never), and its operator's share of concern/disagree findings among its concluded reviews.
   */
  async riskInputs(manager: EntityManager, now: Date): Promise<{ id: string; inputs: RiskInputs }[]> {
    const rows = await manager.query<
      { id: string; detained: number; alerts: number; days: number | null; share: number }[]
    >(
      `WITH share AS (
         -- Findings about decisions the agency made (the deciding agency, as for reports and sampling), of sampled
         -- reviews only: a complaint's referral picks what it reviews, so it is no fair share (§5).
         SELECT deciding_agency_id AS agency_id,
                (count(*) FILTER (WHERE finding IN ('concern', 'disagree')))::float8 / count(*) AS share
           FROM reviews WHERE finding IS NOT NULL AND run_id IS NOT NULL GROUP BY deciding_agency_id
       ), detained AS (
         SELECT place_id, count(*)::int AS n FROM detention_episodes
          WHERE released_at IS NULL AND place_id IS NOT NULL GROUP BY place_id
       ), alerted AS (
         SELECT e.place_id, count(*)::int AS n
           FROM alerts a JOIN detention_episodes e ON e.id = a.subject_id
          WHERE a.subject_type = 'detention_episode' AND a.raised_at > $1::timestamptz - interval '180 days'
            AND e.place_id IS NOT NULL
          GROUP BY e.place_id
       ), visited AS (
         SELECT place_id, max(started_at) AS last FROM visits WHERE started_at IS NOT NULL GROUP BY place_id
       )
       SELECT p.id, coalesce(d.n, 0) AS detained, coalesce(al.n, 0) AS alerts,
              floor(extract(epoch FROM $1::timestamptz - v.last) / 86400)::int AS days,
              coalesce(s.share, 0)::float8 AS share
         FROM places p
         LEFT JOIN share s ON s.agency_id = p.agency_id
         LEFT JOIN detained d ON d.place_id = p.id
         LEFT JOIN alerted al ON al.place_id = p.id
         LEFT JOIN visited v ON v.place_id = p.id
        WHERE p.active
        ORDER BY p.id`,
      [now],
    );
    return rows.map((r) => ({
      id: r.id,
      inputs: {
        detainedNow: r.detained,
        alertsLast180Days: r.alerts,
        daysSinceLastVisit: r.days === null ? null : Math.max(0, r.days),
        agencyConcernShare: r.share,
      },
    }));
  }

  /** The operating agency of each place, for the visits of a plan. */
  async agenciesOf(manager: EntityManager, placeIds: string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; agency_id: string }[]>(
      `SELECT id, agency_id FROM places WHERE id = ANY($1::uuid[])`,
      [placeIds],
    );
    return new Map(rows.map((r) => [r.id, r.agency_id]));
  }

  async insertPlan(manager: EntityManager, plan: PlanRow): Promise<void> {
    await manager.query(
      `INSERT INTO visit_plans (id, from_day, to_day, count, seed_ciphertext, seed_key_id, digest, places, created_by,
                                created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        plan.id,
        plan.from_day,
        plan.to_day,
        plan.count,
        plan.seed_ciphertext,
        plan.seed_key_id,
        plan.digest,
        JSON.stringify(plan.places),
        plan.created_by,
        plan.created_at,
      ],
    );
  }

  async insertVisits(manager: EntityManager, visits: VisitRow[]): Promise<void> {
    if (visits.length === 0) return;
    await manager.query(
      `INSERT INTO visits (id, plan_id, place_id, agency_id, day, state, version, team, created_at, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::int[])
              AS v(id, plan_id, place_id, agency_id, day, state, version)
              CROSS JOIN LATERAL (SELECT '{}'::uuid[], $8::timestamptz, $8::timestamptz) t`,
      [
        visits.map((v) => v.id),
        visits.map((v) => v.plan_id),
        visits.map((v) => v.place_id),
        visits.map((v) => v.agency_id),
        visits.map((v) => v.day),
        visits.map((v) => v.state),
        visits.map((v) => v.version),
        visits[0].created_at,
      ],
    );
  }

  async listPlans(afterId: string | undefined, limit: number): Promise<PlanRow[]> {
    return this.db.query<PlanRow[]>(
      `SELECT ${PLAN_SELECT} FROM visit_plans p ${afterId ? 'WHERE p.id < $2' : ''} ORDER BY p.id DESC LIMIT $1`,
      afterId ? [limit + 1, afterId] : [limit + 1],
    );
  }

  async findPlan(id: string): Promise<PlanRow | undefined> {
    const rows = await this.db.query<PlanRow[]>(`SELECT ${PLAN_SELECT} FROM visit_plans p WHERE p.id = $1`, [id]);
    return rows[0];
  }

  async listReadable(ability: AppAbility, actorId: string, filter: VisitListFilter): Promise<VisitRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Visit', visitColumns(actorId, params), params)];
    if (filter.state) where.push(`v.state = ${params.add(filter.state)}`);
    if (filter.placeId) where.push(`v.place_id = ${params.add(filter.placeId)}`);
    if (filter.agencyId) where.push(`v.agency_id = ${params.add(filter.agencyId)}`);
    if (filter.planId) where.push(`v.plan_id = ${params.add(filter.planId)}`);
    if (filter.afterId) where.push(`v.id > ${params.add(filter.afterId)}`);
    return this.db.query<VisitRow[]>(
      `SELECT ${VISIT_SELECT} FROM visits v WHERE ${where.join(' AND ')}
        ORDER BY v.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  async findReadable(
    ability: AppAbility,
    actorId: string,
    id: string,
    manager: EntityManager | DataSource = this.db,
  ): Promise<VisitRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Visit', visitColumns(actorId, params), params);
    const rows = await manager.query<VisitRow[]>(
      `SELECT ${VISIT_SELECT} FROM visits v WHERE v.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return rows[0];
  }

  /** Writes the visit's new state if it is still at `expectedVersion`; false (nothing written) otherwise. */
  async update(manager: EntityManager, expectedVersion: number, v: VisitRow): Promise<boolean> {
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE visits SET state = $3, version = $4, team = $5::uuid[], started_at = $6, reported_at = $7,
                         cancelled_at = $8, cancel_reason = $9, summary = $10, updated_at = $11
        WHERE id = $1 AND version = $2`,
      [
        v.id,
        expectedVersion,
        v.state,
        v.version,
        v.team,
        v.started_at,
        v.reported_at,
        v.cancelled_at,
        v.cancel_reason,
        v.summary,
        v.updated_at,
      ],
    );
    return affected === 1;
  }

  async insertFinding(manager: EntityManager, f: FindingRow): Promise<void> {
    await manager.query(
      `INSERT INTO visit_findings (id, visit_id, text, severity, case_ids, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7)`,
      [f.id, f.visit_id, f.text, f.severity, f.case_ids, f.recorded_by, f.recorded_at],
    );
  }

  async findings(visitIds: string[], manager: EntityManager | DataSource = this.db): Promise<FindingRow[]> {
    if (visitIds.length === 0) return [];
    return manager.query<FindingRow[]>(
      `SELECT id, visit_id, text, severity, case_ids::text[] AS case_ids, recorded_by, recorded_at
         FROM visit_findings WHERE visit_id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
      [visitIds],
    );
  }

  /** Of `caseIds`, those a finding at the place may name: detained there now, or a case of its agency. */
  async casesOfPlace(manager: EntityManager, caseIds: string[], placeId: string, agencyId: string) {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM cases c
        WHERE c.id = ANY($1::uuid[])
          AND (c.agency_id = $3 OR EXISTS (SELECT 1 FROM detention_episodes e
                                            WHERE e.case_id = c.id AND e.place_id = $2 AND e.released_at IS NULL))`,
      [caseIds, placeId, agencyId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The reviewers among `ids`, with the agencies they have a conflict with. */
  async reviewers(manager: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const rows = await manager.query<{ id: string; conflicts: string[] }[]>(
      `SELECT id, conflict_agency_ids::text[] AS conflicts FROM users WHERE id = ANY($1::uuid[]) AND role = 'reviewer'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.conflicts]));
  }

  async placeForVisit(
    manager: EntityManager,
    placeId: string,
  ): Promise<{ agency_id: string; active: boolean } | undefined> {
    const rows = await manager.query<{ agency_id: string; active: boolean }[]>(
      `SELECT agency_id, active FROM places WHERE id = $1`,
      [placeId],
    );
    return rows[0];
  }
}

export interface RollRow {
  case_id: string;
  external_ref: string;
  state: string;
  agency_id: string;
  ever_referred: boolean;
  detained_at: Date;
  legal_basis: string;
  open_alerts: number;
  pii_ciphertext: Buffer | null;
  pii_key_id: string | null;
}

/**
 * Everyone detained at the place now: one statement on the partial index of open episodes by place
 * (detention_episodes_open_place_idx), the open alerts counted per case on alerts_case_idx. The PII columns are
 * fetched only when asked for.
 */
export async function detentionRoll(
  db: DataSource | EntityManager,
  placeId: string,
  withPii: boolean,
): Promise<RollRow[]> {
  return db.query<RollRow[]>(
    `SELECT c.id AS case_id, c.external_ref, c.state, c.agency_id, c.ever_referred, e.detained_at, e.legal_basis,
            (SELECT count(*)::int FROM alerts a WHERE a.case_id = c.id AND a.status = 'open') AS open_alerts,
            ${withPii ? 'c.pii_ciphertext, c.pii_key_id' : 'NULL::bytea AS pii_ciphertext, NULL AS pii_key_id'}
       FROM detention_episodes e JOIN cases c ON c.id = e.case_id
      WHERE e.place_id = $1 AND e.released_at IS NULL
      ORDER BY e.detained_at, c.id`,
    [placeId],
  );
}

const PLAN_SELECT = `p.id, to_char(p.from_day, 'YYYY-MM-DD') AS from_day, to_char(p.to_day, 'YYYY-MM-DD') AS to_day,
  p.count, p.seed_ciphertext, p.seed_key_id, p.digest, p.places, p.created_by, p.created_at`;
