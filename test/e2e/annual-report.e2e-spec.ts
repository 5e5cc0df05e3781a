import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ALERT_RULES } from '../../src/alerts/domain/alert-rules.js';
import { decided, openCase, SEEDED_PII } from '../factories/cases.js';
import { createPlace } from '../factories/places.js';
import { COMPLAINANT_PII, recordComplaint, triageComplaint } from '../factories/complaints.js';
import { issueRecommendation, recommendationAction } from '../factories/recommendations.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The annual report holds the API's own figures: a history in the last complete year (and one decision after it),
 * then every figure of the document is compared with what `GET /reports/agencies` and `GET /reports/consistency`
 * answer for the same year, and the document is scanned for every personal datum and free text the history wrote.
 */
describe('annual report (SPEC §14)', () => {
  let t: TestApp;
  let w: World;
  const year = new Date().getUTCFullYear() - 1;
  const inYear = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day, 10)).toISOString();
  const window = `from=${year}-01-01&to=${year + 1}-01-01`;
  const freeText: string[] = [];

  const annual = (by: Session, query = '') =>
    t.http().get(`/api/v1/reports/annual${query}`).set('authorization', by.auth).buffer(true);
  const htmlOf = async (query = ''): Promise<string> => {
    const res = await annual(w.commissioner, query).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    return res.text;
  };
  /** The cells of an agency's row in a table of the document. */
  const cells = (html: string, table: string, code: string): string[] => {
    const body = html.slice(html.indexOf(`<table id="${table}">`));
    const row = body.slice(0, body.indexOf('</table>')).match(new RegExp(`<tr data-agency="${code}">(.*?)</tr>`));
    if (!row) throw new Error(`no row for ${code} in ${table}`);
    return [...row[1].matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const reason = (what: string) => {
      const text = `Annual report test, ${what}, written by hand`;
      freeText.push(text);
      return text;
    };
    const step = async (by: Session, c: { id: string; version: number }, at: string, body: object) => {
      c.version = await decided(t, by, c.id, { expectedVersion: c.version, occurredAt: at, ...body });
    };
    const open = async (by: Session, at: string, extra: object = {}) => {
      const location = reason('encounter location');
      const c = await openCase(t, by, { encounter: { at, location, kind: 'border_entry' }, ...extra });
      return { id: c.id, version: c.version };
    };
    const a = await open(w.officer, inYear(2, 1));
    await step(w.officer, a, inYear(2, 3), { type: 'refer', reason: reason('referral') });
    await step(w.decisionMaker, a, inYear(2, 10), {
      type: 'reasonable_grounds',
      outcome: 'positive',
      reason: reason('RG'),
    });
    await step(w.decisionMaker, a, inYear(4, 1), {
      type: 'conclusive_grounds',
      outcome: 'positive',
      reason: reason('CG'),
    });
    const b = await open(w.officer, inYear(5, 1), {
      detention: { at: inYear(5, 1), facility: reason('facility'), legalBasis: 'Aliens Act s. 62' },
    });
    await step(w.officer, b, inYear(5, 2), {
      type: 'decline_referral',
      reason: reason('decline'),
      indicatorsConsidered: ['deception', 'debt_bondage'],
    });
    const c = await open(w.otherOfficer, inYear(6, 1));
    await step(w.otherOfficer, c, inYear(6, 2), { type: 'refer', reason: reason('other referral') });
    await step(w.decisionMaker, c, inYear(6, 9), {
      type: 'reasonable_grounds',
      outcome: 'negative',
      reason: reason('other RG'),
    });
    // After the year: in no figure of it.
    const late = await open(w.otherOfficer, new Date(Date.UTC(year + 1, 0, 2)).toISOString());
    await step(w.otherOfficer, late, new Date(Date.UTC(year + 1, 0, 3)).toISOString(), {
      type: 'refer',
      reason: reason('referral after the year'),
    });

    const { runId, reviews } = await drawSample(t, w.commissioner, {
      from: new Date(Date.UTC(year, 0, 1)),
      to: new Date(Date.UTC(year + 1, 0, 1)),
    });
    await t
      .http()
      .post('/api/v1/reviews/auto-assign')
      .set('authorization', w.commissioner.auth)
      .send({ runId })
      .expect(200);
    // Concluded now: counted in the current year, not the report's (the test says so below).
    await reviewCommand(t, w.commissioner, reviews[0].id, 'conclude', {
      finding: 'concern',
      rationale: reason('review rationale'),
    });

    // A visit started and reported now, with two findings.
    const place = await createPlace(t, w.commissioner, w.agencies.own.id, { name: reason('place name') });
    const post = async (path: string, body: object) => {
      const res = await t.http().post(`/api/v1${path}`).set('authorization', w.commissioner.auth).send(body);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; version: number };
    };
    let visit = await post('/visits', { placeId: place.id, day: new Date().toISOString().slice(0, 10) });
    visit = await post(`/visits/${visit.id}/start`, { expectedVersion: visit.version });
    for (const severity of ['concern', 'serious']) {
      visit = await post(`/visits/${visit.id}/findings`, {
        expectedVersion: visit.version,
        text: reason(`finding ${severity}`),
        severity,
      });
    }
    await post(`/visits/${visit.id}/report`, { expectedVersion: visit.version, summary: reason('visit summary') });

    // Complaints now: one anonymous and triaged `investigate` (opens an investigation), one named left untriaged.
    const anonymousComplaint = await recordComplaint(t, w.commissioner, [w.agencies.own.id], {
      anonymous: true,
      complainant: undefined,
      summary: reason('complaint summary'),
    });
    await triageComplaint(t, w.commissioner, anonymousComplaint.id, {
      expectedVersion: 1,
      outcome: 'investigate',
      reason: reason('triage reason'),
      title: reason('investigation title'),
      termsOfReference: reason('terms of reference'),
    });
    await recordComplaint(t, w.reviewer, [w.agencies.other.id], { summary: reason('second complaint summary') });

    // Two recommendations issued now, one rejected: the current year's report has them, the last one's does not.
    const kept = await issueRecommendation(t, w.commissioner, w.agencies.own.id, { text: reason('recommendation') });
    await issueRecommendation(t, w.commissioner, w.agencies.own.id, { text: reason('second recommendation') });
    await recommendationAction(t, w.supervisor, kept.id, 'respond', {
      expectedVersion: kept.version,
      response: 'rejected',
      reason: reason('rejection reason, long enough'),
    });
  });
  afterAll(async () => t?.close());

  it('is a well-formed, script-free document with every section, for the last complete year by default', async () => {
    const html = await htmlOf();
    expect(XMLValidator.validate(html)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(html) as {
      html: { head: { title: string }; body: { section: { '@id': string }[] } };
    };
    expect(doc.html.head.title).toBe(`Anti-Trafficking Commissioner — Annual report ${year}`);
    expect(doc.html.body.section.map((s) => s['@id'])).toEqual([
      'cases-and-decisions',
      'times',
      'detention',
      'reviews',
      'consistency',
      'visits',
      'recommendations',
      'investigations-and-complaints',
    ]);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html.match(/<svg /g)).toHaveLength(6);
    const timeless = (doc: string) => doc.replace(/Generated [^ ]+\./, 'Generated.');
    expect(timeless(await htmlOf(`?year=${year}`))).toBe(timeless(html));
  });

  it('allows its one stylesheet by hash and no other inline style or script', async () => {
    const res = await annual(w.commissioner).expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("script-src 'self'");
  });

  it('shows exactly the figures of the agency report for the same year', async () => {
    const html = await htmlOf();
    const report = await t
      .http()
      .get(`/api/v1/reports/agencies?${window}`)
      .set('authorization', w.commissioner.auth)
      .expect(200);
    const agencies = report.body.agencies as {
      agency: { code: string };
      casesOwnedByState: Record<string, number>;
      decisionsMadeByType: Record<string, number>;
      durations: Record<string, { medianDays: number | null; n: number }>;
      alertsByRule: Record<string, number>;
      detention: { detainedNow: number };
      reviews: { concluded: number; concern: number; disagree: number };
      recommendations: {
        issuedInPeriod: number;
        byState: Record<string, number>;
        open: number;
        overdue: number;
        daysToRespond: { medianDays: number | null; n: number };
        repeats: number;
      };
    }[];
    expect(agencies.length).toBeGreaterThan(2);
    for (const a of agencies) {
      const cases = Object.values(a.casesOwnedByState).reduce((x, y) => x + y, 0);
      const d = a.decisionsMadeByType;
      expect(cells(html, 'cases-by-agency', a.agency.code)).toEqual(
        [
          cases,
          d.refer,
          d.decline_referral,
          d.reasonable_grounds,
          d.conclusive_grounds,
          d.request_reconsideration,
          d.reconsider,
          d.detain,
          d.release,
          d.close,
        ].map(String),
      );
      const median = (i: { medianDays: number | null; n: number }) =>
        i.medianDays === null ? '–' : `${i.medianDays.toFixed(2)} (n = ${i.n})`;
      expect(cells(html, 'median-days', a.agency.code)).toEqual([
        median(a.durations.screeningToReferral),
        median(a.durations.referralToReasonableGrounds),
        median(a.durations.reasonableGroundsToConclusiveGrounds),
      ]);
      const detentionRules = ALERT_RULES.slice(0, 4);
      expect(cells(html, 'detention-alerts', a.agency.code)).toEqual(
        [...detentionRules.map((r) => a.alertsByRule[r]), a.detention.detainedNow].map(String),
      );
      expect(cells(html, 'review-findings', a.agency.code).slice(0, 3)).toEqual(
        [a.reviews.concluded, a.reviews.concern, a.reviews.disagree].map(String),
      );
      const k = a.recommendations;
      expect(cells(html, 'recommendations-by-agency', a.agency.code)).toEqual([
        String(k.issuedInPeriod),
        ...['accepted', 'partially_accepted', 'rejected', 'implementation_claimed', 'implemented', 'withdrawn'].map(
          (state) => String(k.byState[state]),
        ),
        String(k.open),
        String(k.overdue),
        median(k.daysToRespond),
        String(k.repeats),
      ]);
    }
    // The history, as the report counts it: the own agency's two cases, the referral and the decline; the
    // authority's three decisions; nothing after the year.
    const own = cells(html, 'cases-by-agency', w.agencies.own.code);
    expect(own.slice(0, 3)).toEqual(['2', '1', '1']);
    expect(cells(html, 'cases-by-agency', w.agencies.authority.code).slice(3, 5)).toEqual(['2', '1']);
    expect(cells(html, 'cases-by-agency', w.agencies.other.code).slice(0, 2)).toEqual(['1', '1']);
    // The review was concluded this year, not in the report's.
    expect(cells(html, 'review-findings', w.agencies.own.code).slice(0, 1)).toEqual(['0']);
  });

  it('plots every consistency metric with the consistency report’s own counts', async () => {
    const html = await htmlOf();
    const metrics = [
      'referral_rate',
      'detention_rate',
      'rg_positive_rate',
      'cg_positive_rate',
      'reconsideration_overturn_rate',
      'review_disagreement_rate',
    ];
    for (const [i, metric] of metrics.entries()) {
      const res = await t
        .http()
        .get(`/api/v1/reports/consistency?metric=${metric}&${window}`)
        .set('authorization', w.commissioner.auth)
        .expect(200);
      for (const p of res.body.agencies as { code: string; numerator: number; denominator: number }[]) {
        expect(cells(html, `funnel-${i + 1}-points`, p.code).slice(0, 2)).toEqual([
          String(p.numerator),
          String(p.denominator),
        ]);
      }
    }
    expect(cells(html, 'funnel-1-points', w.agencies.own.code).slice(0, 2)).toEqual(['1', '2']);
  });

  it('counts recommendations in the year they were issued, in their state now', async () => {
    expect(cells(await htmlOf(), 'recommendations-by-agency', w.agencies.own.code)[0]).toBe('0');
    const row = cells(await htmlOf(`?year=${year + 1}`), 'recommendations-by-agency', w.agencies.own.code);
    // Issued 2; accepted 0, partly 0, rejected 1, …; open 1.
    expect(row.slice(0, 4)).toEqual(['2', '0', '0', '1']);
    expect(row[7]).toBe('1');
  });

  it('counts complaints and investigations in the year they happened, and nothing else of them', async () => {
    const figure = (html: string, table: string, key: string) =>
      html
        .slice(html.indexOf(`<table id="${table}">`))
        .match(new RegExp(`<tr data-figure="${key}"><th scope="row">[^<]*</th><td>(\\d+)</td></tr>`))?.[1];
    const last = await htmlOf();
    expect(figure(last, 'complaints', 'received')).toBe('0');
    expect(figure(last, 'investigations', 'opened')).toBe('0');
    const current = await htmlOf(`?year=${year + 1}`);
    expect(
      ['received', 'anonymous', 'investigate', 'referToReview', 'noAction'].map((k) =>
        figure(current, 'complaints', k),
      ),
    ).toEqual(['2', '1', '1', '0', '0']);
    expect(figure(current, 'investigations', 'opened')).toBe('1');
    expect(figure(current, 'investigations', 'published')).toBe('0');
  });

  it('counts visits and findings in the year they happened', async () => {
    expect(cells(await htmlOf(), 'visits-by-agency', w.agencies.own.code)).toEqual(['0', '0', '0', '0', '0']);
    const thisYear = await htmlOf(`?year=${year + 1}`);
    expect(thisYear).toContain('a year still running');
    expect(cells(thisYear, 'visits-by-agency', w.agencies.own.code)).toEqual(['1', '1', '0', '1', '1']);
  });

  it('holds no personal data and no free text from the records', async () => {
    for (const html of [await htmlOf(), await htmlOf(`?year=${year + 1}`)]) {
      for (const value of [...Object.values(SEEDED_PII), ...Object.values(COMPLAINANT_PII), ...freeText])
        expect(html).not.toContain(value);
    }
  });

  it('is the office’s: agencies and the administrator are refused', async () => {
    for (const by of [w.officer, w.supervisor, w.decisionMaker, w.apiKey, w.admin]) {
      expectProblem(await annual(by), 403);
    }
    await annual(w.reviewer).expect(200);
    await annual(w.analyst).expect(200);
  });

  it('refuses a future year (422) and a year that is not one (400), naming year', async () => {
    expect(errorFields(expectProblem(await annual(w.commissioner, `?year=${year + 2}`), 422))).toEqual(['year']);
    expect(errorFields(expectProblem(await annual(w.commissioner, '?year=last'), 400))).toEqual(['year']);
    expect(errorFields(expectProblem(await annual(w.commissioner, '?year=1999'), 400))).toEqual(['year']);
  });
});
