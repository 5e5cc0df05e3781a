import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { newId } from '../common/ids.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import {
  isNegativeDecision,
  MultisetDigest,
  SAMPLED_DECISION_TYPES,
  selectionScore,
  StratifiedSampler,
  type PopulationRecord,
  type SampledDecisionType,
} from './domain/sampling.js';
import { seedContext } from './sampling-runs.service.js';

interface ClaimedRun {
  id: string;
  period_from: Date;
  period_to: Date;
  rate: number;
  negative_rate: number;
  min_per_stratum: number;
  seed_ciphertext: Buffer;
  seed_key_id: string;
}

interface Drawn extends PopulationRecord {
  caseId: string;
}

const SAMPLING_LOCK = 7_270_005;
const BATCH = 1_000;

/**
 * Draws one run. The population streams from PostgreSQL through a cursor
 * into the pure sampler (src/reviews/domain/sampling.ts), and drawn records
 * stream out as reviews in batches, so memory stays flat however large the
 * period. The whole draw is one transaction: a crash leaves no partial
 * sample, and the job simply runs again. Runs are serialised, and records
 * already under review are not part of any later population.
 */
@Injectable()
export class SamplingRunner {
  private readonly logger = new Logger(SamplingRunner.name);

  constructor(
    private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(runId: string): Promise<'completed' | 'skipped' | 'failed'> {
    const started = Date.now();
    // One connection for the cursor and the writes, in one transaction.
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      try {
        const outcome = await this.draw(client, runner.manager, runId, started);
        await runner.commitTransaction();
        return outcome;
      } catch (err) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.error({ event: 'sampling_failed', runId, reason }, 'sampling run failed');
      await this.db.query(
        `UPDATE sampling_runs SET status = 'failed', failure = $2 WHERE id = $1 AND status <> 'completed'`,
        [runId, reason.slice(0, 500)],
      );
      return 'failed';
    } finally {
      await runner.release();
    }
  }

