import { randomUUID } from 'node:crypto';
import { openOverdueDetention, scanNow } from '../factories/alerts.js';
import { declinedCase, drawSample } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;

/** Issue 21, item 8: what a caller could learn that it should not. */
describe('small leaks', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // TRUST_PROXY=true (refused in production) makes X-Forwarded-For set `request.ip`: /metrics must not care.
    t = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  describe('authorization before validation', () => {
    it.each([
      ['an officer', 'officer', '/api/v1/sampling-runs'],
      ['an officer', 'officer', '/api/v1/users'],
      ['an officer', 'officer', '/api/v1/agencies'],
      ['an officer', 'officer', '/api/v1/reviews/auto-assign'],
      ['the admin', 'admin', '/api/v1/cases'],
    ] as const)('answers %s (%s) posting {} to %s with 403, saying nothing of the body', async (_who, caller, path) => {
      const problem = expectProblem(await t.http().post(path).set('authorization', w[caller].auth).send({}), 403);
      expect(problem.errors).toBeUndefined();
    });

    // A route that names a record answers as the service would: 404 for a record the caller may not read (here an id
    // of nothing), 403 for one it may read; either way before the body is looked at.
    it.each([
      ['an officer', 'officer', () => `/api/v1/reviews/${randomUUID()}/assign`, 404],
      ['an analyst', 'analyst', () => `/api/v1/reviews/${randomUUID()}/respond`, 404],
      ['the admin', 'admin', () => `/api/v1/cases/${randomUUID()}/decisions`, 404],
      ['an API key', 'apiKey', () => `/api/v1/agencies/${randomUUID()}/api-keys`, 404],
      ['an API key', 'apiKey', () => `/api/v1/agencies/${w.agencies.own.id}/api-keys`, 403],
      ['an officer', 'officer', () => `/api/v1/users/${w.supervisor.id}/disable`, 403],
      ['an officer', 'officer', () => `/api/v1/users/${w.otherOfficer.id}/disable`, 404],
    ] as const)(
      'answers %s (%s) posting {} to a record route with 403/404, saying nothing of the body',
      async (_who, caller, path, status) => {
        const problem = expectProblem(
          await t.http().post(path()).set('authorization', w[caller].auth).send({}),
          status,
        );
        expect(problem.errors).toBeUndefined();
      },
    );

    it.each([
      ['an officer', 'officer', '/api/v1/audit/events?limit=nope'],
      ['the admin', 'admin', '/api/v1/exports/anonymised?from=nope'],
      ['the admin', 'admin', '/api/v1/reports/agencies?from=nope'],
    ] as const)('answers %s (%s) with a bad query to %s with 403, not 400', async (_who, caller, path) => {
      expectProblem(await t.http().get(path).set('authorization', w[caller].auth), 403);
    });

    it('still validates the body of a caller who may use the route (400 naming the fields)', async () => {
      const res = await t.http().post('/api/v1/sampling-runs').set('authorization', w.commissioner.auth).send({});
      expect(expectProblem(res, 400).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'from' })]),
      );
    });
  });

  describe('reviewer lookup', () => {
    it('answers an id of no user exactly as the id of a user who is not a reviewer', async () => {
      const from = new Date(Date.now() - 60_000);
      const declined = await declinedCase(t, w.officer);
      const { reviews } = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 1_000) });
      const review = reviews.find((r) => r.caseId === declined.id)!;
      const assign = (reviewerId: string, auth = w.commissioner.auth) =>
        t.http().post(`/api/v1/reviews/${review.id}/assign`).set('authorization', auth).send({ reviewerId });
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      const nobody = await assign(randomUUID());
      const notReviewer = await assign(w.analyst.id);
      expectProblem(nobody, 422);
      expect(strip(nobody.body)).toEqual(strip(notReviewer.body));
      // A caller who may not assign learns nothing either way.
      const byOfficer = [await assign(randomUUID(), w.officer.auth), await assign(w.reviewer.id, w.officer.auth)];
      // (The pending review is one the officer may not read: 404 for both.)
      expect(byOfficer.map((r) => r.status)).toEqual([404, 404]);
      expect(strip(byOfficer[0].body)).toEqual(strip(byOfficer[1].body));
    });
  });

  describe('alerts shown to agencies', () => {
    it('carry no recipient addresses or delivery errors; the office sees both', async () => {
      const opened = await openOverdueDetention(t, w.officer);
      const scan = await scanNow(t, w.commissioner);
      const alert = scan.raised.find((a) => a.caseId === opened.id)!;
      const smtpError = '550 5.1.1 <commissioner-alerts@oversight.invalid>: mailbox unavailable at mx.example';
      await t.sql.query(`UPDATE alert_notifications SET last_error = $2 WHERE alert_id = $1`, [alert.id, smtpError]);
      const listFor = (auth: string) =>
        t.http().get('/api/v1/alerts').query({ caseId: opened.id }).set('authorization', auth);
      for (const caller of ['supervisor', 'officer', 'apiKey'] as const) {
        const res = await listFor(w[caller].auth);
        expect(res.status).toBe(200);
        expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
        expect(res.text).not.toContain('@');
        expect(res.text).not.toContain('mailbox unavailable');
        expect(res.text).not.toMatch(/"recipients"|"lastError"/);
      }
      const office = await listFor(w.commissioner.auth);
      expect(office.body.items[0].notifications[0]).toMatchObject({
        recipients: expect.arrayContaining([t.config.alerts.commissionerEmail]),
        lastError: smtpError,
      });
    });
  });

  describe('/metrics without a token', () => {
    it('answers a loopback client, but never a request that came through a proxy, whatever it claims', async () => {
      expect((await t.http().get('/metrics')).status).toBe(200);
      expectProblem(await t.http().get('/metrics').set('x-forwarded-for', '127.0.0.1'), 404);
      expectProblem(await t.http().get('/metrics').set('forwarded', 'for=127.0.0.1'), 404);
    });
  });

  describe('Content-Security-Policy', () => {
    const directives = (header: string | undefined) =>
      Object.fromEntries(
        (header ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name, values]),
      );

    it('allows no inline script and no inline style on API responses', async () => {
      for (const res of [
        await t.http().get('/api/v1/me').set('authorization', w.officer.auth),
        await t.http().get('/api/v1/me'),
        await t.http().get('/health/live'),
      ]) {
        const csp = directives(res.headers['content-security-policy']);
        expect(csp['script-src']).toEqual(["'self'"]);
        expect(csp['style-src']).toEqual(["'self'"]);
        expect(csp['default-src']).toEqual(["'self'"]);
      }
    });

    it('lets Swagger UI use inline styles but no inline script, and its page has none', async () => {
      const page = await t.http().get('/docs/');
      expect(page.status).toBe(200);
      const csp = directives(page.headers['content-security-policy']);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      // Every <script> of the page loads a file: nothing would need 'unsafe-inline' for scripts.
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() !== '')).toEqual([]);
    });
  });
});
