import { createAgency, type Agency } from '../factories/agencies.js';
import { decided, openCase, SEEDED_PII } from '../factories/cases.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { parseCsv } from '../support/csv.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Hand-built history of the own agency, with every time chosen so each
 * figure of its report is known in advance (T0 = 200 days ago; the period
 * is [T0 − 1 day, now + 1 hour)):
 *
 * | case | encounter | history                                                        | state now         |
 * |------|-----------|----------------------------------------------------------------|-------------------|
 * | A    | T0        | refer +2d, RG positive +5d, CG positive +40d                   | identified_victim |
 * | B    | T0        | refer +4d, RG positive +8d, CG negative +50d                   | cg_negative       |
 * | C    | T0        | refer +6d, RG negative +20d, request_reconsideration +25d      | reconsideration   |
 * | D    | T0        | decline_referral +1d, close (released) +3d                     | closed            |
 * | E    | T0 + 100d | detained since +100d 1h (open)                                 | screening         |
 * | F    | now − 10d | detained now − 9d, released now − 8d, detained again now − 7d | screening         |
 * | G    | from − 10d| refer from − 5d (before the period), RG positive T0 + 10d     | recovery_period   |
 *
 * G was encountered before the period: it counts in no state, its referral
 * counts nowhere, but its RG decision ends a referral→RG step in the period.
 */