  private async draw(
    client: PoolClient,
    manager: EntityManager,
    runId: string,
    started: number,
  ): Promise<'completed' | 'skipped'> {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SAMPLING_LOCK]);
    const { rows } = await client.query<ClaimedRun>(
      `UPDATE sampling_runs SET status = 'running', started_at = now(), failure = NULL
        WHERE id = $1 AND status IN ('queued', 'running', 'failed')
        RETURNING id, period_from, period_to, rate, negative_rate, min_per_stratum, seed_ciphertext, seed_key_id`,
      [runId],
    );
    const run = rows[0];
    if (!run) return 'skipped';
    const seed = Buffer.from(
      this.cipher.openJson<string>({ ciphertext: run.seed_ciphertext, keyId: run.seed_key_id }, seedContext(run.id)),
      'hex',
    );
    const sampler = new StratifiedSampler(seed, {
      rate: run.rate,
      negativeRate: run.negative_rate,
      minPerStratum: run.min_per_stratum,
    });
    const population = new MultisetDigest();
    const sample = new MultisetDigest();
    let pending: Drawn[] = [];
    let sampled = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await this.insertReviews(client, run.id, seed, pending);
      sampled += pending.length;
      pending = [];
    };

    // A SQL cursor, fetched in batches, so the reviews can be written on the same connection between fetches (a
    // protocol-level stream would hold the connection and the writes would wait on it forever).
    await client.query(
      `DECLARE population NO SCROLL CURSOR FOR
       SELECT d.id, d.agency_id, d.type, d.outcome, d.case_id
         FROM decision_records d
        WHERE d.occurred_at >= $1 AND d.occurred_at < $2 AND d.type = ANY($3)
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.decision_record_id = d.id)`,
      [run.period_from, run.period_to, [...SAMPLED_DECISION_TYPES]],
    );
    for (;;) {
      const { rows } = await client.query<unknown[]>({ text: 'FETCH 10000 FROM population', rowMode: 'array' });
      if (rows.length === 0) break;
      for (const row of rows) {
        const record: Drawn = {
          id: row[0] as string,
          agencyId: row[1] as string,
          type: row[2] as SampledDecisionType,
          outcome: row[3] as string | null,
          caseId: row[4] as string,
        };
        population.add(record.id);
        if (sampler.offer(record)) {
          sample.add(record.id);
          pending.push(record);
        }
      }
      if (pending.length >= BATCH) await flush();
    }
    await client.query('CLOSE population');
    await flush();
    const { topUps, strata } = sampler.finish();
    const topUpRows = await this.withCases(client, topUps);
    for (const t of topUpRows) sample.add(t.id);
    pending = topUpRows;
    await flush();

    for (let i = 0; i < strata.length; i += BATCH) {
      const batch = strata.slice(i, i + BATCH);
      await client.query(
        `INSERT INTO sampling_strata (run_id, stratum_key, agency_id, decision_type, outcome, negative, rate, population, sampled)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::bool[], $7::float8[], $8::int[], $9::int[])`,
        [
          run.id,
          batch.map((s) => s.key),
          batch.map((s) => s.agencyId),
          batch.map((s) => s.type),
          batch.map((s) => s.outcome),
          batch.map((s) => isNegativeDecision(s.type, s.outcome)),
          batch.map((s) => s.rate),
          batch.map((s) => s.population),
          batch.map((s) => s.sampled),
        ],
      );
    }
    const summary = {
      populationCount: population.size,
      sampleCount: sampled,
      populationDigest: population.digest(),
      sampleDigest: sample.digest(),
      strata: strata.length,
    };
    await client.query(
      `UPDATE sampling_runs SET status = 'completed', completed_at = now(), population_count = $2, sample_count = $3,
                                population_digest = $4, sample_digest = $5
        WHERE id = $1`,
      [run.id, summary.populationCount, summary.sampleCount, summary.populationDigest, summary.sampleDigest],
    );
    // Anyone holding the seed can later recompute both digests and prove the draw was not altered.
    await this.audit.append(
      manager,
      { actor: SYSTEM_ACTOR, requestId: null },
      {
        chainId: chains.of('sampling_run', run.id),
        action: 'sampling_run.completed',
        subject: { type: 'sampling_run', id: run.id },
        payload: summary,
      },
    );
    this.logger.log(
      { event: 'sampling_completed', runId: run.id, ...summary, ms: Date.now() - started },
      'sampling run drawn',
    );
    return 'completed';
  }

  private async insertReviews(client: PoolClient, runId: string, seed: Buffer, drawn: Drawn[]): Promise<void> {
    await client.query(
      `INSERT INTO reviews (id, run_id, decision_record_id, case_id, agency_id, decision_type, decision_outcome,
                            selection_score, status, created_at, updated_at)
       SELECT id, $1, record_id, case_id, agency_id, type, outcome, score, 'pending', now(), now()
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::float8[])
           AS d(id, record_id, case_id, agency_id, type, outcome, score)
       ON CONFLICT (decision_record_id) DO NOTHING`,
      [
        runId,
        drawn.map(() => newId()),
        drawn.map((d) => d.id),
        drawn.map((d) => d.caseId),
        drawn.map((d) => d.agencyId),
        drawn.map((d) => d.type),
        drawn.map((d) => d.outcome),
        drawn.map((d) => selectionScore(seed, d.id)),
      ],
    );
  }

  /** Top-ups are few (at most strata × minPerStratum): their cases are looked up rather than kept while streaming. */
  private async withCases(client: PoolClient, records: PopulationRecord[]): Promise<Drawn[]> {
    if (records.length === 0) return [];
    const { rows } = await client.query<{ id: string; case_id: string }>(
      `SELECT id, case_id FROM decision_records WHERE id = ANY($1)`,
      [records.map((r) => r.id)],
    );
    const caseOf = new Map(rows.map((r) => [r.id, r.case_id]));
    return records.map((r) => ({ ...r, caseId: caseOf.get(r.id)! }));
  }
}
