import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../common/ids.js';
import type { SampleDifferenceKind } from '../domain/draw-verification.js';
import type { SampledDecisionType } from '../domain/sampling.js';
import {
  idHashLateral,
  OUTCOME_KEY_SQL,
  populationWhereSql,
  rateSql,
  SAMPLED_TYPES,
  scoreSql,
  strataAgencySql,
  wordSumsSql,
  type StrataAgency,
} from './keyed-selection.js';

/** Held by a draw, and by a complaint's referral to review: neither makes a review of a record the other just did. */
export const SAMPLING_LOCK = 7_270_005;

/** A `sampling_runs` row as `SELECT *` returns it. */
export interface SamplingRunRow {
  id: string;
  status: string;
  trigger: string;
  period_from: Date;
  period_to: Date;
  rate: number;
  negative_rate: number;
  min_per_stratum: number;
  seed_ciphertext: Buffer;
  seed_key_id: string;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  failure: string | null;
  population_count: number | null;
  sample_count: number | null;
  population_digest: string | null;
  sample_digest: string | null;
  /** Both set when the run is claimed for its draw, null before. */
  population_cutoff: Date | null;
  strata_agency: StrataAgency | null;
}

/** What a draw needs of its run, once claimed (cutoff and strata agency set). */
export type ClaimedRun = Pick<
  SamplingRunRow,
  'id' | 'period_from' | 'period_to' | 'rate' | 'negative_rate' | 'min_per_stratum' | 'seed_ciphertext' | 'seed_key_id'
> & { population_cutoff: Date; strata_agency: StrataAgency };

/** What a draw is keyed by: the run's period, cutoff, seed, two rates and whose agency keys the strata. */
export interface DrawKey {
  from: Date;
  to: Date;
  cutoff: Date;
  seed: Buffer;
  rate: number;
  negativeRate: number;
  strataAgency: StrataAgency;
}

export interface StratumCount {
  agency_id: string;
  type: SampledDecisionType;
  outcome: string | null;
  population: string;
}

/** Sums of the eight 32-bit words of the ids' SHA-256, as decimal strings (see digestFromWordSums). */
export type WordRow = Record<`w${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7}`, string | null>;

export interface SampleDifferenceRow {
  decision_record_id: string;
  review_id: string | null;
  kind: SampleDifferenceKind;
  total: number;
}

export interface StratumSummary {
  key: string;
  agencyId: string;
  type: string;
  outcome: string | null;
  negative: boolean;
  rate: number;
  population: number;
  sampled: number;
}

export interface RunSummary {
  populationCount: number;
  sampleCount: number;
  populationDigest: string;
  sampleDigest: string;
}

// $1 from, $2 to, $3 types, $4 cutoff, $5 seed, $6 rate, $7 negative rate
const POPULATION = populationWhereSql('$1', '$2', '$3', '$4');
const SCORE = scoreSql('$5');
const RATE = rateSql('$6', '$7');

function params(draw: DrawKey): unknown[] {
  return [draw.from, draw.to, SAMPLED_TYPES, draw.cutoff, draw.seed, draw.rate, draw.negativeRate];
}

/** A drawn record: its stratum agency, and both agencies a review of it carries. */
function drawnColumns(draw: DrawKey): string {
  return `d.id, d.case_id, ${strataAgencySql(draw.strataAgency)} AS agency_id, d.agency_id AS case_agency_id,
          d.deciding_agency_id, d.type, ${OUTCOME_KEY_SQL} AS outcome`;
}

/**
 * The statements of a sampling draw. Drawn records collect in a temporary
 * table `drawn` that lives until the draw's transaction ends; every method
 * but `recordFailure` runs in that transaction.
 */
@Injectable()
export class SamplingDrawRepository {
  constructor(private readonly db: DataSource) {}

