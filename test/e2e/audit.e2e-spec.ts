import { randomBytes, randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AuditCheckpointer } from '../../src/audit/audit-checkpointer.js';
import { AuditSigningKey } from '../../src/audit/audit-signing-key.js';
import { AuditVerifier } from '../../src/audit/audit-verifier.js';
import { AuditVerificationRepository } from '../../src/audit/persistence/audit-verification.repository.js';
import { Metrics } from '../../src/metrics/metrics.js';
import { signingKeyFromSeed, signRoot } from '../../src/audit/domain/checkpoint.js';
import { GENESIS_HASH } from '../../src/audit/domain/hash-chain.js';
import { decide, decided, openCase, SEEDED_PII, type OpenedCase } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import {
  APPEND_ONLY_TABLES,
  fingerprint,
  guardTriggers,
  hashAfter,
  readChain,
  restoreSnapshot,
  rewriteChain,
  SNAPSHOT_SCHEMA,
  takeSnapshot,
  tamper,
  withSuperuser,
  type AppendOnlyTable,
} from '../support/audit-tamper.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
/** Side schema holding the tamper scenarios' log as it stood at their first checkpoint. */
const AT_FIRST_CHECKPOINT = 'tamper_at_first_checkpoint';
const PII_KEYS = Object.keys(SEEDED_PII);
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A column of each append-only table to "change" (to itself: the point is that no UPDATE gets through). */
const SOME_COLUMN: Record<AppendOnlyTable, string> = {
  decision_records: 'reason',
  audit_events: 'action',
  audit_checkpoints: 'key_id',
  audit_checkpoint_heads: 'head_seq',
};

interface VerifyBody {
  ok: boolean;
  checked: number;
  checkpoints: number;
  firstInvalidEventId: string | null;
  chainId?: string;
  reason?: string;
  checkpointSeq?: number;
  caseIds?: string[];
}

