import { caseBody, openCase } from '../factories/cases.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import { adminSession, type Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { adminQuery } from '../support/test-database.js';

const SLOW = 60_000;
const BODY_LIMIT = 2048;
const LOGIN = '/api/v1/auth/login';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('problem details', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    admin = await adminSession(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  const postJson = (path: string, raw: string) =>
    t.http().post(path).set('content-type', 'application/json').set('authorization', admin.auth).send(raw);

  it('answers malformed JSON with 400', async () => {
    const problem = expectProblem(await postJson(LOGIN, '{"email": "a@b.test", '), 400);
    expect(problem.type).toBe('/problems/malformed-json');
  });

  it('answers a lone surrogate in a JSON string with 400 invalid-characters, before anything is written', async () => {
    const res = await t
      .http()
      .post('/api/v1/agencies')
      .set('authorization', admin.auth)
      .set('content-type', 'application/json')
      .send('{"name":"Broken \\ud800 name","code":"LONE-1","kind":"frontline"}');
    expectProblem(res, 400);
    expect(res.body.type).toBe('/problems/invalid-characters');
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM agencies WHERE code = 'LONE-1'`);
    expect(rows[0].n).toBe(0);
  });

  it.each([
    ['nested 40 levels deep', `{"email":${'['.repeat(40)}${']'.repeat(40)}}`, '/problems/nesting-too-deep'],
    ['of more than 1,000 values', `[${'0,'.repeat(1_000)}0]`, '/problems/too-many-values'],
  ])('answers a body %s with 400 before validation copies it', async (_what, raw, type) => {
    // Deep bodies overflowed class-transformer's recursion (a 500); wide ones cost seconds of the event loop.
    expect(expectProblem(await postJson(LOGIN, raw), 400).type).toBe(type);
  });

  it('answers an unknown field with 400 naming it', async () => {
    const res = await t.http().post(LOGIN).send({ email: 'a@b.test', password: 'whatever-password', remember: true });
    const problem = expectProblem(res, 400);
    expect(problem.type).toBe('/problems/validation-failed');
    expect(problem.errors).toEqual([{ field: 'remember', message: expect.any(String) }]);
  });

  it.each([
    ['text/plain', 'email=a@b.test'],
    ['application/x-www-form-urlencoded', 'email=a%40b.test&password=whatever-password'],
    ['application/xml', '<login/>'],
  ])('answers a %s body with 415', async (contentType, body) => {
    const res = await t.http().post(LOGIN).set('content-type', contentType).send(body);
    expect(expectProblem(res, 415).type).toBe('/problems/unsupported-media-type');
  });

  it('answers a body over BODY_LIMIT_BYTES with 413, and accepts one under it', async () => {
    const body = (size: number) => JSON.stringify({ email: 'a@b.test', password: 'p'.repeat(size) });
    const tooLarge = await postJson(LOGIN, body(BODY_LIMIT + 100));
    expect(expectProblem(tooLarge, 413).type).toBe('/problems/content-too-large');
    // Under the limit the body is read (and refused for what it says, not for its size).
    expect(Buffer.byteLength(body(200))).toBeLessThan(BODY_LIMIT);
    expectProblem(await postJson(LOGIN, body(200)), 401);
  });

  it.each(['/no-such-route', '/api/v1/no-such-route', '/api/v1/agencies/a/b/c'])(
    'answers an unknown route (%s) with 404',
    async (path) => {
      const res = await t.http().get(path).set('authorization', admin.auth);
      expect(expectProblem(res, 404).detail).toEqual(expect.any(String));
    },
  );

  it.each([
    ['__proto__', '{"__proto__": {"polluted": "yes"}, "email": "a@b.test", "password": "whatever-password"}'],
    [
      'constructor.prototype',
      '{"constructor": {"prototype": {"polluted": "yes"}}, "email": "a@b.test", "password": "whatever-password"}',
    ],
    ['a nested __proto__', '{"name": "X", "code": "PROTO", "kind": "frontline", "x": {"__proto__": {"polluted": 1}}}'],
  ])('refuses a JSON body with %s (400) and leaves Object.prototype untouched', async (_what, raw) => {
    const path = raw.includes('"kind"') ? '/api/v1/agencies' : LOGIN;
    expectProblem(await postJson(path, raw), 400);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('echoes a request id sent in X-Request-Id in the response header and in the problem', async () => {
    const requestId = 'client-7f3a.retry:2';
    const res = await t.http().get('/api/v1/no-such-route').set('x-request-id', requestId);
    expect(res.headers['x-request-id']).toBe(requestId);
    expect(expectProblem(res, 404).requestId).toBe(requestId);
    const ok = await t.http().get('/api/v1/me').set('authorization', admin.auth).set('x-request-id', requestId);
    expect(ok.status).toBe(200);
    expect(ok.headers['x-request-id']).toBe(requestId);
  });

  it.each([
    ['none', undefined],
    ['one with a space and a newline-like payload', 'abc def\\r\\nx-injected: 1'],
    ['one that is too long', 'x'.repeat(65)],
  ])('makes up a request id (a UUID) when the client sends %s', async (_what, given) => {
    const req = t.http().post(LOGIN).send({});
    const res = given === undefined ? await req : await req.set('x-request-id', given);
    const problem = expectProblem(res, 400);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(problem.requestId).toBe(res.headers['x-request-id']);
  });

  it.each([
    [
      'a NUL character in a stored string',
      () => postJson('/api/v1/agencies', '{"name":"A\\u0000B","code":"NUL-1","kind":"frontline"}'),
    ],
    [
      'a well-formed cursor with a forged position',
      () =>
        t
          .http()
          .get('/api/v1/users')
          .query({ cursor: Buffer.from('{"id":"zzz"}').toString('base64url') })
          .set('authorization', admin.auth),
    ],
    ['a malformed id in the path', () => t.http().get('/api/v1/users/1%20OR%201=1').set('authorization', admin.auth)],
  ])('answers bad input such as %s with 400, never 500', async (_what, send) => {
    expectProblem(await send(), 400);
  });

  it('answers an unexpected failure with 500, a generic detail and nothing of the cause', async () => {
    // A genuine fault with no test-only code: the database refuses the app's role a table it needs.
    const role = t.config.database.appRole;
    await t.sql.query(`REVOKE SELECT ON agencies FROM ${role}`);
    let res;
    try {
      res = await t.http().get('/api/v1/agencies').set('authorization', admin.auth).set('x-request-id', 'fault-1');
    } finally {
      await t.sql.query(`GRANT SELECT ON agencies TO ${role}`);
    }
    const problem = expectProblem(res, 500);
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: expect.stringMatching(/request id/i),
      requestId: 'fault-1',
    });
    expect(res.text).not.toMatch(/permission|agencies|select|QueryFailedError|\.ts|\.js/i);
    // Nothing stays broken.
    expect((await t.http().get('/api/v1/agencies').set('authorization', admin.auth)).status).toBe(200);
  });

  it('answers 503 with Retry-After while PostgreSQL refuses connections, and recovers after', async () => {
    // Run from another database: a database cannot close itself to connections.
    await adminQuery(`ALTER DATABASE ${t.database} ALLOW_CONNECTIONS false`);
    let res;
    try {
      // Drop the app's open connections, so the next request must connect anew.
      await adminQuery(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'oversight'`,
        [t.database],
      );
      res = await t.http().get('/api/v1/agencies').set('authorization', admin.auth);
    } finally {
      await adminQuery(`ALTER DATABASE ${t.database} ALLOW_CONNECTIONS true`);
    }
    const problem = expectProblem(res, 503);
    expect(problem.type).toBe('/problems/database-unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http().get('/api/v1/agencies').set('authorization', admin.auth)).status).toBe(200);
  });

  it('sends helmet’s security headers', async () => {
    const res = await t.http().get('/api/v1/me').set('authorization', admin.auth);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });

  it('sends no CORS headers by default, not even to a preflight', async () => {
    const origin = 'https://attacker.example';
    const simple = await t.http().get('/api/v1/me').set('authorization', admin.auth).set('origin', origin);
    const preflight = await t
      .http()
      .options('/api/v1/agencies')
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type');
    for (const res of [simple, preflight]) {
      const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
    expect(simple.status).toBe(200);
  });

  it('names every invalid field of a body at once', async () => {
    const res = await t.http().post('/api/v1/agencies').set('authorization', admin.auth).send({ kind: 'nope' });
    expect(errorFields(expectProblem(res, 400)).sort()).toEqual(['code', 'kind', 'name']);
  });
});

