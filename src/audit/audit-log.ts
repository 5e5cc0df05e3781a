import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import type { RequestContext } from '../common/request-context.js';
import { auditActorOf, sealEvent, type AuditEntry, type SealedEvent } from './domain/audit-event.js';
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
  /** `append` authored by the request's caller. */
  appendFor(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actor' | 'requestId'>,
    entry: AuditEntry,
  ): Promise<SealedEvent> {
    return this.append(manager, { actor: auditActorOf(ctx.actor), requestId: ctx.requestId }, entry);
  }

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

  /**
   * Appends many entries in three statements whatever their number (used by
   * scans that raise or resolve thousands of alerts). Chain heads are taken
   * in sorted order so two batches cannot deadlock.
   */
  async appendMany(manager: EntityManager, author: AuditAuthor, entries: AuditEntry[]): Promise<SealedEvent[]> {
    if (entries.length === 0) return [];
    const chainIds = [...new Set(entries.map((e) => e.chainId))].sort();
    const heads = await manager.query<{ chain_id: string; head_seq: number; head_hash: Buffer }[]>(
      `INSERT INTO audit_chains (chain_id, head_seq, head_hash)
       SELECT id, 0, $2 FROM unnest($1::text[]) AS id ORDER BY id
       ON CONFLICT (chain_id) DO UPDATE SET chain_id = EXCLUDED.chain_id
       RETURNING chain_id, head_seq, head_hash`,
      [chainIds, GENESIS_HASH],
    );
    const position = new Map(heads.map((h) => [h.chain_id, { seq: h.head_seq, hash: h.head_hash }]));
    const now = new Date();
    const sealed = entries.map((entry) => {
      const event = sealEvent(position.get(entry.chainId)!, entry, author.actor, author.requestId, newId(), now);
      position.set(entry.chainId, { seq: event.content.seq, hash: event.hash });
      return event;
    });
    await this.insert(manager, sealed);
    const ids = [...position.keys()];
    await manager.query(
      `UPDATE audit_chains a SET head_seq = v.seq, head_hash = v.hash, updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::bytea[]) AS v(chain_id, seq, hash)
        WHERE a.chain_id = v.chain_id`,
      [ids, ids.map((id) => position.get(id)!.seq), ids.map((id) => position.get(id)!.hash)],
    );
    return sealed;
  }

  /** One statement for any number of events: fifteen arrays, not fifteen parameters per event. */
  async insert(manager: EntityManager, events: SealedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const column = <T>(of: (e: SealedEvent) => T) => events.map(of);
    await manager.query(
      `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                 action, subject_type, subject_id, request_id, payload, prev_hash, hash)
       SELECT id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
              action, subject_type, subject_id, request_id, payload::json, prev_hash, hash
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::uuid[], $7::text[],
                     $8::uuid[], $9::text[], $10::text[], $11::uuid[], $12::text[], $13::text[], $14::bytea[],
                     $15::bytea[])
           AS e(id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                action, subject_type, subject_id, request_id, payload, prev_hash, hash)`,
      [
        column((e) => e.id),
        column((e) => e.content.chainId),
        column((e) => e.content.seq),
        column((e) => e.content.recordedAt),
        column((e) => e.content.actor.type),
        column((e) => e.content.actor.id),
        column((e) => e.content.actor.role),
        column((e) => e.content.actor.agencyId),
        column((e) => e.content.action),
        column((e) => e.content.subject.type),
        column((e) => e.content.subject.id),
        column((e) => e.content.requestId),
        column((e) => e.canonicalPayload),
        column((e) => e.prevHash),
        column((e) => e.hash),
      ],
    );
  }
}
