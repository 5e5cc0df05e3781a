import { createPublicKey, verify as verifySignature } from 'node:crypto';
import pg from 'pg';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { TEST_SERVER_URL } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface CheckpointBody {
  seq: number;
  createdAt: string;
  watermark: string;
  prevRoot: string;
  root: string;
  signature: string;
  keyId: string;
  chainCount: number;
}

/**
 * POST /audit/checkpoints: a signed checkpoint on demand (commissioner, admin), so a new installation's
 * verify shows one without waiting for the schedule. Who else may call it: authorization-matrix.e2e-spec.ts.
 */
describe('sealing an audit checkpoint on demand', () => {
  let t: TestApp;
  let w: World;
  /**
   * A transaction with an xid, open on another database of the cluster: the checkpoint window ends at the oldest
   * transaction still running anywhere, so events written after it began cannot be sealed until it ends.
   */
  let older: pg.Client | undefined;

  async function beginOlderTransaction(): Promise<void> {
    older = new pg.Client({ connectionString: TEST_SERVER_URL });
    await older.connect();
    await older.query('BEGIN');
    await older.query('SELECT pg_current_xact_id()');
  }
  async function endOlderTransaction(): Promise<void> {
    if (!older) return;
    await older.query('ROLLBACK');
    await older.end();
    older = undefined;
  }

  beforeAll(async () => {
    // Begun before the app writes its first event (the bootstrapped admin), so nothing is sealable at first.
    await beginOlderTransaction();
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => {
    await endOlderTransaction();
    await t.close();
  });

  const seal = (auth: string) => t.http().post('/api/v1/audit/checkpoints').set('authorization', auth);
  const verify = async () => {
    const res = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    return res.body as { ok: boolean; checkpoints: number; checked: number };
  };

  it('answers 409 while there is no checkpoint and every new event is behind a transaction still running', async () => {
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 0 });
    try {
      const res = await seal(w.commissioner.auth);
      expectProblem(res, 409);
      expect(res.body.type).toMatch(/checkpoint-nothing-to-seal$/);
    } finally {
      await endOlderTransaction();
    }
  });

  it('seals a checkpoint now (201), signed with the published key, and verify reports it', async () => {
    const res = await seal(w.commissioner.auth);
    expect(res.status).toBe(201);
    const checkpoint = res.body as CheckpointBody;
    expect(checkpoint).toMatchObject({ seq: 1, chainCount: expect.any(Number) });
    expect(checkpoint.chainCount).toBeGreaterThan(1);

    const exported = await t.http().get('/api/v1/audit/checkpoints').set('authorization', w.admin.auth);
    expect(exported.body.items).toEqual([checkpoint]);
    const key = createPublicKey(exported.body.publicKeyPem as string);
    const signed = verifySignature(
      null,
      Buffer.from(checkpoint.root, 'hex'),
      key,
      Buffer.from(checkpoint.signature, 'base64'),
    );
    expect(signed).toBe(true);
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 1 });
  });

  it('records who asked, in an event the checkpoint covers', async () => {
    const { rows } = await t.sql.query<{ actor_id: string; covered: boolean }>(
      `SELECT e.actor_id, EXISTS (SELECT 1 FROM audit_checkpoint_heads h
                                   WHERE h.chain_id = e.chain_id AND h.head_seq >= e.seq) AS covered
         FROM audit_events e WHERE e.action = 'audit.checkpoint_requested' ORDER BY e.recorded_at`,
    );
    // The first request (the 409) and the second: both committed before the second sealed.
    expect(rows).toEqual([
      { actor_id: w.commissioner.id, covered: true },
      { actor_id: w.commissioner.id, covered: true },
    ]);
  });

  it('answers 200 with the latest checkpoint when nothing committed since that it may cover', async () => {
    await beginOlderTransaction();
    try {
      const res = await seal(w.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ seq: 1 });
    } finally {
      await endOlderTransaction();
    }
    const next = await seal(w.admin.auth);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ seq: 2 });
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 2 });
  });
});
