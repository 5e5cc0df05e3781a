import { createWorld, type World } from '../factories/world.js';
import { decide, openCase } from '../factories/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sleep } from '../support/wait.js';

const YEAR = 'from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z';

describe('expensive routes cannot starve the pool', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // Defaults: EXPENSIVE_ROUTE_CONCURRENCY=2 of a DATABASE_POOL_SIZE of 10 here, RATE_LIMIT_PER_MINUTE=600.
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('answers 40 parallel reports from one officer with 200 or 503 + Retry-After, while health and decision writes answer', async () => {
    const c = await openCase(t, w.officer);
    const reports = Array.from({ length: 40 }, () =>
      t.http().get(`/api/v1/reports/agencies?${YEAR}`).set('authorization', w.officer.auth),
    );
    // Sent while the burst is in flight.
    const during = (async () => {
      await sleep(5);
      const [ready, decision] = await Promise.all([
        t.http().get('/health/ready'),
        decide(t, w.officer, c.id, {
          type: 'refer',
          expectedVersion: c.version,
          reason: 'Referred during a report burst',
        }),
      ]);
      return { ready: ready.status, decision: decision.status };
    })();
    const [answers, { ready, decision }] = await Promise.all([Promise.all(reports), during]);

    expect(ready).toBe(200);
    expect(decision).toBe(201);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ status: 503, type: '/problems/busy' });
    }
    // Once the burst is over the group is free again (every slot released, errors and all).
    const after = await Promise.all([
      t.http().get(`/api/v1/reports/agencies?${YEAR}`).set('authorization', w.officer.auth),
      t.http().get(`/api/v1/reports/agencies?${YEAR}`).set('authorization', w.officer.auth),
    ]);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
  });

  it('limits each group on its own: a full reports group does not refuse audit verification', async () => {
    const reports = Array.from({ length: 10 }, () =>
      t.http().get(`/api/v1/reports/agencies?${YEAR}`).set('authorization', w.commissioner.auth),
    );
    const verify = t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
    const [, verified] = await Promise.all([Promise.all(reports), verify]);
    expect(verified.status).toBe(200);
  });

  it('documents 503 with Retry-After on the expensive routes, and 429 on authenticated ones', async () => {
    const doc = (await t.http().get('/docs/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, { headers?: Record<string, unknown> }> }>
      >;
    };
    const expensive = [
      ['/api/v1/reports/agencies', 'get'],
      ['/api/v1/exports/anonymised', 'get'],
      ['/api/v1/audit/verify', 'get'],
      ['/api/v1/jobs/overdue-scan', 'post'],
      ['/api/v1/sampling-runs', 'post'],
    ];
    for (const [path, method] of expensive) {
      expect(doc.paths[path][method].responses['503']?.headers).toHaveProperty('Retry-After');
    }
    const without429 = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // The rate limit is per authenticated caller: public routes (`security: []`) and the console's cookie routes
        // (refresh, logout: no bearer token, so no caller yet) have none to count.
        .filter(
          ([, op]) =>
            (op.security === undefined || op.security.some((s) => 'bearer' in (s as object))) &&
            !('429' in op.responses),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(without429).toEqual([]);
  });
});

describe('per-caller rate limit', () => {
  let setup: TestApp;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // The world is made through an app without a tight limit; a second app on the same database, queue prefix
    // and secrets (so the tokens hold) has a limit of 5 a minute.
    setup = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld((t = setup));
    const pii = [...setup.config.pii.keys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');
    t = await startTestApp({
      database: setup.database,
      env: {
        QUEUE_PREFIX: setup.config.redis.queuePrefix,
        JWT_SECRET: setup.config.auth.jwtSecret,
        PII_ENCRYPTION_KEYS: pii,
        AUDIT_SIGNING_KEY: setup.config.audit.signingKeySeed.toString('base64'),
        RATE_LIMIT_PER_MINUTE: '5',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await setup.close();
  });

  it('answers the sixth request of a minute with 429 and Retry-After, for that caller only', async () => {
    // Not across a minute boundary (the window is a fixed minute).
    const intoMinute = (Date.now() / 1000) % 60;
    if (intoMinute > 55) await sleep((61 - intoMinute) * 1000);
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await t.http().get('/api/v1/me').set('authorization', w.officer.auth);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited!.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });

    // Another caller, the same agency's API key, and unauthenticated health are not affected.
    expect((await t.http().get('/api/v1/me').set('authorization', w.supervisor.auth)).status).toBe(200);
    expect((await t.http().get('/api/v1/cases').set('authorization', w.apiKey.auth)).status).toBe(200);
    expect((await t.http().get('/health/live')).status).toBe(200);
  });
});
