import { XMLValidator } from 'fast-xml-parser';
import { decided, openCase } from '../factories/cases.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Point {
  agencyId?: string;
  code?: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  band: string;
}

/**
 * A hand-built history whose every count is known (T0 = 100 days ago; the period is [T0 − 1 day, now + 1 hour)):
 *
 * | case | agency | encounter  | decisions (days after T0)                                       |
 * |------|--------|------------|-----------------------------------------------------------------|
 * | a1   | own    | T0         | refer +1, RG positive +3, CG negative +40 (after the recovery period) |
 * | a2   | own    | T0         | refer +2, RG negative +4, request_reconsideration +5, reconsider overturned +6 |
 * | a3   | own    | T0, detained | decline_referral +1                                          |
 * | a4   | own    | T0 − 10    | refer −5 (before the period)                                    |
 * | b1   | other  | T0         | decline_referral +1                                             |
 * | b2   | other  | T0         | decline_referral +1                                             |
 * | b3   | other  | T0, detained | refer +1, RG positive +2                                      |
 * | b4   | other  | T0         | refer +1, RG negative +3, request_reconsideration +4, reconsider upheld +5 |
 * | b5   | other  | T0         | refer +1, RG positive +2                                        |
 *
 * Then every decision of the period is sampled, and three reviews are concluded: two of the own agency's
 * (concur, concern) and one of the competent authority's (disagree).
 */
