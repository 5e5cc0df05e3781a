import type pg from 'pg';
import { canonicalEventText, chainHash, GENESIS_HASH, type ActorType } from '../../src/audit/domain/hash-chain.js';

/** The tables migrations/support.ts appendOnly() guards, each with `<table>_append_only` and `<table>_no_truncate`. */
export const APPEND_ONLY_TABLES = [
  'decision_records',
  'audit_events',
  'audit_checkpoints',
  'audit_checkpoint_heads',
] as const;
export type AppendOnlyTable = (typeof APPEND_ONLY_TABLES)[number];

const BACKUP = 'tamper_backup';
/** What the tamper scenarios touch and `restoreSnapshot` puts back. */
const SNAPSHOT_TABLES = [...APPEND_ONLY_TABLES, 'cases', 'audit_chains', 'detention_episodes'] as const;
/** Every column of a case row but its id: the projection, its head and what the case was opened with. */
const CASE_COLUMNS = `agency_id, external_ref, state, version, pseudonym, sex, birth_year, nationality, languages, is_child,
  pii_ciphertext, pii_key_id, encounter_at, encounter_location, encounter_kind, indicators, ever_referred, referred_at,
  rg_positive_at, reconsideration_from, state_entered_at, detained_since, closed_outcome, audit_seq, audit_hash,
  created_at, updated_at`;
/** Sets created_xid whatever an INSERT says (migrations/…-PinAuditEventXid.ts); a superuser can switch it off. */
const XID_TRIGGER = 'audit_events_created_xid';

/** Runs `fn` on one superuser connection that is thrown away afterwards, so no session setting leaks into the pool. */
export async function withSuperuser<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release(true);
  }
}

/**
 * Runs `fn` as the superuser with the row guards of the append-only tables
 * disabled, in one transaction that switches them back on (ENABLE ALWAYS)
 * before it commits: other sessions never see a guard off.
 */
export async function tamper(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  await withSuperuser(pool, async (client) => {
    await client.query('BEGIN');
    try {
      for (const t of APPEND_ONLY_TABLES) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
      await client.query(`ALTER TABLE audit_events DISABLE TRIGGER ${XID_TRIGGER}`);
      await fn(client);
      for (const t of APPEND_ONLY_TABLES) await client.query(`ALTER TABLE ${t} ENABLE ALWAYS TRIGGER ${t}_append_only`);
      await client.query(`ALTER TABLE audit_events ENABLE ALWAYS TRIGGER ${XID_TRIGGER}`);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  });
}

/**
 * Copies every table a tamper scenario may touch into a side schema (cases
 * opened after it are left alone by `restoreSnapshot`).
 */
export async function takeSnapshot(pool: pg.Pool, schema = BACKUP): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  for (const t of SNAPSHOT_TABLES) await pool.query(`CREATE TABLE ${schema}.${t} AS TABLE public.${t}`);
}

/** Puts back the exact rows of the snapshot (ids, hashes, xids and all). */
export async function restoreSnapshot(pool: pg.Pool, schema = BACKUP): Promise<void> {
  await tamper(pool, async (c) => {
    await c.query('DELETE FROM audit_checkpoint_heads');
    await c.query('DELETE FROM audit_checkpoints');
    await c.query('DELETE FROM audit_events');
    await c.query('DELETE FROM decision_records');
    await c.query('DELETE FROM audit_chains');
    await c.query('DELETE FROM detention_episodes');
    await c.query(`INSERT INTO audit_checkpoints SELECT * FROM ${schema}.audit_checkpoints`);
    await c.query(`INSERT INTO audit_checkpoint_heads SELECT * FROM ${schema}.audit_checkpoint_heads`);
    await c.query(`INSERT INTO audit_events SELECT * FROM ${schema}.audit_events`);
    await c.query(`INSERT INTO decision_records SELECT * FROM ${schema}.decision_records`);
    await c.query(`INSERT INTO audit_chains SELECT * FROM ${schema}.audit_chains`);
    await c.query(`INSERT INTO detention_episodes SELECT * FROM ${schema}.detention_episodes`);
    await c.query(
      `UPDATE cases c SET (${CASE_COLUMNS}) = (SELECT ${CASE_COLUMNS} FROM ${schema}.cases b WHERE b.id = c.id)
        WHERE c.id IN (SELECT id FROM ${schema}.cases)`,
    );
  });
}

