import { randomBytes } from 'node:crypto';
import { createWorld, type World } from '../factories/world.js';
import { login } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

const SLOW = 60_000;
const OFFICE = 'commissioner-office@oversight.test';
const SET_PASSWORD = '/api/v1/auth/set-password';
const RESET = '/api/v1/auth/password-reset';

/**
 * SPEC §1, §2, §8: the administrator never reads case personal data nor
 * holds a credential that could. Accounts that can read it set their own
 * password through a one-time e-mailed link; the office hears of every such
 * account and API key; agencies' keys are issued by their own supervisor;
 * a disabled user's tokens stop at once. Mail goes to a real SMTP server.
 */
describe('separation of duties', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;
  let seq = 0;
  const unique = (prefix: string): string => `${prefix}-${process.pid}-${++seq}@oversight.test`;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, COMMISSIONER_ALERT_EMAIL: OFFICE, LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' },
    });
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  }, SLOW);

  /** Mail to `to` received from now on, once `count` of them have arrived. */
  async function mailTo(to: string, count = 1): Promise<ReceivedMail[]> {
    await waitUntil(
      `${count} e-mail(s) to ${to}`,
      () => smtp.received.filter((m) => m.to.includes(to)).length >= count,
    );
    return smtp.received.filter((m) => m.to.includes(to));
  }

  /** The token of the set-password link in a message (quoted-printable soft breaks undone). */
  function tokenIn(mail: ReceivedMail): string {
    const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const m = /\/console\/set-password#token=([A-Za-z0-9_-]{43})/.exec(body);
    if (!m) throw new Error(`no set-password link in: ${body}`);
    return m[1];
  }

  const createAs = (auth: string, body: object) => t.http().post('/api/v1/users').set('authorization', auth).send(body);

  describe('accounts that can read personal data', () => {
    it.each([
      ['commissioner', 'office'],
      ['reviewer', 'office'],
      ['agency_officer', 'own'],
      ['agency_supervisor', 'own'],
      ['decision_maker', 'authority'],
    ] as const)(
      'refuses a password chosen by the admin for a %s with 422 naming password, writing nothing',
      async (role, where) => {
        const email = unique(role);
        const before = await t.sql.query(`SELECT count(*)::int AS n FROM users`);
        const res = await createAs(w.admin.auth, {
          email,
          password: 'admin-chosen-password',
          role,
          agencyId: w.agencies[where].id,
        });
        expect(errorFields(expectProblem(res, 422))).toEqual(['password']);
        expect((await t.sql.query(`SELECT count(*)::int AS n FROM users`)).rows).toEqual(before.rows);
      },
    );

    it('mails the new commissioner a one-time link that sets their password, and tells the office', async () => {
      const email = unique('commissioner');
      const res = await createAs(w.admin.auth, { email, role: 'commissioner', agencyId: w.agencies.office.id });
      expect(res.status).toBe(201);
      const stored = await t.sql.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
      expect(stored.rows).toEqual([{ password_hash: null }]);
      // Nobody can sign in before the owner chose a password, the admin included.
      expectProblem(
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email, password: '' + 'x'.repeat(12) }),
        401,
      );

      const [invitation] = await mailTo(email);
      expect(invitation.raw).toContain(`${t.config.http.publicBaseUrl}/console/set-password#token=`.slice(0, 30));
      const token = tokenIn(invitation);
      const notice = (await mailTo(OFFICE)).find((m) => m.raw.includes(res.body.id));
      expect(notice?.subject).toContain('commissioner');

      const password = 'my-own-chosen-password';
      expect((await t.http().post(SET_PASSWORD).send({ token, password })).status).toBe(204);
      await expect(login(t, email, password)).resolves.toEqual(expect.any(String));
      // Used once.
      const again = await t.http().post(SET_PASSWORD).send({ token, password: 'another-password-1' });
      expect(errorFields(expectProblem(again, 422))).toEqual(['token']);
      const audit = await t.sql.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq`, [
        res.body.id,
      ]);
      expect(audit.rows.map((r) => r.action)).toEqual(['user.created', 'user.password_set']);
    });

    it('refuses a link after 72 hours', async () => {
      const email = unique('reviewer');
      const res = await createAs(w.admin.auth, { email, role: 'reviewer', agencyId: w.agencies.office.id });
      const token = tokenIn((await mailTo(email))[0]);
      const { rows } = await t.sql.query(
        `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM password_tokens WHERE user_id = $1`,
        [res.body.id],
      );
      expect(rows).toEqual([{ seconds: 72 * 3600 }]);
      await t.sql.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        res.body.id,
      ]);
      expectProblem(await t.http().post(SET_PASSWORD).send({ token, password: 'too-late-password' }), 422);
    });

    it('refuses an unknown token with 422, and a malformed one with 400', async () => {
      const unknown = randomBytes(32).toString('base64url');
      expect(
        errorFields(
          expectProblem(await t.http().post(SET_PASSWORD).send({ token: unknown, password: 'long-enough-pass' }), 422),
        ),
      ).toEqual(['token']);
      expect(
        errorFields(
          expectProblem(await t.http().post(SET_PASSWORD).send({ token: 'short', password: 'long-enough-pass' }), 400),
        ),
      ).toEqual(['token']);
    });

    it('lets the admin give an analyst (no personal data) a password, without telling the office', async () => {
      const email = unique('analyst');
      const officeBefore = smtp.received.filter((m) => m.to.includes(OFFICE)).length;
      const res = await createAs(w.admin.auth, {
        email,
        password: 'analyst-password-1',
        role: 'analyst',
        agencyId: w.agencies.office.id,
      });
      expect(res.status).toBe(201);
      await expect(login(t, email, 'analyst-password-1')).resolves.toEqual(expect.any(String));
      // A later notice proves the mailer is not simply slow: the analyst's creation sent none.
      const officer = await createAs(w.admin.auth, {
        email: unique('officer'),
        role: 'agency_officer',
        agencyId: w.agencies.own.id,
      });
      await waitUntil('the officer notice', () => smtp.received.some((m) => m.raw.includes(officer.body.id)));
      const notices = smtp.received.filter((m) => m.to.includes(OFFICE)).slice(officeBefore);
      expect(notices.some((m) => m.raw.includes(res.body.id))).toBe(false);
    });
  });

  describe('API keys', () => {
    const keys = (agencyId: string) => `/api/v1/agencies/${agencyId}/api-keys`;

    it('refuses the admin issuing a key (403), writing nothing', async () => {
      const before = await t.sql.query(`SELECT count(*)::int AS n FROM api_keys`);
      const res = await t
        .http()
        .post(keys(w.agencies.own.id))
        .set('authorization', w.admin.auth)
        .send({ name: 'x-key' });
      expectProblem(res, 403);
      expect((await t.sql.query(`SELECT count(*)::int AS n FROM api_keys`)).rows).toEqual(before.rows);
    });

    it('lets the agency’s supervisor issue one, tells the office, and lets the admin list and revoke it', async () => {
      const res = await t
        .http()
        .post(keys(w.agencies.own.id))
        .set('authorization', w.supervisor.auth)
        .send({ name: 'case system' });
      expect(res.status).toBe(201);
      const notice = await waitUntil('the key notice', () =>
        smtp.received.find((m) => m.to.includes(OFFICE) && m.raw.includes(res.body.id)),
      );
      expect(notice.subject).toContain('API key');
      expect(notice.raw).not.toContain(res.body.key);
      const listed = await t.http().get(keys(w.agencies.own.id)).set('authorization', w.admin.auth);
      expect(listed.body.map((k: { id: string }) => k.id)).toContain(res.body.id);
      const revoked = await t
        .http()
        .delete(`${keys(w.agencies.own.id)}/${res.body.id}`)
        .set('authorization', w.admin.auth);
      expect(revoked.status).toBe(204);
      expectProblem(await t.http().get('/api/v1/me').set('authorization', `Bearer ${res.body.key}`), 401);
    });

    it('refuses a supervisor issuing a key for another agency (404: not readable)', async () => {
      const res = await t
        .http()
        .post(keys(w.agencies.other.id))
        .set('authorization', w.supervisor.auth)
        .send({ name: 'case system' });
      expectProblem(res, 404);
    });
  });

  describe('password reset', () => {
    it('answers 202 for any address and mails a link only to a known, enabled account', async () => {
      const known = await createUser(t, w.admin, 'agency_officer', w.agencies.own.id);
      const nobody = unique('nobody');
      const ok = await t.http().post(RESET).send({ email: known.email.toUpperCase() });
      const unknown = await t.http().post(RESET).send({ email: nobody });
      expect([ok.status, unknown.status]).toEqual([202, 202]);
      expect(ok.text).toBe(unknown.text);
      const mails = await mailTo(known.email, 2);
      const token = tokenIn(mails[mails.length - 1]);
      // The old password's token ends when the new password is set.
      expect((await t.http().get('/api/v1/me').set('authorization', known.auth)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await t.http().post(SET_PASSWORD).send({ token, password: 'reset-password-001' })).status).toBe(204);
      expectProblem(await t.http().get('/api/v1/me').set('authorization', known.auth), 401);
      await expect(login(t, known.email, 'reset-password-001')).resolves.toEqual(expect.any(String));
      expect(smtp.received.filter((m) => m.to.includes(nobody))).toEqual([]);
    });
  });

  describe('disable and enable', () => {
    it('ends a disabled user’s tokens at once, refuses their login, and does not revive old tokens on enable', async () => {
      const user = await createUser(t, w.admin, 'agency_officer', w.agencies.own.id);
      expect((await t.http().get('/api/v1/me').set('authorization', user.auth)).status).toBe(200);
      const disabled = await t.http().post(`/api/v1/users/${user.id}/disable`).set('authorization', w.admin.auth);
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabledAt).toEqual(expect.any(String));
      expectProblem(await t.http().get('/api/v1/me').set('authorization', user.auth), 401);
      expectProblem(
        await t.http().post('/api/v1/auth/login').send({ email: user.email, password: user.password }),
        401,
      );
      // No reset link for a disabled account.
      const mailsBefore = smtp.received.filter((m) => m.to.includes(user.email)).length;
      expect((await t.http().post(RESET).send({ email: user.email })).status).toBe(202);

      const enabled = await t.http().post(`/api/v1/users/${user.id}/enable`).set('authorization', w.admin.auth);
      expect(enabled.status).toBe(200);
      expect(enabled.body.disabledAt).toBeNull();
      expectProblem(await t.http().get('/api/v1/me').set('authorization', user.auth), 401);
      await new Promise((r) => setTimeout(r, 1_000));
      const fresh = await login(t, user.email, user.password);
      expect((await t.http().get('/api/v1/me').set('authorization', `Bearer ${fresh}`)).status).toBe(200);
      expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(mailsBefore);

      const audit = await t.sql.query(
        `SELECT action, actor_id FROM audit_events WHERE subject_id = $1 AND action LIKE 'user.%abled' ORDER BY seq`,
        [user.id],
      );
      expect(audit.rows).toEqual([
        { action: 'user.disabled', actor_id: w.admin.id },
        { action: 'user.enabled', actor_id: w.admin.id },
      ]);
    });

    it('checks the cached validity, and the database when the cache is gone', async () => {
      const user = await createUser(t, w.admin, 'analyst', w.agencies.office.id);
      await t.http().post(`/api/v1/users/${user.id}/disable`).set('authorization', w.admin.auth);
      const redis = (await import('ioredis')).Redis;
      const client = new redis(t.config.redis.url);
      try {
        await client.del(`${t.config.redis.queuePrefix}:token-valid-after:${user.id}`);
      } finally {
        client.disconnect();
      }
      expectProblem(await t.http().get('/api/v1/me').set('authorization', user.auth), 401);
    });

    it('refuses the admin disabling their own account (409)', async () => {
      expectProblem(await t.http().post(`/api/v1/users/${w.admin.id}/disable`).set('authorization', w.admin.auth), 409);
    });
  });
});
