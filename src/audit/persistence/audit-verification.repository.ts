import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { streamRows, withPgClient } from '../../database/pg-client.js';
import type { StoredEvent } from '../domain/chain-verifier.js';
import type { ChainHead } from '../domain/checkpoint.js';
import { GENESIS_HASH, type ActorType } from '../domain/hash-chain.js';
import { EVENT_HASH_SQL, ISO_MS } from '../event-hash-sql.js';

export interface StoredCheckpoint {
  seq: number;
  createdAt: string;
  watermark: string;
  prevRoot: Buffer;
  root: Buffer;
  signature: Buffer;
  keyId: string;
}

export interface AlteredRecord {
  /** The audit event that sealed the record, or null when the record names no decision event. */
  eventId: string | null;
  caseId: string;
}

/** The head every chain must end at: case chains' on the case row, the others' on their chain row. */
const HEADS_SQL = `SELECT 'case:' || id AS chain_id, audit_seq AS seq, audit_hash AS hash FROM cases
                   UNION ALL SELECT chain_id, head_seq, head_hash FROM audit_chains`;

/**
 * The state a decision leaves the case in, as an index into STATE_AFTER,
 * for every decision type that changes the state (SPEC §3.1, the transition
 * table in cases/domain). Kept in the low four bits of `sequence * 16 + effect`
 * so that one max() per case finds its last effect in a hash aggregate,
 * with no sort of the decision records.
 */
const EFFECT_SQL = `CASE
    WHEN d.type = 'refer' THEN 1
    WHEN d.type = 'decline_referral' THEN 2
    WHEN d.type = 'reasonable_grounds' THEN CASE d.outcome WHEN 'positive' THEN 3 ELSE 4 END
    WHEN d.type = 'conclusive_grounds' THEN CASE d.outcome WHEN 'positive' THEN 5 ELSE 6 END
    WHEN d.type = 'request_reconsideration' THEN 7
    WHEN d.type = 'close' THEN 8
    WHEN d.type = 'reconsider' THEN CASE d.outcome WHEN 'overturned' THEN 10 ELSE 9 END
  END`;
const STATE_AFTER = `ARRAY['referred', 'not_referred', 'recovery_period', 'rg_negative', 'identified_victim',
                           'cg_negative', 'reconsideration', 'closed']`;
/** Decisions that leave the case in a negative state a reconsideration returns to (effects 2, 4 and 6). */
const NEGATIVE_SQL = `(d.type = 'decline_referral'
    OR (d.type IN ('reasonable_grounds', 'conclusive_grounds') AND d.outcome = 'negative'))`;

/**
 * Every query of audit verification, run inside one read-only REPEATABLE
 * READ transaction so each check sees the same log.
 */
export class AuditVerificationQueries {
  constructor(private readonly client: PoolClient) {}

  async checkpoints(): Promise<StoredCheckpoint[]> {
    const { rows } = await this.client.query<{
      seq: number;
      created_at: string;
      watermark: string;
      prev_root: Buffer;
      root: Buffer;
      signature: Buffer;
      key_id: string;
    }>(
      `SELECT seq, to_char(created_at AT TIME ZONE 'UTC', ${ISO_MS}) AS created_at, watermark::text AS watermark,
              prev_root, root, signature, key_id
         FROM audit_checkpoints ORDER BY seq`,
    );
    return rows.map((r) => ({
      seq: r.seq,
      createdAt: r.created_at,
      watermark: r.watermark,
      prevRoot: r.prev_root,
      root: r.root,
      signature: r.signature,
      keyId: r.key_id,
    }));
  }

