import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Conflict, Forbidden, NotFound } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { isVerified, strataDifferences } from './domain/draw-verification.js';
import type { DrawVerificationResponse } from './dto.js';
import { SamplingDrawRepository, type SamplingRunRow } from './persistence/sampling-draw.repository.js';
import { computeDraw, drawKeyOf } from './sampling-runner.js';
import { seedContext } from './sampling-runs.service.js';

/** At most this many differing records are named; `differenceCount` says how many there are. */
const MAX_NAMED_DIFFERENCES = 1_000;

/**
 * Recomputes a completed run's draw from its seed, with the very statements
 * that drew it, over its population as it stood at draw time (records in the
 * period recorded before the run's cutoff, less those reviewed by runs drawn
 * before it), and compares: the population digest, the sample digest, every
 * stratum, and every review of the run against the record the seed selects.
 *
 * What it proves: the reviews the run holds now are exactly what the seed
 * selects from that population, and the population is the one whose digest
 * the run stored (and sealed in its audit event). What it cannot: that the
 * stored digests were honest when written (the audit chain is the check for
 * that), nor anything about records deleted from the append-only decision
 * table (GET /audit/verify finds those).
 */
@Injectable()
export class DrawVerificationService {
  constructor(
    private readonly db: DataSource,
    private readonly draws: SamplingDrawRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async verify(ctx: RequestContext, runId: string): Promise<DrawVerificationResponse> {
    if (!ctx.ability.can('read', 'SamplingRun')) throw new NotFound('The sampling run');
    // One snapshot for every statement; the temporary table of the recomputed draw goes with the transaction.
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const [run] = await manager.query<SamplingRunRow[]>(`SELECT * FROM sampling_runs WHERE id = $1`, [runId]);
      if (!run) throw new NotFound('The sampling run');
      if (!ctx.ability.can('verify', 'SamplingRun')) {
        throw new Forbidden('Only the commissioner verifies a draw: it needs the secret seed.');
      }
      const { population_cutoff, strata_agency } = run;
      if (run.status !== 'completed' || !population_cutoff || !strata_agency) {
        throw new Conflict('run-not-drawn', `The run is ${run.status}: there is no draw to verify yet.`, {
          runStatus: run.status,
        });
      }
      const seed = Buffer.from(
        this.cipher.openJson<string>({ ciphertext: run.seed_ciphertext, keyId: run.seed_key_id }, seedContext(run.id)),
        'hex',
      );
      const { strata, summary } = await computeDraw(
        this.draws,
        manager,
        drawKeyOf({ ...run, population_cutoff, strata_agency }, seed),
        run.min_per_stratum,
      );
      const stored = await this.draws.storedStrata(manager, run.id);
      const strataDiffs = strataDifferences(
        stored.map((s) => ({ agencyId: s.agency_id, ...s })),
        strata.map((s) => ({ ...s })),
      );
      const differences = await this.draws.sampleDifferences(manager, run.id, MAX_NAMED_DIFFERENCES);
      const differenceCount = differences[0]?.total ?? 0;
      const check = {
        populationDigestMatches: summary.populationDigest === run.population_digest,
        sampleDigestMatches: summary.sampleDigest === run.sample_digest,
        strataDifferences: strataDiffs.length,
        sampleDifferences: differenceCount,
      };
      return {
        runId: run.id,
        verified: isVerified(check),
        populationDigestMatches: check.populationDigestMatches,
        sampleDigestMatches: check.sampleDigestMatches,
        strataMatch: strataDiffs.length === 0,
        population: { stored: run.population_count, recomputed: summary.populationCount },
        sample: { stored: run.sample_count, recomputed: summary.sampleCount },
        strataDifferences: strataDiffs,
        differences: differences.map((d) => ({
          decisionRecordId: d.decision_record_id,
          reviewId: d.review_id,
          kind: d.kind,
        })),
        differenceCount,
      };
    });
  }
}
