import { Injectable, Logger } from '@nestjs/common';
import { Metrics } from '../metrics/metrics.js';
import { AuditSigningKey } from './audit-signing-key.js';
import { ChainVerifier, type ChainFault } from './domain/chain-verifier.js';
import { checkpointRoot, verifyCheckpointSignature } from './domain/checkpoint.js';
import { GENESIS_HASH } from './domain/hash-chain.js';
import {
  AuditVerificationRepository,
  type AuditVerificationQueries,
} from './persistence/audit-verification.repository.js';

export interface VerifyReport {
  ok: boolean;
  /** Events whose hashes were recomputed. */
  checked: number;
  checkpoints: number;
  firstInvalidEventId: string | null;
  chainId?: string;
  reason?: string;
  checkpointSeq?: number;
  /** Cases whose projection or detention episodes differ from their decision stream (the first ones, in id order). */
  caseIds?: string[];
  durationMs: number;
}

/** One chain checked (a case's, for the case page): its events re-walked and its tail held to its head. */
export interface ChainReport {
  ok: boolean;
  /** Events whose hashes were recomputed (up to the first that cannot be trusted). */
  checked: number;
  firstInvalidEventId: string | null;
  reason?: ChainFault | 'chain_truncated';
}

export interface VerifyOptions {
  /** Root of a checkpoint the caller kept outside the system: the log must still contain it. */
  head?: Buffer;
}

type Problem = Partial<VerifyReport>;

/** Suspect chains judged per round; more are fetched only if every one of them turns out sound. */
const SUSPECTS_PER_ROUND = 20;
/** Cases named in one projection finding. */
const CASES_REPORTED = 100;

/**
 * Recomputes everything the log claims: signed checkpoints (roots chained
 * and signatures valid under the key each names), that a head kept
 * elsewhere is still in the log, every chain's hashes and links against the
 * signed heads, chain tails against the heads kept on cases and chain rows,
 * the decision records against the events that sealed them, and the
 * detention episodes and case projections against the decision records.
 *
 * Hashes and links are recomputed in PostgreSQL (parallel scans and hash
 * joins, nothing streamed), which only names the chains that do not hold.
 * Those few are then re-walked here by the pure ChainVerifier, which gives
 * the verdict and the first event that cannot be trusted; so the SQL is a
 * fast filter and the domain code stays the judge.
 */
@Injectable()
export class AuditVerifier {
  private readonly logger = new Logger(AuditVerifier.name);

