import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnresolvedAlert } from '../domain/alert-diff.js';
import type { AlertRule } from '../domain/alert-rules.js';
import type { AwaitingResponse, Resolution, ResolveReason } from '../domain/overdue-scan.js';
import type { OpenDetention, OpenVisit } from '../domain/overdue-rules.js';
import type { OpenComplaint } from '../domain/complaint-clocks.js';
import type { RecommendationClock } from '../domain/recommendation-clocks.js';
import { utcDate } from '../../recommendations/domain/recommendation-workflow.js';
import {
  recommendationSnapshotOf,
  type SnapshotColumns,
} from '../../recommendations/persistence/recommendations.repository.js';

const SCAN_LOCK = 7_270_004;

/**
 * Every open detention episode with its case's state: two index-only scans joined in memory (the covering partial
 * indexes on open episodes and on detained cases), not a heap fetch per episode and per case. A case row whose
 * detained_since disagrees with an open episode (which verification reports) is still read, by its primary key.
 */
export const OPEN_DETENTIONS_SQL = `WITH open AS MATERIALIZED (
    SELECT id, case_id, agency_id, detained_at FROM detention_episodes WHERE released_at IS NULL)
  SELECT o.id, o.case_id, o.agency_id, o.detained_at, c.state, c.state_entered_at, c.referred_at
    FROM open o JOIN cases c ON c.id = o.case_id AND c.detained_since IS NOT NULL
  UNION ALL
  SELECT o.id, o.case_id, o.agency_id, o.detained_at, c.state, c.state_entered_at, c.referred_at
    FROM open o CROSS JOIN LATERAL (SELECT state, state_entered_at, referred_at FROM cases WHERE id = o.case_id) c
   WHERE NOT EXISTS (SELECT 1 FROM cases d WHERE d.id = o.case_id AND d.detained_since IS NOT NULL)`;

export interface ResolvedAlert {
  id: string;
  rule: AlertRule;
  reason: ResolveReason;
}

export interface UnescalatedAlert {
  id: string;
  rule: AlertRule;
  caseId: string | null;
  agencyId: string;
}

