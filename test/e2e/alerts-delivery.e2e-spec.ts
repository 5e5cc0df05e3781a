import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { NOTIFICATIONS_PER_JOB } from '../../src/jobs/queues.js';
import { openCase, type OpenedCase } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import { killOwnRedisServers, startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startSmtpProbe, type SmtpProbe } from '../support/smtp-probe.js';
import { REDIS_URL, startTestApp, type TestApp } from '../support/test-app.js';
import { sleep, waitUntil, withTimeout } from '../support/wait.js';
import {
  buildWorker,
  killWorkerProcesses,
  startWorkerProcess,
  type WorkerBuild,
  type WorkerProcess,
} from '../support/worker-process.js';

const HOUR = 3_600_000;
/** Never during a test: scans run when the test asks, unless a test wants the schedule. */
const NO_SCHEDULED_SCAN = '0 0 1 1 *';

interface Notification {
  id: string;
  alert_id: string;
  kind: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string;
}

/** Secrets and queue prefix shared by every process of one scenario (API in jest, workers as children). */
function scenarioEnv(extra: Record<string, string>): Record<string, string> {
  return {
    QUEUE_PREFIX: `t-delivery-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    ...extra,
  };
}

function detainedUnscreened(t: TestApp, w: World): Promise<OpenedCase> {
  return openCase(t, w.officer, {
    detention: {
      at: new Date(Date.now() - 49 * HOUR).toISOString(),
      facility: 'Holding centre N',
      legalBasis: 'Aliens Act s. 62',
    },
  });
}

async function scan(t: TestApp, w: World): Promise<{ raised: { id: string; caseId: string }[] }> {
  const res = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth);
  expect(res.status).toBe(200);
  return res.body as { raised: { id: string; caseId: string }[] };
}

async function notificationOf(t: TestApp, alertId: string): Promise<Notification> {
  const { rows } = await t.sql.query<Notification>(
    `SELECT id, alert_id, kind, status, attempts, last_error, message_id FROM alert_notifications
      WHERE alert_id = $1 AND kind = 'raised'`,
    [alertId],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
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

describe('alert delivery: nothing lost, nothing doubled', () => {
  let build: WorkerBuild | undefined;

  beforeAll(async () => {
    build = await buildWorker();
  });
  afterAll(async () => {
    await killWorkerProcesses();
    await killOwnRedisServers();
    await build?.remove();
  });

  describe('worker processes', () => {
    // One API process without workers, and worker processes as children (`node …/worker.js`), as deployed.
    let smtp: SmtpProbe;
    let t: TestApp;
    let w: World;
    let env: Record<string, string>;
    let workers: WorkerProcess[] = [];

    beforeAll(async () => {
      smtp = await startSmtpProbe();
      env = scenarioEnv({
        SMTP_URL: smtp.url,
        // Every second (BullMQ reads a sixth, leading field as seconds): scans race each other and the manual one.
        OVERDUE_SCAN_CRON: '*/1 * * * * *',
        OUTBOX_SWEEP_SECONDS: '1',
        MAIL_CLAIM_SECONDS: '2',
        MAIL_BACKOFF_MS: '300',
        MAIL_MAX_ATTEMPTS: '3',
      });
      t = await startTestApp({ workers: false, env });
      [w, ...workers] = await Promise.all([
        createWorld(t),
        startWorkerProcess(build!.entry, t.database, env),
        startWorkerProcess(build!.entry, t.database, env),
      ]);
      // The world's accounts and API key were mailed (set-password links, notices to the office): alerts only below.
      smtp.reset();
    });
    afterAll(async () => {
      await closeAll(
        () => killWorkerProcesses(),
        () => t?.close(),
        () => smtp?.close(),
      );
    });

    /** The alert raised for a case, by whichever scan (scheduled, in either worker) raised it. */
    async function alertFor(caseId: string): Promise<string> {
      return waitUntil(`an alert for case ${caseId}`, async () => {
        const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM alerts WHERE case_id = $1`, [caseId]);
        return rows[0]?.id;
      });
    }

    it('two workers raise each alert once and send each message once', async () => {
      const N = 6;
      const cases: OpenedCase[] = [];
      for (let i = 0; i < N; i++) cases.push(await detainedUnscreened(t, w));
      await alertFor(cases[0].id); // raised by a scheduled scan in one of the workers
      await scan(t, w); // and a manual one, in the API process, among them
      await smtp.waitFor(N);
      await sleep(2_000); // two more scan ticks and sweeps: nothing more may go out

      const { rows: alerts } = await t.sql.query<{ id: string; case_id: string; rule: string }>(
        `SELECT id, case_id, rule FROM alerts`,
      );
      expect(alerts.map((a) => a.case_id).sort()).toEqual(cases.map((c) => c.id).sort());
      expect(alerts.every((a) => a.rule === 'screening_overdue')).toBe(true);
      expect(smtp.received).toHaveLength(N);
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(N);
      expect([...ids].sort()).toEqual(alerts.map((a) => `<alert-${a.id}-raised@oversight.invalid>`).sort());
      const { rows } = await t.sql.query<Notification>(`SELECT status, attempts FROM alert_notifications`);
      expect(rows).toEqual(Array.from({ length: N }, () => ({ status: 'sent', attempts: 1 })));
      // Both processes took jobs off the shared queues (each logs the scans it ran and the e-mails it sent).
      for (const worker of workers) expect(worker.output()).toMatch(/"event":"(overdue_scan|notification_sent)"/);
    });

    it('delivers exactly once through an SMTP server that refuses the first attempts, recording the error', async () => {
      const before = smtp.received.length;
      smtp.refuseNext(2);
      const c = await detainedUnscreened(t, w);
      const alertId = await alertFor(c.id);
      const failing = await waitUntil(
        'a recorded delivery error',
        async () => {
          const n = await notificationOf(t, alertId);
          return n.last_error !== null && n;
        },
        { intervalMs: 20 },
      );
      expect(failing).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/451|Try again later/) });
      const sent = await waitUntil('delivery', async () => {
        const n = await notificationOf(t, alertId);
        return n.status === 'sent' && n;
      });
      expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
      await sleep(1_200); // a sweep period: no resend
      expect(smtp.received.slice(before).map((m) => m.messageId)).toEqual([sent.message_id]);
      const listed = await t
        .http()
        .get('/api/v1/alerts')
        .query({ caseId: c.id })
        .set('authorization', w.commissioner.auth);
      expect(listed.body.items[0].notifications).toEqual([
        expect.objectContaining({ kind: 'raised', status: 'sent', attempts: 3, sentAt: expect.any(String) }),
      ]);
    });

    it('gives up after MAIL_MAX_ATTEMPTS, keeps the last error and sends nothing more', async () => {
      const before = smtp.received.length;
      smtp.refuseNext(3);
      const c = await detainedUnscreened(t, w);
      const alertId = await alertFor(c.id);
      const failed = await waitUntil('giving up', async () => {
        const n = await notificationOf(t, alertId);
        return n.status === 'failed' && n;
      });
      expect(failed).toMatchObject({ attempts: 3, last_error: expect.stringMatching(/451|Try again later/) });
      await sleep(1_200);
      expect(await notificationOf(t, alertId)).toMatchObject({ status: 'failed', attempts: 3 });
      expect(smtp.received).toHaveLength(before);
    });

    // Exactly once holds here because the server had not accepted the message when its sender died. The lease
    // design admits a duplicate (same Message-ID) when (1) a worker dies after the server's 250 and before the row
    // is marked sent, or (2) an SMTP transaction outlasts MAIL_CLAIM_SECONDS, so another worker claims and sends
    // while the first is still waiting (tried: a 1 s lease and a reply held 4 s delivered three copies).
    it('delivers exactly once when the workers are killed (SIGKILL) while the server holds the reply', async () => {
      const bodies = smtp.bodiesReceived();
      const before = smtp.received.length;
      smtp.holdReplies(2_000);
      const c = await detainedUnscreened(t, w);
      const alertId = await alertFor(c.id);
      await smtp.waitForBodies(bodies + 1); // the message is at the server, which has not answered yet
      expect(await notificationOf(t, alertId)).toMatchObject({ status: 'sending', attempts: 1 });
      // Whichever of them is delivering: kill both, so that no running worker holds or retries it.
      expect(await Promise.all(workers.map((p) => p.kill('SIGKILL')))).toEqual(['SIGKILL', 'SIGKILL']);
      smtp.holdReplies(0);

      await startWorkerProcess(build!.entry, t.database, env);
      const messageId = `<alert-${alertId}-raised@oversight.invalid>`;
      await smtp.waitFor(before + 1, 15_000);
      await waitUntil('the first connection to be given up', () => smtp.abandoned.length === 1);
      await sleep(2_000); // two sweeps and a lease: no second delivery

      expect(smtp.abandoned.map((m) => m.messageId)).toEqual([messageId]);
      expect(smtp.received.slice(before).map((m) => m.messageId)).toEqual([messageId]);
      expect(await notificationOf(t, alertId)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    });
  });

  describe('a scan that raises more alerts than one job carries', () => {
    let smtp: SmtpProbe;
    let t: TestApp;
    let w: World;
    let env: Record<string, string>;

    beforeAll(async () => {
      smtp = await startSmtpProbe();
      env = scenarioEnv({ SMTP_URL: smtp.url, OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN, OUTBOX_SWEEP_SECONDS: '3600' });
      t = await startTestApp({ workers: false, env });
      w = await createWorld(t);
      smtp.reset();
    });
    afterAll(async () => {
      await closeAll(
        () => killWorkerProcesses(),
        () => t?.close(),
        () => smtp?.close(),
      );
    });

    it(`queues its e-mails ${NOTIFICATIONS_PER_JOB} to a job, and a worker sends each exactly once`, async () => {
      const N = NOTIFICATIONS_PER_JOB + 1;
      const cases: OpenedCase[] = [];
      for (let i = 0; i < N; i++) cases.push(await detainedUnscreened(t, w));
      const raised = (await scan(t, w)).raised;
      expect(raised).toHaveLength(N);

      const queue = new Queue('notifications', { connection: { url: REDIS_URL }, prefix: t.config.redis.queuePrefix });
      try {
        const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
        expect(jobs.map((j) => j.name)).toEqual(['send-notifications', 'send-notifications']);
        const ids = jobs.flatMap((j) => (j.data as { notificationIds: string[] }).notificationIds);
        expect(jobs.map((j) => (j.data as { notificationIds: string[] }).notificationIds.length).sort()).toEqual([
          1,
          NOTIFICATIONS_PER_JOB,
        ]);
        const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM alert_notifications`);
        expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      } finally {
        await queue.close();
      }

      await startWorkerProcess(build!.entry, t.database, env);
      await smtp.waitFor(N);
      await sleep(1_000);
      expect([...smtp.received.map((m) => m.messageId)].sort()).toEqual(
        raised.map((a) => `<alert-${a.id}-raised@oversight.invalid>`).sort(),
      );
      const { rows } = await t.sql.query<Notification>(`SELECT status, attempts FROM alert_notifications`);
      expect(rows).toEqual(Array.from({ length: N }, () => ({ status: 'sent', attempts: 1 })));
    });
  });

  describe('Redis stopped between raising an alert and sending it', () => {
    let redis: OwnRedis;
    let smtp: TestSmtp;
    let t: TestApp;
    let w: World;

    beforeAll(async () => {
      redis = await startOwnRedis();
      smtp = await startSmtp();
      t = await startTestApp({
        workers: true,
        env: {
          REDIS_URL: redis.url,
          SMTP_URL: smtp.url,
          OUTBOX_SWEEP_SECONDS: '1',
          OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN,
        },
      });
      w = await createWorld(t);
    });
    afterAll(async () => {
      await closeAll(
        // BullMQ's workers close cleanly only with their Redis there.
        async () => (redis && !redis.running() ? redis.start() : undefined),
        () => t?.close(),
        () => redis?.remove(),
        () => smtp?.close(),
      );
    });

    const messageIdOf = (alertId: string) => `<alert-${alertId}-raised@oversight.invalid>`;
    const sentIds = () => smtp.received.map((m) => m.messageId);

    /** Raises an alert while Redis is down; checks the API kept answering and the outbox holds the message. */
    async function raiseWhileRedisIsDown(): Promise<string> {
      const c = await detainedUnscreened(t, w);
      await redis.stop('SIGTERM');
      const started = Date.now();
      const [alert] = (await scan(t, w)).raised.filter((r) => r.caseId === c.id);
      expect(alert).toBeDefined();
      expect(Date.now() - started).toBeLessThan(5_000); // enqueueing failed fast
      const cases = await t.http().get('/api/v1/cases').set('authorization', w.officer.auth);
      expect(cases.status).toBe(200);
      await sleep(1_000);
      expect(await notificationOf(t, alert.id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(sentIds()).not.toContain(messageIdOf(alert.id));
      return alert.id;
    }

    async function jobCompletes(jobId: string): Promise<void> {
      const queue = new Queue('notifications', {
        connection: { host: '127.0.0.1', port: redis.port },
        prefix: t.config.redis.queuePrefix,
      });
      try {
        await waitUntil(`job ${jobId} to complete`, async () => (await queue.getJob(jobId))?.isCompleted(), {
          timeoutMs: 10_000,
        });
      } finally {
        await queue.close();
      }
    }

    it('sends the held-back alert exactly once when Redis is back with its data, and workers recover', async () => {
      const alertId = await raiseWhileRedisIsDown();
      await redis.start();
      // Within the sweep period (1 s), plus the workers' reconnection back-off (at most 2 s).
      await waitUntil('the held-back message', () => sentIds().includes(messageIdOf(alertId)), { timeoutMs: 5_000 });

      // A job queued after the restart completes: the workers did not stay stuck reconnecting.
      const c = await detainedUnscreened(t, w);
      const [next] = (await scan(t, w)).raised.filter((r) => r.caseId === c.id);
      await jobCompletes(`notify-batch-${(await notificationOf(t, next.id)).id}`);
      await sleep(1_500);
      expect(
        sentIds()
          .filter((id) => id === messageIdOf(alertId) || id === messageIdOf(next.id))
          .sort(),
      ).toEqual([messageIdOf(alertId), messageIdOf(next.id)].sort());
    });

    it('sends the held-back alert exactly once when Redis comes back empty (its schedules lost)', async () => {
      const alertId = await raiseWhileRedisIsDown();
      await redis.start({ empty: true });
      await waitUntil('the held-back message', () => sentIds().includes(messageIdOf(alertId)), { timeoutMs: 5_000 });
      const alerts = new Queue('alerts', {
        connection: { host: '127.0.0.1', port: redis.port },
        prefix: t.config.redis.queuePrefix,
      });
      try {
        const schedulers = await alerts.getJobSchedulers();
        expect(schedulers.map((s) => s.key)).toContain('overdue-scan');
      } finally {
        await alerts.close();
      }
      await sleep(1_500);
      expect(sentIds().filter((id) => id === messageIdOf(alertId))).toHaveLength(1);
    });
  });
});
