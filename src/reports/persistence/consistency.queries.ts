import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyKind } from '../../authz/domain/roles.js';
import type { AgencyCount, ConsistencyGrouping, ConsistencyMetric } from '../domain/consistency.js';

interface Window {
  from: Date;
  to: Date;
}

/**
 * Numerator and denominator per agency for each consistency metric (SPEC §14), one grouped statement each. `$1`,
 * `$2` are the half-open period; the agency side is a plain list of kinds, so every compared agency is a row even
 * with nothing to count (the funnel lists it as `no_data`).
 */
const COUNTS: Record<ConsistencyMetric, (agency: string) => string> = {
  referral_rate: (agency) => `
    SELECT d.${agency} AS agency_id,
           count(*) FILTER (WHERE d.type = 'refer') AS numerator, count(*) AS denominator
      FROM decision_records d
     WHERE d.type IN ('refer', 'decline_referral') AND d.occurred_at >= $1 AND d.occurred_at < $2
     GROUP BY 1`,
  detention_rate: () => `
    SELECT c.agency_id,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM decision_records d
                                           WHERE d.case_id = c.id AND d.type = 'detain')) AS numerator,
           count(*) AS denominator
      FROM cases c
     WHERE c.encounter_at >= $1 AND c.encounter_at < $2
     GROUP BY 1`,
  rg_positive_rate: (agency) => positiveOf('reasonable_grounds', 'positive', agency),
  cg_positive_rate: (agency) => positiveOf('conclusive_grounds', 'positive', agency),
  reconsideration_overturn_rate: (agency) => positiveOf('reconsider', 'overturned', agency),
  review_disagreement_rate: () => `
    SELECT r.deciding_agency_id AS agency_id,
           count(*) FILTER (WHERE r.finding IN ('concern', 'disagree')) AS numerator, count(*) AS denominator
      FROM reviews r
     WHERE r.run_id IS NOT NULL AND r.concluded_at >= $1 AND r.concluded_at < $2
     GROUP BY 1`,
};

function positiveOf(type: string, outcome: string, agency: string): string {
  return `
    SELECT d.${agency} AS agency_id,
           count(*) FILTER (WHERE d.outcome = '${outcome}') AS numerator, count(*) AS denominator
      FROM decision_records d
     WHERE d.type = '${type}' AND d.occurred_at >= $1 AND d.occurred_at < $2
     GROUP BY 1`;
}

/** `decision_records.agency_id` is the agency that owns the case; `deciding_agency_id` the one that decided. */
const DECISION_AGENCY: Record<ConsistencyGrouping, string> = {
  case_agency: 'agency_id',
  deciding_agency: 'deciding_agency_id',
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
    const rows = await this.db.query<{ id: string; code: string; numerator: number; denominator: number }[]>(
      `WITH counts AS (${COUNTS[metric](DECISION_AGENCY[grouping])})
       SELECT a.id, a.code, coalesce(k.numerator, 0)::int AS numerator, coalesce(k.denominator, 0)::int AS denominator
         FROM agencies a LEFT JOIN counts k ON k.agency_id = a.id
        WHERE a.kind = ANY($3)
        ORDER BY lower(a.code), a.id`,
      [period.from, period.to, kinds],
    );
    return rows.map((r) => ({ agencyId: r.id, code: r.code, numerator: r.numerator, denominator: r.denominator }));
  }
}
