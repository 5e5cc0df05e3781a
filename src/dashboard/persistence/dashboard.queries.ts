import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import { CASE_COLUMNS } from '../../cases/persistence/cases.repository.js';
import { utcDate } from '../../recommendations/domain/recommendation-workflow.js';
import { visitColumns } from '../../visits/persistence/visits.repository.js';

const ALERT: SqlColumns<'Alert'> = { agencyId: 'al.agency_id', commissionerOnly: 'al.commissioner_only' };
const RECOMMENDATION: SqlColumns<'Recommendation'> = { agencyId: 'r.agency_id' };
/** The Review subject's attributes in `review_counts` (kept per value of each). */
const REVIEW_COUNTS: SqlColumns<'Review'> = {
  agencyId: 'r.deciding_agency_id',
  caseAgencyId: 'r.case_agency_id',
  concluded: 'r.concluded',
  assignedReviewerId: 'r.assigned_reviewer_id',
};

export interface DashboardCounts {
  alerts_critical: number;
  alerts_high: number;
  past_screening_limit: number;
  past_max_detention: number;
  reviews_awaiting_conclusion: number;
  reviews_awaiting_response: number;
  recommendations_awaiting_response: number;
  recommendations_past_target: number;
  visits_due: number;
}

export interface DashboardLimits {
  now: Date;
  screeningMaxHours: number;
  maxDetentionDays: number;
}

/**
 * The dashboard's counts in one statement, each through the caller's own read rules on what it counts (SPEC §15),
 * so a count never includes a row the caller's list would not show. Every count reads the few rows open now by an
 * index (open alerts; the detained — a case's `detained_since` is its open episode's start —; recommendations by
 * state; planned visits), or, for reviews, whose open ones are a whole sample, the counts `review_counts` keeps per
 * status and per value of what the read rules look at (migration CountReviews). "Due": a planned visit whose day has
 * come and that has not started.
 */
@Injectable()
export class DashboardQueries {
  constructor(private readonly db: DataSource) {}

  async counts(ability: AppAbility, actorId: string, limits: DashboardLimits): Promise<DashboardCounts> {
    const params = new SqlParams();
    const now = `${params.add(limits.now)}::timestamptz`;
    const today = `${params.add(utcDate(limits.now))}::date`;
    const alerts = accessibleSql(ability, 'read', 'Alert', ALERT, params);
    const cases = accessibleSql(ability, 'read', 'Case', CASE_COLUMNS, params);
    const reviews = accessibleSql(ability, 'read', 'Review', REVIEW_COUNTS, params);
    const recommendations = accessibleSql(ability, 'read', 'Recommendation', RECOMMENDATION, params);
    const visits = accessibleSql(ability, 'read', 'Visit', visitColumns(actorId, params), params);
    const screening = `${params.add(limits.screeningMaxHours)} * interval '1 hour'`;
    const detention = `${params.add(limits.maxDetentionDays)} * interval '1 day'`;
    const [row] = await this.db.query<DashboardCounts[]>(
      `SELECT
         (SELECT count(*) FROM alerts al WHERE al.status = 'open' AND al.severity = 'critical' AND ${alerts})::int
           AS alerts_critical,
         (SELECT count(*) FROM alerts al WHERE al.status = 'open' AND al.severity = 'high' AND ${alerts})::int
           AS alerts_high,
         (SELECT count(*) FROM cases c
           WHERE c.detained_since < ${now} - ${screening} AND c.state = 'screening' AND ${cases})::int
           AS past_screening_limit,
         (SELECT count(*) FROM cases c WHERE c.detained_since < ${now} - ${detention} AND ${cases})::int
           AS past_max_detention,
         (SELECT coalesce(sum(r.n), 0) FROM review_counts r
           WHERE r.status IN ('pending', 'assigned') AND ${reviews})::int AS reviews_awaiting_conclusion,
         (SELECT coalesce(sum(r.n), 0) FROM review_counts r WHERE r.status = 'awaiting_response' AND ${reviews})::int
           AS reviews_awaiting_response,
         (SELECT count(*) FROM recommendations r WHERE r.state = 'issued' AND ${recommendations})::int
           AS recommendations_awaiting_response,
         (SELECT count(*) FROM recommendations r
           WHERE r.state IN ('accepted', 'partially_accepted') AND r.target_date < ${today}
             AND ${recommendations})::int AS recommendations_past_target,
         (SELECT count(*) FROM visits v WHERE v.state = 'planned' AND v.day <= ${today} AND ${visits})::int
           AS visits_due`,
      params.values,
    );
    return row;
  }
}
