import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Conflict, Forbidden } from '../common/domain-errors.js';
import {
  decodeCursor,
  decodeTimeIdCursor,
  pageSize,
  toPage,
  type Page,
  type PageQueryDto,
} from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AuditCheckpointer } from './audit-checkpointer.js';
import { AuditLog } from './audit-log.js';
import { AuditSigningKey } from './audit-signing-key.js';
import { AuditVerifier, type VerifyReport } from './audit-verifier.js';
import { chains } from './domain/audit-event.js';
import type {
  AuditEventResponse,
  CheckpointExportResponse,
  CheckpointResponse,
  ListAuditEventsQuery,
  VerifyQuery,
} from './dto.js';

interface CheckpointRow {
  seq: number;
  created_at: Date;
  watermark: string;
  prev_root: Buffer;
  root: Buffer;
  signature: Buffer;
  key_id: string;
  chain_count: number;
}

/**
 * How long a seal on demand waits for older transactions to end before sealing what it can. The watermark is
 * cluster-wide, so a long statement in another database of the same server (a CREATE DATABASE, a bulk load) holds
 * it too; with one application per server this wait is over at once.
 */
const SEAL_WAIT_MS = 10_000;

const CHECKPOINT_COLUMNS =
  'seq, created_at, watermark::text AS watermark, prev_root, root, signature, key_id, chain_count';

interface EventRow {
  id: string;
  chain_id: string;
  seq: number;
  recorded_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  payload: unknown;
  prev_hash: Buffer;
  hash: Buffer;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly verifier: AuditVerifier,
    private readonly signing: AuditSigningKey,
    private readonly checkpointer: AuditCheckpointer,
    private readonly audit: AuditLog,
  ) {}

  async events(ctx: RequestContext, q: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
    if (!ctx.ability.can('read', 'AuditEvent')) throw new Forbidden('Only the commissioner reads audit events.');
    const limit = pageSize(q);
    const after = decodeTimeIdCursor(q.cursor, 'recordedAt');
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    const add = (v: unknown) => `$${params.push(v)}`;
    if (q.subjectType) where.push(`subject_type = ${add(q.subjectType)}`);
    if (q.subjectId) where.push(`subject_id = ${add(q.subjectId)}`);
    if (q.action) where.push(`action = ${add(q.action)}`);
    if (q.chainId) where.push(`chain_id = ${add(q.chainId)}`);
    // As instants, not text: PostgreSQL refuses offsets past ±15:59 that ISO 8601 (and Date) accept.
    if (q.from) where.push(`recorded_at >= ${add(new Date(q.from))}`);
    if (q.to) where.push(`recorded_at < ${add(new Date(q.to))}`);
    if (after) where.push(`(recorded_at, id) > (${add(after.recordedAt)}::timestamptz, ${add(after.id)}::uuid)`);
    const rows = await this.db.query<EventRow[]>(
      `SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY recorded_at, id LIMIT ${add(limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        chainId: r.chain_id,
        seq: r.seq,
        recordedAt: r.recorded_at.toISOString(),
        actor: { type: r.actor_type, id: r.actor_id, role: r.actor_role, agencyId: r.actor_agency_id },
        action: r.action,
        subject: { type: r.subject_type, id: r.subject_id },
        requestId: r.request_id,
        payload: r.payload,
        prevHash: r.prev_hash.toString('hex'),
        hash: r.hash.toString('hex'),
      }),
      (r) => ({ recordedAt: r.recorded_at.toISOString(), id: r.id }),
    );
  }

  async verify(ctx: RequestContext, q: VerifyQuery): Promise<VerifyReport> {
    if (!ctx.ability.can('verify', 'AuditEvent'))
      throw new Forbidden('Only the commissioner and administrators verify the audit log.');
    return this.verifier.verify({ head: q.head ? Buffer.from(q.head, 'hex') : undefined });
  }

  async checkpoints(ctx: RequestContext, q: PageQueryDto): Promise<CheckpointExportResponse> {
    if (!ctx.ability.can('verify', 'AuditEvent'))
      throw new Forbidden('Only the commissioner and administrators export checkpoints.');
    const limit = pageSize(q);
    const after = decodeCursor(q.cursor, ['seq'] as const, (p) => /^\d{1,9}$/.test(p.seq));
    const rows = await this.db.query<CheckpointRow[]>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after ? Number(after.seq) : 0, limit + 1],
    );
    const page = toPage(rows, limit, toCheckpointResponse, (r) => ({ seq: String(r.seq) }));
    const verifyKeys = [...this.signing.verifyKeys.values()].map((k) => ({
      keyId: k.keyId,
      publicKeyPem: k.publicKeyPem,
      publicKey: k.publicKeyBase64,
    }));
    return { publicKeyPem: this.signing.key.publicKeyPem, keyId: this.signing.key.keyId, verifyKeys, ...page };
  }

  /**
   * Seals a checkpoint now, through the scheduled job's code path, so a new
   * installation need not wait for the schedule. The request is itself an
   * audit event (who asked), committed first; the checkpoint window ends at
   * the oldest transaction still running anywhere in the cluster, so the seal
   * waits (briefly) until that has moved past the request's own event, and
   * the checkpoint covers it. `sealed: false` when nothing new is below the
   * watermark even then: the latest checkpoint is returned instead.
   */
  async seal(ctx: RequestContext): Promise<{ sealed: boolean; checkpoint: CheckpointResponse }> {
    if (!ctx.ability.can('verify', 'AuditEvent'))
      throw new Forbidden('Only the commissioner and administrators seal checkpoints.');
    const requestXid = await this.db.transaction(async (manager) => {
      await this.audit.appendFor(manager, ctx, {
        chainId: chains.system,
        action: 'audit.checkpoint_requested',
        subject: { type: 'audit_checkpoint', id: null },
        payload: {},
      });
      const [{ xid }] = await manager.query<{ xid: string }[]>(`SELECT pg_current_xact_id()::text AS xid`);
      return BigInt(xid);
    });
    await this.waitForWatermarkPast(requestXid);
    const result = await this.checkpointer.checkpoint();
    const [row] = await this.db.query<CheckpointRow[]>(
      result
        ? `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE seq = $1`
        : `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`,
      result ? [result.seq] : [],
    );
    if (!row) {
      // Only while every event so far belongs to a transaction older than one still running.
      throw new Conflict('checkpoint-nothing-to-seal', 'No committed audit event to seal yet; try again shortly.');
    }
    return { sealed: result !== undefined, checkpoint: toCheckpointResponse(row) };
  }

  private async waitForWatermarkPast(xid: bigint): Promise<void> {
    const deadline = Date.now() + SEAL_WAIT_MS;
    for (;;) {
      const [{ xmin }] = await this.db.query<{ xmin: string }[]>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
      );
      if (BigInt(xmin) > xid || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function toCheckpointResponse(r: CheckpointRow): CheckpointResponse {
  return {
    seq: r.seq,
    createdAt: r.created_at.toISOString(),
    watermark: r.watermark,
    prevRoot: r.prev_root.toString('hex'),
    root: r.root.toString('hex'),
    signature: r.signature.toString('base64'),
    keyId: r.key_id,
    chainCount: r.chain_count,
  };
}