describe('consistency report (SPEC §14)', () => {
  let t: TestApp;
  let w: World;
  const T0 = Date.now() - 100 * DAY;
  const period = `from=${iso(T0 - DAY)}&to=${iso(Date.now() + 3_600_000)}`;

  const get = (by: Session, query: string, accept = 'application/json') =>
    t.http().get(`/api/v1/reports/consistency?${query}`).set('authorization', by.auth).set('accept', accept);
  /** Supertest buffers only text and JSON; an SVG answer is read as raw bytes. */
  const getSvg = async (by: Session, query: string): Promise<{ contentType: string; svg: string }> => {
    const res = await get(by, query, 'image/svg+xml').responseType('blob').expect(200);
    return { contentType: res.headers['content-type'], svg: (res.body as Buffer).toString('utf8') };
  };
  const pointsOf = async (by: Session, query: string): Promise<Point[]> => {
    const res = await get(by, `${query}&${period}`).expect(200);
    return res.body.agencies as Point[];
  };
  const countsOf = (points: Point[]) =>
    Object.fromEntries(points.map((p) => [p.code, [p.numerator, p.denominator, p.band === 'no_data']]));

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const open = async (by: Session, encounterAt: number, extra: Record<string, unknown> = {}) => {
      const c = await openCase(t, by, {
        encounter: { at: iso(encounterAt), location: 'Consistency test crossing', kind: 'border_entry' },
        ...extra,
      });
      return { id: c.id, version: c.version };
    };
    const detained = (at: number) => ({
      detention: { at: iso(at), facility: 'Consistency test holding', legalBasis: 'Aliens Act s. 62' },
    });
    const step = async (by: Session, c: { id: string; version: number }, days: number, body: object) => {
      c.version = await decided(t, by, c.id, {
        expectedVersion: c.version,
        reason: 'Recorded for the consistency report test',
        occurredAt: iso(T0 + days * DAY),
        ...body,
      });
    };
    const dm = w.decisionMaker;
    const history = async (officer: Session, c: { id: string; version: number }, steps: [number, object][]) => {
      for (const [days, body] of steps) {
        const type = (body as { type: string }).type;
        const authority = ['reasonable_grounds', 'conclusive_grounds', 'reconsider'].includes(type);
        await step(authority ? dm : officer, c, days, body);
      }
    };
    const decline = { type: 'decline_referral', indicatorsConsidered: ['deception', 'debt_bondage'] };
    const own = w.officer;
    const other = w.otherOfficer;

    await history(own, await open(own, T0), [
      [1, { type: 'refer' }],
      [3, { type: 'reasonable_grounds', outcome: 'positive' }],
      [40, { type: 'conclusive_grounds', outcome: 'negative' }],
    ]);
    await history(own, await open(own, T0), [
      [2, { type: 'refer' }],
      [4, { type: 'reasonable_grounds', outcome: 'negative' }],
      [5, { type: 'request_reconsideration' }],
      [6, { type: 'reconsider', outcome: 'overturned' }],
    ]);
    await history(own, await open(own, T0, detained(T0 + 3_600_000)), [[1, decline]]);
    await history(own, await open(own, T0 - 10 * DAY), [[-5, { type: 'refer' }]]);

    await history(other, await open(other, T0), [[1, decline]]);
    await history(other, await open(other, T0), [[1, decline]]);
    await history(other, await open(other, T0, detained(T0 + 3_600_000)), [
      [1, { type: 'refer' }],
      [2, { type: 'reasonable_grounds', outcome: 'positive' }],
    ]);
    await history(other, await open(other, T0), [
      [1, { type: 'refer' }],
      [3, { type: 'reasonable_grounds', outcome: 'negative' }],
      [4, { type: 'request_reconsideration' }],
      [5, { type: 'reconsider', outcome: 'upheld' }],
    ]);
    await history(other, await open(other, T0), [
      [1, { type: 'refer' }],
      [2, { type: 'reasonable_grounds', outcome: 'positive' }],
    ]);

    const { runId, reviews } = await drawSample(t, w.commissioner, { from: new Date(T0 - DAY), to: new Date() });
    await t
      .http()
      .post('/api/v1/reviews/auto-assign')
      .set('authorization', w.commissioner.auth)
      .send({ runId })
      .expect(200);
    const ofAgency = (id: string) => reviews.filter((r) => r.agencyId === id);
    const conclude = (id: string, finding: string) =>
      reviewCommand(t, w.commissioner, id, 'conclude', {
        finding,
        rationale: 'Concluded for the consistency report test, with reasons.',
      });
    const [first, second] = ofAgency(w.agencies.own.id);
    await conclude(first.id, 'concur');
    await conclude(second.id, 'concern');
    await conclude(ofAgency(w.agencies.authority.id)[0].id, 'disagree');
  });
  afterAll(async () => t?.close());

  it('counts every metric from the history, under the agency the metric names', async () => {
    const own = w.agencies.own.code;
    const other = w.agencies.other.code;
    const authority = w.agencies.authority.code;
    const c = w.commissioner;
    // refer ÷ (refer + decline_referral), by the deciding frontline agency: a4's referral is before the period.
    expect(countsOf(await pointsOf(c, 'metric=referral_rate'))).toEqual({
      [own]: [2, 3, false],
      [other]: [3, 5, false],
    });
    // Cases encountered in the period (a4 was not) with a detain, by the case's agency.
    expect(countsOf(await pointsOf(c, 'metric=detention_rate'))).toEqual({
      [own]: [1, 3, false],
      [other]: [1, 5, false],
    });
    expect(countsOf(await pointsOf(c, 'metric=rg_positive_rate'))).toEqual({
      [own]: [1, 2, false],
      [other]: [2, 3, false],
    });
    expect(countsOf(await pointsOf(c, 'metric=rg_positive_rate&groupBy=deciding_agency'))).toEqual({
      [authority]: [3, 5, false],
    });
    expect(countsOf(await pointsOf(c, 'metric=cg_positive_rate'))).toEqual({
      [own]: [0, 1, false],
      [other]: [0, 0, true],
    });
    expect(countsOf(await pointsOf(c, 'metric=cg_positive_rate&groupBy=deciding_agency'))).toEqual({
      [authority]: [0, 1, false],
    });
    expect(countsOf(await pointsOf(c, 'metric=reconsideration_overturn_rate'))).toEqual({
      [own]: [1, 1, false],
      [other]: [0, 1, false],
    });
    expect(countsOf(await pointsOf(c, 'metric=reconsideration_overturn_rate&groupBy=deciding_agency'))).toEqual({
      [authority]: [1, 2, false],
    });
    // Concluded sampled reviews, by the agency that made the reviewed decision.
    expect(countsOf(await pointsOf(c, 'metric=review_disagreement_rate'))).toEqual({
      [authority]: [1, 1, false],
      [own]: [1, 2, false],
      [other]: [0, 0, true],
    });
  });

  it('answers the pooled target, the dispersion and the curve, and defaults the period to the last 12 months', async () => {
    const res = await get(w.analyst, `metric=referral_rate&${period}&overdispersion=none`).expect(200);
    expect(res.body).toMatchObject({
      metric: 'referral_rate',
      groupBy: 'deciding_agency',
      target: 5 / 8,
      overdispersion: { applied: false },
    });
    expect(res.body.curve.length).toBeGreaterThan(0);
    const defaulted = await get(w.analyst, 'metric=referral_rate').expect(200);
    expect(defaulted.body.period.defaulted).toBe(true);
    // The default 12 months also hold a4's referral, 105 days ago.
    expect(countsOf(defaulted.body.agencies)).toEqual({
      [w.agencies.own.code]: [3, 4, false],
      [w.agencies.other.code]: [3, 5, false],
    });
  });

  it('shows an agency its own point named and the others without agencyId or code, ordered by n', async () => {
    for (const by of [w.officer, w.supervisor, w.apiKey]) {
      const res = await get(by, `metric=referral_rate&${period}`).expect(200);
      expect(res.body.agencies).toEqual([
        expect.objectContaining({ agencyId: w.agencies.own.id, code: w.agencies.own.code, denominator: 3 }),
        { numerator: 3, denominator: 5, rate: 0.6, limits: expect.any(Object), band: expect.any(String) },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(w.agencies.other.id);
      expect(JSON.stringify(res.body)).not.toContain(w.agencies.other.code);
    }
    // The competent authority, on a metric counted under frontline agencies, names no point at all.
    const dm = await get(w.decisionMaker, `metric=rg_positive_rate&${period}`).expect(200);
    expect(dm.body.agencies.every((p: Point) => p.code === undefined && p.agencyId === undefined)).toBe(true);
    const own = await get(w.decisionMaker, `metric=rg_positive_rate&groupBy=deciding_agency&${period}`).expect(200);
    expect(own.body.agencies).toEqual([expect.objectContaining({ code: w.agencies.authority.code })]);
  });

  it('draws the plot as well-formed SVG with a title and a description, naming only what the caller may name', async () => {
    const { contentType, svg } = await getSvg(w.reviewer, `metric=referral_rate&${period}`);
    expect(contentType).toMatch(/^image\/svg\+xml/);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<title id="funnel-title">Referral rate by deciding agency, /);
    expect(svg).toMatch(/<desc id="funnel-desc">[^<]*2 agencies plotted/);
    expect(svg).toContain(`>${w.agencies.own.code}</text>`);
    expect(svg).toContain(`>${w.agencies.other.code}</text>`);

    const { svg: agencySvg } = await getSvg(w.supervisor, `metric=referral_rate&${period}`);
    expect(XMLValidator.validate(agencySvg)).toBe(true);
    expect(agencySvg).toContain(`>${w.agencies.own.code}</text>`);
    expect(agencySvg).not.toContain(w.agencies.other.code);
  });

  it('refuses a groupBy the metric does not take, a missing or unknown metric and a backwards period', async () => {
    const refused = async (query: string, status: number, field: string) =>
      expect(errorFields(expectProblem(await get(w.commissioner, query), status))).toContain(field);
    await refused('metric=referral_rate&groupBy=case_agency', 400, 'groupBy');
    await refused('metric=review_disagreement_rate&groupBy=case_agency', 400, 'groupBy');
    await refused('metric=detention_rate&groupBy=deciding_agency', 400, 'groupBy');
    await refused('', 400, 'metric');
    await refused('metric=approval_rate', 400, 'metric');
    await refused('metric=referral_rate&overdispersion=maybe', 400, 'overdispersion');
    await refused('metric=referral_rate&from=2026-05-01&to=2026-04-01', 422, 'to');
  });

  it('is not for the administrator', async () => {
    expectProblem(await get(w.admin, 'metric=referral_rate'), 403);
  });
});
