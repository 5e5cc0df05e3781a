import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkpointRoot, signRoot, type ChainHead } from './domain/checkpoint.js';
import { GENESIS_HASH } from './domain/hash-chain.js';
import { AuditSigningKey } from './audit-signing-key.js';

export interface CheckpointResult {
  seq: number;
  chainCount: number;
}

const CHECKPOINT_LOCK = 7_270_003;

/**
 * Seals the heads of every chain that grew since the last checkpoint. The
 * window is defined by transaction ids, not clocks: the new watermark is the
 * oldest transaction still running, so every event below it has committed or
 * never will, and each event falls in exactly one checkpoint's window.
 */
@Injectable()
export class AuditCheckpointer {
  private readonly logger = new Logger(AuditCheckpointer.name);

  constructor(
    private readonly db: DataSource,
    private readonly signing: AuditSigningKey,
  ) {}

  async checkpoint(now = new Date()): Promise<CheckpointResult | undefined> {
    // READ COMMITTED, lock first: a checkpointer that waited for the lock must see the one it waited for.
    // Every transaction below the watermark has finished, so each later statement sees all of its window.
    const result = await this.db.transaction('READ COMMITTED', async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      const [{ watermark }] = await manager.query<{ watermark: string }[]>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark`,
      );
      const [prev] = await manager.query<{ seq: number; watermark: string; root: Buffer }[]>(
        `SELECT seq, watermark::text AS watermark, root FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`,
      );
      const rows = await manager.query<{ chain_id: string; seq: number; hash: Buffer }[]>(
        `SELECT DISTINCT ON (chain_id) chain_id, seq, hash FROM audit_events
          WHERE created_xid >= $1::xid8 AND created_xid < $2::xid8
          ORDER BY chain_id, seq DESC`,
        [prev?.watermark ?? '0', watermark],
      );
      if (rows.length === 0) return undefined;
      const heads: ChainHead[] = rows.map((r) => ({ chainId: r.chain_id, seq: r.seq, hash: r.hash }));
      const seq = (prev?.seq ?? 0) + 1;
      const prevRoot = prev?.root ?? GENESIS_HASH;
      const createdAt = now.toISOString();
      const root = checkpointRoot(prevRoot, { seq, createdAt, watermark, heads });
      const signature = signRoot(this.signing.key, root);
      await manager.query(
        `INSERT INTO audit_checkpoints (seq, created_at, watermark, prev_root, root, signature, key_id, chain_count)
         VALUES ($1, $2, $3::xid8, $4, $5, $6, $7, $8)`,
        [seq, createdAt, watermark, prevRoot, root, signature, this.signing.key.keyId, heads.length],
      );
      for (let i = 0; i < heads.length; i += 1_000) {
        const batch = heads.slice(i, i + 1_000);
        await manager.query(
          `INSERT INTO audit_checkpoint_heads (checkpoint_seq, chain_id, head_seq, head_hash)
           SELECT $1, * FROM unnest($2::text[], $3::int[], $4::bytea[])`,
          [seq, batch.map((h) => h.chainId), batch.map((h) => h.seq), batch.map((h) => h.hash)],
        );
      }
      return { seq, chainCount: heads.length };
    });
    if (result) this.logger.log({ event: 'audit_checkpoint', ...result }, 'audit checkpoint signed');
    return result;
  }
}
