import { adminSession, type Session } from '../factories/session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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
});
