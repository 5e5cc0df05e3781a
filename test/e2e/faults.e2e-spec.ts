import { randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openOverdueDetention, scanNow } from '../factories/alerts.js';
import { openCase } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import {
  isSuccess,
  percentile,
  samplesBetween,
  startCaseLoad,
  summarise,
  type CaseLoad,
  type Sample,
} from '../support/http-load.js';
import { destroyOwnPostgresServers, startOwnPostgres, type OwnPostgres } from '../support/postgres-server.js';
import { freePort, killOwnRedisServers, startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startSmtpProbe, type SmtpProbe } from '../support/smtp-probe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { sleep, waitUntil, withTimeout } from '../support/wait.js';
import {
  buildWorker,
  killWorkerProcesses,
  startApiProcess,
  startWorkerProcess,
  type WorkerBuild,
  type WorkerProcess,
} from '../support/worker-process.js';

/**
 * Faults injected into services the test starts itself, on ports of their
 * own: a PostgreSQL cluster crashed with `pg_ctl stop -m immediate`, a
 * redis-server killed with SIGKILL, and SIGTERM to `node main.js` in the
 * middle of a request and a delivery. The machine's shared PostgreSQL and
 * Redis are never stopped.
 *
 * The figures each scenario measures are printed (FAULTS …) for the record;
 * the assertions hold them to the bounds the service promises.
 */

/** Never during a test: scans run when the test asks. */
const NO_SCHEDULED_SCAN = '0 0 1 1 *';
/** A request answered while a dependency is down must answer within this (the pool's connect timeout is 5 s). */
const FAIL_FAST_MS = 6_000;
/** The client gives up after this: a request still running then is a hang. */
const CLIENT_TIMEOUT_MS = 12_000;

function report(what: string, figures: Record<string, unknown>): void {
  process.stdout.write(`FAULTS ${what} ${JSON.stringify(figures)}\n`);
}

