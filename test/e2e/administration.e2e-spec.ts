import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createAgency, type Agency } from '../factories/agencies.js';
import { login, type Session } from '../factories/session.js';
import { createUser, setPasswordInProcess } from '../factories/users.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('administration', () => {
  let t: TestApp;
  let w: World;
  let seq = 0;
  const unique = (prefix: string): string => `${prefix}-${process.pid}-${++seq}`;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  async function count(table: 'users' | 'agencies' | 'api_keys' | 'audit_events'): Promise<number> {
    const { rows } = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  }

  /** Row counts of the tables an admin request may write, to show a refused request wrote nothing. */
  async function snapshot(): Promise<Record<string, number>> {
    return {
      users: await count('users'),
      agencies: await count('agencies'),
      api_keys: await count('api_keys'),
      audit_events: await count('audit_events'),
    };
  }

  /** The audit events about one subject; each must name the admin and the request that caused it. */
  async function expectAudited(
    res: Response,
    action: string,
    subject: { type: string; id: string },
    by: Session = w.admin,
  ): Promise<void> {
    const { rows } = await t.sql.query(
      `SELECT action, subject_type, subject_id, actor_type, actor_id, actor_role, request_id
         FROM audit_events WHERE subject_id = $1 AND action = $2`,
      [subject.id, action],
    );
    expect(rows).toEqual([
      {
        action,
        subject_type: subject.type,
        subject_id: subject.id,
        actor_type: 'user',
        actor_id: by.id,
        actor_role: by.role,
        request_id: res.headers['x-request-id'],
      },
    ]);
  }

  function agencyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const code = unique('AG');
    return {
      name: `Agency ${code}`,
      code,
      kind: 'frontline',
      alertEmail: `desk-${code.toLowerCase()}@agency.test`,
      ...overrides,
    };
  }

  describe('agencies', () => {
    const post = (auth: string, body: object) =>
      t.http().post('/api/v1/agencies').set('authorization', auth).send(body);

    it('lets the admin create an agency (201) and records it in the audit log', async () => {
      const body = agencyBody({ name: '  Labour Inspectorate, East  ', alertEmail: 'Duty-Desk@Labour.TEST' });
      const res = await post(w.admin.auth, body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Labour Inspectorate, East',
        code: body.code,
        kind: 'frontline',
        alertEmail: 'duty-desk@labour.test',
        createdAt: expect.stringMatching(ISO_TIME),
      });
      const got = await t.http().get(`/api/v1/agencies/${res.body.id}`).set('authorization', w.admin.auth);
      expect(got.body).toEqual(res.body);
      await expectAudited(res, 'agency.created', { type: 'agency', id: res.body.id });
    });

    it('refuses a duplicate code, in any letter case, with 409 and writes nothing', async () => {
      const code = unique('Dup');
      expect((await post(w.admin.auth, agencyBody({ code }))).status).toBe(201);
      const before = await snapshot();
      expectProblem(await post(w.admin.auth, agencyBody({ code: code.toUpperCase() })), 409);
      expectProblem(await post(w.admin.auth, agencyBody({ code: code.toLowerCase() })), 409);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it.each([
      ['an unknown kind', { kind: 'police' }, 'kind'],
      ['a code with a space', { code: 'BP N' }, 'code'],
      ['a one-letter code', { code: 'B' }, 'code'],
      ['a code that is too long', { code: 'X'.repeat(33) }, 'code'],
      ['an alert e-mail that is no address', { alertEmail: 'duty desk' }, 'alertEmail'],
      ['no name', { name: undefined }, 'name'],
      ['a name of spaces only', { name: '     ' }, 'name'],
      ['a name that is a number', { name: 42 }, 'name'],
      ['an unknown field', { budget: 1_000_000 }, 'budget'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_what, overrides, field) => {
      const before = await snapshot();
      const res = await post(w.admin.auth, agencyBody(overrides));
      const problem = expectProblem(res, 400);
      expect(errorFields(problem)).toContain(field);
      expect(problem.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(/\S/) }]));
      await expect(snapshot()).resolves.toEqual(before);
    });

    it.each(['commissioner', 'reviewer', 'analyst', 'officer', 'supervisor', 'decisionMaker', 'apiKey'] as const)(
      'refuses to let the %s create an agency (403)',
      async (caller) => {
        const before = await snapshot();
        expectProblem(await post(w[caller].auth, agencyBody()), 403);
        await expect(snapshot()).resolves.toEqual(before);
      },
    );

    it('pages through all agencies with limit and cursor, ending with nextCursor null', async () => {
      for (let i = 0; i < 3; i++) await createAgency(t, w.admin, 'frontline');
      const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM agencies ORDER BY id`);
      const all = rows.map((r) => r.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Response = await t
          .http()
          .get('/api/v1/agencies')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set('authorization', w.admin.auth);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((a: Agency) => a.id));
        cursor = res.body.nextCursor as string | null;
        pages += 1;
      } while (cursor !== null && pages < 100);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));

      const exact = await t
        .http()
        .get('/api/v1/agencies')
        .query({ limit: all.length })
        .set('authorization', w.admin.auth);
      expect(exact.body).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(exact.body.items).toHaveLength(all.length);
      const byDefault = await t.http().get('/api/v1/agencies').set('authorization', w.admin.auth);
      expect(byDefault.body.items).toHaveLength(Math.min(all.length, 50));
    });

    it.each([
      ['limit=0', { limit: '0' }, 'limit'],
      ['limit=201', { limit: '201' }, 'limit'],
      ['limit=ten', { limit: 'ten' }, 'limit'],
      ['a cursor this API did not issue', { cursor: 'not-a-cursor' }, 'cursor'],
      [
        'a forged cursor',
        { cursor: Buffer.from(JSON.stringify({ id: "x' OR 1=1 --" })).toString('base64url') },
        'cursor',
      ],
      ['an unknown query parameter', { sort: 'name' }, 'sort'],
    ])('refuses a list with %s (400 naming it)', async (_what, query, field) => {
      const res = await t.http().get('/api/v1/agencies').query(query).set('authorization', w.admin.auth);
      expect(errorFields(expectProblem(res, 400))).toContain(field);
    });

    it('lists to an officer only their own agency', async () => {
      const res = await t.http().get('/api/v1/agencies').set('authorization', w.officer.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [w.agencies.own], nextCursor: null });
      const mine = await t.http().get(`/api/v1/agencies/${w.agencies.own.id}`).set('authorization', w.officer.auth);
      expect(mine.status).toBe(200);
    });

    it('answers 404 when an officer asks for another agency', async () => {
      const res = await t.http().get(`/api/v1/agencies/${w.agencies.other.id}`).set('authorization', w.officer.auth);
      expectProblem(res, 404);
      const unknown = await t.http().get(`/api/v1/agencies/${randomUUID()}`).set('authorization', w.officer.auth);
      // Not readable and not there look the same.
      expect({ ...res.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
    });

    it('answers 400 naming the id for a malformed agency id', async () => {
      const res = await t.http().get('/api/v1/agencies/not-a-uuid').set('authorization', w.admin.auth);
      expect(errorFields(expectProblem(res, 400))).toEqual(['id']);
    });
  });

  describe('users', () => {
    const post = (body: object, auth = w.admin.auth) =>
      t.http().post('/api/v1/users').set('authorization', auth).send(body);

    it.each([
      ['admin', null],
      ['commissioner', 'office'],
      ['reviewer', 'office'],
      ['analyst', 'office'],
      ['agency_officer', 'own'],
      ['agency_supervisor', 'own'],
      ['decision_maker', 'authority'],
    ] as const)(
      'lets the admin create a user with role %s in the right kind of agency (201), never echoing the password',
      async (role, where) => {
        const email = `${unique(role)}@Oversight.TEST`;
        const password = `${role}-secret-passphrase`;
        const agencyId = where === null ? undefined : w.agencies[where].id;
        // Only roles that cannot read personal data take a password from the admin (SPEC §8).
        const byAdmin = role === 'admin' || role === 'analyst';
        const res = await post({ email, ...(byAdmin ? { password } : {}), role, ...(agencyId ? { agencyId } : {}) });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(UUID),
          email: email.toLowerCase(),
          // None given: the e-mail's local part.
          displayName: email.toLowerCase().split('@')[0],
          role,
          agencyId: agencyId ?? null,
          conflictAgencyIds: [],
          createdAt: expect.stringMatching(ISO_TIME),
          disabledAt: null,
        });
        expect(res.text).not.toMatch(/password|hash|argon/i);
        expect(res.text).not.toContain(password);
        if (!byAdmin) await setPasswordInProcess(t, res.body.id, password);
        const stored = await t.sql.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
        expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
        await expect(login(t, email, password)).resolves.toEqual(expect.any(String));
        await expectAudited(res, 'user.created', { type: 'user', id: res.body.id });
      },
    );

    it('creates a reviewer with the agencies they have a conflict with', async () => {
      const conflicts = [w.agencies.own.id, w.agencies.other.id];
      const res = await post({
        email: `${unique('conflicted')}@oversight.test`,
        role: 'reviewer',
        agencyId: w.agencies.office.id,
        conflictAgencyIds: conflicts,
      });
      expect(res.status).toBe(201);
      expect([...res.body.conflictAgencyIds].sort()).toEqual([...conflicts].sort());
      await expectAudited(res, 'user.created', { type: 'user', id: res.body.id });
    });

    it.each([
      ['a decision maker in a frontline agency', 'decision_maker', 'own'],
      ['a reviewer in a frontline agency', 'reviewer', 'own'],
      ['an officer in the competent authority', 'agency_officer', 'authority'],
      ['a supervisor in the commissioner’s office', 'agency_supervisor', 'office'],
      ['a commissioner without an agency', 'commissioner', null],
    ] as const)('refuses %s with 422 naming agencyId, writing nothing', async (_what, role, where) => {
      const before = await snapshot();
      const res = await post({
        email: `${unique('misplaced')}@oversight.test`,
        role,
        ...(where ? { agencyId: w.agencies[where].id } : {}),
      });
      expect(errorFields(expectProblem(res, 422))).toEqual(['agencyId']);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it('refuses an unknown agencyId with 422, writing nothing', async () => {
      const before = await snapshot();
      const res = await post({
        email: `${unique('lost')}@oversight.test`,
        role: 'agency_officer',
        agencyId: randomUUID(),
      });
      expect(errorFields(expectProblem(res, 422))).toEqual(['agencyId']);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it('refuses unknown conflictAgencyIds with 422, writing nothing', async () => {
      const before = await snapshot();
      const res = await post({
        email: `${unique('conflict')}@oversight.test`,
        role: 'reviewer',
        agencyId: w.agencies.office.id,
        conflictAgencyIds: [w.agencies.own.id, randomUUID()],
      });
      expect(errorFields(expectProblem(res, 422))).toEqual(['conflictAgencyIds']);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it('refuses an e-mail address that is taken, in any letter case, with 409, writing nothing', async () => {
      const before = await snapshot();
      const res = await post({
        email: w.officer.email.toUpperCase(),
        role: 'agency_officer',
        agencyId: w.agencies.own.id,
      });
      expectProblem(res, 409);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it.each([
      ['a short password', { password: 'short-pw-11' }, 'password'],
      ['an unknown role', { role: 'superuser' }, 'role'],
      ['a malformed agencyId', { agencyId: 'own-agency' }, 'agencyId'],
      ['a malformed conflict agency id', { conflictAgencyIds: ['nope'] }, 'conflictAgencyIds'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_what, overrides, field) => {
      const before = await snapshot();
      const res = await post({
        email: `${unique('invalid')}@oversight.test`,
        password: 'a-valid-passphrase',
        role: 'analyst',
        agencyId: w.agencies.office.id,
        ...overrides,
      });
      expect(errorFields(expectProblem(res, 400))).toContain(field);
      await expect(snapshot()).resolves.toEqual(before);
    });

    it('lists to an officer only the users of their own agency, without password hashes', async () => {
      const res = await t.http().get('/api/v1/users').query({ limit: 200 }).set('authorization', w.officer.auth);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([w.officer.id, w.supervisor.id]));
      expect(res.body.items.every((u: { agencyId: string }) => u.agencyId === w.agencies.own.id)).toBe(true);
      expect(ids).not.toContain(w.otherOfficer.id);
      expect(res.text).not.toMatch(/password|hash/i);
      expectProblem(await t.http().get(`/api/v1/users/${w.otherOfficer.id}`).set('authorization', w.officer.auth), 404);
    });
  });

  describe('API keys', () => {
    let agency: Agency;
    /** The supervisor of `agency`: only an agency's own supervisor issues its keys (SPEC §2). */
    let keeper: Session;

    beforeAll(async () => {
      agency = await createAgency(t, w.admin, 'frontline');
      keeper = await createUser(t, w.admin, 'agency_supervisor', agency.id);
    });

    const keysOf = (agencyId: string) => `/api/v1/agencies/${agencyId}/api-keys`;
    const issue = (agencyId: string, auth = keeper.auth) =>
      t.http().post(keysOf(agencyId)).set('authorization', auth).send({ name: 'case system' });

    it('lets the agency’s supervisor issue a key, shown once and never stored', async () => {
      const res = await issue(agency.id);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        agencyId: agency.id,
        name: 'case system',
        createdAt: expect.stringMatching(ISO_TIME),
        revokedAt: null,
        key: expect.stringMatching(/^ovk_/),
      });
      const key = res.body.key as string;
      // `ovk_<key id>_<secret>`; the secret itself may contain `_`.
      const secret = key.split('_').slice(2).join('_');
      expect(secret.length).toBeGreaterThanOrEqual(32);

      // No column holds the key or its secret part, in any common encoding.
      const { rows } = await t.sql.query(`SELECT * FROM api_keys WHERE id = $1`, [res.body.id]);
      expect(rows).toHaveLength(1);
      const renderings = Object.values(rows[0]).flatMap((value) =>
        Buffer.isBuffer(value)
          ? [value.toString('utf8'), value.toString('hex'), value.toString('base64'), value.toString('base64url')]
          : [String(value instanceof Date ? value.toISOString() : value)],
      );
      for (const text of renderings) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(key);
      }
      const audit = await t.sql.query<{ payload: string }>(`SELECT payload::text AS payload FROM audit_events`);
      expect(audit.rows.map((r) => r.payload).join('\n')).not.toContain(secret);
      await expectAudited(res, 'api_key.issued', { type: 'api_key', id: res.body.id }, keeper);
    });

    it('authenticates with the key as an officer of its agency', async () => {
      const issued = await issue(agency.id);
      const me = await t.http().get('/api/v1/me').set('authorization', `Bearer ${issued.body.key}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: issued.body.id,
        kind: 'api_key',
        role: 'agency_officer',
        agency: { id: agency.id, kind: 'frontline' },
      });
    });

    it('lists an agency’s keys without any secret', async () => {
      const issued = await issue(agency.id);
      const res = await t.http().get(keysOf(agency.id)).set('authorization', w.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.arrayContaining([
          {
            id: issued.body.id,
            agencyId: agency.id,
            name: 'case system',
            createdAt: issued.body.createdAt,
            revokedAt: null,
          },
        ]),
      );
      expect(res.body.every((k: { agencyId: string }) => k.agencyId === agency.id)).toBe(true);
      expect(res.text).not.toContain(issued.body.key.slice(-20));
      expect(res.text).not.toMatch(/"key"|secret|hash/i);
    });

    it('revokes a key (204), after which the key answers 401', async () => {
      const issued = await issue(agency.id);
      const auth = `Bearer ${issued.body.key}`;
      expect((await t.http().get('/api/v1/me').set('authorization', auth)).status).toBe(200);
      const res = await t
        .http()
        .delete(`${keysOf(agency.id)}/${issued.body.id}`)
        .set('authorization', w.admin.auth);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await t.http().get('/api/v1/me').set('authorization', auth), 401);
      const listed = await t.http().get(keysOf(agency.id)).set('authorization', w.admin.auth);
      expect(listed.body.find((k: { id: string }) => k.id === issued.body.id)).toMatchObject({
        revokedAt: expect.stringMatching(ISO_TIME),
      });
      await expectAudited(res, 'api_key.revoked', { type: 'api_key', id: issued.body.id });
    });

    it('answers 404 when a key is revoked through another agency’s path, and the key keeps working', async () => {
      const issued = await issue(agency.id);
      const before = await snapshot();
      const res = await t
        .http()
        .delete(`${keysOf(w.agencies.other.id)}/${issued.body.id}`)
        .set('authorization', w.admin.auth);
      expectProblem(res, 404);
      await expect(snapshot()).resolves.toEqual(before);
      expect((await t.http().get('/api/v1/me').set('authorization', `Bearer ${issued.body.key}`)).status).toBe(200);
    });

    it.each(['authority', 'office'] as const)(
      'refuses a key for the %s agency, which no supervisor can read (404), writing nothing',
      async (which) => {
        const before = await snapshot();
        expectProblem(await issue(w.agencies[which].id), 404);
        expectProblem(await issue(w.agencies[which].id, w.admin.auth), 403);
        await expect(snapshot()).resolves.toEqual(before);
      },
    );

    it('answers 404 for an agency that does not exist', async () => {
      expectProblem(await issue(randomUUID()), 404);
    });

    it('refuses all but the agency’s own supervisor: 403 where they can read the agency, 404 where not', async () => {
      const before = await snapshot();
      expectProblem(await issue(w.agencies.own.id, w.admin.auth), 403);
      expectProblem(await issue(w.agencies.own.id, w.officer.auth), 403);
      expectProblem(await issue(agency.id, w.supervisor.auth), 404);
      expectProblem(await issue(w.agencies.own.id, w.apiKey.auth), 403);
      expectProblem(await issue(w.agencies.own.id, w.commissioner.auth), 403);
      expectProblem(await issue(w.agencies.other.id, w.officer.auth), 404);
      expectProblem(await issue(w.agencies.own.id, w.decisionMaker.auth), 404);
      const ownKey = `${keysOf(w.agencies.own.id)}/${w.apiKey.keyId}`;
      expectProblem(await t.http().delete(ownKey).set('authorization', w.officer.auth), 403);
      expectProblem(await t.http().delete(ownKey).set('authorization', w.apiKey.auth), 403);
      expectProblem(await t.http().delete(ownKey).set('authorization', w.otherSupervisor.auth), 404);
      expectProblem(await t.http().delete(ownKey).set('authorization', w.otherOfficer.auth), 404);
      await expect(snapshot()).resolves.toEqual(before);
      expect((await t.http().get('/api/v1/me').set('authorization', w.apiKey.auth)).status).toBe(200);
    });
  });
});
