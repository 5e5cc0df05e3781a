import { canonicalEvent, chainHash, type AuditActor, type AuditEventContent, type JsonValue } from './hash-chain.js';
import { canonicalJson } from '../../common/canonical-json.js';
import type { Actor } from '../../authz/domain/roles.js';

export interface ChainPosition {
  seq: number;
  hash: Buffer;
}

export interface AuditEntry {
  chainId: string;
  action: string;
  subject: { type: string; id: string | null };
  payload: JsonValue;
}

/** A sealed event: its content, its place in the chain and its hash, ready to insert. */
export interface SealedEvent {
  id: string;
  content: AuditEventContent;
  canonicalPayload: string;
  prevHash: Buffer;
  hash: Buffer;
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, role: null, agencyId: null };

export function auditActorOf(actor: Actor): AuditActor {
  return { type: actor.kind, id: actor.id, role: actor.role, agencyId: actor.agencyId };
}

/** Places an entry after `head` in its chain. Pure: id and time are given. */
export function sealEvent(
  head: ChainPosition,
  entry: AuditEntry,
  actor: AuditActor,
  requestId: string | null,
  id: string,
  recordedAt: Date,
): SealedEvent {
  const content: AuditEventContent = {
    id,
    chainId: entry.chainId,
    seq: head.seq + 1,
    recordedAt: recordedAt.toISOString(),
    actor,
    action: entry.action,
    subject: entry.subject,
    requestId,
    payload: entry.payload,
  };
  return {
    id,
    content,
    canonicalPayload: canonicalJson(entry.payload),
    prevHash: head.hash,
    hash: chainHash(head.hash, canonicalEvent(content)),
  };
}

/** Chain names: one per case, and one per other subject. */
export const chains = {
  case: (caseId: string) => `case:${caseId}`,
  of: (subjectType: string, id: string) => `${subjectType}:${id}`,
  /** PII reads go to the reader's own chain, so reads never wait on a case's writers. */
  piiReadsBy: (actorId: string) => `pii-reads:${actorId}`,
  system: 'system',
};

/** An event about a subject that keeps its own chain (an agency, a user, an alert, a review, a run…). */
export function ownChain(subjectType: string, id: string): Pick<AuditEntry, 'chainId' | 'subject'> {
  return { chainId: chains.of(subjectType, id), subject: { type: subjectType, id } };
}
