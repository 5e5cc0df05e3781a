import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlParams } from '../../authz/domain/rules-to-sql.js';
import { splitPeriod, type Window } from '../domain/rollup-period.js';

/**
 * Reads of the report rollups (migration AddReportRollups says how they are kept). Every read is exact: whole UTC
 * days from the folded rollups plus the delta lines not yet folded, part days at the period's ends from the tables.
 */
export type RollupMeasure = 'decision' | 'case' | 'detained_case' | 'step';

/** The rows each measure counts, as `(agency_id, other_agency_id, key, detail)` of one row each, and its time column. */
const SOURCE: Record<RollupMeasure, { rows: string; at: string }> = {
  decision: {
    rows: `SELECT agency_id, deciding_agency_id AS other_agency_id, type AS key, coalesce(outcome, '') AS detail
             FROM decision_records`,
    at: 'occurred_at',
  },
  case: {
    rows: `SELECT agency_id, agency_id AS other_agency_id, state AS key, '' AS detail FROM cases`,
    at: 'encounter_at',
  },
  detained_case: {
    rows: `SELECT c.agency_id, c.agency_id AS other_agency_id, '' AS key, '' AS detail FROM cases c
            WHERE EXISTS (SELECT 1 FROM decision_records d WHERE d.case_id = c.id AND d.type = 'detain')`,
    at: 'c.encounter_at',
  },
  step: {
    rows: `SELECT agency_id, agency_id AS other_agency_id, step AS key, whole_days::text AS detail FROM case_steps`,
    at: 'ended_at',
  },
};

/**
 * `SELECT agency_id, other_agency_id, key, detail, n` of one measure over a period (several rows per key; sum them).
 * The values go through `params`.
 */
export function rollupRowsSql(measure: RollupMeasure, period: Window, params: SqlParams): string {
  const split = splitPeriod(period);
  const parts: string[] = [];
  if (split.days) {
    const first = `${params.add(split.days.first)}::date`;
    const end = `${params.add(split.days.end)}::date`;
    for (const table of ['report_rollups', 'report_rollup_deltas']) {
      parts.push(`SELECT agency_id, other_agency_id, key, detail, n::bigint AS n FROM ${table}
                   WHERE measure = '${measure}' AND day >= ${first} AND day < ${end}`);
    }
  }
  if (split.edges.length > 0) {
    const source = SOURCE[measure];
    const within = split.edges
      .map(
        (e) =>
          `(${source.at} >= ${params.add(e.from)}::timestamptz AND ${source.at} < ${params.add(e.to)}::timestamptz)`,
      )
      .join(' OR ');
    const where = /\bWHERE\b/.test(source.rows) ? 'AND' : 'WHERE';
    parts.push(
      `SELECT agency_id, other_agency_id, key, detail, 1::bigint AS n FROM (${source.rows} ${where} (${within})) e`,
    );
  }
  return parts.length > 0
    ? parts.join('\n UNION ALL\n ')
    : `SELECT NULL::uuid AS agency_id, NULL::uuid AS other_agency_id, ''::text AS key, ''::text AS detail, 0::bigint AS n WHERE false`;
}

/** Folds the pending delta lines into the rollups (the worker's job, every minute). */
@Injectable()
export class ReportRollups {
  constructor(private readonly db: DataSource) {}

  /** Lines folded; batches of 100,000 until none is left (or another compactor holds the lock). */
  async compact(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ folded }] = await this.db.query<{ folded: number }[]>(`SELECT compact_report_rollups(100000) AS folded`);
      total += folded;
      if (folded < 100_000) return total;
    }
  }
}
