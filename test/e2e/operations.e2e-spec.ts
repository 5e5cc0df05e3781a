import { randomUUID } from 'node:crypto';
import { JobQueues } from '../../src/jobs/job-queues.js';
import { JOBS } from '../../src/jobs/queues.js';
import { adminSession, type Session } from '../factories/session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

describe('operations', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({ workers: true, env: { METRICS_TOKEN: 'metrics-token-for-tests-0001' } });
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

  it('opens the queue dashboard to an administrator and to nobody else', async () => {
    expect((await t.http().get('/queues')).status).toBe(404);
    const session = await t.http().post('/api/v1/ops/queue-dashboard/session').set('authorization', admin.auth);
    expect(session.status).toBe(200);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await t.http().get('/queues').set('cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const api = await t.http().get('/queues/api/queues').set('authorization', admin.auth);
    expect(api.status).toBe(200);
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
});
