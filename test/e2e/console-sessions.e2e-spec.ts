import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { openCase } from '../factories/cases.js';
import type { Session } from '../factories/session.js';
import { createUser, setPasswordInProcess } from '../factories/users.js';
import { createWorld, type World } from '../factories/world.js';
import { tamper } from '../support/audit-tamper.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
const LOGIN = '/api/v1/auth/login';
const SESSION = '/api/v1/auth/session';
const REFRESH = '/api/v1/auth/refresh';
const LOGOUT = '/api/v1/auth/logout';
const ME = '/api/v1/me';
const CONSOLE = { 'x-oversight-console': '1' };
const IDLE_MINUTES = 5;
const MAX_HOURS = 12;

describe('console sessions (SPEC §15)', () => {
  let t: TestApp;
  let w: World;
  /** Every refresh token the tests received: none may ever reach the log. */
  const issued: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000',
        SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
        SESSION_MAX_HOURS: String(MAX_HOURS),
        // The last test reads the log: when the run sends logs to stdout (TEST_LOG_FILE=), this app keeps a file.
        ...(process.env.TEST_LOG_FILE === ''
          ? { LOG_FILE: join(tmpdir(), `oversight-sessions-${process.pid}.log`) }
          : {}),
      },
    });
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  /** A frontline officer of its own, with the password the test signs in with. */
  function newUser(): Promise<Session & { password: string }> {
    return createUser(t, w.admin, 'agency_officer', w.agencies.own.id);
  }

  /** The refresh token a response set, after checking that exactly one cookie was set. */
  function cookieToken(res: Response): string {
    const cookies = setCookies(res);
    expect(cookies).toHaveLength(1);
    const token = /^oversight_refresh=([A-Za-z0-9_-]{43});/.exec(cookies[0])?.[1];
    if (!token) throw new Error(`no refresh token in ${cookies[0]}`);
    issued.push(token);
    return token;
  }

  async function signIn(user: { email: string; password: string }): Promise<string> {
    const res = await t.http().post(SESSION).send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    return cookieToken(res);
  }

  function refresh(token: string | undefined, headers: Record<string, string> = CONSOLE) {
    const req = t.http().post(REFRESH).set(headers);
    return token === undefined ? req : req.set('cookie', `oversight_refresh=${token}`);
  }

  function logout(token: string | undefined, headers: Record<string, string> = CONSOLE) {
    const req = t.http().post(LOGOUT).set(headers);
    return token === undefined ? req : req.set('cookie', `oversight_refresh=${token}`);
  }

  /** The stored row of a token, found the only way the server can: by the token's SHA-256. */
  async function rowOf(token: string): Promise<{
    family_id: string;
    used_at: Date | null;
    revoked_at: Date | null;
    expires_at: Date;
    signed_in_at: Date;
  }> {
    const { rows } = await t.sql.query(
      `SELECT family_id, used_at, revoked_at, expires_at, signed_in_at FROM refresh_tokens WHERE token_hash = $1`,
      [sha256(token)],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  async function familyState(familyId: string): Promise<{ tokens: number; live: number; revoked: number }> {
    const { rows } = await t.sql.query<{ tokens: number; live: number; revoked: number }>(
      `SELECT count(*)::int AS tokens,
              count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL)::int AS live,
              count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked
         FROM refresh_tokens WHERE family_id = $1`,
      [familyId],
    );
    return rows[0];
  }

  /**
   * The only way this spec makes time pass: moves a token's issue time back by `minutes`, with what happened
   * before it (its family's sign-in, which may not follow it, and the moment its user's password was set, which
   * must stay before the sign-in). The server judges idleness from `created_at` against its own clock.
   */
  async function age(token: string, minutes: number): Promise<void> {
    const { rows } = await t.sql.query<{ user_id: string }>(
      `UPDATE refresh_tokens
          SET created_at = created_at - make_interval(mins => $2), signed_in_at = signed_in_at - make_interval(mins => $2)
        WHERE token_hash = $1
       RETURNING user_id`,
      [sha256(token), minutes],
    );
    expect(rows).toHaveLength(1);
    await t.sql.query(
      `UPDATE users SET tokens_valid_after = tokens_valid_after - make_interval(mins => $2) WHERE id = $1`,
      [rows[0].user_id, minutes],
    );
  }

  describe('POST /auth/session', () => {
    it('answers like login and sets the refresh cookie with every attribute', async () => {
      const user = await newUser();
      const res = await t.http().post(SESSION).send({ email: user.email, password: user.password });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: t.config.auth.jwtExpiresInSeconds,
      });
      const me = await t.http().get(ME).set('authorization', `Bearer ${res.body.accessToken}`);
      expect(me.body).toMatchObject({ id: user.id, role: 'agency_officer' });

      const [cookie] = setCookies(res);
      const [pair, ...attributes] = cookie.split('; ');
      expect(pair).toMatch(/^oversight_refresh=[A-Za-z0-9_-]{43}$/);
      expect(attributes.sort()).toEqual(
        [`Max-Age=${MAX_HOURS * 3600}`, 'Path=/api/v1/auth', 'HttpOnly', 'Secure', 'SameSite=Strict'].sort(),
      );
      const token = cookieToken(res);
      const row = await rowOf(token);
      expect(row.expires_at.getTime() - row.signed_in_at.getTime()).toBe(MAX_HOURS * 3_600_000);
    });

    it('stores only the SHA-256 of the token: no column holds the token itself', async () => {
      const token = await signIn(await newUser());
      const { rows } = await t.sql.query<{ row: string; hash: Buffer }>(
        `SELECT row_to_json(r)::text AS row, token_hash AS hash FROM refresh_tokens r WHERE token_hash = $1`,
        [sha256(token)],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].hash.equals(Buffer.from(token, 'base64url'))).toBe(false);
      expect(rows[0].row).not.toContain(token);
      expect(rows[0].row).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
    });

    it('answers a wrong password exactly as login does, with no cookie and no row', async () => {
      const user = await newUser();
      const wrong = { email: user.email, password: 'not-the-password-1' };
      const [session, login] = [await t.http().post(SESSION).send(wrong), await t.http().post(LOGIN).send(wrong)];
      const problem = expectProblem(session, 401);
      expect({ ...problem, requestId: undefined }).toEqual({ ...expectProblem(login, 401), requestId: undefined });
      expect(setCookies(session)).toEqual([]);
      const { rows } = await t.sql.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(rows).toEqual([]);
    });

    it('refuses a disabled account as login does', async () => {
      const user = await newUser();
      const disabled = await t.http().post(`/api/v1/users/${user.id}/disable`).set('authorization', w.admin.auth);
      expect(disabled.status).toBe(200);
      expectProblem(await t.http().post(SESSION).send({ email: user.email, password: user.password }), 401);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates the token: a new cookie and access token, the old token used', async () => {
      const user = await newUser();
      const first = await signIn(user);
      const res = await refresh(first);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: expect.any(Number) });
      const me = await t.http().get(ME).set('authorization', `Bearer ${res.body.accessToken}`);
      expect(me.body.id).toBe(user.id);
      const second = cookieToken(res);
      expect(second).not.toBe(first);
      const [old, next] = [await rowOf(first), await rowOf(second)];
      expect(old.used_at).not.toBeNull();
      expect(next).toMatchObject({ family_id: old.family_id, used_at: null, revoked_at: null });
      // The cookie lives as long as the sign-in has left, not a fresh absolute lifetime.
      expect(setCookies(res)[0]).toMatch(/; Max-Age=(\d+);/);
      const maxAge = Number(/Max-Age=(\d+)/.exec(setCookies(res)[0])![1]);
      expect(maxAge).toBeLessThanOrEqual(MAX_HOURS * 3600);
      expect(maxAge).toBeGreaterThan(MAX_HOURS * 3600 - 60);
      expect(await familyState(old.family_id)).toEqual({ tokens: 2, live: 1, revoked: 0 });
    });

    it('treats a rotated token used again as theft: 401, and the whole family dies, the newest token too', async () => {
      const first = await signIn(await newUser());
      const second = cookieToken(await refresh(first));
      const third = cookieToken(await refresh(second));
      const reused = await refresh(first);
      expectProblem(reused, 401);
      expectProblem(await refresh(third), 401);
      const { family_id } = await rowOf(first);
      expect(await familyState(family_id)).toEqual({ tokens: 3, live: 0, revoked: 3 });
    });

    it('lets exactly one of concurrent refreshes with one token succeed, and leaves no live token behind', async () => {
      const token = await signIn(await newUser());
      const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(token)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
      // The others waited on the row lock, then found the token used: a reuse, which ended the family.
      const { family_id } = await rowOf(token);
      expect(await familyState(family_id)).toEqual({ tokens: 2, live: 0, revoked: 2 });
    });

    it('answers 401 for no cookie, a malformed one and an unknown token, and clears the cookie', async () => {
      for (const cookie of [undefined, 'short', 'A'.repeat(43)]) {
        const res = await refresh(cookie);
        expectProblem(res, 401);
        expect(setCookies(res)).toEqual([
          expect.stringMatching(/^oversight_refresh=; Max-Age=0; Path=\/api\/v1\/auth;/),
        ]);
      }
    });

    it(`keeps a session alive within SESSION_IDLE_MINUTES (${IDLE_MINUTES}) and ends it after`, async () => {
      const first = await signIn(await newUser());
      await age(first, IDLE_MINUTES - 1);
      const second = cookieToken(await refresh(first));
      await age(second, IDLE_MINUTES + 1);
      expectProblem(await refresh(second), 401);
      const { family_id } = await rowOf(first);
      expect(await familyState(family_id)).toMatchObject({ live: 0 });
    });

    it('ends the session of a user disabled since the sign-in, and revokes it', async () => {
      const user = await newUser();
      const token = await signIn(user);
      const res = await t.http().post(`/api/v1/users/${user.id}/disable`).set('authorization', w.admin.auth);
      expect(res.status).toBe(200);
      expectProblem(await refresh(token), 401);
      const enabled = await t.http().post(`/api/v1/users/${user.id}/enable`).set('authorization', w.admin.auth);
      expect(enabled.status).toBe(200);
      // Enabling the account again does not bring the session back.
      expectProblem(await refresh(token), 401);
      expect(await familyState((await rowOf(token)).family_id)).toMatchObject({ live: 0, revoked: 1 });
    });

    it('ends the session when the role changed since the sign-in', async () => {
      const user = await newUser();
      const token = await signIn(user);
      // No route changes a role (SPEC §8 has none); an administrator's change in the database must still count.
      await t.sql.query(`UPDATE users SET role = 'agency_supervisor' WHERE id = $1`, [user.id]);
      expectProblem(await refresh(token), 401);
      expect(await familyState((await rowOf(token)).family_id)).toMatchObject({ live: 0, revoked: 1 });
    });

    it('ends the session when the password was set since the sign-in', async () => {
      const user = await newUser();
      const token = await signIn(user);
      await setPasswordInProcess(t, user.id, 'a-brand-new-passphrase');
      expectProblem(await refresh(token), 401);
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the family and clears the cookie with the same attributes', async () => {
      const first = await signIn(await newUser());
      const second = cookieToken(await refresh(first));
      const res = await logout(second);
      expect(res.status).toBe(204);
      const [cookie] = setCookies(res);
      const [pair, ...attributes] = cookie.split('; ');
      expect(pair).toBe('oversight_refresh=');
      expect(attributes).toEqual(
        expect.arrayContaining(['Max-Age=0', 'Path=/api/v1/auth', 'HttpOnly', 'Secure', 'SameSite=Strict']),
      );
      expectProblem(await refresh(second), 401);
      expect(await familyState((await rowOf(first)).family_id)).toEqual({ tokens: 2, live: 0, revoked: 2 });
    });

    it('answers 204 without a cookie, and again after signing out', async () => {
      expect((await logout(undefined)).status).toBe(204);
      const token = await signIn(await newUser());
      expect((await logout(token)).status).toBe(204);
      expect((await logout(token)).status).toBe(204);
    });
  });

  describe('CSRF: the cookie routes take same-origin requests with the console header only', () => {
    it.each([
      ['refresh', REFRESH],
      ['logout', LOGOUT],
    ])('%s without X-Oversight-Console: 403 naming the header, and the token untouched', async (_name, path) => {
      const token = await signIn(await newUser());
      for (const headers of [{}, { 'x-oversight-console': 'yes' }]) {
        const res = await t.http().post(path).set(headers).set('cookie', `oversight_refresh=${token}`);
        const problem = expectProblem(res, 403);
        expect(problem.type).toBe('/problems/console-header-required');
        expect(problem.detail).toContain('X-Oversight-Console');
        expect(setCookies(res)).toEqual([]);
      }
      expect(await rowOf(token)).toMatchObject({ used_at: null, revoked_at: null });
    });

    it.each([
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
      ['a foreign Origin', { host: 'oversight.test', origin: 'https://evil.test' }],
      ['Origin: null', { host: 'oversight.test', origin: 'null' }],
    ])('refuses a request with %s (403), on refresh and logout', async (_name, headers) => {
      const token = await signIn(await newUser());
      for (const path of [REFRESH, LOGOUT]) {
        const res = await t
          .http()
          .post(path)
          .set({ ...CONSOLE, ...headers })
          .set('cookie', `oversight_refresh=${token}`);
        expect(expectProblem(res, 403).type).toBe('/problems/cross-site-request');
      }
      expect(await rowOf(token)).toMatchObject({ used_at: null, revoked_at: null });
    });

    it('accepts the console’s own request: same origin, Origin naming the host', async () => {
      const token = await signIn(await newUser());
      const res = await refresh(token, {
        ...CONSOLE,
        host: 'oversight.test:8443',
        origin: 'https://oversight.test:8443',
        'sec-fetch-site': 'same-origin',
      });
      expect(res.status).toBe(200);
      cookieToken(res);
    });
  });

  describe('the bearer API alongside', () => {
    it('keeps login, access tokens and API keys working as before', async () => {
      const user = await newUser();
      const login = await t.http().post(LOGIN).send({ email: user.email, password: user.password });
      expect(login.status).toBe(200);
      expect(setCookies(login)).toEqual([]);
      expect((await t.http().get(ME).set('authorization', `Bearer ${login.body.accessToken}`)).status).toBe(200);
      expect((await t.http().get(ME).set('authorization', w.apiKey.auth)).status).toBe(200);
    });

    it('never takes the refresh cookie as a credential for the API', async () => {
      const token = await signIn(await newUser());
      expectProblem(await t.http().get(ME).set('cookie', `oversight_refresh=${token}`), 401);
    });
  });

  describe('GET /cases/{id}/verification', () => {
    async function verification(session: Session, caseId: string): Promise<Response> {
      return t.http().get(`/api/v1/cases/${caseId}/verification`).set('authorization', session.auth);
    }

    it('checks the case’s chain for anyone who may read the case', async () => {
      const opened = await openCase(t, w.officer);
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE chain_id = $1`,
        [`case:${opened.id}`],
      );
      expect(rows[0].n).toBeGreaterThan(0);
      for (const reader of [w.officer, w.supervisor, w.commissioner, w.analyst, w.apiKey]) {
        const res = await verification(reader, opened.id);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          caseId: opened.id,
          ok: true,
          checked: rows[0].n,
          firstInvalidEventId: null,
          verifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
      }
    });

    it('answers 404 to whoever may not read the case, as the case route does', async () => {
      const opened = await openCase(t, w.officer);
      for (const outsider of [w.otherOfficer, w.otherSupervisor, w.admin, w.decisionMaker]) {
        expectProblem(await verification(outsider, opened.id), 404);
        expectProblem(await t.http().get(`/api/v1/cases/${opened.id}`).set('authorization', outsider.auth), 404);
      }
      expectProblem(await verification(w.officer, '00000000-0000-4000-8000-000000000000'), 404);
      expectProblem(await verification(w.officer, 'not-a-uuid'), 400);
      expectProblem(await t.http().get(`/api/v1/cases/${opened.id}/verification`), 401);
    });

    it('names the first event that cannot be trusted when the chain was tampered with', async () => {
      const opened = await openCase(t, w.officer);
      const { rows } = await t.sql.query<{ id: string }>(
        `SELECT id FROM audit_events WHERE chain_id = $1 AND seq = 1`,
        [`case:${opened.id}`],
      );
      await tamper(t.sql, async (c) => {
        const { rowCount } = await c.query(
          `UPDATE audit_events SET payload = replace(payload::text, '"externalRef":"', '"externalRef":"X')::json WHERE id = $1`,
          [rows[0].id],
        );
        expect(rowCount).toBe(1);
      });
      const res = await verification(w.commissioner, opened.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        caseId: opened.id,
        ok: false,
        reason: 'hash_mismatch',
        firstInvalidEventId: rows[0].id,
      });
    });
  });

  it('wrote no refresh token to the log', async () => {
    const file = t.config.log.file!;
    // The log is written asynchronously: wait until it holds the last sign-in of this spec.
    const last = await signIn(await newUser());
    const familyId = (await rowOf(last)).family_id;
    let text = '';
    for (let i = 0; i < 50 && !text.includes(familyId); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    }
    expect(text).toContain(familyId);
    expect(issued.length).toBeGreaterThan(20);
    expect(issued.filter((token) => text.includes(token))).toEqual([]);
  });
});

function setCookies(res: Response): string[] {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

function sha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
