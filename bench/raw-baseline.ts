import pg from 'pg';
import { v7 } from 'uuid';
import { chains, sealEvent, type SealedEvent } from '../src/audit/domain/audit-event.js';

export interface RawCase {
  id: string;
  agencyId: string;
  version: number;
  auditSeq: number;
  auditHash: Buffer;
}

export interface BaselineResult {
  transactions: number;
  durationS: number;
  txPerSec: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/**
 * The database's own limit for a decision, without Nest: per decision one
 * transaction that inserts the record, bumps the case version conditionally
 * and inserts the audit event (sealed with the same hash-chain code), at
 * `clients` concurrent connections running as the application role.
 */
export async function rawDecisions(
  url: string,
  cases: RawCase[],
  clients: number,
  seconds: number,
): Promise<BaselineResult> {
  const pool = new pg.Pool({ connectionString: url, max: clients, options: '-c role=oversight_app' });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline && next < cases.length) {
        const c = cases[next++];
        const t0 = process.hrtime.bigint();
        const now = new Date();
        const recordId = v7();
        const event: SealedEvent = sealEvent(
          { seq: c.auditSeq, hash: c.auditHash },
          {
            chainId: chains.case(c.id),
            action: 'case.decision_recorded',
            subject: { type: 'case', id: c.id },
            payload: {
              decisionId: recordId,
              sequence: c.version + 1,
              type: 'refer',
              outcome: null,
              reason: 'Indicators of exploitation',
              details: {},
              reviewId: null,
              occurredAt: now.toISOString(),
              agencyId: c.agencyId,
            },
          },
          { type: 'api_key', id: c.agencyId, role: 'agency_officer', agencyId: c.agencyId },
          null,
          v7(),
          now,
        );
        try {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO decision_records (id, case_id, sequence, type, outcome, reason, payload, agency_id, actor_type,
                                           actor_id, actor_role, actor_agency_id, deciding_agency_id, occurred_at,
                                           recorded_at, audit_event_id, audit_hash, state_before, state_after)
             VALUES ($1, $2, $3, 'refer', NULL, 'Indicators of exploitation', '{}', $4, 'api_key', $4, 'agency_officer',
                     $4, $4, $5, $5, $6, $7, (SELECT state FROM cases WHERE id = $2), 'referred')`,
            [recordId, c.id, c.version + 1, c.agencyId, now, event.id, event.hash],
          );
          const updated = await client.query(
            `UPDATE cases SET state = 'referred', version = version + 1, ever_referred = true, referred_at = $3,
                              audit_seq = $4, audit_hash = $5, updated_at = $3
              WHERE id = $1 AND version = $2`,
            [c.id, c.version, now, event.content.seq, event.hash],
          );
          if (updated.rowCount !== 1) throw new Error('version moved');
          const e = event.content;
          await client.query(
            `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                       action, subject_type, subject_id, request_id, payload, prev_hash, hash)
             VALUES ($1, $2, $3, $4, 'api_key', $5, 'agency_officer', $5, $6, 'case', $7, NULL, $8, $9, $10)`,
            [
              event.id,
              e.chainId,
              e.seq,
              e.recordedAt,
              c.agencyId,
              e.action,
              c.id,
              event.canonicalPayload,
              event.prevHash,
              event.hash,
            ],
          );
          await client.query('COMMIT');
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          failures += 1;
          await client.query('ROLLBACK').catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const durationS = (Date.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 10) / 10;
  return {
    transactions: latencies.length,
    durationS: Math.round(durationS * 10) / 10,
    txPerSec: Math.round(latencies.length / durationS),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    failures,
  };
}
