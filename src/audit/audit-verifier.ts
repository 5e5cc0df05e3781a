import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { streamRows, withPgClient } from '../database/pg-client.js';
import { ChainVerifier, type StoredEvent } from './domain/chain-verifier.js';
import { checkpointRoot, verifyRoot, type ChainHead } from './domain/checkpoint.js';
import { GENESIS_HASH, type ActorType } from './domain/hash-chain.js';
import { Metrics } from '../metrics/metrics.js';
import { AuditSigningKey } from './audit-signing-key.js';

export interface VerifyReport {
  ok: boolean;
  /** Events whose hashes were recomputed. */
  checked: number;
  checkpoints: number;
  firstInvalidEventId: string | null;
  chainId?: string;
  reason?: string;
  checkpointSeq?: number;
  durationMs: number;
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Recomputes everything the log claims: signed checkpoints (roots chained
 * and signatures valid), every chain's hashes and links against the signed
 * heads, chain tails against the heads kept on cases and chain rows, and the
 * decision records against the events that sealed them. Reads stream through
 * cursors, so memory does not grow with the log.
 */
@Injectable()
export class AuditVerifier {
  private readonly logger = new Logger(AuditVerifier.name);

  constructor(
    private readonly db: DataSource,
    private readonly signing: AuditSigningKey,
    private readonly metrics: Metrics,
  ) {}

