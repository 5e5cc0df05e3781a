import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { newId } from '../common/ids.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { digestFromWordSums, isNegativeDecision, stratumOf, type SampledDecisionType } from './domain/sampling.js';
import {
  idHashLateral,
  OUTCOME_KEY_SQL,
  populationWhereSql,
  rateSql,
  SAMPLED_TYPES,
  scoreSql,
  wordSumsSql,
} from './persistence/keyed-selection.js';
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

interface StratumCount {
  agency_id: string;
  type: SampledDecisionType;
  outcome: string | null;
  population: string;
  sampled?: string;
}

type WordRow = Record<`w${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7}`, string | null>;

const SAMPLING_LOCK = 7_270_005;

/**
 * Draws one run, in PostgreSQL: the selection of src/reviews/domain/sampling.ts
 * (HMAC-SHA256 score below the stratum's rate, strata topped up to
 * minPerStratum by the smallest scores) as SQL, so millions of records are
 * scored in parallel where they lie and only the drawn ones are written — no
 * population ever passes through this process's memory. The whole draw is one
 * transaction: a crash leaves no partial sample and the job runs again. Runs
 * are serialised, and records already under review are in no later population.
 * An e2e test holds the SQL equal to the pure sampler on random populations.
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
    try {
      return await this.db.transaction((manager) => this.draw(manager, runId, started));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.error({ event: 'sampling_failed', runId, reason }, 'sampling run failed');
      await this.db.query(
        `UPDATE sampling_runs SET status = 'failed', failure = $2 WHERE id = $1 AND status <> 'completed'`,
        [runId, reason.slice(0, 500)],
      );
      return 'failed';
    }
  }

  private async draw(manager: EntityManager, runId: string, started: number): Promise<'completed' | 'skipped'> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SAMPLING_LOCK]);
    // TypeORM answers an UPDATE with [rows, affected].
    const [[run]] = await manager.query<[ClaimedRun[], number]>(
      `UPDATE sampling_runs SET status = 'running', started_at = now(), failure = NULL
        WHERE id = $1 AND status IN ('queued', 'running', 'failed')
        RETURNING id, period_from, period_to, rate, negative_rate, min_per_stratum, seed_ciphertext, seed_key_id`,
      [runId],
    );
    if (!run) return 'skipped';
    const seed = Buffer.from(
      this.cipher.openJson<string>({ ciphertext: run.seed_ciphertext, keyId: run.seed_key_id }, seedContext(run.id)),
      'hex',
    );
    // $1 from, $2 to, $3 types, $4 seed, $5 rate, $6 negative rate
    const params = [run.period_from, run.period_to, SAMPLED_TYPES, seed, run.rate, run.negative_rate];
    const population = populationWhereSql('$1', '$2', '$3');
    const score = scoreSql('$4');
    const rate = rateSql('$5', '$6');

    // 1. Per stratum: how many records, and the digest of all their ids (no seed needed, so parallel and cheap).
    const counted = await manager.query<(StratumCount & WordRow)[]>(
      `SELECT d.agency_id, d.type, ${OUTCOME_KEY_SQL} AS outcome, count(*) AS population, ${wordSumsSql()}
         FROM decision_records d ${idHashLateral('d.id')}
        WHERE ${population}
        GROUP BY 1, 2, 3`,
      params.slice(0, 3),
    );
    // 2. The drawn records: scored in parallel, only those below their stratum's rate kept.
    await manager.query(
      `CREATE TEMP TABLE drawn ON COMMIT DROP AS
       SELECT d.id, d.case_id, d.agency_id, d.type, ${OUTCOME_KEY_SQL} AS outcome, x.score
         FROM decision_records d CROSS JOIN LATERAL (SELECT ${score} AS score) x
        WHERE ${population} AND x.score < ${rate}`,
      params,
    );
    // 3. Strata below minPerStratum are topped up by their smallest scores not drawn yet (rare: small strata).
    const sampled = await manager.query<StratumCount[]>(
      `SELECT agency_id, type, outcome, count(*) AS population FROM drawn GROUP BY 1, 2, 3`,
    );
    const sampledOf = new Map(sampled.map((s) => [key(s), Number(s.population)]));
    for (const s of counted) {
      const missing = Math.min(run.min_per_stratum, Number(s.population)) - (sampledOf.get(key(s)) ?? 0);
      if (missing <= 0) continue;
      await manager.query(
        `INSERT INTO drawn
         SELECT d.id, d.case_id, d.agency_id, d.type, ${OUTCOME_KEY_SQL}, x.score
           FROM decision_records d CROSS JOIN LATERAL (SELECT ${score} AS score) x
          WHERE ${population} AND d.agency_id = $7 AND d.type = $8 AND ${OUTCOME_KEY_SQL} IS NOT DISTINCT FROM $9
            AND x.score >= ${rate}
          ORDER BY x.score, d.id LIMIT $10`,
        [...params, s.agency_id, s.type, s.outcome, missing],
      );
      sampledOf.set(key(s), (sampledOf.get(key(s)) ?? 0) + missing);
    }
    // 4. The reviews, in record order with time-ordered ids (both keep the indexes' inserts sequential).
    const prefix = newId().slice(0, 18);
    await manager.query(
      `INSERT INTO reviews (id, run_id, decision_record_id, case_id, agency_id, decision_type, decision_outcome,
                            selection_score, status, created_at, updated_at)
       SELECT ($1 || '-8' || substr(n, 1, 3) || '-' || substr(n, 4, 12))::uuid, $2, id, case_id, agency_id, type,
              outcome, score, 'pending', now(), now()
         FROM (SELECT drawn.*, lpad(to_hex(row_number() OVER (ORDER BY id)), 15, '0') AS n FROM drawn) numbered
        ORDER BY id`,
      [prefix, run.id],
    );
    const [sampleWords] = await manager.query<WordRow[]>(
      `SELECT ${wordSumsSql()} FROM drawn ${idHashLateral('drawn.id')}`,
    );

    const strata = counted.map((s) => {
      const stratum = stratumOf({ id: '', agencyId: s.agency_id, type: s.type, outcome: s.outcome });
      return {
        key: stratum.key,
        agencyId: s.agency_id,
        type: s.type,
        outcome: s.outcome,
        negative: isNegativeDecision(s.type, s.outcome),
        rate: isNegativeDecision(s.type, s.outcome) ? run.negative_rate : run.rate,
        population: Number(s.population),
        sampled: sampledOf.get(key(s)) ?? 0,
      };
    });
    for (let i = 0; i < strata.length; i += 1_000) {
      const batch = strata.slice(i, i + 1_000);
      await manager.query(
        `INSERT INTO sampling_strata (run_id, stratum_key, agency_id, decision_type, outcome, negative, rate, population, sampled)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::bool[], $7::float8[], $8::int[], $9::int[])`,
        [
          run.id,
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
    const summary = {
      populationCount: strata.reduce((n, s) => n + s.population, 0),
      sampleCount: strata.reduce((n, s) => n + s.sampled, 0),
      populationDigest: digestOf(counted),
      sampleDigest: digestOf([sampleWords]),
      strata: strata.length,
    };
    await manager.query(
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
}

function key(s: { agency_id: string; type: string; outcome: string | null }): string {
  return `${s.agency_id}|${s.type}|${s.outcome ?? ''}`;
}

/** Adds per-stratum word sums (or one row of them) into the multiset digest. */
function digestOf(rows: WordRow[]): string {
  return digestFromWordSums(
    ([0, 1, 2, 3, 4, 5, 6, 7] as const).map((i) => rows.reduce((n, r) => n + BigInt(r[`w${i}`] ?? '0'), 0n)),
  );
}