  async checkpointHeads(checkpointSeq: number): Promise<ChainHead[]> {
    const { rows } = await this.client.query<{ chain_id: string; head_seq: number; head_hash: Buffer }>(
      `SELECT chain_id, head_seq, head_hash FROM audit_checkpoint_heads WHERE checkpoint_seq = $1`,
      [checkpointSeq],
    );
    return rows.map((h) => ({ chainId: h.chain_id, seq: h.head_seq, hash: h.head_hash }));
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
  async suspectChains(after: string, limit: number): Promise<string[]> {
    const { rows } = await this.client.query<{ chain_id: string }>(
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
       SELECT DISTINCT chain_id FROM suspect ORDER BY chain_id LIMIT ${limit}`,
      [after, GENESIS_HASH],
    );
    return rows.map((r) => r.chain_id);
  }

  /** One chain's events in order, each with the head hash a signed checkpoint recorded for it, if any. */
  async *chainEvents(chainId: string): AsyncGenerator<StoredEvent> {
    for await (const row of streamRows(
      this.client,
      `SELECT e.id, e.chain_id, e.seq, to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_MS}), e.actor_type,
              e.actor_id, e.actor_role, e.actor_agency_id, e.action, e.subject_type, e.subject_id, e.request_id,
              e.payload::text, e.prev_hash, e.hash, h.head_hash
         FROM audit_events e
         LEFT JOIN audit_checkpoint_heads h ON h.chain_id = e.chain_id AND h.head_seq = e.seq
        WHERE e.chain_id = $1
        ORDER BY e.seq`,
      [chainId],
    )) {
      yield toStoredEvent(row);
    }
  }

  /**
   * Whether the events could all lie within their heads: their number equals
   * the sum of the heads' sequence numbers, and no case chain also has a
   * chain row (its head would be counted twice). Once `suspectChains` found
   * nothing, every head's chain holds its events 1..seq, each (chain, seq)
   * once; so equal numbers leave no room for an event beyond a head, a
   * duplicate or a chain without a head, and the join below need not run.
   * Two scans of the head rows instead of a hash join of every event.
   */
  async eventsWithinHeads(events: number): Promise<boolean> {
    const { rows } = await this.client.query<{ seqs: string; overlapping: string }>(
      `SELECT (SELECT coalesce(sum(audit_seq), 0) FROM cases)
              + (SELECT coalesce(sum(head_seq), 0) FROM audit_chains) AS seqs,
              (SELECT count(*) FROM audit_chains WHERE chain_id LIKE 'case:%') AS overlapping`,
    );
    return Number(rows[0].overlapping) === 0 && Number(rows[0].seqs) === events;
  }

  /**
   * The first chain with an event beyond its head, or with no head at all (one
   * hash join over the events). A head whose event is missing or altered, or
   * a signed head beyond the tail, is a claim `suspectChains` already catches.
   */
  async firstChainBeyondItsHead(): Promise<string | undefined> {
    const { rows } = await this.client.query<{ chain_id: string | null }>(
      `SELECT min(e.chain_id) AS chain_id
         FROM audit_events e LEFT JOIN (${HEADS_SQL}) h ON h.chain_id = e.chain_id
        WHERE h.chain_id IS NULL OR e.seq > h.seq`,
    );
    return rows[0]?.chain_id ?? undefined;
  }

  /**
   * Whether the chain ends where its head row says (the case row for case
   * chains, the chain row for others) and no earlier than its last signed
   * head, and the chain's last event.
   */
  async chainTail(chainId: string): Promise<{ lastEventId: string | null; sound: boolean }> {
    const caseId = /^case:([0-9a-f-]{36})$/.exec(chainId)?.[1] ?? null;
    const { rows } = await this.client.query<{ last_id: string | null; sound: boolean }>(
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
    return { lastEventId: rows[0].last_id, sound: rows[0].sound };
  }

  /** All events, and the decision events among them (one scan). */
  async eventCounts(): Promise<{ events: number; decisionEvents: number }> {
    const { rows } = await this.client.query<{ events: string; decision_events: string }>(
      `SELECT count(*) AS events, count(*) FILTER (WHERE action = 'case.decision_recorded') AS decision_events
         FROM audit_events`,
    );
    return { events: Number(rows[0].events), decisionEvents: Number(rows[0].decision_events) };
  }

  async decisionRecordCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT count(*) AS n FROM decision_records`);
    return Number(rows[0].n);
  }

  /**
   * A decision record that differs from the event that sealed it. Every
   * column is compared: the event's own sealed columns carry the actor (type,
   * id, role, agency), the time recorded, the case (its chain) and the event
   * id and hash; its payload carries the rest, its own id included, so no two
   * records can claim one event. Events sealed since the seal covered every
   * column also carry the record's agency (`agencyId`); records sealed before
   * are judged on what they sealed here, and their agency by
   * `casesWithAlteredProjection`, which holds every record's agency to the one
   * sealed when the case opened.
   */
  async firstAlteredDecisionRecord(): Promise<AlteredRecord | undefined> {
    const { rows } = await this.client.query<{ event_id: string | null; case_id: string }>(
      // Materialised, so the planner plans the whole parallel hash join rather than a LIMIT-1 nested loop.
      `WITH altered AS MATERIALIZED (
       SELECT e.id AS event_id, d.case_id
         FROM decision_records d
         LEFT JOIN audit_events e ON e.id = d.audit_event_id
        WHERE e.id IS NULL
           OR e.action <> 'case.decision_recorded'
           OR e.hash <> d.audit_hash
           OR e.chain_id <> 'case:' || d.case_id
           OR e.subject_id IS DISTINCT FROM d.case_id
           OR e.actor_type <> d.actor_type
           OR e.actor_id IS DISTINCT FROM d.actor_id
           OR e.actor_role IS DISTINCT FROM d.actor_role
           OR e.actor_agency_id IS DISTINCT FROM d.actor_agency_id
           -- The deciding agency is the actor's (the case's only for a record without one), which the event seals.
           OR d.deciding_agency_id IS DISTINCT FROM coalesce(e.actor_agency_id, d.agency_id)
           OR e.recorded_at <> d.recorded_at
           OR (e.payload::jsonb) IS DISTINCT FROM (
                jsonb_build_object(
                  'decisionId', d.id, 'sequence', d.sequence, 'type', d.type, 'outcome', d.outcome,
                  'reason', d.reason, 'details', d.payload, 'reviewId', d.review_id,
                  'occurredAt', to_char(d.occurred_at AT TIME ZONE 'UTC', ${ISO_MS}))
                || CASE WHEN e.payload::jsonb ? 'agencyId' THEN jsonb_build_object('agencyId', d.agency_id)
                        ELSE '{}'::jsonb END))
       SELECT * FROM altered LIMIT 1`,
    );
    const bad = rows[0];
    return bad ? { eventId: bad.event_id, caseId: bad.case_id } : undefined;
  }

  /** The first decision event no record names (a hash anti-join; run only when the counts say one exists). */
  async firstDecisionEventWithoutRecord(): Promise<AlteredRecord | undefined> {
    const { rows } = await this.client.query<{ id: string; subject_id: string }>(
      `WITH orphan AS MATERIALIZED (
         SELECT e.id, e.subject_id FROM audit_events e
          WHERE e.action = 'case.decision_recorded'
            AND NOT EXISTS (SELECT 1 FROM decision_records d WHERE d.audit_event_id = e.id))
       SELECT * FROM orphan ORDER BY id LIMIT 1`,
    );
    const orphan = rows[0];
    return orphan ? { eventId: orphan.id, caseId: orphan.subject_id } : undefined;
  }

  /**
   * Cases (in id order, at most `limit`) whose detention episodes are not
   * what their detain and release records make them: each detain record
   * opens one episode (its time, place, legal basis and agency), closed by
   * the release record that follows it, if any; no episode without a detain
   * record.
   */
  async casesWithAlteredDetention(limit: number): Promise<string[]> {
    const { rows } = await this.client.query<{ case_id: string }>(
      `WITH detention AS (
         SELECT d.id, d.case_id, d.type, d.agency_id, d.payload,
                lead(d.id) OVER w AS next_id, lead(d.type) OVER w AS next_type,
                lead(d.payload ->> 'at') OVER w AS next_at, lead(d.reason) OVER w AS next_reason
           FROM decision_records d
          WHERE d.type IN ('detain', 'release')
         WINDOW w AS (PARTITION BY d.case_id ORDER BY d.sequence)
       ), expected AS (
         SELECT id AS detain_record_id, case_id, agency_id, (payload ->> 'at')::timestamptz AS detained_at,
                payload ->> 'facility' AS facility, payload ->> 'legalBasis' AS legal_basis,
                CASE WHEN next_type = 'release' THEN next_at::timestamptz END AS released_at,
                CASE WHEN next_type = 'release' THEN next_reason END AS release_reason,
                CASE WHEN next_type = 'release' THEN next_id END AS release_record_id
           FROM detention WHERE type = 'detain'
       )
       -- Materialised, so the LIMIT cannot talk the planner into nested loops over the cases.
       , altered AS MATERIALIZED (
       SELECT coalesce(x.case_id, ep.case_id) AS case_id
         FROM expected x FULL JOIN detention_episodes ep ON ep.detain_record_id = x.detain_record_id
        WHERE x.detain_record_id IS NULL OR ep.id IS NULL
           OR ep.case_id <> x.case_id
           OR ep.agency_id <> x.agency_id
           OR ep.detained_at <> x.detained_at
           OR ep.facility IS DISTINCT FROM x.facility
           OR ep.legal_basis IS DISTINCT FROM x.legal_basis
           OR ep.released_at IS DISTINCT FROM x.released_at
           OR ep.release_reason IS DISTINCT FROM x.release_reason
           OR ep.release_record_id IS DISTINCT FROM x.release_record_id
       )
       SELECT DISTINCT case_id FROM altered ORDER BY case_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.case_id);
  }

  /**
   * Cases (in id order, at most `limit`) whose projection differs from the
   * one their decision stream makes: the agency sealed when the case was
   * opened (on the case and on every decision record), the version (records
   * counted, numbered without gaps), the state the last state-changing
   * decision left it in (a reconsideration returns to, or overturns, the
   * negative state of the last negative decision), and `detained_since`,
   * which must be the start of the case's open detention episode (episodes
   * are held to the detain and release records by
   * `casesWithAlteredDetention`). One hash aggregate over the records, one
   * scan of the opening events, hash joins; an e2e property test holds it
   * equal to the domain's `apply` fold.
   */
  async casesWithAlteredProjection(limit: number): Promise<string[]> {
    const { rows } = await this.client.query<{ id: string }>(
      `WITH stream AS (
         SELECT d.case_id, count(*) AS records, max(d.sequence) AS version,
                min(d.agency_id::text) AS min_agency, max(d.agency_id::text) AS max_agency,
                max(d.sequence * 16 + ${EFFECT_SQL}) FILTER (WHERE d.type NOT IN ('detain', 'release')) % 16 AS effect,
                max(d.sequence * 16 + ${EFFECT_SQL}) FILTER (WHERE ${NEGATIVE_SQL}) % 16 AS negative
           FROM decision_records d GROUP BY d.case_id
       ), expected AS (
         SELECT case_id, records, version, min_agency, max_agency,
                CASE WHEN effect IS NULL THEN 'screening'
                     WHEN effect = 9 THEN (${STATE_AFTER})[negative]
                     WHEN effect = 10 THEN CASE negative WHEN 6 THEN 'identified_victim' ELSE 'referred' END
                     ELSE (${STATE_AFTER})[effect] END AS state
           FROM stream
       ), opened AS (
         SELECT e.subject_id AS case_id, e.payload ->> 'agencyId' AS agency_id
           FROM audit_events e
          WHERE e.action = 'case.opened' AND e.seq = 1 AND e.chain_id = 'case:' || e.subject_id
       )
       -- Materialised, so the LIMIT cannot talk the planner into nested loops over the cases.
       , altered AS MATERIALIZED (
       SELECT c.id FROM cases c
         LEFT JOIN opened o ON o.case_id = c.id
         LEFT JOIN expected x ON x.case_id = c.id
         LEFT JOIN detention_episodes ep ON ep.case_id = c.id AND ep.released_at IS NULL
        WHERE o.case_id IS NULL
           OR c.agency_id::text IS DISTINCT FROM o.agency_id
           OR x.min_agency <> o.agency_id
           OR x.max_agency <> o.agency_id
           OR c.version <> coalesce(x.version, 0)
           OR coalesce(x.records, 0) <> coalesce(x.version, 0)
           OR c.state <> coalesce(x.state, 'screening')
           OR c.detained_since IS DISTINCT FROM ep.detained_at
       )
       SELECT id FROM altered ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}

/** Opens the read-only snapshot every verification query runs in. */
@Injectable()
export class AuditVerificationRepository {
  constructor(private readonly db: DataSource) {}

  async inReadSnapshot<T>(fn: (queries: AuditVerificationQueries) => Promise<T>): Promise<T> {
    return withPgClient(this.db, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // The joins hold millions of (chain, seq, hash) rows: in memory they are one pass, on disk many.
        await client.query(`SET LOCAL work_mem = '256MB'`);
        // Merge joins here sort millions of rows on one core; hash joins read the events once, in parallel.
        await client.query(`SET LOCAL enable_mergejoin = off`);
        return await fn(new AuditVerificationQueries(client));
      } finally {
        await client.query('COMMIT');
      }
    });
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
