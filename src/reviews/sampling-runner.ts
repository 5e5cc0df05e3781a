import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { digestFromWordSums, stratumOf } from './domain/sampling.js';
import {
  SamplingDrawRepository,
  type ClaimedRun,
  type DrawKey,
  type RunSummary,
  type StratumSummary,
  type WordRow,
} from './persistence/sampling-draw.repository.js';
import { seedContext } from './sampling-runs.service.js';

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
    private readonly draws: SamplingDrawRepository,
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
      await this.draws.recordFailure(runId, reason);
      return 'failed';
    }
  }

  private async draw(manager: EntityManager, runId: string, started: number): Promise<'completed' | 'skipped'> {
    await this.draws.serialiseDraws(manager);
    const run = await this.draws.claimRun(manager, runId);
    if (!run) return 'skipped';
    const seed = Buffer.from(
      this.cipher.openJson<string>({ ciphertext: run.seed_ciphertext, keyId: run.seed_key_id }, seedContext(run.id)),
      'hex',
    );
    const draw = drawKeyOf(run, seed);
    const { strata, summary } = await computeDraw(this.draws, manager, draw, run.min_per_stratum);
    await this.draws.createReviewsForDrawn(manager, run.id);
    await this.draws.recordStrata(manager, run.id, strata);
    await this.draws.completeRun(manager, run.id, summary);
    // Anyone holding the seed can later recompute both digests and prove the draw was not altered.
    await this.audit.append(
      manager,
      { actor: SYSTEM_ACTOR, requestId: null },
      {
        ...ownChain('sampling_run', run.id),
        action: 'sampling_run.completed',
        payload: { ...summary },
      },
    );
    this.logger.log(
      { event: 'sampling_completed', runId: run.id, ...summary, ms: Date.now() - started },
      'sampling run drawn',
    );
    return 'completed';
  }
}

export function drawKeyOf(
  run: Pick<ClaimedRun, 'period_from' | 'period_to' | 'population_cutoff' | 'rate' | 'negative_rate' | 'strata_agency'>,
  seed: Buffer,
): DrawKey {
  return {
    from: run.period_from,
    to: run.period_to,
    cutoff: run.population_cutoff,
    seed,
    rate: run.rate,
    negativeRate: run.negative_rate,
    strataAgency: run.strata_agency,
  };
}

/**
 * The draw of `draw`, computed into the transaction's temporary table `drawn`: records scoring below their
 * stratum's rate, strata below minPerStratum topped up by their smallest scores not drawn yet (rare: small strata).
 * The runner turns `drawn` into reviews; the verification compares it with the reviews a run stored.
 */
export async function computeDraw(
  draws: SamplingDrawRepository,
  manager: EntityManager,
  draw: DrawKey,
  minPerStratum: number,
): Promise<{ strata: StratumSummary[]; summary: RunSummary & { strata: number } }> {
  const counted = await draws.stratumPopulations(manager, draw);
  await draws.drawBelowRate(manager, draw);
  const sampled = await draws.drawnPerStratum(manager);
  const sampledOf = new Map(sampled.map((s) => [key(s), Number(s.population)]));
  for (const s of counted) {
    const missing = Math.min(minPerStratum, Number(s.population)) - (sampledOf.get(key(s)) ?? 0);
    if (missing <= 0) continue;
    await draws.topUpStratum(manager, draw, s, missing);
    sampledOf.set(key(s), (sampledOf.get(key(s)) ?? 0) + missing);
  }
  const sampleWords = await draws.drawnWordSums(manager);
  const strata = counted.map((s) => {
    const stratum = stratumOf({ id: '', agencyId: s.agency_id, type: s.type, outcome: s.outcome });
    return {
      key: stratum.key,
      agencyId: s.agency_id,
      type: s.type,
      outcome: s.outcome,
      negative: stratum.negative,
      rate: stratum.negative ? draw.negativeRate : draw.rate,
      population: Number(s.population),
      sampled: sampledOf.get(key(s)) ?? 0,
    };
  });
  return {
    strata,
    summary: {
      populationCount: strata.reduce((n, s) => n + s.population, 0),
      sampleCount: strata.reduce((n, s) => n + s.sampled, 0),
      populationDigest: digestOf(counted),
      sampleDigest: digestOf([sampleWords]),
      strata: strata.length,
    },
  };
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