  async verify(): Promise<VerifyReport> {
    const started = Date.now();
    const report = await withPgClient(this.db, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const checkpoints = await this.verifyCheckpoints(client);
        if ('reason' in checkpoints) return { checked: 0, checkpoints: checkpoints.count, ...checkpoints.problem };
        const chains = new ChainVerifier();
        for await (const row of streamRows(
          client,
          `SELECT e.id, e.chain_id, e.seq, to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_MS}), e.actor_type,
                  e.actor_id, e.actor_role, e.actor_agency_id, e.action, e.subject_type, e.subject_id, e.request_id,
                  e.payload::text, e.prev_hash, e.hash, h.head_hash
             FROM audit_events e
             LEFT JOIN audit_checkpoint_heads h ON h.chain_id = e.chain_id AND h.head_seq = e.seq
            ORDER BY e.chain_id, e.seq`,
        )) {
          const problem = chains.push(toStoredEvent(row));
          if (problem) {
            return {
              checked: chains.checked,
              checkpoints: checkpoints.count,
              firstInvalidEventId: problem.eventId,
              chainId: problem.chainId,
              reason: problem.reason,
            };
          }
        }
        const tail = await this.verifyTails(client);
        if (tail) return { checked: chains.checked, checkpoints: checkpoints.count, ...tail };
        const record = await this.verifyDecisionRecords(client);
        if (record) return { checked: chains.checked, checkpoints: checkpoints.count, ...record };
        return { checked: chains.checked, checkpoints: checkpoints.count, firstInvalidEventId: null };
      } finally {
        await client.query('COMMIT');
      }
    });
    const result: VerifyReport = {
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

  private async verifyCheckpoints(
    client: Parameters<Parameters<typeof withPgClient>[1]>[0],
  ): Promise<{ count: number } | { count: number; reason: string; problem: Partial<VerifyReport> }> {
    const { rows } = await client.query<{
      seq: number;
      created_at: string;
      watermark: string;
      prev_root: Buffer;
      root: Buffer;
      signature: Buffer;
    }>(
      `SELECT seq, to_char(created_at AT TIME ZONE 'UTC', ${ISO_MS}) AS created_at, watermark::text AS watermark,
              prev_root, root, signature
         FROM audit_checkpoints ORDER BY seq`,
    );
    let prevRoot: Buffer = GENESIS_HASH;
    let expected = 1;
    for (const c of rows) {
      const heads = await client.query<{ chain_id: string; head_seq: number; head_hash: Buffer }>(
        `SELECT chain_id, head_seq, head_hash FROM audit_checkpoint_heads WHERE checkpoint_seq = $1`,
        [c.seq],
      );
      const chainHeads: ChainHead[] = heads.rows.map((h) => ({
        chainId: h.chain_id,
        seq: h.head_seq,
        hash: h.head_hash,
      }));
      const root = checkpointRoot(prevRoot, {
        seq: c.seq,
        createdAt: c.created_at,
        watermark: c.watermark,
        heads: chainHeads,
      });
      const fault =
        c.seq !== expected
          ? 'checkpoint_missing'
          : !c.prev_root.equals(prevRoot) || !root.equals(c.root)
            ? 'checkpoint_altered'
            : !verifyRoot(this.signing.key.publicKey, c.root, c.signature)
              ? 'checkpoint_signature_invalid'
              : undefined;
      if (fault) {
        return {
          count: rows.length,
          reason: fault,
          problem: { firstInvalidEventId: null, reason: fault, checkpointSeq: c.seq },
        };
      }
      prevRoot = c.root;
      expected += 1;
    }
    return { count: rows.length };
  }

  /**
   * Every chain must end where its head says: the case row (case chains), the
   * chain row (others) and no earlier than its last signed head. A truncated
   * tail or a chain whose events vanished shows up here.
   */
  private async verifyTails(
    client: Parameters<Parameters<typeof withPgClient>[1]>[0],
  ): Promise<Partial<VerifyReport> | undefined> {
    const { rows } = await client.query<{ chain_id: string; last_id: string | null }>(
      `WITH last AS (
         SELECT DISTINCT ON (chain_id) chain_id, seq, hash, id FROM audit_events ORDER BY chain_id, seq DESC
       ), heads AS (
         SELECT 'case:' || id AS chain_id, audit_seq AS seq, audit_hash AS hash FROM cases
         UNION ALL
         SELECT chain_id, head_seq, head_hash FROM audit_chains
       ), signed AS (
         SELECT chain_id, max(head_seq) AS seq FROM audit_checkpoint_heads GROUP BY chain_id
       )
       SELECT coalesce(h.chain_id, l.chain_id, s.chain_id) AS chain_id, l.id AS last_id
         FROM heads h
         FULL JOIN last l ON l.chain_id = h.chain_id
         FULL JOIN signed s ON s.chain_id = coalesce(h.chain_id, l.chain_id)
        WHERE h.chain_id IS NULL OR l.chain_id IS NULL
           OR l.seq <> h.seq OR l.hash <> h.hash
           OR (s.seq IS NOT NULL AND (l.seq IS NULL OR l.seq < s.seq))
        LIMIT 1`,
    );
    const bad = rows[0];
    if (!bad) return undefined;
    return { firstInvalidEventId: bad.last_id, chainId: bad.chain_id, reason: 'chain_truncated' };
  }

  /** Each decision record must equal what its audit event sealed (the event's hash protects the event, not the row). */
  private async verifyDecisionRecords(
    client: Parameters<Parameters<typeof withPgClient>[1]>[0],
  ): Promise<Partial<VerifyReport> | undefined> {
    const { rows } = await client.query<{ event_id: string | null; case_id: string }>(
      `SELECT e.id AS event_id, d.case_id
         FROM decision_records d
         LEFT JOIN audit_events e ON e.id = d.audit_event_id
        WHERE e.id IS NULL
           OR e.hash <> d.audit_hash
           OR e.chain_id <> 'case:' || d.case_id
           OR e.actor_id IS DISTINCT FROM d.actor_id
           OR (e.payload::jsonb) IS DISTINCT FROM jsonb_build_object(
                'decisionId', d.id, 'sequence', d.sequence, 'type', d.type, 'outcome', d.outcome, 'reason', d.reason,
                'details', d.payload, 'reviewId', d.review_id,
                'occurredAt', to_char(d.occurred_at AT TIME ZONE 'UTC', ${ISO_MS}))
        LIMIT 1`,
    );
    const bad = rows[0];
    if (!bad) return undefined;
    return { firstInvalidEventId: bad.event_id, chainId: `case:${bad.case_id}`, reason: 'decision_record_altered' };
  }
}

function toStoredEvent(r: unknown[]): StoredEvent {
  return {
    id: r[0] as string,
    chainId: r[1] as string,
    seq: r[2] as number,
    recordedAt: r[3] as string,
    actor: {
      type: r[4] as ActorType,
      id: r[5] as string | null,
      role: r[6] as string | null,
      agencyId: r[7] as string | null,
    },
    action: r[8] as string,
    subject: { type: r[9] as string, id: r[10] as string | null },
    requestId: r[11] as string | null,
    payloadText: r[12] as string,
    prevHash: r[13] as Buffer,
    hash: r[14] as Buffer,
    signedHash: r[15] as Buffer | null,
  };
}
