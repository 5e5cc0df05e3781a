import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobQueues } from '../../src/jobs/job-queues.js';
import { JOBS } from '../../src/jobs/queues.js';
import { adminSession, type Session } from '../factories/session.js';
import { REDIS_URL, startTestApp, type TestApp } from '../support/test-app.js';
import { REDIS as REDIS_TOKEN } from '../../src/redis/redis.module.js';
import { waitUntil } from '../support/wait.js';

describe('operations', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({
      workers: true,
      env: {
        METRICS_TOKEN: 'metrics-token-for-tests-0001',
        // The workers re-assert their job schedules every sweep period: 1 s here.
        OUTBOX_SWEEP_SECONDS: '1',
        // So a test can stand for a browser elsewhere on the network (X-Forwarded-For from loopback).
        TRUST_PROXY: '127.0.0.1',
      },
    });
    admin = await adminSession(t);
  });
  afterAll(async () => t.close());

  it('serves Prometheus metrics to the holder of METRICS_TOKEN only', async () => {
    await t.http().get('/health/live');
    const denied = await t.http().get('/metrics');
    expect(denied.status).toBe(404);
    const res = await t.http().get('/metrics').set('authorization', 'Bearer metrics-token-for-tests-0001');
    expect(res.status).toBe(200);
    expect(res.text).toContain('oversight_http_request_duration_seconds_bucket');
    expect(res.text).toContain('oversight_queue_jobs{queue="alerts"');
  });

  it('proves readiness of a worker process with a job round trip', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.jobs).toMatchObject({ status: 'up' });
  });

  const queues = () => ({
    alerts: new Queue('alerts', { connection: { url: REDIS_URL }, prefix: t.config.redis.queuePrefix }),
    notifications: new Queue('notifications', { connection: { url: REDIS_URL }, prefix: t.config.redis.queuePrefix }),
  });

  const redis = () => t.app.get<symbol, Redis>(REDIS_TOKEN);

  async function dashboardCookie(extra: Record<string, string> = {}): Promise<{ value: string; header: string }> {
    const session = await t
      .http()
      .post('/api/v1/ops/queue-dashboard/session')
      .set('authorization', admin.auth)
      .set(extra);
    expect(session.status).toBe(200);
    const header = String(session.headers['set-cookie']);
    return { value: /^oversight_queues=([^;]*);/.exec(header)![1], header };
  }

  it('opens the queue dashboard to an administrator and to nobody else', async () => {
    expect((await t.http().get('/queues')).status).toBe(404);
    const { value, header } = await dashboardCookie();
    const page = await t.http().get('/queues').set('cookie', `oversight_queues=${value}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const api = await t.http().get('/queues/api/queues').set('authorization', admin.auth);
    expect(api.status).toBe(200);
    expect(header).toMatch(/; Path=\/queues; HttpOnly; SameSite=Strict; Max-Age=900$/);
    // An id that names no session (expired, or made up) opens nothing.
    const unknown = await t
      .http()
      .get('/queues')
      .set('cookie', `oversight_queues=${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
  });

  it('puts an opaque session id in the cookie, never the access token', async () => {
    const { value } = await dashboardCookie();
    const token = admin.auth.replace(/^Bearer /, '');
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(value).not.toContain(token.slice(0, 20));
    // The cookie is useless against the API ...
    expect((await t.http().get('/api/v1/cases').set('authorization', `Bearer ${value}`)).status).toBe(401);
    // ... and lives in Redis under a hash of itself, with a short expiry.
    const keys = await redis().keys(`${t.config.redis.queuePrefix}:dashboard-session:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain(value);
    const ttl = await redis().ttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900);
  });

  it('marks the cookie Secure unless the request is plain HTTP from loopback', async () => {
    expect((await dashboardCookie()).header).not.toMatch(/Secure/);
    expect((await dashboardCookie({ 'x-forwarded-for': '203.0.113.7' })).header).toMatch(/; Secure$/);
    expect((await dashboardCookie({ 'x-forwarded-proto': 'https' })).header).toMatch(/; Secure$/);
  });

  it('answers a malformed dashboard cookie with 400 problem details, not 500', async () => {
    for (const bad of ['%E0%A4%A', 'eyJhbGciOiJIUzI1NiJ9.e30.x', 'short', `${'A'.repeat(43)}%`]) {
      const res = await t.http().get('/queues/api/queues').set('cookie', `theme=dark; oversight_queues=${bad}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, type: '/problems/malformed-dashboard-cookie' });
    }
  });

  it('is read-only: no request through /queues pauses a queue or removes a scheduler', async () => {
    const { value } = await dashboardCookie();
    const attempts: [string, string][] = [
      ['put', '/queues/api/queues/pause'],
      ['put', '/queues/api/queues/notifications/pause'],
      ['put', '/queues/api/queues/alerts/job-schedulers/overdue-scan/remove'],
      ['patch', '/queues/api/queues/alerts/job-schedulers/overdue-scan'],
      ['put', '/queues/api/queues/alerts/empty'],
      ['put', '/queues/api/queues/alerts/obliterate'],
      ['post', '/queues/api/queues/alerts/add'],
      ['put', '/queues/api/queues/alerts/retry/failed'],
      ['put', '/queues/api/queues/alerts/clean/completed'],
      ['delete', '/queues/api/queues/alerts/some-job'],
    ];
    for (const [method, path] of attempts) {
      for (const credential of [{ cookie: `oversight_queues=${value}` }, { authorization: admin.auth }]) {
        const res = await t
          .http()
          [method as 'put'](path)
          .set(credential)
          .set('content-type', 'application/json')
          .send('{}');
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 405 });
        expect(res.headers.allow).toBe('GET, HEAD');
      }
    }
    const q = queues();
    try {
      expect(await q.notifications.isPaused()).toBe(false);
      expect(await q.alerts.getJobScheduler('overdue-scan')).toMatchObject({ key: 'overdue-scan' });
      // What the UI reads says so too: it offers no action.
      const listed = await t.http().get('/queues/api/queues').set('authorization', admin.auth);
      expect(listed.body.queues.every((x: { readOnlyMode: boolean }) => x.readOnlyMode)).toBe(true);
    } finally {
      await Promise.all([q.alerts.close(), q.notifications.close()]);
    }
  });

  it('re-asserts a job scheduler removed or altered in Redis, and resumes a paused queue, within a sweep period', async () => {
    const q = queues();
    try {
      await q.alerts.removeJobScheduler('overdue-scan');
      await q.notifications.pause();
      expect(await q.alerts.getJobScheduler('overdue-scan')).toBeUndefined();
      const back = await waitUntil(
        'the overdue-scan scheduler to be back',
        () => q.alerts.getJobScheduler('overdue-scan'),
        {
          timeoutMs: 5_000,
        },
      );
      expect(back).toMatchObject({ pattern: t.config.alerts.overdueScanCron, tz: 'UTC' });
      await waitUntil('the notifications queue to be resumed', async () => !(await q.notifications.isPaused()), {
        timeoutMs: 5_000,
      });

      // Altered (a pattern that would never fire in practice): put back as configured.
      await q.alerts.upsertJobScheduler('overdue-scan', { pattern: '0 0 29 2 *', tz: 'UTC' }, { name: 'overdue-scan' });
      await waitUntil(
        'the overdue-scan scheduler to be restored',
        async () => (await q.alerts.getJobScheduler('overdue-scan'))?.pattern === t.config.alerts.overdueScanCron,
        { timeoutMs: 5_000 },
      );
    } finally {
      await Promise.all([q.alerts.close(), q.notifications.close()]);
    }
  });

  it('forgets, in the maintenance job, the Idempotency-Keys older than their time to live and only those', async () => {
    const ttlHours = t.config.cases.idempotencyTtlHours;
    const actorId = randomUUID();
    const key = (age: string) => `purge-test-${age}`;
    await t.sql.query(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at) VALUES
         ($1, $2, '\\x00', now() - make_interval(hours => $4) - interval '1 minute'),
         ($1, $3, '\\x00', now() - make_interval(hours => $4) + interval '1 minute')`,
      [actorId, key('expired'), key('fresh'), ttlHours],
    );
    const maintenance = t.app.get(JobQueues).queue('maintenance');
    const job = await maintenance.add(JOBS.purgeIdempotencyKeys, {});
    const result = await waitUntil('the purge job to complete', async () =>
      (await job.getState()) === 'completed' ? (await maintenance.getJob(job.id!))?.returnvalue : undefined,
    );
    expect(result).toEqual({ purged: 1 });
    const { rows } = await t.sql.query<{ key: string }>(`SELECT key FROM idempotency_keys WHERE actor_id = $1`, [
      actorId,
    ]);
    expect(rows.map((r) => r.key)).toEqual([key('fresh')]);
  });

  it('forgets, in the maintenance job, the refresh tokens of console sign-ins that ended over a week ago, whole', async () => {
    const { rows: users } = await t.sql.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
    const family = (endedDaysAgo: number) => ({ id: randomUUID(), endedDaysAgo });
    const [old, recent, live] = [family(8), family(6), family(-0.5)];
    for (const f of [old, recent, live]) {
      // Two tokens per sign-in (one rotated), both ending with it, as ConsoleSessions writes them.
      for (const used of [true, false]) {
        await t.sql.query(
          `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, role, agency_id, signed_in_at, created_at,
                                       expires_at, used_at)
           VALUES ($1, $2, $3, $4, 'admin', NULL, now() - make_interval(hours => 12) - make_interval(secs => $5::float8 * 86400),
                   now() - make_interval(hours => 11) - make_interval(secs => $5::float8 * 86400),
                   now() - make_interval(secs => $5::float8 * 86400), CASE WHEN $6 THEN now() - make_interval(secs => $5::float8 * 86400) END)`,
          [randomUUID(), f.id, users[0].id, randomBytes(32), f.endedDaysAgo, used],
        );
      }
    }
    const maintenance = t.app.get(JobQueues).queue('maintenance');
    const job = await maintenance.add(JOBS.purgeEndedSessions, {});
    const result = await waitUntil('the purge job to complete', async () =>
      (await job.getState()) === 'completed' ? (await maintenance.getJob(job.id!))?.returnvalue : undefined,
    );
    expect(result).toEqual({ purged: 2 });
    const { rows } = await t.sql.query<{ family_id: string; n: number }>(
      `SELECT family_id, count(*)::int AS n FROM refresh_tokens WHERE family_id = ANY($1) GROUP BY family_id`,
      [[old.id, recent.id, live.id]],
    );
    expect(rows.sort((a, b) => a.family_id.localeCompare(b.family_id))).toEqual(
      [
        { family_id: recent.id, n: 2 },
        { family_id: live.id, n: 2 },
      ].sort((a, b) => a.family_id.localeCompare(b.family_id)),
    );
  });
});
