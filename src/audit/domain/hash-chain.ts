import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json.js';

/**
 * Tamper evidence for the audit log. Every event belongs to one chain (a case,
 * a user's reads, a review…) and carries
 *
 *   hash = SHA-256( prevHash ‖ UTF-8( JCS(event) ) )
 *
 * where JCS is the JSON Canonicalization Scheme (RFC 8785), so anyone holding
 * an export can recompute it with any JCS library. The first event of a chain
 * links to 32 zero bytes.
 */
export const GENESIS_HASH = Buffer.alloc(32);

export type ActorType = 'user' | 'api_key' | 'system';

export interface AuditActor {
  type: ActorType;
  id: string | null;
  role: string | null;
  agencyId: string | null;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEventContent {
  /** The event's own id is sealed too, so it cannot be swapped for another. */
  id: string;
  chainId: string;
  seq: number;
  /** ISO-8601 UTC with milliseconds, as stored. */
  recordedAt: string;
  actor: AuditActor;
  action: string;
  subject: { type: string; id: string | null };
  requestId: string | null;
  payload: JsonValue;
}

export function canonicalEvent(event: AuditEventContent): string {
  return canonicalJson(event);
}

/**
 * The canonical text of an event whose payload is already canonical JSON
 * text (as stored). Equal to `canonicalEvent` for the same content (a
 * property test holds them together) but builds no object and sorts nothing,
 * which is what lets verification run at hundreds of thousands of events a
 * second. Keys appear in JCS order (UTF-16 code-unit order).
 */
export function canonicalEventText(event: Omit<AuditEventContent, 'payload'>, canonicalPayload: string): string {
  const a = event.actor;
  return (
    `{"action":${JSON.stringify(event.action)}` +
    `,"actor":{"agencyId":${json(a.agencyId)},"id":${json(a.id)},"role":${json(a.role)},"type":${JSON.stringify(a.type)}}` +
    `,"chainId":${JSON.stringify(event.chainId)}` +
    `,"id":${JSON.stringify(event.id)}` +
    `,"payload":${canonicalPayload}` +
    `,"recordedAt":${JSON.stringify(event.recordedAt)}` +
    `,"requestId":${json(event.requestId)}` +
    `,"seq":${event.seq}` +
    `,"subject":{"id":${json(event.subject.id)},"type":${JSON.stringify(event.subject.type)}}}`
  );
}

function json(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

export function chainHash(prevHash: Buffer, canonicalText: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalText, 'utf8').digest();
}

export function hashEvent(prevHash: Buffer, event: AuditEventContent): Buffer {
  return chainHash(prevHash, canonicalEvent(event));
}