describe('audit log', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  async function verify(head?: string): Promise<VerifyBody> {
    const res = await t
      .http()
      .get('/api/v1/audit/verify')
      .query(head === undefined ? {} : { head })
      .set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    return res.body as VerifyBody;
  }

  /**
   * Seals every event written so far. A checkpoint's window ends at the oldest
   * transaction still running anywhere on the server (xids are cluster-wide),
   * so a parallel test file's transaction could leave our latest events for
   * the next checkpoint; wait until the horizon has passed them.
   */
  async function checkpoint(checkpointer = t.app.get(AuditCheckpointer)): Promise<number> {
    for (let waited = 0; ; waited += 50) {
      const { rows } = await t.sql.query<{ settled: boolean }>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot()) >
                (SELECT created_xid FROM audit_events ORDER BY created_xid DESC LIMIT 1) AS settled`,
      );
      if (rows[0].settled) break;
      if (waited > 20_000) throw new Error('a transaction elsewhere on the server held the checkpoint horizon back');
      await sleep(50);
    }
    const cp = await checkpointer.checkpoint();
    if (!cp) throw new Error('the checkpoint sealed nothing');
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events e
        WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint_heads h WHERE h.chain_id = e.chain_id AND h.head_seq >= e.seq)`,
    );
    if (rows[0].n > 0) throw new Error(`checkpoint ${cp.seq} left ${rows[0].n} events unsealed`);
    return cp.seq;
  }

  async function eventCount(where = 'TRUE', params: unknown[] = []): Promise<number> {
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
      params,
    );
    return rows[0].n;
  }

  async function eventId(chainId: string, seq: number): Promise<string> {
    const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM audit_events WHERE chain_id = $1 AND seq = $2`, [
      chainId,
      seq,
    ]);
    if (!rows[0]) throw new Error(`no event ${chainId}#${seq}`);
    return rows[0].id;
  }

  it('lists events of a period whose ends carry any offset ISO 8601 allows, even past PostgreSQL’s ±15:59', async () => {
    // Found by the fuzz spec: the ends once reached SQL as text, and PostgreSQL's refusal was a 500.
    const res = await t
      .http()
      .get('/api/v1/audit/events')
      .query({ from: '2020-01-01T00:00:00-23:59', to: '2100-01-01T00:00:00+23:59', limit: 1 })
      .set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
  });

  describe("the app's database role", () => {
    it('runs every pooled connection of the app as oversight_app although DATABASE_URL names the superuser', async () => {
      expect(decodeURIComponent(new URL(t.config.database.url).username)).toBe('postgres');
      const db = t.app.get(DataSource);
      // More concurrent queries than the pool has connections, so every connection answers at least once.
      const rows = await Promise.all(
        Array.from({ length: 2 * t.config.database.poolSize }, () =>
          db.query<{ current: string; session: string; superuser: string }[]>(
            `SELECT current_user AS current, session_user AS session, current_setting('is_superuser') AS superuser
               FROM pg_sleep(0.05)`,
          ),
        ),
      );
      for (const [row] of rows)
        expect(row).toEqual({ current: 'oversight_app', session: 'postgres', superuser: 'off' });
      const [role] = await db.query<{ rolsuper: boolean }[]>(
        `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`,
      );
      expect(role.rolsuper).toBe(false);
    });
  });

  describe('append-only tables, in the database', () => {
    let counts: Record<string, number>;

    beforeAll(async () => {
      // Every guarded table needs rows: row triggers only fire on rows that exist.
      const c = await openCase(t, w.officer);
      await decided(t, w.officer, c.id, { type: 'refer', expectedVersion: 0, reason: 'Indicators of deception' });
      await checkpoint();
      counts = {};
      for (const table of APPEND_ONLY_TABLES) {
        const { rows } = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        counts[table] = rows[0].n;
        if (counts[table] === 0) throw new Error(`${table} has no rows to test the guards on`);
      }
    });

    it.each(APPEND_ONLY_TABLES)(
      'refuses UPDATE, DELETE and TRUNCATE on %s to the app role for lack of privilege (42501)',
      async (table) => {
        const db = t.app.get(DataSource);
        const col = SOME_COLUMN[table];
        const denied = { code: '42501', message: `permission denied for table ${table}` };
        await expect(db.query(`UPDATE ${table} SET ${col} = ${col}`)).rejects.toMatchObject(denied);
        await expect(db.query(`DELETE FROM ${table}`)).rejects.toMatchObject(denied);
        await expect(db.query(`TRUNCATE ${table}`)).rejects.toMatchObject(denied);
        // The same through a superuser connection that switched to the role itself.
        await withSuperuser(t.sql, async (client) => {
          await client.query('SET ROLE oversight_app');
          await expect(client.query(`UPDATE ${table} SET ${col} = ${col}`)).rejects.toMatchObject(denied);
          await expect(client.query(`DELETE FROM ${table}`)).rejects.toMatchObject(denied);
          await expect(client.query(`TRUNCATE ${table}`)).rejects.toMatchObject(denied);
        });
      },
    );

    it.each(APPEND_ONLY_TABLES)('lets the app role SELECT from and INSERT into %s, and nothing else', async (table) => {
      const db = t.app.get(DataSource);
      const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
      expect(n).toBe(counts[table]);
      const [privileges] = await db.query<Record<string, boolean>[]>(
        `SELECT has_table_privilege(current_user, $1, 'SELECT') AS "select",
                has_table_privilege(current_user, $1, 'INSERT') AS "insert",
                has_table_privilege(current_user, $1, 'UPDATE') AS "update",
                has_table_privilege(current_user, $1, 'DELETE') AS "delete",
                has_table_privilege(current_user, $1, 'TRUNCATE') AS "truncate"`,
        [table],
      );
      expect(privileges).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false });
    });

    it.each(APPEND_ONLY_TABLES)(
      'refuses UPDATE, DELETE and TRUNCATE on %s to the superuser through the guard triggers',
      async (table) => {
        const col = SOME_COLUMN[table];
        const refused = (op: string) => ({
          code: '42501',
          message: expect.stringMatching(new RegExp(`^${op} on \\w+ is refused: the table is append-only$`)),
        });
        await withSuperuser(t.sql, async (client) => {
          await expect(client.query(`UPDATE ${table} SET ${col} = ${col}`)).rejects.toMatchObject(refused('UPDATE'));
          await expect(client.query(`DELETE FROM ${table}`)).rejects.toMatchObject(refused('DELETE'));
          // CASCADE: a table other tables reference would otherwise fail the foreign-key check before any trigger.
          await expect(client.query(`TRUNCATE ${table} CASCADE`)).rejects.toMatchObject(refused('TRUNCATE'));
        });
      },
    );

    it.each(APPEND_ONLY_TABLES)(
      'still refuses UPDATE, DELETE and TRUNCATE on %s under session_replication_role = replica',
      async (table) => {
        const col = SOME_COLUMN[table];
        const refused = (op: string) => ({
          code: '42501',
          message: expect.stringMatching(new RegExp(`^${op} on \\w+ is refused`)),
        });
        await withSuperuser(t.sql, async (client) => {
          await client.query('SET session_replication_role = replica');
          const [{ role }] = (
            await client.query<{ role: string }>(`SELECT current_setting('session_replication_role') AS role`)
          ).rows;
          expect(role).toBe('replica');
          await expect(client.query(`UPDATE ${table} SET ${col} = ${col}`)).rejects.toMatchObject(refused('UPDATE'));
          await expect(client.query(`DELETE FROM ${table}`)).rejects.toMatchObject(refused('DELETE'));
          await expect(client.query(`TRUNCATE ${table} CASCADE`)).rejects.toMatchObject(refused('TRUNCATE'));
        });
      },
    );

    it('leaves every row of the append-only tables in place after all those attempts', async () => {
      for (const table of APPEND_ONLY_TABLES) {
        const { rows } = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: counts[table] });
      }
    });

    it('declares every guard trigger ENABLE ALWAYS', async () => {
      const expected = APPEND_ONLY_TABLES.flatMap((table) => [
        { table, trigger: `${table}_append_only`, enabled: 'A' },
        { table, trigger: `${table}_no_truncate`, enabled: 'A' },
      ]);
      const triggers = await guardTriggers(t.sql);
      expect(triggers).toEqual(expect.arrayContaining(expected));
      expect(triggers.filter((g) => g.enabled !== 'A')).toEqual([]);
    });
  });

  describe('created_xid', () => {
    it('is the writing transaction’s id whatever the INSERT says, even from the app role', async () => {
      const c = await openCase(t, w.officer);
      await withSuperuser(t.sql, async (client) => {
        await client.query('BEGIN');
        try {
          await client.query('SET LOCAL ROLE oversight_app');
          const [{ xid }] = (await client.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`)).rows;
          const forged = randomUUID();
          // An xid below every checkpoint's watermark would leave the event out of every checkpoint's window.
          await client.query(
            `INSERT INTO audit_events (id, chain_id, seq, created_xid, recorded_at, actor_type, actor_id, actor_role,
                                       actor_agency_id, action, subject_type, subject_id, request_id, payload,
                                       prev_hash, hash)
             SELECT $2, chain_id, seq + 1, '3'::xid8, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                    action, subject_type, subject_id, request_id, payload, hash, hash
               FROM audit_events WHERE chain_id = $1 AND seq = 1`,
            [`case:${c.id}`, forged],
          );
          const { rows } = await client.query<{ created_xid: string }>(
            `SELECT created_xid::text FROM audit_events WHERE id = $1`,
            [forged],
          );
          expect(rows[0].created_xid).toBe(xid);
        } finally {
          await client.query('ROLLBACK');
        }
      });
    });

    it('keeps its trigger ENABLE ALWAYS, so session_replication_role = replica does not skip it', async () => {
      const { rows } = await t.sql.query<{ enabled: string }>(
        `SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'audit_events_created_xid'`,
      );
      expect(rows).toEqual([{ enabled: 'A' }]);
    });
  });

  describe('tamper evidence', () => {
    /** Case X: opened, detained and released, [checkpoint 1], detained and released, referred, [checkpoint 2], RG decision. */
    let x: OpenedCase;
    /** Case Y: opened, referred, [checkpoint 1], positive RG decision, [checkpoint 2]. */
    let y: OpenedCase;
    /** Case Z (another agency): opened, detained, [checkpoint 1], referral declined, released, closed, [checkpoint 2]. */
    let z: OpenedCase;
    /** Case H: opened, detained, [checkpoint 1]: still detained. */
    let held: OpenedCase;
    /** Case R: declined, reconsidered and overturned, negative RG, reconsidered and upheld, [checkpoint 1]. */
    let reconsidered: OpenedCase;
    const chainOf = (c: OpenedCase): string => `case:${c.id}`;
    let firstCheckpoint: number;
    let baseline: VerifyBody;
    let snapshot: Record<string, string>;

    beforeAll(async () => {
      x = await openCase(t, w.officer);
      y = await openCase(t, w.officer);
      z = await openCase(t, w.otherOfficer);
      await decided(t, w.officer, x.id, {
        type: 'detain',
        expectedVersion: 0,
        at: hoursAgo(60),
        facility: 'Holding centre N',
        legalBasis: 'Aliens Act s. 62',
      });
      await decided(t, w.officer, x.id, { type: 'release', expectedVersion: 1, at: hoursAgo(50), reason: 'Bail' });
      await decided(t, w.officer, y.id, { type: 'refer', expectedVersion: 0, reason: 'Signs of debt bondage' });
      await decided(t, w.otherOfficer, z.id, {
        type: 'detain',
        expectedVersion: 0,
        at: hoursAgo(48),
        facility: 'Airport holding room',
        legalBasis: 'Border Code art. 12',
      });
      held = await openCase(t, w.officer);
      await decided(t, w.officer, held.id, {
        type: 'detain',
        expectedVersion: 0,
        at: hoursAgo(30),
        facility: 'Holding centre E',
        legalBasis: 'Aliens Act s. 62',
      });
      reconsidered = await openCase(t, w.officer);
      for (const [by, body] of [
        [
          w.officer,
          {
            type: 'decline_referral',
            reason: 'Came for seasonal work on her own terms, keeps her documents',
            indicatorsConsidered: ['deception', 'debt_bondage'],
          },
        ],
        [w.officer, { type: 'request_reconsideration', reason: 'New account of the recruiter' }],
        [w.decisionMaker, { type: 'reconsider', outcome: 'overturned', reason: 'The new account is credible' }],
        [w.decisionMaker, { type: 'reasonable_grounds', outcome: 'negative', reason: 'No control by others' }],
        [w.officer, { type: 'request_reconsideration', reason: 'The agency disagrees' }],
        [w.decisionMaker, { type: 'reconsider', outcome: 'upheld', reason: 'Nothing new' }],
      ] as const) {
        await decided(t, by, reconsidered.id, { ...body, expectedVersion: reconsidered.version });
        reconsidered.version += 1;
      }
      for (const c of [x, y]) {
        const read = await t.http().get(`/api/v1/cases/${c.id}?include=pii`).set('authorization', w.commissioner.auth);
        if (read.body.subject?.name !== SEEDED_PII.name) throw new Error(`PII read failed: ${read.status}`);
      }
      firstCheckpoint = await checkpoint();
      await takeSnapshot(t.sql, AT_FIRST_CHECKPOINT);
      await decided(t, w.officer, x.id, {
        type: 'detain',
        expectedVersion: 2,
        at: hoursAgo(40),
        facility: 'Holding centre S',
        legalBasis: 'Aliens Act s. 62',
        reason: 'Held pending a screening interview',
      });
      await decided(t, w.officer, x.id, {
        type: 'release',
        expectedVersion: 3,
        at: hoursAgo(30),
        reason: 'Interview done',
      });
      await decided(t, w.officer, x.id, { type: 'refer', expectedVersion: 4, reason: 'Recruiter kept her passport' });
      await decided(t, w.decisionMaker, y.id, {
        type: 'reasonable_grounds',
        expectedVersion: 1,
        outcome: 'positive',
        reason: 'Credible and consistent account',
      });
      await decided(t, w.otherOfficer, z.id, {
        type: 'decline_referral',
        expectedVersion: 1,
        reason: 'Travelled on her own plan and paid a smuggler, no control by others',
        indicatorsConsidered: ['deception', 'debt_bondage'],
      });
      await decided(t, w.otherOfficer, z.id, {
        type: 'release',
        expectedVersion: 2,
        at: hoursAgo(20),
        reason: 'Released',
      });
      await decided(t, w.otherOfficer, z.id, { type: 'close', expectedVersion: 3, outcome: 'released' });
      await checkpoint();
      await decided(t, w.decisionMaker, x.id, {
        type: 'reasonable_grounds',
        expectedVersion: 5,
        outcome: 'negative',
        reason: 'Account not credible',
      });

      baseline = await verify();
      await takeSnapshot(t.sql);
      snapshot = await fingerprint(t.sql, SNAPSHOT_SCHEMA);
    }, SLOW);

    afterEach(async () => {
      // Undo the scenario so the next one starts from the same log (a failure here fails the scenario).
      await restoreSnapshot(t.sql);
      const live = await fingerprint(t.sql, 'public');
      const differ = Object.keys(snapshot).filter((table) => live[table] !== snapshot[table]);
      if (differ.length > 0) throw new Error(`not restored: ${differ.join(', ')}`);
      const off = (await guardTriggers(t.sql)).filter((g) => g.enabled !== 'A');
      if (off.length > 0) throw new Error(`guard triggers not ENABLE ALWAYS: ${JSON.stringify(off)}`);
      const after = await verify();
      if (!after.ok || after.checked !== baseline.checked)
        throw new Error(`log not restored: ${JSON.stringify(after)}`);
    });

    it('verifies the untouched log: every event checked, every checkpoint signed', async () => {
      expect(baseline).toMatchObject({ ok: true, firstInvalidEventId: null, checkpoints: firstCheckpoint + 1 });
      expect(baseline.checked).toBe(await eventCount());
      const x7 = await readChain(t.sql, chainOf(x));
      expect(x7.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      // The layout the re-hash scenarios rely on: X#3 signed by checkpoint 1, X#6 by checkpoint 2, X#7 unsigned.
      const { rows } = await t.sql.query<{ checkpoint_seq: number; head_seq: number }>(
        `SELECT checkpoint_seq, head_seq FROM audit_checkpoint_heads WHERE chain_id = $1 ORDER BY head_seq`,
        [chainOf(x)],
      );
      expect(rows).toEqual([
        { checkpoint_seq: firstCheckpoint, head_seq: 3 },
        { checkpoint_seq: firstCheckpoint + 1, head_seq: 6 },
      ]);
    });

    it('finds a modified payload: hash_mismatch at that event', async () => {
      const target = await eventId(chainOf(y), 2);
      await tamper(t.sql, async (c) => {
        const { rowCount } = await c.query(
          `UPDATE audit_events SET payload = replace(payload::text, $2, $3)::json WHERE id = $1`,
          [target, '"reason":"Signs of debt bondage"', '"reason":"No indicators observed"'],
        );
        expect(rowCount).toBe(1);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'hash_mismatch',
        chainId: chainOf(y),
        firstInvalidEventId: target,
      });
    });

    it('finds an event deleted from the middle of a case chain: sequence_gap at the event after it', async () => {
      const deleted = await eventId(chainOf(x), 3);
      const after = await eventId(chainOf(x), 4);
      await tamper(t.sql, async (c) => {
        await c.query(`DELETE FROM audit_events WHERE id = $1`, [deleted]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'sequence_gap',
        chainId: chainOf(x),
        firstInvalidEventId: after,
      });
    });

    it('finds two events swapped within a chain at the first swapped position', async () => {
      const fourth = await eventId(chainOf(x), 4);
      const fifth = await eventId(chainOf(x), 5);
      await tamper(t.sql, async (c) => {
        // Through a spare seq: (chain_id, seq) is unique.
        await c.query(`UPDATE audit_events SET seq = 1000 WHERE id = $1`, [fourth]);
        await c.query(`UPDATE audit_events SET seq = 4 WHERE id = $1`, [fifth]);
        await c.query(`UPDATE audit_events SET seq = 5 WHERE id = $1`, [fourth]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'broken_link',
        chainId: chainOf(x),
        firstInvalidEventId: fifth, // now at position 4
      });
    });

    /** Shifts a chain's events from `seq` on up by one and inserts a forged decision event at `seq`. */
    async function forgeAt(
      chainId: string,
      seq: number,
      hashOf: (forged: Parameters<typeof hashAfter>[1], prev: Buffer) => Buffer,
    ): Promise<string> {
      const events = await readChain(t.sql, chainId);
      const displaced = events.find((e) => e.seq === seq)!;
      const prev = events.find((e) => e.seq === seq - 1)!.hash;
      const forgedId = randomUUID();
      const forged = {
        ...displaced,
        id: forgedId,
        seq,
        payloadText: displaced.payloadText.replace(/"type":"[a-z_]+"/, '"type":"refer"'),
      };
      await tamper(t.sql, async (c) => {
        await c.query(`UPDATE audit_events SET seq = seq + 1000 WHERE chain_id = $1 AND seq >= $2`, [chainId, seq]);
        await c.query(`UPDATE audit_events SET seq = seq - 999 WHERE chain_id = $1 AND seq >= 1000`, [chainId]);
        await c.query(
          `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                     action, subject_type, subject_id, request_id, payload, prev_hash, hash)
           SELECT $2, chain_id, $3, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                  action, subject_type, subject_id, request_id, $4::json, $5, $6
             FROM audit_events WHERE id = $1`,
          [displaced.id, forgedId, seq, forged.payloadText, prev, hashOf(forged, prev)],
        );
      });
      return forgedId;
    }

    it('finds an inserted forged event with a plausible but wrong hash at the forged event', async () => {
      const displaced = await eventId(chainOf(z), 3);
      const original = (await readChain(t.sql, chainOf(z))).find((e) => e.seq === 3)!;
      // Links to its predecessor and carries a real-looking hash: that of the event it displaced.
      const forged = await forgeAt(chainOf(z), 3, () => original.hash);
      expect(await eventId(chainOf(z), 4)).toBe(displaced);
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'hash_mismatch',
        chainId: chainOf(z),
        firstInvalidEventId: forged,
      });
    });

    it('finds an inserted forged event whose own hash is right where the chain breaks, at the event after it', async () => {
      const displaced = await eventId(chainOf(z), 3);
      await forgeAt(chainOf(z), 3, (forged, prev) => hashAfter(prev, forged));
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'broken_link',
        chainId: chainOf(z),
        firstInvalidEventId: displaced,
      });
    });

    it('finds a truncated case chain tail: chain_truncated naming the chain and its remaining last event', async () => {
      const events = await readChain(t.sql, chainOf(z));
      const last = events[events.length - 1];
      const newLast = events[events.length - 2];
      await tamper(t.sql, async (c) => {
        await c.query(`DELETE FROM audit_events WHERE id = $1`, [last.id]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'chain_truncated',
        chainId: chainOf(z),
        firstInvalidEventId: newLast.id,
      });
    });

    it('finds a forged event appended beyond the head, hashed and linked correctly: chain_truncated at it', async () => {
      const events = await readChain(t.sql, chainOf(z));
      const last = events[events.length - 1];
      const appended = { ...last, id: randomUUID(), seq: last.seq + 1 };
      await tamper(t.sql, async (c) => {
        await c.query(
          `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                     action, subject_type, subject_id, request_id, payload, prev_hash, hash)
           SELECT $2, chain_id, $3, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                  action, subject_type, subject_id, request_id, payload, $4, $5
             FROM audit_events WHERE id = $1`,
          [last.id, appended.id, appended.seq, last.hash, hashAfter(last.hash, appended)],
        );
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'chain_truncated',
        chainId: chainOf(z),
        firstInvalidEventId: appended.id,
      });
    });

    it('finds a whole forged chain that has no head row, hashed from the genesis hash: chain_truncated at it', async () => {
      const [model] = await readChain(t.sql, chainOf(z));
      const forged = { ...model, id: randomUUID(), chainId: `forged:${randomUUID()}`, seq: 1 };
      await tamper(t.sql, async (c) => {
        await c.query(
          `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                     action, subject_type, subject_id, request_id, payload, prev_hash, hash)
           SELECT $2, $3, 1, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                  action, subject_type, subject_id, request_id, payload, $4, $5
             FROM audit_events WHERE id = $1`,
          [model.id, forged.id, forged.chainId, GENESIS_HASH, hashAfter(GENESIS_HASH, forged)],
        );
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'chain_truncated',
        chainId: forged.chainId,
        firstInvalidEventId: forged.id,
      });
    });

    it('finds a truncated PII-read chain tail against its head row', async () => {
      const chainId = `pii-reads:${w.commissioner.id}`;
      const events = await readChain(t.sql, chainId);
      expect(events).toHaveLength(2);
      await tamper(t.sql, async (c) => {
        await c.query(`DELETE FROM audit_events WHERE id = $1`, [events[1].id]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'chain_truncated',
        chainId,
        firstInvalidEventId: events[0].id,
      });
    });

    describe('a chain re-hashed consistently in the database, without the signing key', () => {
      const editReason = (from: string, to: string) => (text: string) => {
        expect(text).toContain(`"reason":"${from}"`);
        return text.replace(`"reason":"${from}"`, `"reason":"${to}"`);
      };

      it('is caught by the signed head: checkpoint_mismatch at the modified event, the first after the previous signed head', async () => {
        // X#3 was signed by checkpoint 1 and X#6 by checkpoint 2; X#4 is the first event after the earlier signed head.
        const modified = await eventId(chainOf(x), 4);
        await tamper(t.sql, async (c) => {
          await rewriteChain(c, chainOf(x), 4, editReason('Held pending a screening interview', 'Voluntary stay'));
          await c.query(`UPDATE decision_records SET reason = 'Voluntary stay' WHERE audit_event_id = $1`, [modified]);
        });
        // Everything but the signed heads agrees: links, hashes, the case row's head, the decision records.
        const chain = await readChain(t.sql, chainOf(x));
        const { rows } = await t.sql.query<{ audit_hash: Buffer }>(`SELECT audit_hash FROM cases WHERE id = $1`, [
          x.id,
        ]);
        expect(rows[0].audit_hash.equals(chain[chain.length - 1].hash)).toBe(true);
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'checkpoint_mismatch',
          chainId: chainOf(x),
          firstInvalidEventId: modified,
        });
      });

      it("is caught from the chain's first event when no earlier signed head vouches for the start", async () => {
        // X#2 lies before X's first signed head (X#3): nothing signed vouches for X#1..#3, so the report starts at X#1.
        const first = await eventId(chainOf(x), 1);
        await tamper(t.sql, async (c) => {
          await rewriteChain(c, chainOf(x), 2, (text) =>
            text.replace('"facility":"Holding centre N"', '"facility":"Shelter"'),
          );
        });
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'checkpoint_mismatch',
          chainId: chainOf(x),
          firstInvalidEventId: first,
        });
      });
    });

    it('finds a modified decision record: decision_record_altered at the event that sealed it', async () => {
      const { rows } = await t.sql.query<{ id: string; audit_event_id: string }>(
        `SELECT id, audit_event_id FROM decision_records WHERE case_id = $1 AND sequence = 1`,
        [y.id],
      );
      await tamper(t.sql, async (c) => {
        await c.query(`UPDATE decision_records SET reason = 'No indicators observed' WHERE id = $1`, [rows[0].id]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'decision_record_altered',
        chainId: chainOf(y),
        firstInvalidEventId: rows[0].audit_event_id,
      });
    });

    it('finds a decision credited to another agency (actor agency rewritten to satisfy the check)', async () => {
      const { rows } = await t.sql.query<{ id: string; audit_event_id: string }>(
        `SELECT id, audit_event_id FROM decision_records WHERE case_id = $1 AND sequence = 1`,
        [y.id],
      );
      const other = await t.sql.query<{ id: string }>(
        `SELECT id FROM agencies WHERE id <> (SELECT deciding_agency_id FROM decision_records WHERE id = $1) LIMIT 1`,
        [rows[0].id],
      );
      await tamper(t.sql, async (c) => {
        await c.query(`UPDATE decision_records SET deciding_agency_id = $2, actor_agency_id = $2 WHERE id = $1`, [
          rows[0].id,
          other.rows[0].id,
        ]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'decision_record_altered',
        chainId: chainOf(y),
        firstInvalidEventId: rows[0].audit_event_id,
      });
    });

    it('finds a checkpoint signed with another Ed25519 key: checkpoint_signature_invalid', async () => {
      const { rows } = await t.sql.query<{ root: Buffer }>(`SELECT root FROM audit_checkpoints WHERE seq = $1`, [
        firstCheckpoint,
      ]);
      const forger = signingKeyFromSeed(randomBytes(32));
      await tamper(t.sql, async (c) => {
        await c.query(`UPDATE audit_checkpoints SET signature = $2 WHERE seq = $1`, [
          firstCheckpoint,
          signRoot(forger, rows[0].root),
        ]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'checkpoint_signature_invalid',
        checkpointSeq: firstCheckpoint,
        firstInvalidEventId: null,
      });
    });
    it('sealed every column of a new decision record: its agency is in the payload beside the decision', async () => {
      const { rows } = await t.sql.query<{ agency_id: string; payload: Record<string, unknown> }>(
        `SELECT d.agency_id, e.payload FROM decision_records d JOIN audit_events e ON e.id = d.audit_event_id
          WHERE d.case_id = $1 AND d.sequence = 1`,
        [y.id],
      );
      expect(rows[0].payload).toMatchObject({ agencyId: rows[0].agency_id, sequence: 1, type: 'refer' });
    });

    it.each([
      [
        'agency_id',
        `agency_id = (SELECT agency_id FROM cases WHERE external_ref <> '' AND agency_id <> d.agency_id LIMIT 1)`,
      ],
      ['actor_role', `actor_role = 'commissioner'`],
      ['recorded_at', `recorded_at = recorded_at - interval '1 hour'`],
      ['actor_agency_id', `actor_agency_id = NULL`],
      ['occurred_at', `occurred_at = occurred_at - interval '1 minute'`],
    ])('finds a decision record whose %s was changed: decision_record_altered at its event', async (_column, set) => {
      const { rows } = await t.sql.query<{ id: string; audit_event_id: string }>(
        `SELECT id, audit_event_id FROM decision_records WHERE case_id = $1 AND sequence = 1`,
        [y.id],
      );
      await tamper(t.sql, async (c) => {
        const { rowCount } = await c.query(`UPDATE decision_records d SET ${set} WHERE id = $1`, [rows[0].id]);
        expect(rowCount).toBe(1);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'decision_record_altered',
        chainId: chainOf(y),
        firstInvalidEventId: rows[0].audit_event_id,
      });
    });

    describe('a decision sealed before the seal covered every column (no agencyId in its payload)', () => {
      /** Re-seals X#7, which no checkpoint signed yet, in the older shape, as events written before the change are. */
      async function sealInOlderShape(): Promise<string> {
        const event = await eventId(chainOf(x), 7);
        await tamper(t.sql, async (c) => {
          await rewriteChain(c, chainOf(x), 7, (text) => {
            expect(text).toMatch(/^\{"agencyId":"[0-9a-f-]{36}",/);
            return text.replace(/^\{"agencyId":"[0-9a-f-]{36}",/, '{');
          });
        });
        return event;
      }

      it('still verifies, judged on the columns it sealed', async () => {
        await sealInOlderShape();
        expect(await verify()).toMatchObject({ ok: true });
      });

      it('has its agency_id held to the agency its case was opened with: case_projection_altered', async () => {
        const event = await sealInOlderShape();
        await tamper(t.sql, async (c) => {
          const { rowCount } = await c.query(`UPDATE decision_records SET agency_id = $2 WHERE audit_event_id = $1`, [
            event,
            z.agencyId,
          ]);
          expect(rowCount).toBe(1);
        });
        expect(await verify()).toMatchObject({ ok: false, reason: 'case_projection_altered', caseIds: [x.id] });
      });
    });

    it('finds a decision record deleted while its event stays: decision_record_altered at that event', async () => {
      const { rows } = await t.sql.query<{ id: string; audit_event_id: string }>(
        `SELECT id, audit_event_id FROM decision_records WHERE case_id = $1 AND sequence = 1`,
        [z.id],
      );
      await tamper(t.sql, async (c) => {
        await c.query(`DELETE FROM decision_records WHERE id = $1`, [rows[0].id]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'decision_record_altered',
        chainId: chainOf(z),
        firstInvalidEventId: rows[0].audit_event_id,
      });
    });

    describe('a case projection edited to differ from its decision stream', () => {
      it.each([
        ['its state (a referral made to look closed)', () => y, `state = 'closed', closed_outcome = 'lost_contact'`],
        ['its state after reconsiderations (upheld made to look overturned)', () => reconsidered, `state = 'referred'`],
        ['its version', () => x, `version = version + 1`],
        [
          'its agency (moved to another agency, which then sees it)',
          () => x,
          `agency_id = (SELECT agency_id FROM cases WHERE agency_id <> c.agency_id LIMIT 1)`,
        ],
        [
          'detained_since (a detention made to look 29 hours shorter)',
          () => held,
          `detained_since = detained_since + interval '29 hours'`,
        ],
        ['detained_since (a person made to look released)', () => held, `detained_since = NULL`],
        ['detained_since (a released person made to look detained)', () => x, `detained_since = now()`],
      ])('finds %s: case_projection_altered naming the case', async (_what, target, set) => {
        const c = target();
        await tamper(t.sql, async (client) => {
          const { rowCount } = await client.query(`UPDATE cases c SET ${set} WHERE id = $1`, [c.id]);
          expect(rowCount).toBe(1);
        });
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'case_projection_altered',
          chainId: chainOf(c),
          caseIds: [c.id],
          firstInvalidEventId: null,
        });
      });

      it('names every case edited, in id order', async () => {
        await tamper(t.sql, async (client) => {
          await client.query(`UPDATE cases SET state = 'closed' WHERE id = ANY($1)`, [[x.id, y.id, held.id]]);
        });
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'case_projection_altered',
          caseIds: [x.id, y.id, held.id].sort(),
        });
      });
    });

    describe('a detention episode edited to differ from the detain and release records', () => {
      it.each([
        [
          'closed to silence the overdue-detention alert (case row moved along)',
          () => held,
          `UPDATE detention_episodes SET released_at = now(), release_reason = 'Released' WHERE case_id = $1;
           UPDATE cases SET detained_since = NULL WHERE id = $1`,
        ],
        [
          'started later (case row moved along)',
          () => held,
          `UPDATE detention_episodes SET detained_at = detained_at + interval '1 day' WHERE case_id = $1;
           UPDATE cases SET detained_since = detained_since + interval '1 day' WHERE id = $1`,
        ],
        [
          'released earlier',
          () => x,
          `UPDATE detention_episodes SET released_at = detained_at WHERE case_id = $1 AND facility = 'Holding centre N'`,
        ],
        [
          'reopened',
          () => z,
          `UPDATE detention_episodes SET released_at = NULL, release_reason = NULL WHERE case_id = $1`,
        ],
        ['moved to another facility', () => x, `UPDATE detention_episodes SET facility = 'Shelter' WHERE case_id = $1`],
        ['deleted', () => x, `DELETE FROM detention_episodes WHERE case_id = $1 AND facility = 'Holding centre S'`],
        [
          'added without a detain record',
          () => y,
          `INSERT INTO detention_episodes (id, case_id, agency_id, detained_at, facility, legal_basis, detain_record_id,
                                           released_at, release_reason, release_record_id)
           SELECT gen_random_uuid(), id, agency_id, now() - interval '2 hours', 'Cell 4', 'None', gen_random_uuid(),
                  now() - interval '1 hour', 'Released', gen_random_uuid()
             FROM cases WHERE id = $1`,
        ],
      ])('finds one %s: detention_episode_altered naming the case', async (_what, target, statements) => {
        const c = target();
        await tamper(t.sql, async (client) => {
          for (const sql of statements.split(';')) {
            const { rowCount } = await client.query(sql, [c.id]);
            expect(rowCount).toBeGreaterThan(0);
          }
        });
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'detention_episode_altered',
          chainId: chainOf(c),
          caseIds: [c.id],
        });
      });
    });

    describe('a log cut back to an earlier checkpoint', () => {
      async function roots(): Promise<string[]> {
        const { rows } = await t.sql.query<{ root: string }>(
          `SELECT encode(root, 'hex') AS root FROM audit_checkpoints ORDER BY seq`,
        );
        return rows.map((r) => r.root);
      }

      it('verifies against a head the log holds', async () => {
        const [first, second] = await roots();
        expect(await verify(first)).toMatchObject({ ok: true, checkpoints: firstCheckpoint + 1 });
        expect(await verify(second)).toMatchObject({ ok: true });
      });

      it('is invisible without a head, and caught with the head kept elsewhere: checkpoint_head_missing', async () => {
        const res = await t.http().get('/api/v1/audit/checkpoints').set('authorization', w.commissioner.auth);
        const kept = (res.body.items as { root: string }[]).at(-1)!.root;
        expect(kept).toBe((await roots())[firstCheckpoint]);
        // Everything written after checkpoint 1 removed, every head and projection put back as it was then.
        await restoreSnapshot(t.sql, AT_FIRST_CHECKPOINT);
        expect(await roots()).toHaveLength(firstCheckpoint);
        expect(await verify()).toMatchObject({ ok: true, checkpoints: firstCheckpoint });
        expect(await verify(kept)).toMatchObject({
          ok: false,
          reason: 'checkpoint_head_missing',
          checkpointSeq: firstCheckpoint,
          firstInvalidEventId: null,
        });
      });

      it('reports a head no checkpoint ever had as missing', async () => {
        expect(await verify(randomBytes(32).toString('hex'))).toMatchObject({
          ok: false,
          reason: 'checkpoint_head_missing',
        });
      });

      it.each(['abc', 'A'.repeat(64), 'g'.repeat(64), '0'.repeat(63), '0'.repeat(65)])(
        'refuses head=%s with a 400 problem naming head',
        async (head) => {
          const res = await t
            .http()
            .get('/api/v1/audit/verify')
            .query({ head })
            .set('authorization', w.commissioner.auth);
          expect(res.status).toBe(400);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(JSON.stringify(res.body)).toContain('head');
        },
      );
    });
  });

  describe('no global chain lock', () => {
    /**
     * Holds case A's decision where `block` makes it wait (from a superuser
     * transaction), then shows that a decision on case B and a PII read of A
     * finish promptly meanwhile, and that A finishes once the block is lifted.
     */
    async function expectOthersProceedWhileAWaits(
      block: (locker: PoolClient, a: OpenedCase) => Promise<void>,
      waitingStatement: string,
    ): Promise<void> {
      const a = await openCase(t, w.officer);
      const b = await openCase(t, w.officer);
      await withSuperuser(t.sql, async (locker) => {
        await locker.query('BEGIN');
        await block(locker, a);
        let aSettled = false;
        const aStarted = Date.now();
        const onA = decide(t, w.officer, a.id, { type: 'refer', expectedVersion: 0, reason: 'Waits' }).finally(() => {
          aSettled = true;
        });
        try {
          const started = Date.now();
          const onB = await decide(t, w.officer, b.id, { type: 'refer', expectedVersion: 0, reason: 'Independent' });
          expect(onB.status).toBe(201);
          expect(Date.now() - started).toBeLessThan(2_000);
          // A PII read of case A goes to the reader's own chain: it does not wait either.
          const readStarted = Date.now();
          const read = await t
            .http()
            .get(`/api/v1/cases/${a.id}?include=pii`)
            .set('authorization', w.commissioner.auth);
          expect(read.status).toBe(200);
          expect(read.body.subject).toMatchObject(SEEDED_PII);
          expect(Date.now() - readStarted).toBeLessThan(2_000);
          await sleep(Math.max(0, 1_000 - (Date.now() - aStarted)));
          expect(aSettled).toBe(false);
          const { rows } = await t.sql.query<{ query: string }>(
            `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          expect(rows.map((r) => r.query.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([waitingStatement]);
        } finally {
          await locker.query('ROLLBACK');
        }
        const onAResult = await onA;
        expect(onAResult.status).toBe(201);
        expect(onAResult.body.case.version).toBe(1);
      });
      expect(await verify()).toMatchObject({ ok: true });
    }

    it('lets a decision on case B complete while a decision on case A waits for a row lock on A', async () => {
      await expectOthersProceedWhileAWaits(async (locker, a) => {
        await locker.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [a.id]);
      }, 'WITH bumped AS');
    });

    it("lets a decision on case B complete while case A's decision, holding all its locks, waits at its audit event", async () => {
      // An uncommitted event at A's next position: A's one write statement, at its audit event, waits on the unique index.
      await expectOthersProceedWhileAWaits(async (locker, a) => {
        await locker.query(
          `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                     action, subject_type, subject_id, request_id, payload, prev_hash, hash)
           SELECT $2, chain_id, 2, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                  action, subject_type, subject_id, request_id, payload, hash, hash
             FROM audit_events WHERE chain_id = $1 AND seq = 1`,
          [`case:${a.id}`, randomUUID()],
        );
      }, 'WITH bumped AS');
    });

    it('touches no shared row: decisions keep case chain heads on the case rows, never in audit_chains', async () => {
      const cases = await Promise.all(Array.from({ length: 8 }, () => openCase(t, w.officer)));
      const results = await Promise.all(
        cases.map((c) => decide(t, w.officer, c.id, { type: 'refer', expectedVersion: 0, reason: 'Concurrent' })),
      );
      expect(results.map((r) => r.status)).toEqual(cases.map(() => 201));
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_chains WHERE chain_id LIKE 'case:%'`,
      );
      expect(rows[0].n).toBe(0);
      const heads = await t.sql.query<{ audit_seq: number; ok: boolean }>(
        `SELECT c.audit_seq, c.audit_hash = e.hash AS ok
           FROM cases c JOIN audit_events e ON e.chain_id = 'case:' || c.id AND e.seq = c.audit_seq
          WHERE c.id = ANY($1)`,
        [cases.map((c) => c.id)],
      );
      expect(heads.rows).toEqual(cases.map(() => ({ audit_seq: 2, ok: true })));
      expect(await verify()).toMatchObject({ ok: true });
    });
  });

  describe('PII reads', () => {
    let c: OpenedCase;

    beforeAll(async () => {
      c = await openCase(t, w.officer);
    });

    async function expectOnePiiRead(reader: World['commissioner'], role: string): Promise<void> {
      const chainId = `pii-reads:${reader.id}`;
      const before = await eventCount();
      const beforeInChain = await eventCount('chain_id = $1', [chainId]);
      const res = await t.http().get(`/api/v1/cases/${c.id}?include=pii`).set('authorization', reader.auth);
      expect(res.status).toBe(200);
      expect(res.body.subject).toMatchObject(SEEDED_PII);
      expect(await eventCount()).toBe(before + 1);
      const { rows } = await t.sql.query(
        `SELECT chain_id, seq, action, actor_type, actor_id, actor_role, subject_type, subject_id, request_id,
                payload::text AS payload
           FROM audit_events WHERE chain_id = $1 ORDER BY seq DESC LIMIT 1`,
        [chainId],
      );
      expect(rows[0]).toMatchObject({
        chain_id: chainId,
        seq: beforeInChain + 1,
        action: 'case.pii_read',
        actor_type: 'user',
        actor_id: reader.id,
        actor_role: role,
        subject_type: 'case',
        subject_id: c.id,
        request_id: res.headers['x-request-id'],
      });
      const payload = JSON.parse(rows[0].payload);
      expect(Object.keys(payload)).toEqual(['fields']);
      expect([...payload.fields].sort()).toEqual([...PII_KEYS].sort());
      for (const value of Object.values(SEEDED_PII)) expect(rows[0].payload).not.toContain(value);
    }

    it("appends one case.pii_read event to the commissioner's own chain, naming the fields, never their values", async () => {
      await expectOnePiiRead(w.commissioner, 'commissioner');
      await expectOnePiiRead(w.commissioner, 'commissioner');
    });

    it("appends one case.pii_read event when an officer of the case's agency reads it", async () => {
      await expectOnePiiRead(w.officer, 'agency_officer');
    });

    it('returns no PII and appends no event unless asked with include=pii', async () => {
      for (const reader of [w.commissioner, w.officer]) {
        const before = await eventCount();
        const res = await t.http().get(`/api/v1/cases/${c.id}`).set('authorization', reader.auth);
        expect(res.status).toBe(200);
        expect(res.body.subject.pseudonym).toEqual(expect.any(String));
        for (const key of PII_KEYS) expect(res.body.subject).not.toHaveProperty(key);
        for (const value of Object.values(SEEDED_PII)) expect(res.text).not.toContain(value);
        expect(await eventCount()).toBe(before);
      }
    });

    it('refuses any other include with 400 naming it, appending nothing', async () => {
      const before = await eventCount();
      for (const include of ['PII', 'name', 'pii,name', '']) {
        const res = await t
          .http()
          .get(`/api/v1/cases/${c.id}`)
          .query({ include })
          .set('authorization', w.commissioner.auth);
        expect(expectProblem(res, 400).errors).toEqual([{ field: 'include', message: expect.any(String) }]);
      }
      expect(await eventCount()).toBe(before);
    });

    it('shows an analyst no PII fields and appends no event, even with include=pii', async () => {
      const before = await eventCount();
      const res = await t.http().get(`/api/v1/cases/${c.id}?include=pii`).set('authorization', w.analyst.auth);
      expect(res.status).toBe(200);
      expect(res.body.subject.pseudonym).toEqual(expect.any(String));
      for (const key of PII_KEYS) expect(res.body.subject).not.toHaveProperty(key);
      expect(await eventCount()).toBe(before);
    });

    it('never puts PII fields in a list and appends nothing for one', async () => {
      const before = await eventCount();
      for (const reader of [w.commissioner, w.officer, w.analyst]) {
        const res = await t.http().get('/api/v1/cases?limit=200').set('authorization', reader.auth);
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
        for (const item of res.body.items) {
          for (const key of PII_KEYS) expect(item.subject).not.toHaveProperty(key);
        }
        for (const value of Object.values(SEEDED_PII)) expect(res.text).not.toContain(value);
      }
      expect(await eventCount()).toBe(before);
    });
  });

  // Last: it leaves a checkpoint signed by a key the app itself does not know.
  describe('signing key rotation', () => {
    const seedB = randomBytes(32);
    const keyA = (): ReturnType<typeof signingKeyFromSeed> => t.app.get(AuditSigningKey).key;
    const keysWith = (seed: Buffer, verifyPublicKeys: Buffer[]): AuditSigningKey =>
      new AuditSigningKey({ ...t.config, audit: { ...t.config.audit, signingKeySeed: seed, verifyPublicKeys } });
    const verifierWith = (keys: AuditSigningKey): AuditVerifier =>
      new AuditVerifier(t.app.get(AuditVerificationRepository), keys, t.app.get(Metrics));
    let signedByA: number;
    let signedByB: number;

    beforeAll(async () => {
      await openCase(t, w.officer);
      signedByA = await checkpoint();
      // Rotated: B signs, A's public key is kept to verify what A signed.
      const rotated = keysWith(seedB, [Buffer.from(keyA().publicKeyBase64, 'base64')]);
      await openCase(t, w.officer);
      signedByB = await checkpoint(new AuditCheckpointer(t.app.get(DataSource), rotated));
    }, SLOW);

    it('names each checkpoint’s key, and the rotated key ring verifies checkpoints of both keys', async () => {
      const { rows } = await t.sql.query<{ seq: number; key_id: string }>(
        `SELECT seq, key_id FROM audit_checkpoints WHERE seq IN ($1, $2) ORDER BY seq`,
        [signedByA, signedByB],
      );
      const keyB = signingKeyFromSeed(seedB);
      expect(rows).toEqual([
        { seq: signedByA, key_id: keyA().keyId },
        { seq: signedByB, key_id: keyB.keyId },
      ]);
      const rotated = keysWith(seedB, [Buffer.from(keyA().publicKeyBase64, 'base64')]);
      expect(await verifierWith(rotated).verify()).toMatchObject({ ok: true, checkpoints: signedByB });
    });

    it('reports checkpoints of a key dropped from the configuration as checkpoint_key_unknown', async () => {
      // B alone: every checkpoint A signed, from the first on, can no longer be verified.
      expect(await verifierWith(keysWith(seedB, [])).verify()).toMatchObject({
        ok: false,
        reason: 'checkpoint_key_unknown',
        checkpointSeq: 1,
      });
      // The app, still on A, knows nothing of B.
      expect(await verify()).toMatchObject({
        ok: false,
        reason: 'checkpoint_key_unknown',
        checkpointSeq: signedByB,
      });
    });

    it('still finds a signature that does not match the key its checkpoint names', async () => {
      const rotated = keysWith(seedB, [Buffer.from(keyA().publicKeyBase64, 'base64')]);
      await tamper(t.sql, async (c) => {
        // A's checkpoint relabelled as B's: B's key does not verify A's signature.
        await c.query(`UPDATE audit_checkpoints SET key_id = $2 WHERE seq = $1`, [
          signedByA,
          signingKeyFromSeed(seedB).keyId,
        ]);
      });
      expect(await verifierWith(rotated).verify()).toMatchObject({
        ok: false,
        reason: 'checkpoint_signature_invalid',
        checkpointSeq: signedByA,
      });
    });

    it('lists every verifying key, with its id and raw public key, beside the checkpoints', async () => {
      const res = await t.http().get('/api/v1/audit/checkpoints').set('authorization', w.commissioner.auth);
      expect(res.status).toBe(200);
      expect(res.body.keyId).toBe(keyA().keyId);
      expect(res.body.verifyKeys).toEqual([
        { keyId: keyA().keyId, publicKeyPem: keyA().publicKeyPem, publicKey: keyA().publicKeyBase64 },
      ]);
    });
  });
});
