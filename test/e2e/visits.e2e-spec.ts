import { caseBody, openCase, SEEDED_PII } from '../factories/cases.js';
import { createPlace, type Place } from '../factories/places.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { planVisits, type RiskInputs } from '../../src/visits/domain/visit-plan.js';
import { tamper } from '../support/audit-tamper.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const SEED = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

describe('visit plans and unannounced visits (SPEC §11)', () => {
  let t: TestApp;
  let w: World;
  let ownPlace: Place;
  let otherPlace: Place;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    ownPlace = await createPlace(t, w.commissioner, w.agencies.own.id, { name: 'Own holding room' });
    otherPlace = await createPlace(t, w.commissioner, w.agencies.other.id, { name: 'Other holding room' });
    await createPlace(t, w.commissioner, w.agencies.other.id, { name: 'Closed room', active: false });
    const detention = { at: new Date(Date.now() - 2 * HOUR).toISOString(), legalBasis: 'Aliens Act s. 62' };
    for (let i = 0; i < 3; i += 1) {
      const res = await t
        .http()
        .post('/api/v1/cases')
        .set('authorization', w.officer.auth)
        .send(caseBody({ detention: { ...detention, placeId: ownPlace.id } }));
      if (res.status !== 201) throw new Error(`detention at the place: ${res.status}`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, by: Session, body: object) =>
    t.http().post(`/api/v1${path}`).set('authorization', by.auth).send(body);
  const get = (path: string, by: Session) => t.http().get(`/api/v1${path}`).set('authorization', by.auth);
  const count = async (table: string) =>
    (await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const activePlaces = async () =>
    (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM places WHERE active')).rows[0].n;

  async function adHoc(place = ownPlace): Promise<Body> {
    const res = await post('/visits', w.commissioner, { placeId: place.id, day: '2037-12-09' });
    expect(res.status).toBe(201);
    return res.body as Body;
  }

  async function act(by: Session, visit: Body, action: string, body: object = {}): Promise<Body> {
    const res = await post(`/visits/${visit.id}/${action}`, by, { expectedVersion: visit.version, ...body });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body as Body;
  }

  describe('plans', () => {
    let plan: Body;

    beforeAll(async () => {
      const res = await post('/visit-plans', w.commissioner, {
        from: '2037-12-07',
        to: '2037-12-18',
        count: 2,
        seed: SEED,
      });
      if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
      plan = res.body as Body;
    });

    it('considers every active place with its risk inputs and draws count distinct places', () => {
      expect(plan.places).toHaveLength(2);
      const own = plan.places.find((p: Body) => p.placeId === ownPlace.id);
      expect(own.inputs).toEqual({
        detainedNow: 3,
        alertsLast180Days: 0,
        daysSinceLastVisit: null,
        agencyConcernShare: 0,
      });
      expect(own.weight).toBe(1 + own.risk);
      expect(new Set(plan.visits.map((v: Body) => v.placeId))).toEqual(new Set([ownPlace.id, otherPlace.id]));
      expect(plan.seed).toBe(SEED);
    });

    it('is recomputed from the stored inputs and seed by the pure function: same places, days and digest', async () => {
      const stored = await get(`/visit-plans/${plan.id}`, w.commissioner);
      expect(stored.status).toBe(200);
      const again = planVisits({
        planId: stored.body.id,
        seed: Buffer.from(stored.body.seed as string, 'hex'),
        from: stored.body.from,
        to: stored.body.to,
        count: stored.body.count,
        places: (stored.body.places as { placeId: string; inputs: RiskInputs }[]).map((p) => ({
          id: p.placeId,
          inputs: p.inputs,
        })),
      });
      if (!again.ok) throw new Error(again.rejection.message);
      expect(again.plan.visits).toEqual(
        (stored.body.visits as Body[]).map((v) => ({ placeId: v.placeId, day: v.day })),
      );
      expect(again.plan.digest).toBe(stored.body.digest);
      const logged = await t.sql.query<{ payload: Body }>(
        `SELECT payload FROM audit_events WHERE chain_id = $1 AND action = 'visit_plan.created'`,
        [`visit-plan:${plan.id}`],
      );
      expect(logged.rows.map((r) => r.payload.digest)).toEqual([plan.digest]);
    });

    it('shows the seed to the commissioner only, and plans to the office only', async () => {
      for (const who of [w.reviewer, w.analyst]) {
        const res = await get(`/visit-plans/${plan.id}`, who);
        expect(res.status).toBe(200);
        expect(res.body).not.toHaveProperty('seed');
        expect(res.body.digest).toBe(plan.digest);
      }
      for (const who of [w.officer, w.supervisor, w.apiKey, w.decisionMaker, w.admin]) {
        expectProblem(await get(`/visit-plans/${plan.id}`, who), 404);
        expect((await get('/visit-plans', who)).body.items).toEqual([]);
      }
      const listed = await get('/visit-plans', w.analyst);
      expect(listed.body.items.map((p: Body) => p.id)).toContain(plan.id);
    });

    it('refuses bad windows, counts and seeds with a problem naming the field, writing nothing', async () => {
      const before = [await count('visit_plans'), await count('visits'), await count('audit_events')];
      const tooMany = await post('/visit-plans', w.commissioner, {
        from: '2037-12-07',
        to: '2037-12-18',
        count: (await activePlaces()) + 1,
      });
      expect(errorFields(expectProblem(tooMany, 422))).toEqual(['count']);
      const weekend = await post('/visit-plans', w.commissioner, { from: '2037-12-05', to: '2037-12-06', count: 1 });
      expect(errorFields(expectProblem(weekend, 422))).toEqual(['to']);
      const backwards = await post('/visit-plans', w.commissioner, { from: '2037-12-10', to: '2037-12-07', count: 1 });
      expect(errorFields(expectProblem(backwards, 422))).toEqual(['to']);
      const noDate = await post('/visit-plans', w.commissioner, { from: '2026-02-30', to: '2026-03-06', count: 1 });
      expect(errorFields(expectProblem(noDate, 422))).toEqual(['from']);
      const shortSeed = await post('/visit-plans', w.commissioner, {
        from: '2037-12-07',
        to: '2037-12-18',
        count: 1,
        seed: 'abcd',
      });
      expect(errorFields(expectProblem(shortSeed, 400))).toEqual(['seed']);
      const unknown = await post('/visit-plans', w.commissioner, {
        from: '2037-12-07',
        to: '2037-12-18',
        count: 1,
        x: 1,
      });
      expect(errorFields(expectProblem(unknown, 400))).toEqual(['x']);
      expectProblem(await post('/visit-plans', w.reviewer, { from: '2037-12-07', to: '2037-12-18', count: 1 }), 403);
      expect([await count('visit_plans'), await count('visits'), await count('audit_events')]).toEqual(before);
    });
  });

  describe('a visit', () => {
    it('keeps a conflicted reviewer off the team, and only the team or the commissioner starts it', async () => {
      let visit = await adHoc();
      const conflicted = await post(`/visits/${visit.id}/team`, w.commissioner, {
        expectedVersion: visit.version,
        reviewerIds: [w.conflictedReviewer.id],
      });
      expect(errorFields(expectProblem(conflicted, 422))).toEqual(['reviewerIds']);
      const notReviewer = await post(`/visits/${visit.id}/team`, w.commissioner, {
        expectedVersion: visit.version,
        reviewerIds: [w.analyst.id],
      });
      expect(errorFields(expectProblem(notReviewer, 422))).toEqual(['reviewerIds']);
      expectProblem(await post(`/visits/${visit.id}/start`, w.reviewer, { expectedVersion: visit.version }), 403);
      visit = await act(w.commissioner, visit, 'team', { reviewerIds: [w.reviewer.id] });
      expect(visit.team).toEqual([w.reviewer.id]);
      expect((await get(`/visits/${visit.id}`, w.reviewer)).body.allowedActions).toEqual(['start']);
      const stale = await post(`/visits/${visit.id}/start`, w.reviewer, { expectedVersion: visit.version - 1 });
      expect(expectProblem(stale, 409).currentVersion).toBe(visit.version);
      visit = await act(w.reviewer, visit, 'start');
      expect(visit.state).toBe('in_progress');
      expect(visit.startedAt).not.toBeNull();
    });

    it('records findings only about cases at the place or of its agency, then freezes them at report', async () => {
      let visit = await adHoc();
      visit = await act(w.commissioner, visit, 'start');
      const foreign = await openCase(t, w.otherOfficer);
      const refused = await post(`/visits/${visit.id}/findings`, w.commissioner, {
        expectedVersion: visit.version,
        text: 'Cell 3 overcrowded',
        severity: 'serious',
        caseIds: [foreign.id],
      });
      expect(errorFields(expectProblem(refused, 422))).toEqual(['caseIds']);
      const own = await openCase(t, w.officer);
      visit = await act(w.commissioner, visit, 'findings', {
        text: 'Cell 3 overcrowded',
        severity: 'serious',
        caseIds: [own.id],
      });
      expect(visit.findings).toEqual([expect.objectContaining({ severity: 'serious', caseIds: [own.id] })]);
      visit = await act(w.commissioner, visit, 'report', { summary: 'Overcrowding; interpreters missing.' });
      expect(visit.state).toBe('reported');
      expect(visit.allowedActions).toEqual([]);
      const late = await post(`/visits/${visit.id}/findings`, w.commissioner, {
        expectedVersion: visit.version,
        text: 'Forgot one',
        severity: 'info',
      });
      expectProblem(late, 409);
      // The database itself refuses, whoever asks: the findings of a reported visit are frozen.
      await expect(
        t.sql.query(`UPDATE visit_findings SET text = 'rewritten' WHERE visit_id = $1`, [visit.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.sql.query(
          `INSERT INTO visit_findings (id, visit_id, text, severity, recorded_by, recorded_at)
           VALUES (gen_random_uuid(), $1, 'late', 'info', $2, now())`,
          [visit.id, w.commissioner.id],
        ),
      ).rejects.toThrow(/in progress/);
      await expect(t.sql.query(`DELETE FROM visit_findings WHERE visit_id = $1`, [visit.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('is cancelled before it starts, and then cannot start', async () => {
      let visit = await adHoc();
      visit = await act(w.commissioner, visit, 'cancel', { reason: 'Place closed for renovation' });
      expect(visit.state).toBe('cancelled');
      expectProblem(await post(`/visits/${visit.id}/start`, w.commissioner, { expectedVersion: visit.version }), 409);
    });

    it('refuses an ad-hoc visit at an unknown place or on a day that is no date', async () => {
      const before = await count('visits');
      const unknown = await post('/visits', w.commissioner, {
        placeId: '00000000-0000-4000-8000-000000000000',
        day: '2037-12-09',
      });
      expect(errorFields(expectProblem(unknown, 422))).toEqual(['placeId']);
      const badDay = await post('/visits', w.commissioner, { placeId: ownPlace.id, day: '2026-02-30' });
      expect(errorFields(expectProblem(badDay, 422))).toEqual(['day']);
      expect(await count('visits')).toBe(before);
    });
  });

  describe('unannounced', () => {
    /** Everything about visits an agency caller can read: lists, single reads, plans. */
    async function agencyView(who: Session, visitId: string, planId: string) {
      const list = await get('/visits?limit=200', who);
      const filtered = await get(`/visits?limit=200&placeId=${ownPlace.id}`, who);
      const one = await get(`/visits/${visitId}`, who);
      const plans = await get('/visit-plans', who);
      const plan = await get(`/visit-plans/${planId}`, who);
      return {
        listed: (list.body.items as Body[]).some((v) => v.id === visitId),
        filtered: (filtered.body.items as Body[]).some((v) => v.id === visitId),
        one: one.status,
        body: one.body as Body,
        plans: plans.body.items as Body[],
        plan: plan.status,
      };
    }

    it('hides a visit from the agency until it starts, then shows place, day, state and times — never the team', async () => {
      const planned = await post('/visit-plans', w.commissioner, { from: '2037-12-07', to: '2037-12-11', count: 2 });
      expect(planned.status).toBe(201);
      let visit = (planned.body.visits as Body[]).find((v) => v.placeId === ownPlace.id)!;
      visit = await act(w.commissioner, visit, 'team', { reviewerIds: [w.reviewer.id] });

      for (const who of [w.supervisor, w.officer, w.apiKey]) {
        const before = await agencyView(who, visit.id as string, planned.body.id as string);
        expect(before).toMatchObject({ listed: false, filtered: false, one: 404, plans: [], plan: 404 });
      }
      expectProblem(await post(`/visits/${visit.id}/start`, w.supervisor, { expectedVersion: visit.version }), 404);

      visit = await act(w.reviewer, visit, 'start');
      for (const who of [w.supervisor, w.officer, w.apiKey]) {
        const after = await agencyView(who, visit.id as string, planned.body.id as string);
        expect(after).toMatchObject({ listed: true, filtered: true, one: 200, plans: [], plan: 404 });
        expect(Object.keys(after.body).sort()).toEqual(
          [
            'id',
            'placeId',
            'agencyId',
            'day',
            'state',
            'version',
            'startedAt',
            'reportedAt',
            'cancelledAt',
            'allowedActions',
          ].sort(),
        );
        expect(after.body.allowedActions).toEqual([]);
      }
      // The other agency and the competent authority never see it.
      expectProblem(await get(`/visits/${visit.id}`, w.otherSupervisor), 404);
      expectProblem(await get(`/visits/${visit.id}`, w.decisionMaker), 404);

      visit = await act(w.reviewer, visit, 'findings', { text: 'No interpreter on site', severity: 'concern' });
      expect((await get(`/visits/${visit.id}`, w.supervisor)).body).not.toHaveProperty('findings');
      visit = await act(w.reviewer, visit, 'report', { summary: 'Interpreters needed.' });
      const reported = await get(`/visits/${visit.id}`, w.supervisor);
      expect(reported.body.findings).toEqual([expect.objectContaining({ text: 'No interpreter on site' })]);
      expect(reported.body.summary).toBe('Interpreters needed.');
      expect(reported.body).not.toHaveProperty('team');
    });
  });

  describe('the detention roll', () => {
    it('lists everyone detained at the place to the team and the commissioner while in progress', async () => {
      let visit = await adHoc();
      expectProblem(await get(`/visits/${visit.id}/roll`, w.commissioner), 409);
      visit = await act(w.commissioner, visit, 'team', { reviewerIds: [w.reviewer.id] });
      visit = await act(w.reviewer, visit, 'start');
      const events = async () =>
        (await t.sql.query(`SELECT 1 FROM audit_events WHERE action = 'visit.roll_pii_read'`)).rowCount ?? 0;
      const before = await events();

      const roll = await get(`/visits/${visit.id}/roll`, w.reviewer);
      expect(roll.status).toBe(200);
      expect(roll.body.detained).toHaveLength(3);
      expect(roll.body.detained[0]).toEqual({
        caseId: expect.any(String),
        externalRef: expect.any(String),
        state: 'screening',
        detainedSince: expect.any(String),
        hoursDetained: 2,
        openAlerts: 0,
        legalBasis: 'Aliens Act s. 62',
      });
      expect(roll.text).not.toContain(SEEDED_PII.name);
      expect(await events()).toBe(before);

      const withPii = await get(`/visits/${visit.id}/roll?include=pii`, w.reviewer);
      expect(withPii.status).toBe(200);
      expect(withPii.body.detained.map((d: Body) => d.subject.name)).toEqual([
        SEEDED_PII.name,
        SEEDED_PII.name,
        SEEDED_PII.name,
      ]);
      const audited = await t.sql.query<{ chain_id: string; payload: Body }>(
        `SELECT chain_id, payload FROM audit_events WHERE action = 'visit.roll_pii_read' ORDER BY recorded_at DESC LIMIT 1`,
      );
      expect(audited.rows[0].chain_id).toBe(`pii-reads:${w.reviewer.id}`);
      expect(audited.rows[0].payload).toEqual({
        visitId: visit.id,
        placeId: ownPlace.id,
        caseIds: withPii.body.detained.map((d: Body) => d.caseId),
      });
      expect(await events()).toBe(before + 1);

      expect((await get(`/visits/${visit.id}/roll`, w.commissioner)).status).toBe(200);
      for (const who of [w.conflictedReviewer, w.analyst, w.supervisor]) {
        expectProblem(await get(`/visits/${visit.id}/roll`, who), 403);
      }
      expectProblem(await get(`/visits/${visit.id}/roll`, w.otherSupervisor), 404);
      expect(errorFields(expectProblem(await get(`/visits/${visit.id}/roll?include=all`, w.reviewer), 400))).toEqual([
        'include',
      ]);
    });
  });

  it('takes the risk inputs as they are when the plan is made: alerts at the place and days since its last visit', async () => {
    const overdue = await t
      .http()
      .post('/api/v1/cases')
      .set('authorization', w.officer.auth)
      .send(
        caseBody({
          detention: { at: new Date(Date.now() - 49 * HOUR).toISOString(), placeId: ownPlace.id, legalBasis: 'x' },
        }),
      );
    expect(overdue.status).toBe(201);
    const scan = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth);
    expect(scan.status).toBe(200);
    const plan = await post('/visit-plans', w.commissioner, { from: '2037-12-07', to: '2037-12-11', count: 1 });
    expect(plan.status).toBe(201);
    const inputs = (plan.body.places as Body[]).find((p) => p.placeId === ownPlace.id)!.inputs as RiskInputs;
    // Visits started there earlier in this file; four detained now, one of them overdue for screening.
    expect(inputs).toMatchObject({ detainedNow: 4, alertsLast180Days: 1, daysSinceLastVisit: 0 });
    const other = (plan.body.places as Body[]).find((p) => p.placeId === otherPlace.id)!.inputs as RiskInputs;
    expect(other).toMatchObject({ detainedNow: 0, alertsLast180Days: 0, daysSinceLastVisit: null });
  });

  it('verifies the plans’ and visits’ audit chains, and finds a plan’s digest changed after the fact', async () => {
    const ok = await get('/audit/verify', w.commissioner);
    expect(ok.body).toMatchObject({ ok: true });
    const plan = await post('/visit-plans', w.commissioner, { from: '2037-12-07', to: '2037-12-11', count: 1 });
    const chainId = `visit-plan:${plan.body.id}`;
    await tamper(t.sql, async (c) => {
      const { rowCount } = await c.query(
        `UPDATE audit_events SET payload = replace(payload::text, $2, $3)::json WHERE chain_id = $1`,
        [chainId, plan.body.digest, '0'.repeat(64)],
      );
      expect(rowCount).toBe(1);
    });
    const broken = await get('/audit/verify', w.commissioner);
    expect(broken.body).toMatchObject({ ok: false, chainId });
  });
});