describe('a missing required field', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  const count = async (table: string) =>
    (await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const required = (...fields: string[]) => fields.map((field) => ({ field, message: `${field} is required` }));

  it('is named as required, once, on login (before any length or format rule)', async () => {
    const res = await t.http().post(LOGIN).send({ password: 'whatever-password' });
    expect(expectProblem(res, 400).errors).toEqual(required('email'));
    expect(expectProblem(await t.http().post(LOGIN).send({}), 400).errors).toEqual(required('email', 'password'));
  });

  it('is named as required when creating a user, and nothing is written', async () => {
    const before = await count('users');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', w.admin.auth)
      .send({ password: 'a-long-enough-password', role: 'agency_officer', agencyId: w.agencies.own.id });
    expect(expectProblem(res, 400).errors).toEqual(required('email'));
    expect(await count('users')).toBe(before);
  });

  it('is named by its dotted path in a nested object when opening a case, and nothing is written', async () => {
    const before = await count('cases');
    const body = caseBody();
    const { pseudonym: _dropped, ...subject } = body.subject as Record<string, unknown>;
    const res = await t
      .http()
      .post('/api/v1/cases')
      .set('authorization', w.officer.auth)
      .send({ ...body, subject });
    expect(expectProblem(res, 400).errors).toEqual(required('subject.pseudonym'));
    const { subject: _none, ...withoutSubject } = caseBody();
    const whole = await t.http().post('/api/v1/cases').set('authorization', w.officer.auth).send(withoutSubject);
    expect(expectProblem(whole, 400).errors).toEqual(required('subject'));
    expect(await count('cases')).toBe(before);
  });

  it('is named as required on a decision (expectedVersion), and nothing is written', async () => {
    const c = await openCase(t, w.officer);
    const before = await count('decision_records');
    const send = (body: object) =>
      t.http().post(`/api/v1/cases/${c.id}/decisions`).set('authorization', w.officer.auth).send(body);
    expect(expectProblem(await send({ type: 'refer', reason: 'Indicators' }), 400).errors).toEqual(
      required('expectedVersion'),
    );
    // Present but wrong is not "missing": that keeps its own rule.
    const wrong = expectProblem(await send({ type: 'refer', reason: 'Indicators', expectedVersion: '0' }), 400);
    expect(wrong.errors).toEqual([{ field: 'expectedVersion', message: expect.not.stringMatching(/required/) }]);
    expect(await count('decision_records')).toBe(before);
  });

  it('is named as required when concluding a review (rationale), and the review is unchanged', async () => {
    const from = new Date(Date.now() - 60_000);
    await declinedCase(t, w.officer);
    const { reviews } = await drawSample(t, w.commissioner, { from, to: new Date() });
    const review = await reviewCommand(t, w.commissioner, reviews[0].id, 'assign', { reviewerId: w.reviewer.id });
    const res = await t
      .http()
      .post(`/api/v1/reviews/${review.id}/conclude`)
      .set('authorization', w.reviewer.auth)
      .send({ finding: CONCERN.finding });
    expect(expectProblem(res, 400).errors).toEqual(required('rationale'));
    const after = await t.http().get(`/api/v1/reviews/${review.id}`).set('authorization', w.commissioner.auth);
    expect(after.body).toMatchObject({ status: 'assigned', version: review.version, rationale: null });
  });
});
