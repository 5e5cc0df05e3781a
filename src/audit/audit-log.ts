import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { sealEvent, type AuditEntry, type SealedEvent } from './domain/audit-event.js';
import { GENESIS_HASH, type AuditActor } from './domain/hash-chain.js';

export interface AuditAuthor {
  actor: AuditActor;
  requestId: string | null;
}

/**
 * Appends audit events inside the caller's transaction. `append` serialises
 * writers of one chain on that chain's head row and nothing else; case
 * chains keep their head on the case row instead (`insert` with events the
 * cases repository sealed), because the case's version check already orders
 * them.
 */
@Injectable()
export class AuditLog {
  async append(manager: EntityManager, author: AuditAuthor, entry: AuditEntry): Promise<SealedEvent> {
    // The no-op update takes the row lock and returns the head in one round trip.
    const [head] = await manager.query<{ head_seq: number; head_hash: Buffer }[]>(
      `INSERT INTO audit_chains (chain_id, head_seq, head_hash) VALUES ($1, 0, $2)
       ON CONFLICT (chain_id) DO UPDATE SET chain_id = EXCLUDED.chain_id
       RETURNING head_seq, head_hash`,
      [entry.chainId, GENESIS_HASH],
    );
    const sealed = sealEvent(
      { seq: head.head_seq, hash: head.head_hash },
      entry,
      author.actor,
      author.requestId,
      newId(),
      new Date(),
    );
    await this.insert(manager, [sealed]);
    await manager.query(
      `UPDATE audit_chains SET head_seq = $2, head_hash = $3, updated_at = now() WHERE chain_id = $1`,
      [entry.chainId, sealed.content.seq, sealed.hash],
    );
    return sealed;
  }

  async insert(manager: EntityManager, events: SealedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const c = e.content;
      const values = [
        e.id,
        c.chainId,
        c.seq,
        c.recordedAt,
        c.actor.type,
        c.actor.id,
        c.actor.role,
        c.actor.agencyId,
        c.action,
        c.subject.type,
        c.subject.id,
        c.requestId,
        e.canonicalPayload,
        e.prevHash,
        e.hash,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                 action, subject_type, subject_id, request_id, payload, prev_hash, hash)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