/** What the overdue scan reads and writes; every method runs in the scan's transaction. */
@Injectable()
export class OverdueScanRepository {
  /** Held until the transaction ends, so a manual scan and a scheduled one cannot interleave. */
  async serialiseScans(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SCAN_LOCK]);
  }

  /**
   * Held by an action that ends a clock, until its transaction ends: actions do not wait for each other, but a scan
   * running now finishes first (so the alert it raises is there to resolve), and a scan starting now waits and then
   * sees the action's new state.
   */
  async waitForScan(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SCAN_LOCK]);
  }

  /**
   * Recommendations that may be late at `now` — read through the partial indexes on the two clocks, a superset:
   * at the boundary instant and day the domain's isResponseOverdue/isTargetMissed decide — and those named in
   * `alsoIds` (the subjects of unresolved alerts, whose state says why an alert ends).
   */
  async recommendationClocks(
    manager: EntityManager,
    now: Date,
    alsoIds: readonly string[],
  ): Promise<RecommendationClock[]> {
    const rows = await manager.query<RecommendationClockRow[]>(
      `${RECOMMENDATION_CLOCK}
        WHERE (r.state = 'issued' AND r.response_due_at <= $1)
           OR (r.state IN ('accepted', 'partially_accepted') AND r.target_date <= $2::date)
           OR r.id = ANY($3::uuid[])
        ORDER BY r.id`,
      [now, utcDate(now), alsoIds],
    );
    return rows.map(toRecommendationClock);
  }

  /** Complaints waiting for their triage, through the partial index on them (a handful at any time). */
  async openComplaints(manager: EntityManager): Promise<OpenComplaint[]> {
    const rows = await manager.query<{ id: string; agency_id: string; received_at: Date }[]>(
      `SELECT id, agency_ids[1] AS agency_id, received_at FROM complaints WHERE state = 'received' ORDER BY id`,
    );
    return rows.map((r) => ({ complaintId: r.id, agencyId: r.agency_id, receivedAt: r.received_at }));
  }

  /** Visits whose clocks run: planned or in progress (a handful per place a year, so read whole). */
  async openVisits(manager: EntityManager): Promise<OpenVisit[]> {
    const rows = await manager.query<
      { id: string; agency_id: string; state: OpenVisit['state']; day: string; started_at: Date | null }[]
    >(
      `SELECT id, agency_id, state, to_char(day, 'YYYY-MM-DD') AS day, started_at FROM visits
        WHERE state IN ('planned', 'in_progress') ORDER BY id`,
    );
    return rows.map((r) => ({
      visitId: r.id,
      agencyId: r.agency_id,
      state: r.state,
      day: r.day,
      startedAt: r.started_at,
    }));
  }

  /** Every open detention episode with its case's facts (OPEN_DETENTIONS_SQL). */
  async openDetentions(manager: EntityManager): Promise<OpenDetention[]> {
    const rows = await manager.query<
      {
        id: string;
        case_id: string;
        agency_id: string;
        detained_at: Date;
        state: string;
        state_entered_at: Date;
        referred_at: Date | null;
      }[]
    >(OPEN_DETENTIONS_SQL);
    return rows.map((d) => ({
      episodeId: d.id,
      caseId: d.case_id,
      agencyId: d.agency_id,
      detainedAt: d.detained_at,
      state: d.state,
      stateEnteredAt: d.state_entered_at,
      referredAt: d.referred_at,
    }));
  }

  /** Reviews awaiting the deciding agency's response whose due instant lies before `now`; the alert is that agency's. */
  async responsesDueBefore(manager: EntityManager, now: Date): Promise<AwaitingResponse[]> {
    const rows = await manager.query<{ id: string; case_id: string; agency_id: string; response_due_at: Date }[]>(
      `SELECT id, case_id, deciding_agency_id AS agency_id, response_due_at FROM reviews
          WHERE status = 'awaiting_response' AND response_due_at < $1`,
      [now],
    );
    return rows.map((r) => ({
      reviewId: r.id,
      caseId: r.case_id,
      agencyId: r.agency_id,
      responseDueAt: r.response_due_at,
    }));
  }

  /** Open and acknowledged alerts of these rules (few: the steady state diffs against them, not the database). */
  async unresolvedAlerts(manager: EntityManager, rules: readonly AlertRule[]): Promise<UnresolvedAlert[]> {
    const rows = await manager.query<UnresolvedRow[]>(
      `SELECT id, rule, subject_id, subject_key FROM alerts WHERE status <> 'resolved' AND rule = ANY($1)`,
      [rules],
    );
    return rows.map(toUnresolved);
  }

  /** Open and acknowledged alerts about one subject (through the partial index on unresolved alerts). */
  async unresolvedAlertsAbout(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
  ): Promise<UnresolvedAlert[]> {
    const rows = await manager.query<UnresolvedRow[]>(
      `SELECT id, rule, subject_id, subject_key FROM alerts
        WHERE status <> 'resolved' AND subject_type = $1 AND subject_id = $2`,
      [subjectType, subjectId],
    );
    return rows.map(toUnresolved);
  }

  /** Resolves each alert with its reason, unless something resolved it meanwhile; returns those it resolved. */
  async resolveAlerts(manager: EntityManager, resolutions: readonly Resolution[], now: Date): Promise<ResolvedAlert[]> {
    if (resolutions.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, affected count], not with the rows alone.
    const [resolved] = await manager.query<[ResolvedAlert[], number]>(
      `UPDATE alerts a
          SET status = 'resolved', resolved_at = $3, resolved_reason = r.reason
         FROM unnest($1::uuid[], $2::text[]) AS r(id, reason)
        WHERE a.id = r.id AND a.status <> 'resolved'
        RETURNING a.id, a.rule, a.resolved_reason AS reason`,
      [resolutions.map((r) => r.id), resolutions.map((r) => r.reason), now],
    );
    return resolved;
  }

  /** Alerts nobody acknowledged, raised at or before `raisedBy`, that were never escalated. */
  async unescalatedOpenAlerts(manager: EntityManager, raisedBy: Date): Promise<UnescalatedAlert[]> {
    const rows = await manager.query<{ id: string; rule: AlertRule; case_id: string | null; agency_id: string }[]>(
      `SELECT a.id, a.rule, a.case_id, a.agency_id FROM alerts a
          WHERE a.status = 'open' AND a.raised_at <= $1
            AND NOT EXISTS (SELECT 1 FROM alert_notifications n WHERE n.alert_id = a.id AND n.kind = 'escalation')`,
      [raisedBy],
    );
    return rows.map((a) => ({ id: a.id, rule: a.rule, caseId: a.case_id, agencyId: a.agency_id }));
  }
}

interface UnresolvedRow {
  id: string;
  rule: AlertRule;
  subject_id: string;
  subject_key: string;
}

function toUnresolved(a: UnresolvedRow): UnresolvedAlert {
  return { id: a.id, rule: a.rule, subjectId: a.subject_id, subjectKey: a.subject_key };
}

/** `target_date` as text: a calendar date must not pass through a JavaScript Date and a time zone. */
const RECOMMENDATION_CLOCK = `SELECT r.id, r.agency_id, r.state, r.version, r.priority, r.issued_at, r.response_due_at,
                                    r.target_date::text AS target_date, r.claimed_from
                               FROM recommendations r`;

type RecommendationClockRow = SnapshotColumns & { id: string; agency_id: string };

function toRecommendationClock(r: RecommendationClockRow): RecommendationClock {
  return {
    recommendationId: r.id,
    agencyId: r.agency_id,
    snapshot: recommendationSnapshotOf(r),
  };
}
