import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createAgency } from '../factories/agencies.js';
import { adminSession, type Session } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, dropTestDatabase } from '../support/test-database.js';

// Starting an app takes a few seconds when several test files start theirs at once.
const SLOW = 60_000;
const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/me';

describe('authentication', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // The address limit gets its own apps below; here it must not trip over the many logins of the world.
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  /** A frontline officer whose password the test knows; returns the e-mail address. */
  async function officerWithPassword(password: string, app: TestApp = t, admin = w.admin): Promise<string> {
    const email = `login-${randomUUID().slice(0, 8)}@oversight.test`;
    await createUser(
      app,
      admin,
      'agency_officer',
      admin === w.admin ? w.agencies.own.id : await ownAgency(app, admin),
      {
        email,
        password,
      },
    );
    return email;
  }

  async function ownAgency(app: TestApp, admin: Session): Promise<string> {
    return (await createAgency(app, admin, 'frontline')).id;
  }

  async function admins(database: TestApp['sql']): Promise<{ email: string }[]> {
    return (await database.query<{ email: string }>(`SELECT email FROM users WHERE role = 'admin' ORDER BY email`))
      .rows;
  }

  describe('bootstrap admin', () => {
    it('exists after the first start, without an agency, and can log in', async () => {
      const { rows } = await t.sql.query(`SELECT id, role, agency_id, password_hash FROM users WHERE email = $1`, [
        ADMIN.email,
      ]);
      expect(rows).toEqual([
        { id: w.admin.id, role: 'admin', agency_id: null, password_hash: expect.stringMatching(/^\$argon2id\$/) },
      ]);
      const res = await t.http().post(LOGIN).send(ADMIN);
      expect(res.status).toBe(200);
      const audit = await t.sql.query(`SELECT actor_type, subject_id FROM audit_events WHERE action = $1`, [
        'user.bootstrapped',
      ]);
      expect(audit.rows).toEqual([{ actor_type: 'system', subject_id: w.admin.id }]);
    });

    it(
      'is not created again when another process starts on the same database',
      async () => {
        const second = await startTestApp({
          database: t.database,
          env: { BOOTSTRAP_ADMIN_EMAIL: 'second-admin@oversight.test', BOOTSTRAP_ADMIN_PASSWORD: 'second-password-01' },
        });
        try {
          await expect(admins(t.sql)).resolves.toEqual([{ email: ADMIN.email }]);
          const res = await second.http().post(LOGIN).send(ADMIN);
          expect(res.status).toBe(200);
        } finally {
          await second.close();
        }
      },
      SLOW,
    );

    it(
      'is created exactly once when two processes start at the same time on an empty database',
      async () => {
        const database = await createTestDatabase();
        try {
          const both = await Promise.all([
            startTestApp({ database }),
            startTestApp({
              database,
              env: {
                BOOTSTRAP_ADMIN_EMAIL: 'rival-admin@oversight.test',
                BOOTSTRAP_ADMIN_PASSWORD: 'rival-password-01',
              },
            }),
          ]);
          try {
            const found = await admins(both[0].sql);
            expect(found).toHaveLength(1);
            expect([ADMIN.email, 'rival-admin@oversight.test']).toContain(found[0].email);
          } finally {
            await Promise.all(both.map((app) => app.close()));
          }
        } finally {
          await dropTestDatabase(database);
        }
      },
      SLOW,
    );
  });

  describe('login', () => {
    it('answers good credentials with a bearer token that works', async () => {
      const res = await t.http().post(LOGIN).send(ADMIN);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: t.config.auth.jwtExpiresInSeconds,
      });
      const [header, claims] = (res.body.accessToken as string)
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
      expect(header).toMatchObject({ alg: 'HS256' });
      expect(claims).toMatchObject({ sub: w.admin.id, iss: t.config.auth.jwtIssuer, aud: t.config.auth.jwtAudience });
      expect(claims.exp - claims.iat).toBe(t.config.auth.jwtExpiresInSeconds);
      const me = await t.http().get(ME).set('authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
    });

    it('treats the e-mail address case-insensitively', async () => {
      const res = await t.http().post(LOGIN).send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password });
      expect(res.status).toBe(200);
      expect(res.body.tokenType).toBe('Bearer');
    });

    it('answers a wrong password and an unknown e-mail with the same 401 problem', async () => {
      const email = await officerWithPassword('the-right-password-1');
      const wrongPassword = await t.http().post(LOGIN).send({ email, password: 'the-wrong-password-1' });
      const unknownEmail = await t
        .http()
        .post(LOGIN)
        .send({ email: 'nobody-here@oversight.test', password: 'the-wrong-password-1' });
      const a = expectProblem(wrongPassword, 401);
      const b = expectProblem(unknownEmail, 401);
      expect(a.detail).toEqual(expect.any(String));
      const { requestId: _a, ...sameA } = a;
      const { requestId: _b, ...sameB } = b;
      expect(sameA).toEqual(sameB);
      expect(wrongPassword.headers['www-authenticate']).toBe(unknownEmail.headers['www-authenticate']);
    });

    it('refuses a body without a valid e-mail address with 400 naming the field', async () => {
      const res = await t.http().post(LOGIN).send({ email: 'not-an-address', password: 'whatever-password' });
      expect(errorFields(expectProblem(res, 400))).toEqual(['email']);
    });
  });

  describe('rate limiting', () => {
    const wrong = (email: string, i: number) => ({ email, password: `wrong-password-${i}` });

    it('lets at most LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS of 50 parallel wrong passwords reach the check', async () => {
      const password = 'parallel-right-password-1';
      const email = await officerWithPassword(password);
      const limit = t.config.auth.loginLimits.maxFailuresPerAccountAddress;
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => t.http().post(LOGIN).send(wrong(email, i))),
      );
      const statuses = answers.map((r) => r.status);
      // A 401 is an attempt whose password was checked; every other one was refused before argon2 ran.
      expect(statuses.filter((s) => s === 401)).toHaveLength(limit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50 - limit);
      // The limit holds for the right password too, from this address.
      const locked = await t.http().post(LOGIN).send({ email, password });
      expect(expectProblem(locked, 429).detail).toEqual(expect.any(String));
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(t.config.auth.loginLimits.windowSeconds);
      // The same account in other letters is the same account.
      expectProblem(await t.http().post(LOGIN).send({ email: email.toUpperCase(), password }), 429);
      // Other accounts are not affected.
      expect((await t.http().post(LOGIN).send(ADMIN)).status).toBe(200);
    });

    it('lets no more than one of 25 parallel wrong passwords through after 4 failures', async () => {
      const email = await officerWithPassword('parallel-right-password-2');
      for (let i = 0; i < 4; i++) expectProblem(await t.http().post(LOGIN).send(wrong(email, i)), 401);
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          t
            .http()
            .post(LOGIN)
            .send(wrong(email, 10 + i)),
        ),
      );
      expect(answers.filter((r) => r.status === 401)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 429)).toHaveLength(24);
    });

    it('does not count a right password against the limit', async () => {
      const password = 'counted-right-password-1';
      const email = await officerWithPassword(password);
      for (let i = 0; i < 10; i++) expect((await t.http().post(LOGIN).send({ email, password })).status).toBe(200);
      for (let i = 0; i < 5; i++) expectProblem(await t.http().post(LOGIN).send(wrong(email, i)), 401);
    });

    describe('behind a trusted proxy (client addresses from X-Forwarded-For)', () => {
      let proxied: TestApp;
      let admin: Session;
      const from = (address: string) => proxied.http().post(LOGIN).set('x-forwarded-for', address);

      beforeAll(async () => {
        proxied = await startTestApp({
          env: { TRUST_PROXY: '127.0.0.1', LOGIN_ACCOUNT_SLOW_AFTER: '6', LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '60' },
        });
        admin = await adminSession(proxied);
      }, SLOW);
      afterAll(async () => proxied.close(), SLOW);

      it('does not let wrong passwords from one address lock the owner out at another', async () => {
        const password = 'owner-right-password-1';
        const email = await officerWithPassword(password, proxied, admin);
        for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.66').send(wrong(email, i)), 401);
        expectProblem(await from('203.0.113.66').send({ email, password }), 429);
        // The owner, at the office's address, is not refused.
        expect((await from('198.51.100.10').send({ email, password })).status).toBe(200);
      });

      it('slows guesses spread over many addresses with growing delays, never the addresses the owner used', async () => {
        const password = 'owner-right-password-2';
        const email = await officerWithPassword(password, proxied, admin);
        expect((await from('198.51.100.20').send({ email, password })).status).toBe(200);
        // LOGIN_ACCOUNT_SLOW_AFTER (6) free failures from unknown addresses; the seventh sets a 1 s delay.
        for (let i = 0; i < 7; i++) expectProblem(await from(`203.0.113.${100 + i}`).send(wrong(email, i)), 401);
        const slowed = await from('203.0.113.200').send(wrong(email, 9));
        expectProblem(slowed, 429);
        expect(Number(slowed.headers['retry-after'])).toBe(1);
        // A new address waits, even with the right password; the owner's address does not.
        expectProblem(await from('203.0.113.201').send({ email, password }), 429);
        expect((await from('198.51.100.20').send({ email, password })).status).toBe(200);
        // After the delay one more guess gets through, and the next waits twice as long.
        await new Promise((r) => setTimeout(r, 1_100));
        expectProblem(await from('203.0.113.202').send(wrong(email, 10)), 401);
        const longer = await from('203.0.113.203').send(wrong(email, 11));
        expectProblem(longer, 429);
        expect(Number(longer.headers['retry-after'])).toBe(2);
      });
    });

    it(
      'limits attempts per client address, whatever the accounts',
      async () => {
        const limited = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3' } });
        try {
          for (let i = 0; i < 3; i++) {
            const res = await limited
              .http()
              .post(LOGIN)
              .send({ email: `guess-${i}@oversight.test`, password: 'guessing-password' });
            expectProblem(res, 401);
          }
          const blocked = await limited.http().post(LOGIN).send(ADMIN);
          expectProblem(blocked, 429);
          expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        } finally {
          await limited.close();
        }
      },
      SLOW,
    );

    it(
      'does not let a client escape the address limit by varying X-Forwarded-For when TRUST_PROXY is not set',
      async () => {
        const limited = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3' } });
        try {
          expect(limited.config.http.trustProxy).toBe(false);
          for (let i = 0; i < 3; i++) {
            const res = await limited
              .http()
              .post(LOGIN)
              .set('x-forwarded-for', `203.0.113.${i + 1}`)
              .send({ email: `spoof-${i}@oversight.test`, password: 'guessing-password' });
            expectProblem(res, 401);
          }
          const blocked = await limited
            .http()
            .post(LOGIN)
            .set('x-forwarded-for', '198.51.100.77')
            .set('x-real-ip', '198.51.100.78')
            .send({ email: 'spoof-last@oversight.test', password: 'guessing-password' });
          expectProblem(blocked, 429);
        } finally {
          await limited.close();
        }
      },
      SLOW,
    );
  });

  describe('access tokens', () => {
    interface TokenContext {
      claims: Record<string, unknown>;
      secret: string;
      officerToken: string;
    }
    const HS256 = { alg: 'HS256', typ: 'JWT' };
    const now = (): number => Math.floor(Date.now() / 1000);

    function jwt(header: object, claims: object, secret: string | null, hash = 'sha256'): string {
      const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part(header)}.${part(claims)}`;
      return `${unsigned}.${secret === null ? '' : createHmac(hash, secret).update(unsigned).digest('base64url')}`;
    }

    function context(): TokenContext {
      const a = t.config.auth;
      return {
        claims: {
          sub: w.admin.id,
          role: 'admin',
          agency: null,
          agencyKind: null,
          conflicts: [],
          iss: a.jwtIssuer,
          aud: a.jwtAudience,
          iat: now(),
          exp: now() + 300,
        },
        secret: a.jwtSecret,
        officerToken: w.officer.token,
      };
    }

    it('accepts a hand-made token with the app’s secret, issuer and audience (the control for the refusals)', async () => {
      const c = context();
      const res = await t
        .http()
        .get(ME)
        .set('authorization', `Bearer ${jwt(HS256, c.claims, c.secret)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: w.admin.id, role: 'admin' });
    });

    const refused: [string, (c: TokenContext) => string][] = [
      ['a token with alg "none"', (c) => jwt({ alg: 'none', typ: 'JWT' }, c.claims, null)],
      ['a token signed with another secret', (c) => jwt(HS256, c.claims, randomBytes(48).toString('base64'))],
      ['a token from another issuer', (c) => jwt(HS256, { ...c.claims, iss: 'someone-else' }, c.secret)],
      ['a token for another audience', (c) => jwt(HS256, { ...c.claims, aud: 'another-api' }, c.secret)],
      ['an expired token', (c) => jwt(HS256, { ...c.claims, iat: now() - 3600, exp: now() - 60 }, c.secret)],
      ['a token without an expiry', (c) => jwt(HS256, { ...c.claims, exp: undefined }, c.secret)],
      ['a token that is not valid yet', (c) => jwt(HS256, { ...c.claims, nbf: now() + 600 }, c.secret)],
      ['a token signed with HS512', (c) => jwt({ alg: 'HS512', typ: 'JWT' }, c.claims, c.secret, 'sha512')],
      ['a token with claims of the wrong shape', (c) => jwt(HS256, { ...c.claims, sub: 'root' }, c.secret)],
      [
        'an officer’s token whose payload was changed to admin',
        (c) => {
          const [header, payload, signature] = c.officerToken.split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
          const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
          return `${header}.${forged}.${signature}`;
        },
      ],
      ['garbage', () => 'garbage'],
      ['three parts of garbage', () => 'a.b.c'],
      ['a malformed API key', () => 'ovk_not-a-key'],
      [
        'an API key that was never issued',
        () => `ovk_${randomUUID().replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`,
      ],
    ];

    it.each(refused)('refuses %s with 401 and WWW-Authenticate: Bearer', async (_name, make) => {
      const res = await t
        .http()
        .get(ME)
        .set('authorization', `Bearer ${make(context())}`);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([
      ['without an Authorization header', undefined],
      ['with another scheme', `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`],
      ['with an empty bearer token', 'Bearer '],
    ])('refuses a request %s with 401 and WWW-Authenticate: Bearer', async (_name, header) => {
      const req = t.http().get(ME);
      const res = header === undefined ? await req : await req.set('authorization', header);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('GET /me', () => {
    const callers = [
      'admin',
      'commissioner',
      'conflictedReviewer',
      'officer',
      'supervisor',
      'decisionMaker',
      'apiKey',
    ] as const;

    it.each(callers)('tells the %s who they are, with their role and agency', async (caller) => {
      const session = w[caller];
      const expected = {
        admin: { kind: 'user', role: 'admin', agency: null, conflicts: [] },
        commissioner: { kind: 'user', role: 'commissioner', agency: w.agencies.office, conflicts: [] },
        conflictedReviewer: {
          kind: 'user',
          role: 'reviewer',
          agency: w.agencies.office,
          conflicts: [w.agencies.own.id],
        },
        officer: { kind: 'user', role: 'agency_officer', agency: w.agencies.own, conflicts: [] },
        supervisor: { kind: 'user', role: 'agency_supervisor', agency: w.agencies.own, conflicts: [] },
        decisionMaker: { kind: 'user', role: 'decision_maker', agency: w.agencies.authority, conflicts: [] },
        apiKey: { kind: 'api_key', role: 'agency_officer', agency: w.agencies.own, conflicts: [] },
      }[caller];
      const res = await t.http().get(ME).set('authorization', session.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: session.id,
        kind: expected.kind,
        email: expected.kind === 'user' ? session.email : null,
        role: expected.role,
        agency:
          expected.agency === null
            ? null
            : {
                id: expected.agency.id,
                name: expected.agency.name,
                code: expected.agency.code,
                kind: expected.agency.kind,
              },
        conflictAgencyIds: expected.conflicts,
        rules: expect.any(Array),
      });
      expect(res.body.rules.length).toBeGreaterThan(0);
    });
  });
});
