import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParams } from '../../authz/domain/rules-to-sql.js';
import { analyticsQuery } from '../../database/analytics-query.js';
import type { AgencyKind } from '../../authz/domain/roles.js';
import type { AgencyCount, ConsistencyGrouping, ConsistencyMetric } from '../domain/consistency.js';
import type { Window } from '../domain/rollup-period.js';
import { rollupRowsSql } from './report-rollups.js';

/**
 * Numerator and denominator per agency for each consistency metric (SPEC §14), one grouped statement each, from the
 * report rollups (`report-rollups.ts`); the reviews are few enough to count as they are. `agency` is the rollup
 * column the grouping counts under; the agency side is a plain list of kinds, so every compared agency is a row even
 * with nothing to count (the funnel lists it as `no_data`).
 */
const COUNTS: Record<ConsistencyMetric, (agency: string, period: Window, params: SqlParams) => string> = {
  referral_rate: (agency, period, params) => `
    SELECT ${agency} AS agency_id,
           sum(n) FILTER (WHERE key = 'refer') AS numerator, sum(n) AS denominator
      FROM (${rollupRowsSql('decision', period, params)}) r
     WHERE key IN ('refer', 'decline_referral')
     GROUP BY 1`,
  detention_rate: (_agency, period, params) => `
    SELECT agency_id, sum(n) FILTER (WHERE detained) AS numerator, sum(n) FILTER (WHERE NOT detained) AS denominator
      FROM (SELECT agency_id, n, true AS detained FROM (${rollupRowsSql('detained_case', period, params)}) d
            UNION ALL
            SELECT agency_id, n, false FROM (${rollupRowsSql('case', period, params)}) c) r
     GROUP BY 1`,
  rg_positive_rate: (agency, period, params) => positiveOf('reasonable_grounds', 'positive', agency, period, params),
  cg_positive_rate: (agency, period, params) => positiveOf('conclusive_grounds', 'positive', agency, period, params),
  reconsideration_overturn_rate: (agency, period, params) =>
    positiveOf('reconsider', 'overturned', agency, period, params),
  review_disagreement_rate: (_agency, period, params) => `
    SELECT r.deciding_agency_id AS agency_id,
           count(*) FILTER (WHERE r.finding IN ('concern', 'disagree')) AS numerator, count(*) AS denominator
      FROM reviews r
     WHERE r.run_id IS NOT NULL AND r.concluded_at >= ${params.add(period.from)}::timestamptz
       AND r.concluded_at < ${params.add(period.to)}::timestamptz
     GROUP BY 1`,
};

function positiveOf(type: string, outcome: string, agency: string, period: Window, params: SqlParams): string {
  return `
    SELECT ${agency} AS agency_id,
           sum(n) FILTER (WHERE detail = '${outcome}') AS numerator, sum(n) AS denominator
      FROM (${rollupRowsSql('decision', period, params)}) r
     WHERE key = '${type}'
     GROUP BY 1`;
}

/** The rollup's `agency_id` is the agency that owns the case; `other_agency_id` the one that decided. */
const DECISION_AGENCY: Record<ConsistencyGrouping, string> = {
  case_agency: 'agency_id',
  deciding_agency: 'other_agency_id',
};

@Injectable()
export class ConsistencyQueries {
  constructor(private readonly db: DataSource) {}

  /** Every agency of the compared kinds, with its counts (zeros when it has none), in code order. */
  async counts(
    metric: ConsistencyMetric,
    grouping: ConsistencyGrouping,
    kinds: readonly AgencyKind[],
    period: Window,
  ): Promise<AgencyCount[]> {
    const params = new SqlParams();
    const counts = COUNTS[metric](DECISION_AGENCY[grouping], period, params);
    const rows = await analyticsQuery<{ id: string; code: string; numerator: number; denominator: number }[]>(
      this.db,
      `WITH counts AS (${counts})
       SELECT a.id, a.code, coalesce(k.numerator, 0)::int AS numerator, coalesce(k.denominator, 0)::int AS denominator
         FROM agencies a LEFT JOIN counts k ON k.agency_id = a.id
        WHERE a.kind = ANY(${params.add(kinds)})
        ORDER BY lower(a.code), a.id`,
      params.values,
    );
    return rows.map((r) => ({ agencyId: r.id, code: r.code, numerator: r.numerator, denominator: r.denominator }));
  }
}
