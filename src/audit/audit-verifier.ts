import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { streamRows, withPgClient } from '../database/pg-client.js';
import { ChainVerifier, type StoredEvent } from './domain/chain-verifier.js';
import { checkpointRoot, verifyRoot, type ChainHead } from './domain/checkpoint.js';
import { GENESIS_HASH, type ActorType } from './domain/hash-chain.js';
import { EVENT_HASH_SQL, ISO_MS } from './event-hash-sql.js';
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

type Client = Parameters<Parameters<typeof withPgClient>[1]>[0];

/** The head every chain must end at: case chains' on the case row, the others' on their chain row. */
const HEADS_SQL = `SELECT 'case:' || id AS chain_id, audit_seq AS seq, audit_hash AS hash FROM cases
                   UNION ALL SELECT chain_id, head_seq, head_hash FROM audit_chains`;

/** Suspect chains judged per round; more are fetched only if every one of them turns out sound. */
const SUSPECTS_PER_ROUND = 20;

/**
 * Recomputes everything the log claims: signed checkpoints (roots chained
 * and signatures valid), every chain's hashes and links against the signed
 * heads, chain tails against the heads kept on cases and chain rows, and the
 * decision records against the events that sealed them.
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
    private readonly db: DataSource,
    private readonly signing: AuditSigningKey,
    private readonly metrics: Metrics,
  ) {}

  async verify(): Promise<VerifyReport> {
    const started = Date.now();
    const report = await withPgClient(this.db, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // The joins below hold millions of (chain, seq, hash) rows: in memory they are one pass, on disk many.
        await client.query(`SET LOCAL work_mem = '256MB'`);
        // Merge joins here sort millions of rows on one core; hash joins read the events once, in parallel.
        await client.query(`SET LOCAL enable_mergejoin = off`);
        const checkpoints = await this.verifyCheckpoints(client);
        if ('reason' in checkpoints) return { checked: 0, checkpoints: checkpoints.count, ...checkpoints.problem };
        const [{ events }] = (await client.query<{ events: string }>(`SELECT count(*) AS events FROM audit_events`))
          .rows;
        const checked = Number(events);
        const chain = await this.verifyChains(client);
        if (chain) return { checked, checkpoints: checkpoints.count, ...chain };
        const tail = await this.verifyTails(client);
        if (tail) return { checked, checkpoints: checkpoints.count, ...tail };
        const record = await this.verifyDecisionRecords(client);
        if (record) return { checked, checkpoints: checkpoints.count, ...record };
        return { checked, checkpoints: checkpoints.count, firstInvalidEventId: null };
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

  /** The first chain, in chain order, with a changed, missing, inserted or re-hashed event. */
  private async verifyChains(client: Client): Promise<Partial<VerifyReport> | undefined> {
    let after = '';
    for (;;) {
      const suspects = await this.suspectChains(client, after);
      for (const chainId of suspects) {
        const problem = (await this.walkChain(client, chainId)) ?? (await this.chainTail(client, chainId));
        if (problem) return problem;
        // Only a difference between the SQL and the domain rendering of an event gets here: worth knowing.
        this.logger.warn({ event: 'audit_verify_false_suspect', chainId }, 'chain suspected in SQL verified sound');
      }
      if (suspects.length < SUSPECTS_PER_ROUND) return undefined;
      after = suspects[suspects.length - 1];
    }
  }

  /**
   * Chains that may not hold, in chain order, after `after`: an event whose
   * hash is not what its content and link make it (or a first event not
   * linked to the genesis hash); a claim on an event that is not there as
   * claimed — each event claims its predecessor's hash, each head row and
   * signed head claims its chain's event at its seq — which catches gaps,
   * broken links, truncated tails and re-hashed signed stretches. Each part
   * is one parallel scan or hash anti-join; the CTE is materialised so the
   * LIMIT cannot talk the planner into nested loops.
   */
  private async suspectChains(client: Client, after: string): Promise<string[]> {
    const { rows } = await client.query<{ chain_id: string }>(
      `WITH suspect AS MATERIALIZED (
         SELECT e.chain_id FROM audit_events e
          WHERE e.chain_id > $1 AND (e.hash <> ${EVENT_HASH_SQL} OR (e.seq = 1 AND e.prev_hash <> $2))
         UNION ALL
         SELECT c.chain_id FROM (
           SELECT chain_id, seq - 1 AS seq, prev_hash AS hash FROM audit_events WHERE seq > 1
           UNION ALL ${HEADS_SQL}
           UNION ALL SELECT chain_id, head_seq, head_hash FROM audit_checkpoint_heads
         ) c
          WHERE c.chain_id > $1
            AND NOT EXISTS (SELECT 1 FROM audit_events p WHERE p.chain_id = c.chain_id AND p.seq = c.seq AND p.hash = c.hash)
       )
       SELECT DISTINCT chain_id FROM suspect ORDER BY chain_id LIMIT ${SUSPECTS_PER_ROUND}`,
      [after, GENESIS_HASH],
    );
    return rows.map((r) => r.chain_id);
  }

  private async walkChain(client: Client, chainId: string): Promise<Partial<VerifyReport> | undefined> {
    const chains = new ChainVerifier();
    for await (const row of streamRows(
      client,
      `SELECT e.id, e.chain_id, e.seq, to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_MS}), e.actor_type,
              e.actor_id, e.actor_role, e.actor_agency_id, e.action, e.subject_type, e.subject_id, e.request_id,
              e.payload::text, e.prev_hash, e.hash, h.head_hash
         FROM audit_events e
         LEFT JOIN audit_checkpoint_heads h ON h.chain_id = e.chain_id AND h.head_seq = e.seq
        WHERE e.chain_id = $1
        ORDER BY e.seq`,
      [chainId],
    )) {
      const problem = chains.push(toStoredEvent(row));
      if (problem) return { firstInvalidEventId: problem.eventId, chainId: problem.chainId, reason: problem.reason };
    }
    return undefined;
  }

  private async verifyCheckpoints(
    client: Client,
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
   * Every chain must end where its head says: the case row (case chains) or
   * the chain row (others), and no earlier than its last signed head. A head
   * whose event is missing or altered, or a signed head beyond the tail, is a
   * claim the suspects query already caught; what is left is an event beyond
   * its head, or a chain with no head at all (one hash join over the events).
   */
  private async verifyTails(client: Client): Promise<Partial<VerifyReport> | undefined> {
    const { rows } = await client.query<{ chain_id: string | null }>(
      `SELECT min(e.chain_id) AS chain_id
         FROM audit_events e LEFT JOIN (${HEADS_SQL}) h ON h.chain_id = e.chain_id
        WHERE h.chain_id IS NULL OR e.seq > h.seq`,
    );
    const chainId = rows[0]?.chain_id;
    return chainId ? this.chainTail(client, chainId) : undefined;
  }

  /** One chain's tail against its head row and its signed heads. */
  private async chainTail(client: Client, chainId: string): Promise<Partial<VerifyReport> | undefined> {
    const caseId = /^case:([0-9a-f-]{36})$/.exec(chainId)?.[1] ?? null;
    const { rows } = await client.query<{ last_id: string | null; sound: boolean }>(
      `WITH last AS (SELECT id, seq, hash FROM audit_events WHERE chain_id = $1 ORDER BY seq DESC LIMIT 1),
            head AS (SELECT audit_seq AS seq, audit_hash AS hash FROM cases WHERE id = $2::uuid
                     UNION ALL SELECT head_seq, head_hash FROM audit_chains WHERE chain_id = $1),
            signed AS (SELECT max(head_seq) AS seq FROM audit_checkpoint_heads WHERE chain_id = $1)
       SELECT last.id AS last_id,
              coalesce(last.seq = head.seq AND last.hash = head.hash AND (signed.seq IS NULL OR signed.seq <= last.seq),
                       false) AS sound
         FROM signed LEFT JOIN last ON true LEFT JOIN head ON true`,
      [chainId, caseId],
    );
    const tail = rows[0];
    if (tail.sound) return undefined;
    return { firstInvalidEventId: tail.last_id, chainId, reason: 'chain_truncated' };
  }

  /** Each decision record must equal what its audit event sealed (the event's hash protects the event, not the row). */
  private async verifyDecisionRecords(client: Client): Promise<Partial<VerifyReport> | undefined> {
    const { rows } = await client.query<{ event_id: string | null; case_id: string }>(
      // Materialised, so the planner plans the whole parallel hash join rather than a LIMIT-1 nested loop.
      `WITH altered AS MATERIALIZED (
       SELECT e.id AS event_id, d.case_id
         FROM decision_records d
         LEFT JOIN audit_events e ON e.id = d.audit_event_id
        WHERE e.id IS NULL
           OR e.hash <> d.audit_hash
           OR e.chain_id <> 'case:' || d.case_id
           OR e.actor_id IS DISTINCT FROM d.actor_id
           -- The deciding agency is the actor's, which the event seals (the case's only for a record without one).
           OR d.deciding_agency_id IS DISTINCT FROM coalesce(e.actor_agency_id, d.agency_id)
           OR (e.payload::jsonb) IS DISTINCT FROM jsonb_build_object(
                'decisionId', d.id, 'sequence', d.sequence, 'type', d.type, 'outcome', d.outcome, 'reason', d.reason,
                'details', d.payload, 'reviewId', d.review_id,
                'occurredAt', to_char(d.occurred_at AT TIME ZONE 'UTC', ${ISO_MS})))
       SELECT * FROM altered LIMIT 1`,
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