/** One digest per table over the text of all its rows, for the live tables or the snapshot. */
export async function fingerprint(pool: pg.Pool, schema: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of SNAPSHOT_TABLES) {
    const { rows } = await pool.query<{ digest: string }>(
      `SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS digest FROM ${schema}.${t} x`,
    );
    out[t] = rows[0].digest;
  }
  return out;
}

export const SNAPSHOT_SCHEMA = BACKUP;

/** The guard triggers and whether each is ENABLE ALWAYS ('A'). */
export async function guardTriggers(pool: pg.Pool): Promise<{ table: string; trigger: string; enabled: string }[]> {
  const { rows } = await pool.query<{ table: string; trigger: string; enabled: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger, t.tgenabled AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relname = ANY($1) ORDER BY 1, 2`,
    [[...APPEND_ONLY_TABLES]],
  );
  return rows;
}

export interface StoredChainEvent {
  id: string;
  chainId: string;
  seq: number;
  recordedAt: string;
  actor: { type: ActorType; id: string | null; role: string | null; agencyId: string | null };
  action: string;
  subject: { type: string; id: string | null };
  requestId: string | null;
  payloadText: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** A chain's events as stored, the payload as its canonical text (read like the verifier does). */
export async function readChain(db: pg.Pool | pg.PoolClient, chainId: string): Promise<StoredChainEvent[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id, chain_id, seq, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
            actor_type, actor_id, actor_role, actor_agency_id, action, subject_type, subject_id, request_id,
            payload::text AS payload_text, prev_hash, hash
       FROM audit_events WHERE chain_id = $1 ORDER BY seq`,
    [chainId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    chainId: r.chain_id as string,
    seq: r.seq as number,
    recordedAt: r.recorded_at as string,
    actor: {
      type: r.actor_type as ActorType,
      id: r.actor_id as string | null,
      role: r.actor_role as string | null,
      agencyId: r.actor_agency_id as string | null,
    },
    action: r.action as string,
    subject: { type: r.subject_type as string, id: r.subject_id as string | null },
    requestId: r.request_id as string | null,
    payloadText: r.payload_text as string,
    prevHash: r.prev_hash as Buffer,
    hash: r.hash as Buffer,
  }));
}

/** The hash an event would carry after `prev`, recomputed with the project's own functions. */
export function hashAfter(prev: Buffer, e: Omit<StoredChainEvent, 'prevHash' | 'hash'>): Buffer {
  return chainHash(
    prev,
    canonicalEventText(
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
    ),
  );
}

/**
 * What an insider with full database access but without the signing key can
 * do: rewrite one event's payload and recompute that event's and every later
 * event's links and hashes, then move the case row's head and the decision
 * records' sealed hashes along, so that every hash in the database agrees.
 */
export async function rewriteChain(
  client: pg.PoolClient,
  chainId: string,
  seq: number,
  editPayload: (canonicalText: string) => string,
): Promise<void> {
  const events = await readChain(client, chainId);
  let prev: Buffer = GENESIS_HASH;
  for (const e of events) {
    if (e.seq < seq) {
      prev = e.hash;
      continue;
    }
    const payloadText = e.seq === seq ? editPayload(e.payloadText) : e.payloadText;
    const hash = hashAfter(prev, { ...e, payloadText });
    await client.query(`UPDATE audit_events SET payload = $2::json, prev_hash = $3, hash = $4 WHERE id = $1`, [
      e.id,
      payloadText,
      prev,
      hash,
    ]);
    await client.query(`UPDATE decision_records SET audit_hash = $2 WHERE audit_event_id = $1`, [e.id, hash]);
    prev = hash;
  }
  await client.query(`UPDATE cases SET audit_hash = $2 WHERE 'case:' || id = $1`, [chainId, prev]);
}
