import { startTestApp, type TestApp } from '../support/test-app.js';
import { adminQuery } from '../support/test-database.js';

const SLOW = 60_000;

interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
}
type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** Operations anyone may call: health, and the login that hands out tokens. */
const PUBLIC_OPERATIONS = [
  'GET /health/live',
  'GET /health/ready',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/set-password',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/session',
];
/** The console's session routes: the refresh cookie, not a bearer token, and the CSRF rule's 403. */
const COOKIE_OPERATIONS = ['POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout'];
/**
 * POST operations that take no request body by design: the path and the caller say it all (the authorization
 * matrix sends them without one). Any other POST declares a JSON body schema.
 */
const BODILESS_POSTS = [
  'POST /api/v1/audit/checkpoints',
  // The console's session routes: the refresh cookie is the whole request.
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/jobs/overdue-scan',
  // Opens the queue dashboard for the signed-in admin: the session comes from the Authorization header.
  'POST /api/v1/ops/queue-dashboard/session',
  // Disable or enable the user the path names.
  'POST /api/v1/users/{id}/disable',
  'POST /api/v1/users/{id}/enable',
];

describe('health and API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  describe('health', () => {
    it('answers /health/live with 200 without credentials', async () => {
      const res = await t.http().get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with 200 when PostgreSQL and Redis are up', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('ignores credentials on health routes, even invalid ones', async () => {
      for (const path of ['/health/live', '/health/ready']) {
        const res = await t.http().get(path).set('authorization', 'Bearer not-a-token');
        expect(res.status).toBe(200);
      }
    });

    it(
      'answers /health/ready with 503 naming redis when Redis cannot be reached',
      async () => {
        // Nothing listens on 6390: a second process on the same database, with Redis away.
        const noRedis = await startTestApp({ database: t.database, env: { REDIS_URL: 'redis://127.0.0.1:6390' } });
        try {
          const ready = await noRedis.http().get('/health/ready');
          expect(ready.status).toBe(503);
          expect(ready.body).toMatchObject({
            status: 'error',
            error: { redis: { status: 'down' } },
            info: { postgres: { status: 'up' } },
          });
          expect(ready.body.error).not.toHaveProperty('postgres');
          expect((await noRedis.http().get('/health/live')).status).toBe(200);
        } finally {
          await noRedis.close();
        }
      },
      SLOW,
    );

    it('answers /health/ready with 503 naming postgres while the database refuses connections', async () => {
      await adminQuery(`ALTER DATABASE ${t.database} ALLOW_CONNECTIONS false`);
      let ready;
      try {
        await adminQuery(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'oversight'`,
          [t.database],
        );
        ready = await t.http().get('/health/ready');
      } finally {
        await adminQuery(`ALTER DATABASE ${t.database} ALLOW_CONNECTIONS true`);
      }
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'error', error: { postgres: { status: 'down' } } });
      expect((await t.http().get('/health/ready')).status).toBe(200);
    });
  });

  describe('OpenAPI document', () => {
    let doc: OpenApi;
    let operations: { name: string; op: Operation }[];

    beforeAll(async () => {
      const res = await t.http().get('/docs/openapi.json');
      doc = res.body as OpenApi;
      operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => HTTP_METHODS.includes(method))
          .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
      );
    });

    it('is served at /docs/openapi.json without credentials, with the UI at /docs', async () => {
      const res = await t.http().get('/docs/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.components?.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' } });
      expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(PUBLIC_OPERATIONS));
      const ui = await t.http().get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.headers['content-type']).toMatch(/^text\/html/);
    });

    it('declares bearer security and a 401 on every operation but the public ones', async () => {
      const missing = operations
        .filter(({ name }) => !PUBLIC_OPERATIONS.includes(name) && !COOKIE_OPERATIONS.includes(name))
        .filter(({ op }) => !op.security?.some((s) => 'bearer' in s) || !op.responses?.['401'])
        .map(({ name }) => name);
      expect(missing).toEqual([]);
      const cookieRoutes = operations.filter(({ name }) => COOKIE_OPERATIONS.includes(name));
      expect(cookieRoutes.map(({ name }) => name).sort()).toEqual([...COOKIE_OPERATIONS].sort());
      for (const { op } of cookieRoutes) {
        expect(op.security?.[0]).toEqual({ refreshCookie: [] });
        expect(op.responses?.['403']).toBeDefined();
      }
      expect(doc.components?.securitySchemes).toMatchObject({
        refreshCookie: { type: 'apiKey', in: 'cookie', name: 'oversight_refresh' },
      });
      const publicWithSecurity = operations
        .filter(({ name }) => PUBLIC_OPERATIONS.includes(name))
        .filter(({ op }) => (op.security ?? []).some((s) => Object.keys(s).length > 0))
        .map(({ name }) => name);
      expect(publicWithSecurity).toEqual([]);
    });

    it('declares a JSON request body schema on every POST but the few that take no body by design', async () => {
      const posts = operations.filter(({ name }) => name.startsWith('POST '));
      const missing = posts
        .filter(({ name }) => !BODILESS_POSTS.includes(name))
        .filter(({ op }) => !op.requestBody?.content?.['application/json']?.schema)
        .map(({ name }) => name);
      expect(missing).toEqual([]);
      // The exceptions exist and really take no body (a stale or wrong entry fails here).
      const bodiless = posts.filter(({ name }) => BODILESS_POSTS.includes(name));
      expect(bodiless.map(({ name }) => name).sort()).toEqual([...BODILESS_POSTS].sort());
      expect(bodiless.filter(({ op }) => op.requestBody).map(({ name }) => name)).toEqual([]);
    });

    it('declares a 2xx response on every operation', async () => {
      const missing = operations
        .filter(({ op }) => !Object.keys(op.responses ?? {}).some((status) => /^2\d\d$/.test(status)))
        .map(({ name }) => name);
      expect(missing).toEqual([]);
      expect(operations.length).toBeGreaterThan(PUBLIC_OPERATIONS.length);
    });
  });
});