  constructor(
    private readonly repository: AuditVerificationRepository,
    private readonly signing: AuditSigningKey,
    private readonly metrics: Metrics,
  ) {}

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    const started = Date.now();
    const report = await this.repository.inReadSnapshot(async (q): Promise<Problem> => {
      const checkpoints = await this.verifyCheckpoints(q, options.head);
      if (checkpoints.problem) return { checked: 0, checkpoints: checkpoints.count, ...checkpoints.problem };
      const counts = await q.eventCounts();
      const found = { checked: counts.events, checkpoints: checkpoints.count };
      const problem =
        (await this.verifyChains(q)) ??
        (await this.verifyTails(q, counts.events)) ??
        (await this.verifyDecisionRecords(q, counts.decisionEvents)) ??
        (await this.verifyDetention(q)) ??
        (await this.verifyProjections(q));
      return { ...found, ...problem };
    });
    const result: VerifyReport = {
      checked: report.checked ?? 0,
      checkpoints: report.checkpoints ?? 0,
      ...report,
      ok: report.reason === undefined,
      firstInvalidEventId: report.firstInvalidEventId ?? null,
      durationMs: Date.now() - started,
    };
    this.metrics.auditVerify.set(result.ok ? 1 : 0);
    this.metrics.auditVerifyEvents.set(result.checked);
    this.logger.log(
      { event: 'audit_verified', ok: result.ok, checked: result.checked, reason: result.reason, ms: result.durationMs },
      'audit log verified',
    );
    return result;
  }

  /**
   * One chain alone, in one snapshot: every event's hash and link, each
   * against the head a signed checkpoint recorded for it, and the tail
   * against the chain's head (a case chain's on its case row). Checkpoint
   * signatures, decision records and projections are `verify`'s: they are
   * judged across the whole log.
   */
  async verifyChain(chainId: string): Promise<ChainReport> {
    return this.repository.inReadSnapshot(async (q) => {
      const walked = new ChainVerifier();
      const problem = (await this.walkChain(q, chainId, walked)) ?? (await this.chainTail(q, chainId));
      return {
        ok: problem === undefined,
        checked: walked.checked,
        firstInvalidEventId: problem?.firstInvalidEventId ?? null,
        ...(problem?.reason ? { reason: problem.reason as ChainReport['reason'] } : {}),
      };
    });
  }

  /**
   * Checkpoints numbered from 1 without a gap, each root covering the
   * previous root and its heads, each signature valid under the key its
   * `key_id` names; then, if the caller kept a head, that it is among them.
   * Contiguity alone cannot see a log cut back to an earlier checkpoint with
   * everything after it; a root kept outside the system can.
   */
  private async verifyCheckpoints(
    q: AuditVerificationQueries,
    head: Buffer | undefined,
  ): Promise<{ count: number; problem?: Problem }> {
    const rows = await q.checkpoints();
    const fail = (reason: string, checkpointSeq: number) => ({
      count: rows.length,
      problem: { firstInvalidEventId: null, reason, checkpointSeq },
    });
    let prevRoot: Buffer = GENESIS_HASH;
    let expected = 1;
    for (const c of rows) {
      const root = checkpointRoot(prevRoot, {
        seq: c.seq,
        createdAt: c.createdAt,
        watermark: c.watermark,
        heads: await q.checkpointHeads(c.seq),
      });
      if (c.seq !== expected) return fail('checkpoint_missing', c.seq);
      if (!c.prevRoot.equals(prevRoot) || !root.equals(c.root)) return fail('checkpoint_altered', c.seq);
      const signature = verifyCheckpointSignature(this.signing.verifyKeys, c.keyId, c.root, c.signature);
      if (signature === 'unknown_key') return fail('checkpoint_key_unknown', c.seq);
      if (signature === 'invalid') return fail('checkpoint_signature_invalid', c.seq);
      prevRoot = c.root;
      expected += 1;
    }
    if (head && !rows.some((c) => c.root.equals(head))) {
      // The last checkpoint still there: everything after it, up to the kept head, is gone.
      return fail('checkpoint_head_missing', rows.length);
    }
    return { count: rows.length };
  }

  /** The first chain, in chain order, with a changed, missing, inserted or re-hashed event. */
  private async verifyChains(q: AuditVerificationQueries): Promise<Problem | undefined> {
    let after = '';
    for (;;) {
      const suspects = await q.suspectChains(after, SUSPECTS_PER_ROUND);
      for (const chainId of suspects) {
        const problem = (await this.walkChain(q, chainId)) ?? (await this.chainTail(q, chainId));
        if (problem) return problem;
        // Only a difference between the SQL and the domain rendering of an event gets here: worth knowing.
        this.logger.warn({ event: 'audit_verify_false_suspect', chainId }, 'chain suspected in SQL verified sound');
      }
      if (suspects.length < SUSPECTS_PER_ROUND) return undefined;
      after = suspects[suspects.length - 1];
    }
  }

  private async walkChain(
    q: AuditVerificationQueries,
    chainId: string,
    chains = new ChainVerifier(),
  ): Promise<Problem | undefined> {
    for await (const event of q.chainEvents(chainId)) {
      const problem = chains.push(event);
      if (problem) return { firstInvalidEventId: problem.eventId, chainId: problem.chainId, reason: problem.reason };
    }
    return undefined;
  }

  /** Every chain must end where its head says, and no earlier than its last signed head. */
  private async verifyTails(q: AuditVerificationQueries, events: number): Promise<Problem | undefined> {
    if (await q.eventsWithinHeads(events)) return undefined;
    const chainId = await q.firstChainBeyondItsHead();
    return chainId ? this.chainTail(q, chainId) : undefined;
  }

  private async chainTail(q: AuditVerificationQueries, chainId: string): Promise<Problem | undefined> {
    const tail = await q.chainTail(chainId);
    if (tail.sound) return undefined;
    return { firstInvalidEventId: tail.lastEventId, chainId, reason: 'chain_truncated' };
  }

  /**
   * Each decision record must equal what its audit event sealed (the event's
   * hash protects the event, not the row), and each decision event must have
   * its record. Records that all match name distinct events, so equal counts
   * then mean none is missing; the anti-join that finds which runs only when
   * they differ (a full join would cost the parallel hash join on PostgreSQL 15).
   */
  private async verifyDecisionRecords(
    q: AuditVerificationQueries,
    decisionEvents: number,
  ): Promise<Problem | undefined> {
    const bad =
      (await q.firstAlteredDecisionRecord()) ??
      (decisionEvents !== (await q.decisionRecordCount()) ? await q.firstDecisionEventWithoutRecord() : undefined);
    if (!bad) return undefined;
    return { firstInvalidEventId: bad.eventId, chainId: `case:${bad.caseId}`, reason: 'decision_record_altered' };
  }

  /** Detention episodes drive the overdue-detention alerts: they must be what the detain and release records say. */
  private async verifyDetention(q: AuditVerificationQueries): Promise<Problem | undefined> {
    return casesProblem('detention_episode_altered', await q.casesWithAlteredDetention(CASES_REPORTED));
  }

  /** The case rows the alerts and lists read must be the projection of their decision streams. */
  private async verifyProjections(q: AuditVerificationQueries): Promise<Problem | undefined> {
    return casesProblem('case_projection_altered', await q.casesWithAlteredProjection(CASES_REPORTED));
  }
}

function casesProblem(reason: string, caseIds: string[]): Problem | undefined {
  if (caseIds.length === 0) return undefined;
  return { firstInvalidEventId: null, chainId: `case:${caseIds[0]}`, reason, caseIds };
}