/** Closes what a scenario started, in order, carrying on past failures and reporting the first. */
async function closeAll(...steps: (() => Promise<unknown> | undefined)[]): Promise<void> {
  let first: unknown;
  for (const step of steps) {
    try {
      await withTimeout('cleanup step', Promise.resolve(step()), 20_000);
    } catch (err) {
      first ??= err;
    }
  }
  if (first) throw first instanceof Error ? first : new Error(JSON.stringify(first));
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

async function readiness(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every write the API acknowledged is in the database. */
async function expectAcknowledgedWritesPresent(t: TestApp, load: CaseLoad): Promise<void> {
  const { cases, decisions } = load.acknowledged;
  const { rows } = await t.sql.query<{ cases: number; decisions: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE id = ANY($1::uuid[])) AS cases,
            (SELECT count(*)::int FROM decision_records WHERE id = ANY($2::uuid[])) AS decisions`,
    [cases, decisions],
  );
  expect(rows[0]).toEqual({ cases: new Set(cases).size, decisions: new Set(decisions).size });
}

async function expectAuditVerifies(t: TestApp, w: World): Promise<void> {
  const res = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ ok: true, firstInvalidEventId: null });
}

/** A request on a connection of its own (no keep-alive pool): its status, or the connection error's code. */
function freshRequest(url: string, auth: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpGet(url, { agent: false, headers: { authorization: auth }, timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function latencies(samples: Sample[]): { n: number; p50: number; p95: number; max: number } {
  const ms = samples.map((s) => s.ms);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(0, ...ms) };
}

afterAll(async () => {
  // Whatever happened above: no child process, server or cluster outlives the file.
  await killWorkerProcesses();
  await killOwnRedisServers();
  await destroyOwnPostgresServers();
});

describe('PostgreSQL crashes (pg_ctl stop -m immediate) under load', () => {
  let cluster: OwnPostgres;
  let redis: OwnRedis;
  let t: TestApp;
  let w: World;
  let baseUrl: string;

  beforeAll(async () => {
    [cluster, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    const url = await cluster.createDatabase('oversight_faults');
    t = await startTestApp({ databaseUrl: url, env: { REDIS_URL: redis.url } });
    // The test's own pool loses its idle connections in the crash too; pg reports that as a pool 'error' event.
    t.sql.on('error', () => undefined);
    baseUrl = await listen(t);
    w = await createWorld(t);
  }, 120_000);
  afterAll(async () => {
    await closeAll(
      async () => (cluster && !cluster.running() ? cluster.start() : undefined),
      () => t?.close(),
      () => redis?.remove(),
      () => cluster?.destroy(),
    );
  });

  it('answers 503 problem details fast while it is down, recovers by itself within 10 s, and loses no acknowledged write', async () => {
    const load = startCaseLoad({ baseUrl, auth: w.officer.auth, clients: 4, timeoutMs: CLIENT_TIMEOUT_MS });
    let down = 0;
    let restarting = 0;
    let back: number;
    let recoveredAt: number;
    try {
      await waitUntil('the load to record decisions', () => load.acknowledged.decisions.length >= 8, {
        timeoutMs: 30_000,
      });
      const crashAt = Date.now();
      await cluster.stop('immediate');
      down = Date.now();
      // Down for a few seconds, long enough for every client to meet the outage several times.
      await waitUntil(
        '503 answers while PostgreSQL is down',
        () => samplesBetween(load.samples, down, Date.now()).filter((s) => s.status === 503).length >= 12,
        { timeoutMs: 20_000 },
      );
      await sleep(Math.max(0, 3_000 - (Date.now() - down)));
      restarting = Date.now();
      await cluster.start(); // resolves once PostgreSQL accepts connections again (after crash recovery)
      back = Date.now();
      // Probes on a fresh connection each, every 100 ms, until one is answered 2xx: no restart of the app.
      recoveredAt = await waitUntil(
        'the API to answer 2xx again',
        async () => {
          const res = await fetch(`${baseUrl}/api/v1/cases?limit=1`, {
            headers: { authorization: w.officer.auth },
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          await res.arrayBuffer();
          return res.ok && Date.now();
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      // And the load itself gets writes through again.
      const decisionsThen = load.acknowledged.decisions.length;
      await waitUntil(
        'writes to be acknowledged again',
        () => load.acknowledged.decisions.length >= decisionsThen + 8,
        {
          timeoutMs: 20_000,
        },
      );
      report('postgres', {
        stopImmediateMs: down - crashAt,
        restartMs: back - restarting,
        recoveryAfterBackMs: recoveredAt - back,
      });
    } finally {
      await load.stop();
    }

    const all = load.samples;
    // No request hung, none failed at the connection, none answered 500.
    expect(all.filter((s) => typeof s.status !== 'number')).toEqual([]);
    expect(summarise(all.filter((s) => !isSuccess(s) && s.status !== 503))).toEqual({});
    // Every failure is a 503 problem document with Retry-After, answered fast.
    const unavailable = all.filter((s) => s.status === 503);
    expect(unavailable.length).toBeGreaterThanOrEqual(12);
    for (const s of unavailable) {
      expect(s.contentType).toMatch(/^application\/problem\+json\b/);
      expect(s.retryAfter).toMatch(/^\d+$/);
      expect(s.problemType).toMatch(/database-unavailable|timeout/);
    }
    const outage = samplesBetween(all, down, back);
    expect(latencies(outage).max).toBeLessThan(FAIL_FAST_MS);
    // While it was down, nothing succeeded (a success would mean a write the test cannot account for).
    expect(all.filter((s) => s.startedAt > down && s.endedAt < restarting && isSuccess(s))).toEqual([]);
    report('postgres-latency', {
      failFast503: latencies(unavailable),
      duringOutage: latencies(outage),
      acknowledged: { cases: load.acknowledged.cases.length, decisions: load.acknowledged.decisions.length },
    });
    expect(recoveredAt - back).toBeLessThanOrEqual(10_000);

    await expectAcknowledgedWritesPresent(t, load);
    await expectAuditVerifies(t, w);
  });
});

describe('Redis killed (SIGKILL) under load', () => {
  let redis: OwnRedis;
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;
  let baseUrl: string;

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([startOwnRedis(), startSmtp()]);
    t = await startTestApp({
      workers: true,
      env: {
        REDIS_URL: redis.url,
        SMTP_URL: smtp.url,
        OUTBOX_SWEEP_SECONDS: '1',
        OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN,
      },
    });
    baseUrl = await listen(t);
    w = await createWorld(t);
    await waitUntil('the process to be ready', async () => (await readiness(baseUrl)).status === 200, {
      timeoutMs: 20_000,
    });
  }, 120_000);
  afterAll(async () => {
    await closeAll(
      // BullMQ's workers close cleanly only with their Redis there.
      async () => (redis && !redis.running() ? redis.start() : undefined),
      () => t?.close(),
      () => redis?.remove(),
      () => smtp?.close(),
    );
  });

  it('keeps answering reads and writes, and sends the alert raised meanwhile exactly once when Redis is back', async () => {
    const load = startCaseLoad({ baseUrl, auth: w.officer.auth, clients: 4, timeoutMs: CLIENT_TIMEOUT_MS });
    let alertId = '';
    let killedAt: number;
    let restarted: number;
    let readyAt: number;
    let mailedAt: number;
    let scanMs: number;
    const messageId = () => `<alert-${alertId}-raised@oversight.invalid>`;
    try {
      await waitUntil('the load to record decisions', () => load.acknowledged.decisions.length >= 8, {
        timeoutMs: 30_000,
      });
      await redis.stop('SIGKILL');
      killedAt = Date.now();

      // An overdue detention, and the scan the commissioner runs: both in the API, over PostgreSQL.
      const c = await openOverdueDetention(t, w.officer);
      const scanStarted = Date.now();
      const scan = await scanNow(t, w.commissioner);
      scanMs = Date.now() - scanStarted;
      const raised = scan.raised.find((r) => r.caseId === c.id);
      expect(raised).toBeDefined();
      alertId = raised!.id;
      const notReady = await readiness(baseUrl);
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({ details: { redis: { status: 'down' } } });

      const decisionsThen = load.acknowledged.decisions.length;
      await waitUntil(
        'writes acknowledged while Redis is down',
        () => load.acknowledged.decisions.length >= decisionsThen + 8,
        { timeoutMs: 20_000 },
      );
      await sleep(Math.max(0, 3_000 - (Date.now() - killedAt)));
      expect(smtp.received.map((m) => m.messageId)).not.toContain(messageId());

      // Back empty, as a Redis without persistence restarts: the queued jobs and the schedules are gone.
      await redis.start({ empty: true });
      restarted = Date.now();
      const stoppedFor = restarted - killedAt;
      readyAt = await waitUntil(
        'a worker to complete a job again',
        async () => {
          const r = await readiness(baseUrl);
          const jobs = (r.body.details as Record<string, { status: string }> | undefined)?.jobs;
          return r.status === 200 && jobs?.status === 'up' && Date.now();
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      mailedAt = await waitUntil(
        'the alert e-mail',
        () => smtp.received.some((m) => m.messageId === messageId()) && Date.now(),
        { timeoutMs: 20_000 },
      );
      report('redis', {
        downForMs: stoppedFor,
        scanWhileDownMs: scanMs,
        jobsReadyAfterRestartMs: readyAt - restarted,
        alertMailedAfterRestartMs: mailedAt - restarted,
      });
    } finally {
      await load.stop();
    }
    await sleep(2_500); // two sweep periods: nothing may go out again

    const all = load.samples;
    expect(all.filter((s) => typeof s.status !== 'number')).toEqual([]);
    expect(summarise(all.filter((s) => !isSuccess(s)))).toEqual({});
    const whileDown = samplesBetween(all, killedAt, restarted);
    expect(whileDown.filter((s) => s.op === 'open' || s.op === 'decide').length).toBeGreaterThanOrEqual(8);
    expect(whileDown.filter((s) => s.op === 'read' || s.op === 'list').length).toBeGreaterThanOrEqual(8);
    expect(latencies(whileDown).max).toBeLessThan(FAIL_FAST_MS);
    report('redis-latency', { whileDown: latencies(whileDown), overall: latencies(all) });
    expect(scanMs).toBeLessThan(FAIL_FAST_MS);
    expect(readyAt - restarted).toBeLessThanOrEqual(10_000);

    expect(smtp.received.filter((m) => m.messageId === messageId())).toHaveLength(1);
    const { rows } = await t.sql.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM alert_notifications WHERE alert_id = $1`,
      [alertId],
    );
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    await expectAcknowledgedWritesPresent(t, load);
    await expectAuditVerifies(t, w);
  });
});

