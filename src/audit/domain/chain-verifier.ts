import { canonicalEventText, chainHash, GENESIS_HASH, type AuditEventContent } from './hash-chain.js';

/** One stored event as verification reads it (payload as its stored canonical text). */
export interface StoredEvent extends Omit<AuditEventContent, 'payload'> {
  payloadText: string;
  prevHash: Buffer;
  hash: Buffer;
  /** The head hash a signed checkpoint recorded for this (chain, seq), if any. */
  signedHash: Buffer | null;
}

export type ChainFault = 'sequence_gap' | 'broken_link' | 'hash_mismatch' | 'checkpoint_mismatch';

export interface ChainProblem {
  reason: ChainFault;
  /** The first event that cannot be trusted. */
  eventId: string;
  chainId: string;
  seq: number;
}

/**
 * Re-walks chains fed in (chainId, seq) order, holding only the current
 * chain's position, so memory stays flat however long the log. Detects a
 * changed event (hash), a deleted one (gap), reordering or insertion
 * (links) and a chain re-hashed after a signed checkpoint.
 */
export class ChainVerifier {
  private chainId: string | undefined;
  private expectedSeq = 1;
  private prev: Buffer = GENESIS_HASH;
  /** First event after the chain's last signed head: where a re-hashed stretch can begin. */
  private firstUnsealed: { id: string; seq: number } | undefined;
  checked = 0;

  /** Returns the first problem with this event, or undefined if it verifies. */
  push(e: StoredEvent): ChainProblem | undefined {
    if (e.chainId !== this.chainId) {
      this.chainId = e.chainId;
      this.expectedSeq = 1;
      this.prev = GENESIS_HASH;
      this.firstUnsealed = undefined;
    }
    this.firstUnsealed ??= { id: e.id, seq: e.seq };
    this.checked += 1;
    const at = { eventId: e.id, chainId: e.chainId, seq: e.seq };
    if (e.seq !== this.expectedSeq) return { reason: 'sequence_gap', ...at };
    if (!e.prevHash.equals(this.prev)) return { reason: 'broken_link', ...at };
    const text = canonicalEventText(
      {
        id: e.id,
        chainId: e.chainId,
        seq: e.seq,
        recordedAt: e.recordedAt,
        actor: e.actor,
        action: e.action,
        subject: e.subject,
        requestId: e.requestId,
      },
      e.payloadText,
    );
    const computed = chainHash(this.prev, text);
    if (!computed.equals(e.hash)) return { reason: 'hash_mismatch', ...at };
    if (e.signedHash) {
      if (!e.signedHash.equals(computed)) {
        // Consistent hashes that disagree with a signed head: the stretch since the last signed head was rewritten.
        const from = this.firstUnsealed;
        return { reason: 'checkpoint_mismatch', eventId: from.id, chainId: e.chainId, seq: from.seq };
      }
      this.firstUnsealed = undefined;
    }
    this.prev = computed;
    this.expectedSeq += 1;
    return undefined;
  }
}