  /** Outside the draw's transaction, which has rolled back: a completed run is never marked failed. */
  async recordFailure(runId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE sampling_runs SET status = 'failed', failure = $2 WHERE id = $1 AND status <> 'completed'`,
      [runId, reason.slice(0, 500)],
    );
  }

  /** Held until the transaction ends: runs draw one at a time, so none samples a record another just drew. */
  async serialiseDraws(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SAMPLING_LOCK]);
    // Numbering ~440,000 drawn records sorts them: in memory, not in 40 MB of temporary files (default 4 MB).
    await manager.query(`SET LOCAL work_mem = '64MB'`);
  }

  /**
   * Marks the run running and returns it; undefined when it is completed (or gone) and there is nothing to draw.
   * Its population cutoff is the clock now, under the draw lock: later than every earlier run's.
   */
  async claimRun(manager: EntityManager, runId: string): Promise<ClaimedRun | undefined> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [[run]] = await manager.query<[ClaimedRun[], number]>(
      `UPDATE sampling_runs SET status = 'running', started_at = now(), failure = NULL,
                                population_cutoff = clock_timestamp(), strata_agency = 'deciding'
        WHERE id = $1 AND status IN ('queued', 'running', 'failed')
        RETURNING id, period_from, period_to, rate, negative_rate, min_per_stratum, seed_ciphertext, seed_key_id,
                  population_cutoff, strata_agency`,
      [runId],
    );
    return run;
  }

  /** Per stratum: how many records, and the word sums of all their ids (no seed needed, so parallel and cheap). */
  async stratumPopulations(manager: EntityManager, draw: DrawKey): Promise<(StratumCount & WordRow)[]> {
    return manager.query<(StratumCount & WordRow)[]>(
      `SELECT ${strataAgencySql(draw.strataAgency)} AS agency_id, d.type, ${OUTCOME_KEY_SQL} AS outcome,
              count(*) AS population, ${wordSumsSql()}
         FROM decision_records d ${idHashLateral('d.id')}
        WHERE ${POPULATION}
        GROUP BY 1, 2, 3`,
      params(draw).slice(0, 4),
    );
  }

  /** Draws, scored in parallel, the records below their stratum's rate into `drawn`. */
  async drawBelowRate(manager: EntityManager, draw: DrawKey): Promise<void> {
    await manager.query(
      `CREATE TEMP TABLE drawn ON COMMIT DROP AS
       SELECT ${drawnColumns(draw)}, x.score
         FROM decision_records d CROSS JOIN LATERAL (SELECT ${SCORE} AS score) x
        WHERE ${POPULATION} AND x.score < ${RATE}`,
      params(draw),
    );
  }

  /** How many records of each stratum are drawn so far. */
  async drawnPerStratum(manager: EntityManager): Promise<StratumCount[]> {
    return manager.query<StratumCount[]>(
      `SELECT agency_id, type, outcome, count(*) AS population FROM drawn GROUP BY 1, 2, 3`,
    );
  }

  /** Adds to `drawn` the stratum's `missing` smallest scores not drawn yet. */
  async topUpStratum(manager: EntityManager, draw: DrawKey, s: StratumCount, missing: number): Promise<void> {
    await manager.query(
      `INSERT INTO drawn
         SELECT ${drawnColumns(draw)}, x.score
           FROM decision_records d CROSS JOIN LATERAL (SELECT ${SCORE} AS score) x
          WHERE ${POPULATION} AND ${strataAgencySql(draw.strataAgency)} = $8 AND d.type = $9
            AND ${OUTCOME_KEY_SQL} IS NOT DISTINCT FROM $10 AND x.score >= ${RATE}
          ORDER BY x.score, d.id LIMIT $11`,
      [...params(draw), s.agency_id, s.type, s.outcome, missing],
    );
  }

  /** One pending review per drawn record, in record order with time-ordered ids (both keep index inserts sequential). */
  async createReviewsForDrawn(manager: EntityManager, runId: string): Promise<void> {
    const prefix = newId().slice(0, 18);
    await manager.query(
      `INSERT INTO reviews (id, run_id, decision_record_id, case_id, deciding_agency_id, case_agency_id, decision_type,
                            decision_outcome, selection_score, status, created_at, updated_at)
       SELECT ($1 || '-8' || substr(n, 1, 3) || '-' || substr(n, 4, 12))::uuid, $2, id, case_id, deciding_agency_id,
              case_agency_id, type, outcome, score, 'pending', now(), now()
         FROM (SELECT drawn.*, lpad(to_hex(row_number() OVER (ORDER BY id)), 15, '0') AS n FROM drawn) numbered
        ORDER BY id`,
      [prefix, runId],
    );
  }

  /** The word sums of every drawn record's id (one row). */
  async drawnWordSums(manager: EntityManager): Promise<WordRow> {
    const [sums] = await manager.query<WordRow[]>(`SELECT ${wordSumsSql()} FROM drawn ${idHashLateral('drawn.id')}`);
    return sums;
  }

  /** Writes the strata in batches of 1,000, so a run over many agencies stays within the parameter limits. */
  async recordStrata(manager: EntityManager, runId: string, strata: readonly StratumSummary[]): Promise<void> {
    for (let i = 0; i < strata.length; i += 1_000) {
      const batch = strata.slice(i, i + 1_000);
      await manager.query(
        `INSERT INTO sampling_strata (run_id, stratum_key, agency_id, decision_type, outcome, negative, rate, population, sampled)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::bool[], $7::float8[], $8::int[], $9::int[])`,
        [
          runId,
          batch.map((s) => s.key),
          batch.map((s) => s.agencyId),
          batch.map((s) => s.type),
          batch.map((s) => s.outcome),
          batch.map((s) => s.negative),
          batch.map((s) => s.rate),
          batch.map((s) => s.population),
          batch.map((s) => s.sampled),
        ],
      );
    }
  }

  /** The strata a run stored. */
  async storedStrata(
    manager: EntityManager,
    runId: string,
  ): Promise<{ agency_id: string; type: string; outcome: string | null; population: number; sampled: number }[]> {
    return manager.query(
      `SELECT agency_id, decision_type AS type, outcome, population, sampled FROM sampling_strata WHERE run_id = $1`,
      [runId],
    );
  }

  /**
   * Compares `drawn` (the recomputed draw) with the run's reviews, record by record: up to `limit` differences in
   * record order, and how many there are in all.
   */
  async sampleDifferences(manager: EntityManager, runId: string, limit: number): Promise<SampleDifferenceRow[]> {
    return manager.query<SampleDifferenceRow[]>(
      `WITH stored AS (SELECT * FROM reviews WHERE run_id = $1),
       differing AS (
         SELECT coalesce(x.id, s.decision_record_id) AS decision_record_id, s.id AS review_id,
                CASE WHEN s.id IS NULL THEN 'missing' WHEN x.id IS NULL THEN 'unexpected' ELSE 'altered' END AS kind
           FROM drawn x FULL JOIN stored s ON s.decision_record_id = x.id
          WHERE x.id IS NULL OR s.id IS NULL
             OR s.case_id IS DISTINCT FROM x.case_id OR s.deciding_agency_id IS DISTINCT FROM x.deciding_agency_id
             OR s.case_agency_id IS DISTINCT FROM x.case_agency_id OR s.decision_type IS DISTINCT FROM x.type
             OR s.decision_outcome IS DISTINCT FROM x.outcome OR s.selection_score IS DISTINCT FROM x.score)
       SELECT decision_record_id, review_id, kind, count(*) OVER ()::int AS total
         FROM differing ORDER BY decision_record_id, review_id LIMIT $2`,
      [runId, limit],
    );
  }

  async completeRun(manager: EntityManager, runId: string, summary: RunSummary): Promise<void> {
    await manager.query(
      `UPDATE sampling_runs SET status = 'completed', completed_at = now(), population_count = $2, sample_count = $3,
                                population_digest = $4, sample_digest = $5
        WHERE id = $1`,
      [runId, summary.populationCount, summary.sampleCount, summary.populationDigest, summary.sampleDigest],
    );
  }
}