describe('SIGTERM to node main.js during a request and a delivery', () => {
  const GRACE_MS = 8_000;
  let build: WorkerBuild;
  let redis: OwnRedis;
  let smtp: SmtpProbe;
  let t: TestApp;
  let w: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    let database: string;
    [build, redis, smtp, database] = await Promise.all([
      buildWorker(),
      startOwnRedis(),
      startSmtpProbe(),
      createTestDatabase(),
    ]);
    // Shared by the in-test app (setup, raw checks) and the child processes: same database, secrets and queues.
    env = {
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: `t-sigterm-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(48).toString('base64'),
      PII_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
      AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
      OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN,
      OUTBOX_SWEEP_SECONDS: '1',
      // A claim left by a process that stopped mid-send expires soon, so another worker may take the message.
      MAIL_CLAIM_SECONDS: '5',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    };
    t = await startTestApp({ database, env });
    w = await createWorld(t);
    // The world's accounts and API key were mailed (set-password links, notices to the office): alerts only below.
    smtp.reset();
  }, 120_000);
  afterAll(async () => {
    await closeAll(
      () => killWorkerProcesses(),
      () => t?.close(),
      () => redis?.remove(),
      () => smtp?.close(),
      () => build?.remove(),
    );
  });

  it('finishes the request in flight and the delivery (or hands it back), refuses new requests, and exits 0 within the grace period', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api: WorkerProcess = await startApiProcess(build.apiEntry, t.database, { ...env, PORT: String(port) });

    // A delivery in flight: the SMTP server has the message and holds its reply, longer than the request below.
    smtp.holdReplies(3_500);
    const detained = await openOverdueDetention(t, w.officer);
    const scanned = await fetch(`${baseUrl}/api/v1/jobs/overdue-scan`, {
      method: 'POST',
      headers: { authorization: w.commissioner.auth },
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    expect(scanned.status).toBe(200);
    const alertId = ((await scanned.json()) as { raised: { id: string; caseId: string }[] }).raised.find(
      (r) => r.caseId === detained.id,
    )!.id;
    const messageId = `<alert-${alertId}-raised@oversight.invalid>`;
    await smtp.waitForBodies(1, 15_000);

    // A request in flight: a decision waiting for a row lock the test holds.
    const target = await openCase(t, w.officer);
    const lock = await t.sql.connect();
    let slow: Promise<Response> | undefined;
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [target.id]);
      slow = fetch(`${baseUrl}/api/v1/cases/${target.id}/decisions`, {
        method: 'POST',
        headers: { authorization: w.officer.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'refer', expectedVersion: 0, reason: 'Indicators present' }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      slow.catch(() => undefined); // awaited below; a rejection meanwhile is not unhandled
      await waitUntil('the decision to wait for the row lock', async () => {
        const { rows } = await t.sql.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows.length > 0;
      });

      const signalledAt = Date.now();
      const exited = api.kill('SIGTERM');
      await sleep(300);
      // New requests are refused (503, or the connection is refused) while the old ones drain.
      const fresh = await freshRequest(`${baseUrl}/api/v1/cases?limit=1`, w.officer.auth);
      expect(String(fresh)).toMatch(/^(503|ECONNREFUSED|ECONNRESET)$/);

      await sleep(500); // the request keeps waiting during the shutdown
      await lock.query('COMMIT');
      const answered = await slow;
      const answeredAt = Date.now();
      expect(answered.status).toBe(201);
      const decision = ((await answered.json()) as { decision: { id: string } }).decision;

      const how = await withTimeout('the process to exit', exited, GRACE_MS + 5_000);
      const exitMs = Date.now() - signalledAt;
      report('sigterm', {
        requestAnsweredAfterSignalMs: answeredAt - signalledAt,
        exitAfterSignalMs: exitMs,
        exit: how,
        newRequest: fresh,
      });
      expect({ how, output: how === 'exit 0' ? '' : api.output().slice(-3_000) }).toEqual({
        how: 'exit 0',
        output: '',
      });
      expect(exitMs).toBeLessThan(GRACE_MS);
      const { rows } = await t.sql.query(`SELECT 1 FROM decision_records WHERE id = $1`, [decision.id]);
      expect(rows).toHaveLength(1);
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }

    // The delivery finished before the exit, or its row went back to the outbox and another worker sends it.
    const [row] = (
      await t.sql.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM alert_notifications WHERE alert_id = $1`,
        [alertId],
      )
    ).rows;
    report('sigterm-delivery', { rowAfterExit: row, acceptedBeforeExit: smtp.received.length });
    // Never left `sending` under a claim nobody holds.
    expect(['sent', 'pending']).toContain(row.status);
    if (row.status !== 'sent') {
      await startWorkerProcess(build.entry, t.database, env);
      await smtp.waitFor(1, 20_000);
    }
    await sleep(2_500); // two sweep periods: nothing more goes out
    expect(smtp.received.map((m) => m.messageId)).toEqual([messageId]);
    const { rows: after } = await t.sql.query(`SELECT status FROM alert_notifications WHERE alert_id = $1`, [alertId]);
    expect(after).toEqual([{ status: 'sent' }]);
  });
});
