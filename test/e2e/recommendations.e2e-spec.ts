import { randomUUID } from 'node:crypto';
import { createWorld, type World } from '../factories/world.js';
import {
  dateIn,
  issueRecommendation,
  RECOMMENDATION_TEXT,
  recommendationAction,
  type RecommendationBody,
} from '../factories/recommendations.js';
import { createPlace } from '../factories/places.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { readChain, tamper, withSuperuser } from '../support/audit-tamper.js';
import { parseCsv } from '../support/csv.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
const DAY = 86_400_000;
const LONG_ENOUGH = 'The new screening form needs a budget line first.';

describe('recommendations (SPEC §12)', () => {
  let t: TestApp;
  let w: World;
  /** A concluded review with finding concern of a decision the own agency made. */
  let concernReviewId: string;
  /** A review of the own agency still waiting to be concluded. */
  let openReviewId: string;
  /** Visits of the own agency's place: reported, and one still in progress; a reported one of the other's place. */
  const visits = { reported: '', inProgress: '', otherReported: '' };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const from = new Date(Date.now() - 60_000);
    await declinedCase(t, w.officer);
    await declinedCase(t, w.officer);
    const { reviews } = await drawSample(t, w.commissioner, { from, to: new Date() });
    if (reviews.length !== 2) throw new Error(`expected 2 sampled reviews, got ${reviews.length}`);
    await reviewCommand(t, w.commissioner, reviews[0].id, 'assign', { reviewerId: w.reviewer.id });
    await reviewCommand(t, w.reviewer, reviews[0].id, 'conclude', CONCERN);
    concernReviewId = reviews[0].id;
    openReviewId = reviews[1].id;

    const ownPlace = await createPlace(t, w.commissioner, w.agencies.own.id);
    const otherPlace = await createPlace(t, w.commissioner, w.agencies.other.id);
    const visitAt = async (placeId: string, until: 'in_progress' | 'reported'): Promise<string> => {
      const act = async (path: string, body: object) => {
        const res = await t.http().post(`/api/v1${path}`).set('authorization', w.commissioner.auth).send(body);
        if (res.status !== 200 && res.status !== 201)
          throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body as { id: string; version: number };
      };
      const planned = await act('/visits', { placeId, day: dateIn(-1) });
      const started = await act(`/visits/${planned.id}/start`, { expectedVersion: planned.version });
      if (until === 'reported') {
        await act(`/visits/${planned.id}/report`, { expectedVersion: started.version, summary: 'No interpreter.' });
      }
      return planned.id;
    };
    visits.reported = await visitAt(ownPlace.id, 'reported');
    visits.inProgress = await visitAt(ownPlace.id, 'in_progress');
    visits.otherReported = await visitAt(otherPlace.id, 'reported');
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  const post = (by: Session, path: string, body: object) =>
    t.http().post(`/api/v1/recommendations${path}`).set('authorization', by.auth).send(body);
  const get = (by: Session, path = '', query: Record<string, string | number> = {}) =>
    t.http().get(`/api/v1/recommendations${path}`).query(query).set('authorization', by.auth);
  const counts = async () => {
    const { rows } = await t.sql.query<{ recommendations: number; history: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM recommendations) AS recommendations,
              (SELECT count(*)::int FROM recommendation_history) AS history,
              (SELECT count(*)::int FROM audit_events WHERE chain_id LIKE 'recommendation:%') AS events`,
    );
    return rows[0];
  };
  const valid = () => ({
    agencyId: w.agencies.own.id,
    source: { kind: 'review', id: concernReviewId },
    theme: 'identification',
    priority: 'normal',
    text: RECOMMENDATION_TEXT,
  });

  describe('issuing', () => {
    it('issues one from a concluded concern review, due in 28 days, with its first dated history line', async () => {
      const before = Date.now();
      const res = await post(w.commissioner, '', valid());
      expect(res.status).toBe(201);
      const r = res.body as RecommendationBody;
      expect(Object.keys(r).sort()).toEqual(
        [
          'id',
          'agencyId',
          'source',
          'theme',
          'priority',
          'text',
          'repeatOf',
          'state',
          'version',
          'issuedAt',
          'responseDueAt',
          'targetDate',
          'history',
          'allowedActions',
        ].sort(),
      );
      expect(r).toMatchObject({
        agencyId: w.agencies.own.id,
        source: { kind: 'review', id: concernReviewId },
        theme: 'identification',
        priority: 'normal',
        text: RECOMMENDATION_TEXT,
        repeatOf: null,
        state: 'issued',
        version: 1,
        targetDate: null,
        allowedActions: ['withdraw'],
      });
      const issuedAt = Date.parse(r.issuedAt);
      expect(issuedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(r.responseDueAt) - issuedAt).toBe(28 * DAY);
      expect(r.history).toEqual([
        {
          at: r.issuedAt,
          action: 'issue',
          by: { id: w.commissioner.id, role: 'commissioner' },
          version: 1,
          fromState: null,
          toState: 'issued',
          priority: 'normal',
        },
      ]);
    });

    it('issues one from a reported visit of one of the agency’s places', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id, {
        source: { kind: 'visit', id: visits.reported.toUpperCase() },
        theme: 'detention',
      });
      expect(r).toMatchObject({ source: { kind: 'visit', id: visits.reported }, state: 'issued' });
      const listed = await get(w.commissioner, '', { sourceKind: 'visit', agencyId: w.agencies.own.id });
      expect(listed.body.items.map((x: RecommendationBody) => x.id)).toEqual([r.id]);
    });

    it.each([
      ['a visit that does not exist', () => randomUUID(), 'source.id names no visit.'],
      [
        'a visit still in progress',
        () => visits.inProgress,
        'source.id must be a reported visit: this visit is in_progress.',
      ],
      [
        'a reported visit of another agency’s place',
        () => visits.otherReported,
        'source.id must be a visit of one of the addressed agency’s places: this visit’s place is operated by another agency.',
      ],
    ])('refuses %s as the source (422 naming source.id, saying why) and writes nothing', async (_name, id, detail) => {
      const before = await counts();
      const problem = expectProblem(
        await post(w.commissioner, '', { ...valid(), source: { kind: 'visit', id: id() } }),
        422,
      );
      expect(problem).toMatchObject({ detail, errors: [{ field: 'source.id' }] });
      expect(await counts()).toEqual(before);
    });

    it('makes an urgent one due in 7 days', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id, { priority: 'urgent' });
      expect(Date.parse(r.responseDueAt) - Date.parse(r.issuedAt)).toBe(7 * DAY);
    });

    it('addresses the competent authority, and records a repeat of an earlier one to the same agency', async () => {
      const first = await issueRecommendation(t, w.commissioner, w.agencies.authority.id);
      const again = await issueRecommendation(t, w.commissioner, w.agencies.authority.id, { repeatOf: first.id });
      expect(again).toMatchObject({ agencyId: w.agencies.authority.id, repeatOf: first.id });
    });

    it('answers a retry with the same Idempotency-Key with the first response, writing nothing more', async () => {
      const key = `rec-${randomUUID()}`;
      const send = (body: object) =>
        t
          .http()
          .post('/api/v1/recommendations')
          .set('authorization', w.commissioner.auth)
          .set('idempotency-key', key)
          .send(body);
      const first = await send(valid());
      expect(first.status).toBe(201);
      const before = await counts();
      const retry = await send(valid());
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expectProblem(await send({ ...valid(), theme: 'training' }), 422);
      expect(await counts()).toEqual(before);
    });

    it.each(
      (
        [
          [
            'a review of another agency’s decision',
            () => ({ ...valid(), agencyId: w.agencies.other.id }),
            422,
            'source.id',
          ],
          [
            'a review not yet concluded',
            () => ({ ...valid(), source: { kind: 'review', id: openReviewId } }),
            422,
            'source.id',
          ],
          [
            'a review that does not exist',
            () => ({ ...valid(), source: { kind: 'review', id: randomUUID() } }),
            422,
            'source.id',
          ],
          ['a review source without an id', () => ({ ...valid(), source: { kind: 'review' } }), 422, 'source.id'],
          [
            'an own-initiative source with an id',
            () => ({ ...valid(), source: { kind: 'own_initiative', id: randomUUID() } }),
            422,
            'source.id',
          ],
          ['a visit source without an id', () => ({ ...valid(), source: { kind: 'visit' } }), 422, 'source.id'],
          [
            'an investigation source (set by publish only)',
            () => ({ ...valid(), source: { kind: 'investigation', id: randomUUID() } }),
            422,
            'source.kind',
          ],
          [
            'the commissioner’s own office as addressee',
            () => ({ ...valid(), agencyId: w.agencies.office.id, source: { kind: 'own_initiative' } }),
            422,
            'agencyId',
          ],
          [
            'an agency that does not exist',
            () => ({ ...valid(), agencyId: randomUUID(), source: { kind: 'own_initiative' } }),
            422,
            'agencyId',
          ],
          ['repeatOf naming no recommendation', () => ({ ...valid(), repeatOf: randomUUID() }), 422, 'repeatOf'],
          ['an unknown theme', () => ({ ...valid(), theme: 'morale' }), 400, 'theme'],
          ['an unknown priority', () => ({ ...valid(), priority: 'high' }), 400, 'priority'],
          ['an unknown source kind', () => ({ ...valid(), source: { kind: 'rumour' } }), 400, 'source.kind'],
          ['a source that is not an object', () => ({ ...valid(), source: 'review' }), 400, 'source'],
          ['no text', () => ({ ...valid(), text: undefined }), 400, 'text'],
          ['a blank text', () => ({ ...valid(), text: '   ' }), 400, 'text'],
          ['an agencyId that is no UUID', () => ({ ...valid(), agencyId: 'own' }), 400, 'agencyId'],
          ['an unknown field', () => ({ ...valid(), state: 'accepted' }), 400, 'state'],
        ] as [string, () => object, number, string][]
      ).map(([n, b, s, f]) => [n, s, f, b] as const),
    )('refuses %s (%i naming %s) and writes nothing', async (_name, status, field, body) => {
      const before = await counts();
      const problem = expectProblem(await post(w.commissioner, '', body()), status);
      expect(errorFields(problem)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses repeatOf naming a recommendation to another agency', async () => {
      const elsewhere = await issueRecommendation(t, w.commissioner, w.agencies.other.id);
      const before = await counts();
      const problem = expectProblem(await post(w.commissioner, '', { ...valid(), repeatOf: elsewhere.id }), 422);
      expect(errorFields(problem)).toEqual(['repeatOf']);
      expect(await counts()).toEqual(before);
    });

    it.each<[string, (w: World) => Session]>([
      ['a reviewer', (w) => w.reviewer],
      ['an analyst', (w) => w.analyst],
      ['the addressed agency’s supervisor', (w) => w.supervisor],
      ['a decision maker', (w) => w.decisionMaker],
      ['the admin', (w) => w.admin],
    ])('lets only the commissioner issue: %s gets 403', async (_name, who) => {
      const before = await counts();
      expectProblem(await post(who(w), '', valid()), 403);
      expect(await counts()).toEqual(before);
    });
  });

  describe('the life of a recommendation', () => {
    it('goes issued → accepted → progress → claimed → not verified → claimed → implemented, dated at each step', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      const target = dateIn(30);
      // The addressee sees what it may do; the office sees its own actions.
      expect((await get(w.supervisor, `/${r.id}`)).body.allowedActions).toEqual(['respond']);
      expect((await get(w.officer, `/${r.id}`)).body.allowedActions).toEqual([]);
      const accepted = await recommendationAction(t, w.supervisor, r.id, 'respond', {
        expectedVersion: 1,
        response: 'accepted',
        targetDate: target,
      });
      expect(accepted).toMatchObject({
        state: 'accepted',
        version: 2,
        targetDate: target,
        allowedActions: ['progress'],
      });
      const noted = await recommendationAction(t, w.supervisor, r.id, 'progress', {
        expectedVersion: 2,
        status: 'in_progress',
        note: 'Training dates fixed with the academy.',
      });
      expect(noted).toMatchObject({ state: 'accepted', version: 3 });
      const claimed = await recommendationAction(t, w.supervisor, r.id, 'progress', {
        expectedVersion: 3,
        status: 'implemented',
        note: 'All border posts trained.',
        evidence: 'Attendance lists, circular 14/2026.',
      });
      expect(claimed).toMatchObject({ state: 'implementation_claimed', version: 4, allowedActions: [] });
      const newTarget = dateIn(60);
      const refused = await recommendationAction(t, w.commissioner, r.id, 'verify', {
        expectedVersion: 4,
        outcome: 'not_verified',
        note: 'Two posts visited had no trained staff on duty.',
        targetDate: newTarget,
      });
      expect(refused).toMatchObject({ state: 'accepted', version: 5, targetDate: newTarget });
      await recommendationAction(t, w.supervisor, r.id, 'progress', {
        expectedVersion: 5,
        status: 'implemented',
        note: 'The remaining posts are trained.',
        evidence: 'Attendance lists, circular 15/2026.',
      });
      const verified = await recommendationAction(t, w.commissioner, r.id, 'verify', {
        expectedVersion: 6,
        outcome: 'verified',
        note: 'Confirmed on the follow-up visit.',
      });
      expect(verified).toMatchObject({ state: 'implemented', version: 7, allowedActions: [] });

      const history = (await get(w.commissioner, `/${r.id}`)).body.history as Record<string, unknown>[];
      expect(history.map((h) => [h.version, h.action, h.fromState, h.toState])).toEqual([
        [1, 'issue', null, 'issued'],
        [2, 'respond', 'issued', 'accepted'],
        [3, 'progress', 'accepted', 'accepted'],
        [4, 'progress', 'accepted', 'implementation_claimed'],
        [5, 'verify', 'implementation_claimed', 'accepted'],
        [6, 'progress', 'accepted', 'implementation_claimed'],
        [7, 'verify', 'implementation_claimed', 'implemented'],
      ]);
      expect(history[1]).toMatchObject({ response: 'accepted', targetDate: target, by: { id: w.supervisor.id } });
      expect(history[3]).toMatchObject({ evidence: 'Attendance lists, circular 14/2026.' });
      const times = history.map((h) => Date.parse(h.at as string));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      // The agency sees that the office acted, not which of its staff.
      const seenByAgency = (await get(w.supervisor, `/${r.id}`)).body.history as Record<string, unknown>[];
      expect(seenByAgency[0].by).toEqual({ id: null, role: 'commissioner' });
      expect(seenByAgency[1].by).toEqual({ id: w.supervisor.id, role: 'agency_supervisor' });

      // One audit event per change, in the recommendation's own chain.
      const chain = await readChain(t.sql, `recommendation:${r.id}`);
      expect(chain.map((e) => e.action)).toEqual([
        'recommendation.issued',
        'recommendation.responded',
        'recommendation.progress_reported',
        'recommendation.progress_reported',
        'recommendation.verified',
        'recommendation.progress_reported',
        'recommendation.verified',
      ]);
    });

    it('takes a partial acceptance with a target date and a reason, and a rejection with a reason', async () => {
      const partial = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      await expect(
        recommendationAction(t, w.supervisor, partial.id, 'respond', {
          expectedVersion: 1,
          response: 'partially_accepted',
          targetDate: dateIn(10),
          reason: LONG_ENOUGH,
        }),
      ).resolves.toMatchObject({ state: 'partially_accepted' });
      const rejected = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      await expect(
        recommendationAction(t, w.supervisor, rejected.id, 'respond', {
          expectedVersion: 1,
          response: 'rejected',
          reason: LONG_ENOUGH,
        }),
      ).resolves.toMatchObject({ state: 'rejected', allowedActions: [] });
      const again = expectProblem(
        await post(w.commissioner, `/${rejected.id}/withdraw`, { expectedVersion: 2, reason: 'Obsolete now.' }),
        409,
      );
      expect(again).toMatchObject({ state: 'rejected', allowedActions: [] });
    });

    it('is withdrawn by the commissioner from any state but a final one', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      await recommendationAction(t, w.supervisor, r.id, 'respond', {
        expectedVersion: 1,
        response: 'accepted',
        targetDate: dateIn(5),
      });
      await expect(
        recommendationAction(t, w.commissioner, r.id, 'withdraw', { expectedVersion: 2, reason: 'Overtaken by law.' }),
      ).resolves.toMatchObject({ state: 'withdrawn', version: 3 });
    });

    it.each(
      (
        [
          ['accepted without a targetDate', { response: 'accepted' }, 'targetDate'],
          ['accepted with a targetDate in the past', { response: 'accepted', targetDate: dateIn(-1) }, 'targetDate'],
          ['accepted with an impossible date', { response: 'accepted', targetDate: '2030-02-30' }, 'targetDate'],
          ['rejected with a short reason', { response: 'rejected', reason: 'Too costly.' }, 'reason'],
          ['partially accepted without a reason', { response: 'partially_accepted', targetDate: dateIn(3) }, 'reason'],
        ] as [string, object, string][]
      ).map(([n, b, f]) => [n, f, b] as const),
    )('refuses a response %s (422 naming %s) and writes nothing', async (_name, field, body) => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      const before = await counts();
      const problem = expectProblem(await post(w.supervisor, `/${r.id}/respond`, { expectedVersion: 1, ...body }), 422);
      expect(errorFields(problem)).toEqual([field]);
      expect(await counts()).toEqual(before);
      expect((await get(w.commissioner, `/${r.id}`)).body).toMatchObject({ state: 'issued', version: 1 });
    });

    it.each(
      (
        [
          ['without expectedVersion', { response: 'accepted', targetDate: '2099-01-01' }, 'expectedVersion'],
          ['with an unknown response', { expectedVersion: 1, response: 'maybe' }, 'response'],
          [
            'with a numeric targetDate',
            { expectedVersion: 1, response: 'accepted', targetDate: 20990101 },
            'targetDate',
          ],
          ['with an unknown field', { expectedVersion: 1, response: 'accepted', targetDate: '2099-01-01', x: 1 }, 'x'],
        ] as [string, object, string][]
      ).map(([n, b, f]) => [n, f, b] as const),
    )('refuses a response %s (400 naming %s)', async (_name, field, body) => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      const before = await counts();
      expect(errorFields(expectProblem(await post(w.supervisor, `/${r.id}/respond`, body), 400))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers a stale expectedVersion with 409 and the version now', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      const problem = expectProblem(
        await post(w.supervisor, `/${r.id}/respond`, { expectedVersion: 2, response: 'rejected', reason: LONG_ENOUGH }),
        409,
      );
      expect(problem).toMatchObject({ currentVersion: 1, state: 'issued', allowedActions: ['respond'] });
    });

    it('accepts exactly one of 20 concurrent responses on one version; the other 19 get 409 and write nothing', async () => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      const before = await counts();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(w.supervisor, `/${r.id}/respond`, {
            expectedVersion: 1,
            response: i % 2 === 0 ? 'accepted' : 'rejected',
            ...(i % 2 === 0 ? { targetDate: dateIn(20) } : { reason: LONG_ENOUGH }),
          }),
        ),
      );
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
      for (const res of results.filter((x) => x.status === 409)) expectProblem(res, 409);
      expect(await counts()).toEqual({ ...before, history: before.history + 1, events: before.events + 1 });
      const now = (await get(w.commissioner, `/${r.id}`)).body as RecommendationBody;
      expect(now.version).toBe(2);
      expect(now.history).toHaveLength(2);
    });
  });

  describe('who may act: the addressee rule', () => {
    let toOwn: RecommendationBody;
    let toAuthority: RecommendationBody;

    beforeAll(async () => {
      toOwn = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      toAuthority = await issueRecommendation(t, w.commissioner, w.agencies.authority.id);
    });

    const respondAs = (who: Session, r: RecommendationBody) =>
      post(who, `/${r.id}/respond`, { expectedVersion: 1, response: 'rejected', reason: LONG_ENOUGH });

    it.each<[string, (w: World) => Session, number]>([
      ['the officer of the addressed agency (reads it, may not answer)', (w) => w.officer, 403],
      ['the addressed agency’s API key', (w) => w.apiKey, 403],
      ['the commissioner (the office does not answer itself)', (w) => w.commissioner, 403],
      ['a reviewer', (w) => w.reviewer, 403],
      ['an analyst', (w) => w.analyst, 403],
      ['another agency’s supervisor', (w) => w.otherSupervisor, 404],
      ['another agency’s officer', (w) => w.otherOfficer, 404],
      ['a decision maker (another agency)', (w) => w.decisionMaker, 404],
      ['the admin', (w) => w.admin, 404],
    ])('refuses %s: %i', async (_name, who, status) => {
      const before = await counts();
      expectProblem(await respondAs(who(w), toOwn), status);
      expect(await counts()).toEqual(before);
    });

    it('lets the competent authority’s decision maker answer a recommendation to it, and no frontline supervisor', async () => {
      expectProblem(await respondAs(w.supervisor, toAuthority), 404);
      const res = await respondAs(w.decisionMaker, toAuthority);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'rejected' });
    });

    it('lets the addressed agency’s supervisor answer', async () => {
      const res = await respondAs(w.supervisor, toOwn);
      expect(res.status).toBe(200);
    });

    it.each<[string, (w: World) => Session, number]>([
      ['the supervisor', (w) => w.supervisor, 403],
      ['a reviewer', (w) => w.reviewer, 403],
      ['another agency’s supervisor', (w) => w.otherSupervisor, 404],
    ])('lets only the commissioner withdraw: %s gets %i', async (_name, who, status) => {
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      expectProblem(
        await post(who(w), `/${r.id}/withdraw`, { expectedVersion: 1, reason: 'No longer needed.' }),
        status,
      );
    });

    it('shows a recommendation to the addressed agency and the office only (404 elsewhere)', async () => {
      for (const who of [w.commissioner, w.reviewer, w.analyst, w.officer, w.supervisor, w.apiKey]) {
        expect((await get(who, `/${toOwn.id}`)).status).toBe(200);
      }
      for (const who of [w.otherOfficer, w.otherSupervisor, w.decisionMaker, w.admin]) {
        expectProblem(await get(who, `/${toOwn.id}`), 404);
      }
    });
  });

  describe('the register', () => {
    let fresh: RecommendationBody;
    let late: RecommendationBody;
    let missed: RecommendationBody;

    beforeAll(async () => {
      fresh = await issueRecommendation(t, w.commissioner, w.agencies.other.id, {
        theme: 'detention',
        text: '=HYPERLINK("http://evil.example","click"), then "quote"',
      });
      late = await issueRecommendation(t, w.commissioner, w.agencies.other.id, { theme: 'detention' });
      missed = await issueRecommendation(t, w.commissioner, w.agencies.other.id, { theme: 'detention' });
      await recommendationAction(t, w.otherSupervisor, missed.id, 'respond', {
        expectedVersion: 1,
        response: 'accepted',
        targetDate: dateIn(0),
      });
      // Time passes: the response of `late` falls due, the target of `missed` goes by.
      await t.sql.query(`UPDATE recommendations SET response_due_at = now() - interval '1 hour' WHERE id = $1`, [
        late.id,
      ]);
      await t.sql.query(`UPDATE recommendations SET target_date = (now() AT TIME ZONE 'UTC')::date - 1 WHERE id = $1`, [
        missed.id,
      ]);
    });

    const ids = (res: { body: { items: RecommendationBody[] } }) => res.body.items.map((r) => r.id).sort();

    it('filters by agency, theme, state, source kind and overdue, in SQL', async () => {
      const other = { agencyId: w.agencies.other.id };
      expect(ids(await get(w.commissioner, '', { ...other, theme: 'detention' }))).toEqual(
        [fresh.id, late.id, missed.id].sort(),
      );
      expect(ids(await get(w.commissioner, '', { ...other, overdue: 'true' }))).toEqual([late.id, missed.id].sort());
      expect(ids(await get(w.commissioner, '', { ...other, state: 'accepted', theme: 'detention' }))).toEqual([
        missed.id,
      ]);
      const fromReviews = await get(w.commissioner, '', { sourceKind: 'review' });
      expect(fromReviews.body.items.length).toBeGreaterThan(0);
      expect(fromReviews.body.items.every((r: RecommendationBody) => r.source.kind === 'review')).toBe(true);
    });

    it('shows each agency only what is addressed to it', async () => {
      const all = (await get(w.otherSupervisor, '', { limit: 200 })).body.items as RecommendationBody[];
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(all.every((r) => r.agencyId === w.agencies.other.id)).toBe(true);
      const asked = await get(w.supervisor, '', { agencyId: w.agencies.other.id });
      expect(asked.body.items).toEqual([]);
      expect(
        (await get(w.decisionMaker, '', { limit: 200 })).body.items.every(
          (r: RecommendationBody) => r.agencyId === w.agencies.authority.id,
        ),
      ).toBe(true);
    });

    it('pages with an opaque cursor, every row once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(w.commissioner, '', {
          agencyId: w.agencies.other.id,
          limit: 1,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.status).toBe(200);
        seen.push(...ids(page));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining([fresh.id, late.id, missed.id]));
      expectProblem(await get(w.commissioner, '', { cursor: 'not-ours' }), 400);
    });

    it('answers Accept: text/csv with RFC 4180 CSV, a formula defused and quotes doubled', async () => {
      const res = await t
        .http()
        .get('/api/v1/recommendations')
        .query({ agencyId: w.agencies.other.id, theme: 'detention', limit: 2 })
        .set('authorization', w.commissioner.auth)
        .set('accept', 'text/csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['next-cursor']).toEqual(expect.any(String));
      const rows = parseCsv(res.text);
      expect(rows[0]).toEqual([
        'id',
        'agencyId',
        'sourceKind',
        'sourceId',
        'theme',
        'priority',
        'state',
        'version',
        'issuedAt',
        'responseDueAt',
        'targetDate',
        'repeatOf',
        'text',
      ]);
      expect(rows).toHaveLength(3);
      const row = rows.find((r) => r[0] === fresh.id);
      expect(row?.[12]).toBe(`'=HYPERLINK("http://evil.example","click"), then "quote"`);
      expect(res.text).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), then ""quote"""');
    });

    it.each([
      ['state', 'open'],
      ['theme', 'morale'],
      ['sourceKind', 'rumour'],
      ['overdue', 'yes'],
      ['agencyId', 'own'],
    ])('refuses the filter %s=%s with 400 naming it', async (field, value) => {
      expect(errorFields(expectProblem(await get(w.commissioner, '', { [field]: value }), 400))).toContain(field);
    });
  });

  describe('in the database', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of history, even to a superuser in a replica session', async () => {
      for (const statement of [
        `UPDATE recommendation_history SET details = '{}'`,
        'DELETE FROM recommendation_history',
        'TRUNCATE recommendation_history',
      ]) {
        await expect(withSuperuser(t.sql, (c) => c.query(statement))).rejects.toThrow(/append-only/);
        // ENABLE ALWAYS: a replica session (which skips ordinary triggers) is refused too.
        await expect(
          withSuperuser(t.sql, async (c) => {
            await c.query('SET session_replication_role = replica');
            return c.query(statement);
          }),
        ).rejects.toThrow(/append-only/);
      }
    });

    it('lets the app role neither change nor delete history, nor delete a recommendation', async () => {
      const { rows } = await t.sql.query<{ table: string; privilege: string }>(
        `SELECT table_name AS table, privilege_type AS privilege FROM information_schema.role_table_grants
          WHERE grantee = $1 AND table_name IN ('recommendations', 'recommendation_history')
          ORDER BY 1, 2`,
        [t.config.database.appRole],
      );
      expect(rows).toEqual([
        { table: 'recommendation_history', privilege: 'INSERT' },
        { table: 'recommendation_history', privilege: 'SELECT' },
        { table: 'recommendations', privilege: 'INSERT' },
        { table: 'recommendations', privilege: 'SELECT' },
        { table: 'recommendations', privilege: 'UPDATE' },
      ]);
    });
  });

  // Last: it leaves the log broken for anything after it.
  describe('the audit chain', () => {
    it('verifies with the recommendation chains, and finds a tampered recommendation event', async () => {
      const before = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
      expect(before.body).toMatchObject({ ok: true });
      const r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
      await recommendationAction(t, w.supervisor, r.id, 'respond', {
        expectedVersion: 1,
        response: 'rejected',
        reason: LONG_ENOUGH,
      });
      const [, responded] = await readChain(t.sql, `recommendation:${r.id}`);
      await tamper(t.sql, async (c) => {
        const { rowCount } = await c.query(
          `UPDATE audit_events SET payload = replace(payload::text, '"rejected"', '"accepted"')::json WHERE id = $1`,
          [responded.id],
        );
        expect(rowCount).toBe(1);
      });
      const after = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
      expect(after.body).toMatchObject({
        ok: false,
        reason: 'hash_mismatch',
        chainId: `recommendation:${r.id}`,
        firstInvalidEventId: responded.id,
      });
    });
  });
});