describe('agency oversight report', () => {
  let t: TestApp;
  let w: World;
  let decisionMaker: Session;
  let formulaAgency: Agency;
  const now0 = Date.now();
  const T0 = now0 - 200 * DAY;
  const from = iso(T0 - DAY);
  const to = iso(now0 + HOUR);
  const eDetainedAt = T0 + 100 * DAY + HOUR;
  const freeText: string[] = [];

  const report = (by: Session, query = `from=${from}&to=${to}`) =>
    t.http().get(`/api/v1/reports/agencies?${query}`).set('authorization', by.auth);

  beforeAll(async () => {
    t = await startTestApp({
      workers: true,
      // Scans and sampling run when the test asks, never on a tick.
      env: { OVERDUE_SCAN_CRON: '0 0 1 1 *', SAMPLING_CRON: '0 0 1 1 *' },
    });
    w = await createWorld(t);
    decisionMaker = w.decisionMaker;
    formulaAgency = await createAgency(t, w.admin, 'frontline', {
      name: '=HYPERLINK("http://evil.test","Agency, Inc.")',
    });

    const officer = w.officer;
    const reason = (what: string) => {
      const text = `Recorded for the report test: ${what}`;
      freeText.push(text);
      return text;
    };
    const open = async (encounterAt: number, extra: Record<string, unknown> = {}) => {
      const c = await openCase(t, officer, {
        encounter: { at: iso(encounterAt), location: 'Report test crossing 7', kind: 'border_entry' },
        ...extra,
      });
      return { id: c.id, version: c.version };
    };
    const step = async (by: Session, c: { id: string; version: number }, body: Record<string, unknown>) => {
      c.version = await decided(t, by, c.id, { expectedVersion: c.version, ...body });
    };
    const refer = (c: { id: string; version: number }, at: number) =>
      step(officer, c, { type: 'refer', reason: reason('referral'), occurredAt: iso(at) });
    const rg = (c: { id: string; version: number }, at: number, outcome: string) =>
      step(decisionMaker, c, { type: 'reasonable_grounds', outcome, reason: reason('RG'), occurredAt: iso(at) });
    const cg = (c: { id: string; version: number }, at: number, outcome: string) =>
      step(decisionMaker, c, { type: 'conclusive_grounds', outcome, reason: reason('CG'), occurredAt: iso(at) });

    const a = await open(T0);
    await refer(a, T0 + 2 * DAY);
    await rg(a, T0 + 5 * DAY, 'positive');
    await cg(a, T0 + 40 * DAY, 'positive');

    const b = await open(T0);
    await refer(b, T0 + 4 * DAY);
    await rg(b, T0 + 8 * DAY, 'positive');
    await cg(b, T0 + 50 * DAY, 'negative');

    const c = await open(T0);
    await refer(c, T0 + 6 * DAY);
    await rg(c, T0 + 20 * DAY, 'negative');
    await step(officer, c, {
      type: 'request_reconsideration',
      reason: reason('reconsideration'),
      occurredAt: iso(T0 + 25 * DAY),
    });

    const d = await open(T0);
    await step(officer, d, {
      type: 'decline_referral',
      reason: reason('no indicators of exploitation after a full interview'),
      indicatorsConsidered: ['deception', 'debt_bondage'],
      occurredAt: iso(T0 + DAY),
    });
    await step(officer, d, {
      type: 'close',
      outcome: 'released',
      reason: reason('close'),
      occurredAt: iso(T0 + 3 * DAY),
    });

    await open(T0 + 100 * DAY, {
      detention: { at: iso(eDetainedAt), facility: 'Report test holding 1', legalBasis: 'Aliens Act s. 62' },
    });

    const f = await open(now0 - 10 * DAY, {
      detention: { at: iso(now0 - 9 * DAY), facility: 'Report test holding 2', legalBasis: 'Aliens Act s. 62' },
    });
    await step(officer, f, { type: 'release', at: iso(now0 - 8 * DAY), reason: reason('release') });
    await step(officer, f, {
      type: 'detain',
      at: iso(now0 - 7 * DAY),
      facility: 'Report test holding 3',
      legalBasis: 'Aliens Act s. 62',
    });

    const g = await open(T0 - 11 * DAY);
    await refer(g, T0 - 6 * DAY);
    await rg(g, T0 + 10 * DAY, 'positive');

    // The other agency: one detained person, so its figures are not zero and must not leak into the own agency's,
    // and one declined case that it will remove while its decision is under a review it cannot see yet.
    await openCase(t, w.otherOfficer, {
      encounter: { at: iso(now0 - 5 * DAY), location: 'Elsewhere', kind: 'inland' },
      detention: { at: iso(now0 - 4 * DAY), facility: 'Other holding', legalBasis: 'Aliens Act s. 62' },
    });
    const removed = await openCase(t, w.otherOfficer, {
      encounter: { at: iso(now0 - 3 * DAY), location: 'Elsewhere', kind: 'inland' },
    });
    const removedVersion = await decided(t, w.otherOfficer, removed.id, {
      type: 'decline_referral',
      expectedVersion: removed.version,
      reason: reason('no indicators of exploitation after a full interview'),
      indicatorsConsidered: ['deception', 'debt_bondage'],
      occurredAt: iso(now0 - 2 * DAY),
    });

    // Alerts: E (screening, detained 100 days) and F (screening, 7 days) are overdue; E is also past the limit.
    await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth).expect(200);

    // Reviews: sample every decision of the period, then conclude five of the own agency's and one of the other's.
    const run = await t
      .http()
      .post('/api/v1/sampling-runs')
      .set('authorization', w.commissioner.auth)
      .send({ from, to: iso(Date.now()), rate: 1, negativeRate: 1, minPerStratum: 1 })
      .expect(201);
    await waitUntil('the sampling run', async () => {
      const res = await t.http().get(`/api/v1/sampling-runs/${run.body.id}`).set('authorization', w.commissioner.auth);
      if (res.body.status === 'failed') throw new Error(`sampling run failed: ${JSON.stringify(res.body)}`);
      return res.body.status === 'completed';
    });
    await t
      .http()
      .post('/api/v1/reviews/auto-assign')
      .set('authorization', w.commissioner.auth)
      .send({ runId: run.body.id })
      .expect(200);
    const reviewsOf = async (agencyId: string): Promise<{ id: string }[]> => {
      const res = await t
        .http()
        .get(`/api/v1/reviews?runId=${run.body.id}&agencyId=${agencyId}&limit=200`)
        .set('authorization', w.commissioner.auth);
      return res.body.items;
    };
    const conclude = async (id: string, finding: string) => {
      await t
        .http()
        .post(`/api/v1/reviews/${id}/conclude`)
        .set('authorization', w.commissioner.auth)
        .send({ finding, rationale: reason(`review finding ${finding} with enough words`) })
        .expect(200);
    };
    // Every decision the own agency made that sampling draws from: 3 refer, 1 decline, 1 close, 3 detain (its cases'
    // 4 RG and 2 CG decisions are the competent authority's, and so are their reviews).
    const own = await reviewsOf(w.agencies.own.id);
    if (own.length !== 8) throw new Error(`expected 8 reviews of the own agency, got ${own.length}`);
    const authority = await reviewsOf(w.agencies.authority.id);
    if (authority.length !== 6) throw new Error(`expected 6 reviews of the authority, got ${authority.length}`);
    for (const [i, finding] of ['concur', 'concur', 'concur', 'concern', 'disagree'].entries()) {
      await conclude(own[i].id, finding);
    }
    const other = (await reviewsOf(w.agencies.other.id)) as { id: string; decisionType: string }[];
    await conclude(other.find((r) => r.decisionType === 'detain')!.id, 'disagree');
    // The decline_referral review is not concluded: the removal raises a commissioner-only alert.
    await decided(t, w.otherOfficer, removed.id, {
      type: 'close',
      expectedVersion: removedVersion,
      outcome: 'removed',
      riskAssessmentRef: 'RA-2026-001',
      reason: reason('removal'),
    });
  });
  afterAll(async () => t?.close());

  it('gives every figure of an agency, computed from its cases, decisions, detentions, alerts and reviews', async () => {
    const res = await report(w.commissioner);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ from, to });
    const generatedAt = Date.parse(res.body.generatedAt);
    expect(generatedAt).toBeGreaterThanOrEqual(now0);

    const own = res.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.own.id);
    expect(own).toEqual({
      agency: {
        id: w.agencies.own.id,
        code: w.agencies.own.code,
        name: w.agencies.own.name,
        kind: 'frontline',
      },
      casesOwnedByState: {
        screening: 2,
        referred: 0,
        not_referred: 0,
        recovery_period: 0,
        rg_negative: 0,
        identified_victim: 1,
        cg_negative: 1,
        reconsideration: 1,
        closed: 1,
      },
      decisionsMadeByType: {
        refer: 3,
        decline_referral: 1,
        reasonable_grounds: 0,
        conclusive_grounds: 0,
        request_reconsideration: 1,
        reconsider: 0,
        close: 1,
        detain: 3,
        release: 1,
      },
      durations: {
        screeningToReferral: { medianDays: 4, n: 3 },
        referralToReasonableGrounds: { medianDays: 9, n: 4 },
        reasonableGroundsToConclusiveGrounds: { medianDays: 38.5, n: 2 },
      },
      detention: { detainedNow: 2, longestCurrentDays: round2((generatedAt - eDetainedAt) / DAY) },
      alertsByRule: {
        screening_overdue: 2,
        rg_decision_overdue: 0,
        victim_detained: 0,
        visit_overdue: 0,
        visit_report_overdue: 0,
        recommendation_response_overdue: 0,
        recommendation_target_missed: 0,
        complaint_triage_overdue: 0,
        detention_limit_exceeded: 1,
        review_response_overdue: 0,
        removal_during_review: 0,
      },
      reviews: {
        concluded: 5,
        concern: 1,
        disagree: 1,
        // Wilson 95% for 2 of 5.
        concernOrDisagree: { share: 0.4, lower: 0.118, upper: 0.769 },
      },
      // test/e2e/reports-recommendations.e2e-spec.ts builds a history of recommendations and checks these.
      recommendations: {
        issuedInPeriod: 0,
        byState: {
          issued: 0,
          accepted: 0,
          partially_accepted: 0,
          rejected: 0,
          implementation_claimed: 0,
          implemented: 0,
          withdrawn: 0,
        },
        open: 0,
        overdue: 0,
        daysToRespond: { medianDays: null, n: 0 },
        repeats: 0,
      },
    });

    const other = res.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.other.id);
    expect(other.detention.detainedNow).toBe(1);
    expect(other.alertsByRule).toMatchObject({ screening_overdue: 1, removal_during_review: 1 });
    expect(other.decisionsMadeByType).toMatchObject({ detain: 1, decline_referral: 1, close: 1 });
    expect(other.reviews).toEqual({
      concluded: 1,
      concern: 0,
      disagree: 1,
      concernOrDisagree: { share: 1, lower: 0.207, upper: 1 },
    });

    // The authority owns no case but made every RG and CG decision on the own agency's cases.
    const quiet = res.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.authority.id);
    expect(Object.values(quiet.casesOwnedByState).every((n) => n === 0)).toBe(true);
    expect(quiet.decisionsMadeByType).toMatchObject({ refer: 0, reasonable_grounds: 4, conclusive_grounds: 2 });
    expect(quiet.durations.screeningToReferral).toEqual({ medianDays: null, n: 0 });
    expect(quiet.detention).toEqual({ detainedNow: 0, longestCurrentDays: null });
    expect(quiet.reviews).toEqual({ concluded: 0, concern: 0, disagree: 0, concernOrDisagree: null });
  });

  it('lists every agency to the commissioner, ordered by code', async () => {
    const res = await report(w.commissioner);
    const codes = res.body.agencies.map((a: { agency: { code: string } }) => a.agency.code);
    expect(codes).toHaveLength(5);
    expect(codes).toEqual([...codes].sort((x: string, y: string) => x.toLowerCase().localeCompare(y.toLowerCase())));
    expect(new Set(res.body.agencies.map((a: { agency: { id: string } }) => a.agency.id))).toEqual(
      new Set([...Object.values(w.agencies).map((a) => a.id), formulaAgency.id]),
    );
  });

  it('counts only what falls in the period: a period before everything is all zeros but the detentions now', async () => {
    const res = await report(w.commissioner, `from=${iso(T0 - 400 * DAY)}&to=${iso(T0 - 300 * DAY)}`);
    const own = res.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.own.id);
    expect(Object.values(own.casesOwnedByState).every((n) => n === 0)).toBe(true);
    expect(Object.values(own.decisionsMadeByType).every((n) => n === 0)).toBe(true);
    expect(Object.values(own.alertsByRule).every((n) => n === 0)).toBe(true);
    expect(own.reviews.concluded).toBe(0);
    expect(own.detention.detainedNow).toBe(2);
  });

  it('writes the same figures as CSV, one row per agency, with formula-like names neutralised', async () => {
    const json = await report(w.commissioner);
    const res = await report(w.commissioner).set('accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="agency-report\.csv"$/);
    expect(res.headers.vary).toMatch(/accept/i);
    expect(res.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(res.text);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const byId = new Map(
      rows.map((r) => [r[header.indexOf('agency_id')], Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
    );

    const own = byId.get(w.agencies.own.id)!;
    const ownJson = json.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.own.id);
    expect(own).toMatchObject({
      period_from: from,
      period_to: to,
      agency_code: w.agencies.own.code,
      agency_kind: 'frontline',
      cases_owned_screening: '2',
      cases_owned_identified_victim: '1',
      cases_owned_recovery_period: '0',
      decisions_made_reasonable_grounds: '0',
      decisions_made_detain: '3',
      decisions_made_release: '1',
      median_days_screening_to_referral: '4',
      n_screening_to_referral: '3',
      median_days_referral_to_rg: '9',
      n_referral_to_rg: '4',
      median_days_rg_to_cg: '38.5',
      n_rg_to_cg: '2',
      detained_now: '2',
      alerts_screening_overdue: '2',
      alerts_detention_limit_exceeded: '1',
      alerts_removal_during_review: '0',
      reviews_concluded: '5',
      reviews_concern: '1',
      reviews_disagree: '1',
      concern_or_disagree_share: '0.4',
      concern_or_disagree_ci95_lower: '0.118',
      concern_or_disagree_ci95_upper: '0.769',
    });
    // Both forms come from separate requests a moment apart; only the detention length moves.
    expect(Number(own.longest_current_detention_days)).toBeCloseTo(ownJson.detention.longestCurrentDays, 1);

    const authority = byId.get(w.agencies.authority.id)!;
    expect(authority).toMatchObject({ median_days_screening_to_referral: '', longest_current_detention_days: '' });

    expect(byId.get(formulaAgency.id)!.agency_name).toBe(`'=HYPERLINK("http://evil.test","Agency, Inc.")`);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.test"",""Agency, Inc."")"`);
  });

  it('shows agency officers and supervisors their own agency only, with the same figures', async () => {
    const commissioner = await report(w.commissioner);
    const ownForCommissioner = commissioner.body.agencies.find(
      (a: { agency: { id: string } }) => a.agency.id === w.agencies.own.id,
    );
    for (const session of [w.officer, w.supervisor, w.apiKey]) {
      const res = await report(session);
      expect(res.status).toBe(200);
      expect(res.body.agencies).toHaveLength(1);
      const own = res.body.agencies[0];
      expect(own.agency.id).toBe(w.agencies.own.id);
      expect({ ...own, detention: null }).toEqual({ ...ownForCommissioner, detention: null });
    }
    const other = await report(w.otherOfficer);
    expect(other.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([w.agencies.other.id]);
    // The agency never learns of the review it could not see yet, not even as a count.
    expect(other.body.agencies[0].alertsByRule).toMatchObject({ screening_overdue: 1, removal_during_review: 0 });
  });

  it('shows a decision maker their own agency only', async () => {
    const res = await report(decisionMaker);
    expect(res.status).toBe(200);
    expect(res.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([w.agencies.authority.id]);
  });

  it('shows reviewers and analysts every agency, and the analyst no personal data or free text', async () => {
    const reviewer = await report(w.reviewer);
    expect(reviewer.body.agencies).toHaveLength(5);
    const analyst = await report(w.analyst);
    expect(analyst.status).toBe(200);
    expect(analyst.body.agencies).toHaveLength(5);
    for (const text of [JSON.stringify(analyst.body), (await report(w.analyst).set('accept', 'text/csv')).text]) {
      for (const value of [...Object.values(SEEDED_PII), 'KH-F-1998-', 'BP-', 'Report test', ...freeText]) {
        expect(text).not.toContain(value);
      }
    }
  });

  it('refuses the report to administrators (separation of duties)', async () => {
    expectProblem(await report(w.admin), 403);
  });

  it('needs a period that ends after it starts', async () => {
    const backwards = expectProblem(await report(w.commissioner, `from=${to}&to=${from}`), 422);
    expect(backwards.errors).toEqual([{ field: 'to', message: 'must be after from' }]);
    expectProblem(await report(w.commissioner, `from=${from}&to=${from}`), 422);
    expectProblem(await report(w.commissioner, `from=${from}&to=${to}&agencyId=x`), 400);
  });

  describe('its period', () => {
    /** The figures that do not move with the clock (detention lengths do). */
    const figures = (body: { agencies: Record<string, unknown>[] }) =>
      body.agencies.map(({ agency, casesByState, decisionsByType, durations, alertsByRule, reviews }) => ({
        agency,
        casesByState,
        decisionsByType,
        durations,
        alertsByRule,
        reviews,
      }));
    /** The same instant a year away; 29 February becomes the 28th. */
    const yearAway = (at: string, years: number) => {
      const d = new Date(at);
      const month = d.getUTCMonth();
      d.setUTCFullYear(d.getUTCFullYear() + years);
      if (d.getUTCMonth() !== month) d.setUTCDate(0);
      return d.toISOString();
    };
    const yearBefore = (at: string) => yearAway(at, -1);
    const yearAfter = (at: string) => yearAway(at, 1);
    const day = (at: number) => new Date(at).toISOString().slice(0, 10);

    it('is the 12 months up to now without from and to, and says it was defaulted', async () => {
      const res = await report(w.commissioner, '');
      expect(res.status).toBe(200);
      const { period, generatedAt } = res.body;
      expect(period).toEqual({ from: yearBefore(generatedAt), to: generatedAt, defaulted: true });
      expect(res.body).toMatchObject({ from: period.from, to: period.to });
      const explicit = await report(w.commissioner, `from=${period.from}&to=${period.to}`);
      expect(explicit.body.period).toEqual({ ...period, defaulted: false });
      expect(figures(res.body)).toEqual(figures(explicit.body));
      // The default period holds this test's data: the figures are not all zeros.
      const own = res.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === w.agencies.own.id);
      expect(own.decisionsMadeByType.refer).toBeGreaterThan(0);
    });

    it('runs 12 months from `from` alone, or up to `to` alone', async () => {
      const fromOnly = await report(w.commissioner, `from=${from}`);
      expect(fromOnly.status).toBe(200);
      expect(fromOnly.body.period).toEqual({ from, to: yearAfter(from), defaulted: true });
      const toOnly = await report(w.commissioner, `to=${to}`);
      expect(toOnly.status).toBe(200);
      expect(toOnly.body.period).toEqual({ from: yearBefore(to), to, defaulted: true });
    });

    it('reads a date without a time as 00:00 UTC', async () => {
      const [start, end] = [day(T0 - DAY), day(now0 + DAY)];
      const res = await report(w.commissioner, `from=${start}&to=${end}`);
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ from: `${start}T00:00:00.000Z`, to: `${end}T00:00:00.000Z`, defaulted: false });
      const timestamps = await report(w.commissioner, `from=${start}T00:00:00Z&to=${end}T00:00:00%2B00:00`);
      expect(figures(res.body)).toEqual(figures(timestamps.body));
      const csv = await report(w.commissioner, `from=${start}&to=${end}`).set('accept', 'text/csv');
      expect(csv.text).toContain(`${start}T00:00:00.000Z`);
    });

    it.each([
      ['from', 'from=yesterday'],
      ['from', 'from='],
      ['from', 'from=2026-09'],
      ['from', 'from=2026-09-01T10:00:00'],
      ['from', 'from=1788220800'],
      ['to', `from=2026-09-01&to=2026-13-01`],
      ['to', `to=2026-02-29`],
      ['to', `to=2026-09-01T25:00:00Z`],
    ])('answers a malformed %s (%s) with 400 naming it and the forms it takes', async (field, query) => {
      const problem = expectProblem(await report(w.commissioner, query), 400);
      expect(problem.errors).toEqual([
        { field, message: expect.stringMatching(/^\w+ must be a date \(YYYY-MM-DD.*RFC 3339 timestamp/) },
      ]);
      expect(problem.errors![0].message.startsWith(field)).toBe(true);
    });

    it('is described so in the OpenAPI document: optional, defaulted, both forms', async () => {
      const doc = await t.http().get('/docs/openapi.json');
      const params = doc.body.paths['/api/v1/reports/agencies'].get.parameters as {
        name: string;
        required: boolean;
        description: string;
      }[];
      for (const name of ['from', 'to']) {
        const param = params.find((p) => p.name === name)!;
        expect(param.required).toBe(false);
        expect(param.description).toMatch(/12 months/);
        expect(param.description).toMatch(/YYYY-MM-DD/);
      }
    });
  });

  it('needs authentication', async () => {
    expectProblem(await t.http().get(`/api/v1/reports/agencies?from=${from}&to=${to}`), 401);
  });
});
