import type pg from 'pg';

/**
 * The report figures the rollups replace, counted straight from `cases` and `decision_records` the way the reports
 * counted them before the rollups existed. The rollup property test holds the two equal.
 */

export interface GroundTruthAgency {
  casesOwnedByState: Record<string, number>;
  decisionsMadeByType: Record<string, number>;
  durations: Record<'screening_to_referral' | 'referral_to_rg' | 'rg_to_cg', { medianDays: number | null; n: number }>;
}

const days = (interval: string) => `extract(epoch FROM (${interval})) / 86400.0`;
const median = (interval: string, filter: string) =>
  `round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(interval)}) FILTER (WHERE ${filter}))::numeric, 2)::float8`;

export async function agencyFiguresFromTables(
  db: pg.Pool,
  agencyIds: string[],
  period: { from: Date; to: Date },
): Promise<Map<string, GroundTruthAgency>> {
  const within = (column: string) => `(${column} >= $2 AND ${column} < $3)`;
  const rows = (
    await db.query<{
      id: string;
      by_state: Record<string, number> | null;
      by_type: Record<string, number> | null;
      [column: string]: unknown;
    }>(
      `WITH cases_by_state AS (
         SELECT c.agency_id, jsonb_object_agg(c.state, c.n) AS by_state
           FROM (SELECT agency_id, state, count(*)::int AS n FROM cases
                  WHERE agency_id = ANY($1) AND ${within('encounter_at')} GROUP BY 1, 2) c
          GROUP BY 1),
       decisions_by_type AS (
         SELECT d.agency_id, jsonb_object_agg(d.type, d.n) AS by_type
           FROM (SELECT deciding_agency_id AS agency_id, type, count(*)::int AS n FROM decision_records
                  WHERE deciding_agency_id = ANY($1) AND ${within('occurred_at')} GROUP BY 1, 2) d
          GROUP BY 1),
       milestones AS (
         SELECT d.case_id,
                min(d.occurred_at) FILTER (WHERE d.type = 'refer') AS referred_at,
                min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds') AS rg_at,
                min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds' AND d.outcome = 'positive') AS rg_positive_at,
                min(d.occurred_at) FILTER (WHERE d.type = 'conclusive_grounds') AS cg_at
           FROM decision_records d
          WHERE d.type IN ('refer', 'reasonable_grounds', 'conclusive_grounds') AND d.agency_id = ANY($1)
          GROUP BY d.case_id),
       durations AS (
         SELECT c.agency_id,
                ${median('m.referred_at - c.encounter_at', within('m.referred_at'))} AS screening_to_referral,
                count(*) FILTER (WHERE ${within('m.referred_at')})::int AS screening_to_referral_n,
                ${median('m.rg_at - m.referred_at', `${within('m.rg_at')} AND m.referred_at IS NOT NULL`)} AS referral_to_rg,
                count(*) FILTER (WHERE ${within('m.rg_at')} AND m.referred_at IS NOT NULL)::int AS referral_to_rg_n,
                ${median('m.cg_at - m.rg_positive_at', `${within('m.cg_at')} AND m.rg_positive_at IS NOT NULL`)} AS rg_to_cg,
                count(*) FILTER (WHERE ${within('m.cg_at')} AND m.rg_positive_at IS NOT NULL)::int AS rg_to_cg_n
           FROM milestones m JOIN cases c ON c.id = m.case_id
          GROUP BY c.agency_id)
       SELECT a.id, cs.by_state, dt.by_type, du.*
         FROM unnest($1::uuid[]) AS a(id)
         LEFT JOIN cases_by_state cs ON cs.agency_id = a.id
         LEFT JOIN decisions_by_type dt ON dt.agency_id = a.id
         LEFT JOIN durations du ON du.agency_id = a.id`,
      [agencyIds, period.from, period.to],
    )
  ).rows;
  const step = (r: Record<string, unknown>, name: string) => ({
    medianDays: (r[name] as number | null) ?? null,
    n: (r[`${name}_n`] as number | null) ?? 0,
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        casesOwnedByState: r.by_state ?? {},
        decisionsMadeByType: r.by_type ?? {},
        durations: {
          screening_to_referral: step(r, 'screening_to_referral'),
          referral_to_rg: step(r, 'referral_to_rg'),
          rg_to_cg: step(r, 'rg_to_cg'),
        },
      },
    ]),
  );
}

/** Numerator and denominator per agency of each consistency metric that reads cases and decisions. */
export const CONSISTENCY_FROM_TABLES: Record<string, (agencyColumn: string) => string> = {
  referral_rate: (agency) => `
    SELECT d.${agency} AS agency_id, count(*) FILTER (WHERE d.type = 'refer') AS numerator, count(*) AS denominator
      FROM decision_records d
     WHERE d.type IN ('refer', 'decline_referral') AND d.occurred_at >= $1 AND d.occurred_at < $2 GROUP BY 1`,
  detention_rate: () => `
    SELECT c.agency_id,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM decision_records d WHERE d.case_id = c.id AND d.type = 'detain')) AS numerator,
           count(*) AS denominator
      FROM cases c WHERE c.encounter_at >= $1 AND c.encounter_at < $2 GROUP BY 1`,
  rg_positive_rate: (agency) => positiveOf('reasonable_grounds', 'positive', agency),
  cg_positive_rate: (agency) => positiveOf('conclusive_grounds', 'positive', agency),
  reconsideration_overturn_rate: (agency) => positiveOf('reconsider', 'overturned', agency),
};

function positiveOf(type: string, outcome: string, agency: string): string {
  return `
    SELECT d.${agency} AS agency_id, count(*) FILTER (WHERE d.outcome = '${outcome}') AS numerator, count(*) AS denominator
      FROM decision_records d WHERE d.type = '${type}' AND d.occurred_at >= $1 AND d.occurred_at < $2 GROUP BY 1`;
}
