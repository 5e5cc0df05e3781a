import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createAgency, type Agency } from '../factories/agencies.js';
import { decided, openCase } from '../factories/cases.js';
import {
  backdateDraft,
  investigationAction,
  openInvestigation,
  TERMS_OF_REFERENCE,
  type InvestigationBody,
} from '../factories/investigations.js';
import { createPlace } from '../factories/places.js';
import type { Session } from '../factories/session.js';
import { createUser, issueApiKey } from '../factories/users.js';
import { createWorld, type World } from '../factories/world.js';
import { withSuperuser } from '../support/audit-tamper.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
const DAY = 86_400_000;
/** Every POST /investigations/{id}/<action> but comment, which the walk below takes at its own steps. */
const ACTIONS = ['investigators', 'evidence', 'draft', 'publish', 'close_without_findings'] as const;

describe('investigations (SPEC §13)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  const post = (by: Session, path: string, body: object): Promise<Response> =>
    t.http().post(`/api/v1/investigations${path}`).set('authorization', by.auth).send(body);
  const get = (by: Session, path = '', query: Record<string, string | number> = {}): Promise<Response> =>
    t.http().get(`/api/v1/investigations${path}`).query(query).set('authorization', by.auth);
  const counts = async () => {
    const { rows } = await t.sql.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM investigations) AS investigations,
              (SELECT count(*)::int FROM investigation_evidence) AS evidence,
              (SELECT count(*)::int FROM investigation_comments) AS comments,
              (SELECT count(*)::int FROM recommendations) AS recommendations,
              (SELECT max(version) FROM investigations) AS versions,
              (SELECT count(*)::int FROM audit_events WHERE chain_id LIKE 'investigation:%') AS events`,
    );
    return rows[0];
  };

  /*
   * Agencies and users of their own, so what each list holds is exactly what this walk made: a frontline agency
   * and a competent authority in scope, and the world's other frontline agency outside it.
   */
  describe('what an agency sees, state by state', () => {
    let frontline: Agency;
    let authority: Agency;
    let supervisor: Session;
    let officer: Session;
    let apiKey: Session;
    let decisionMaker: Session;
    let caseId: string;
    let placeId: string;

    beforeAll(async () => {
      frontline = await createAgency(t, w.admin, 'frontline');
      authority = await createAgency(t, w.admin, 'competent_authority');
      [supervisor, officer, decisionMaker] = await Promise.all([
        createUser(t, w.admin, 'agency_supervisor', frontline.id),
        createUser(t, w.admin, 'agency_officer', frontline.id),
        createUser(t, w.admin, 'decision_maker', authority.id),
      ]);
      apiKey = await issueApiKey(t, supervisor, frontline.id);
      caseId = (await openCase(t, officer)).id;
      placeId = (await createPlace(t, w.commissioner, frontline.id)).id;
    }, SLOW);

    /** A valid body for each action: refusals below are about who asks, not what they send. */
    const bodies = (version: number): Record<(typeof ACTIONS)[number] | 'comment', Record<string, unknown>> => ({
      investigators: { expectedVersion: version, reviewerIds: [w.reviewer.id] },
      evidence: { expectedVersion: version, kind: 'case', id: caseId, note: 'Detained 40 days, never screened' },
      draft: {
        expectedVersion: version,
        text: 'Draft: screening happens after detention, not before.',
        proposedRecommendations: [
          { agencyId: frontline.id, theme: 'detention', priority: 'urgent', text: 'Screen before detaining.' },
          { agencyId: authority.id, theme: 'referral', priority: 'normal', text: 'Decide RG within five days.' },
        ],
      },
      comment: { expectedVersion: version, text: 'Holding room 2 has had an interpreter since May.' },
      publish: { expectedVersion: version, text: 'Final: screening happens after detention, not before.' },
      close_without_findings: { expectedVersion: version, reason: 'Nothing to examine.' },
    });
    const createBody = () => ({
      title: 'Probe',
      origin: 'own_initiative',
      scope: { agencyIds: [frontline.id] },
      termsOfReference: TERMS_OF_REFERENCE,
    });

    /** What `who` gets from every investigations route but comment, by route. */
    async function probe(who: Session, id: string, version: number) {
      const answer = (res: Response) => ({ status: res.status, body: res.body as unknown });
      const views: Record<string, { status: number; body: unknown }> = {
        'GET /investigations': answer(await get(who, '', { limit: 200 })),
        'GET /investigations/:id': answer(await get(who, `/${id}`)),
        'POST /investigations': answer(await post(who, '', createBody())),
      };
      for (const action of ACTIONS) {
        views[`POST /investigations/:id/${action}`] = answer(
          await post(who, `/${id}/${action}`, bodies(version)[action]),
        );
      }
      return views;
    }

    /**
     * Neither the investigation nor anything about it: 404 by id, absent from the list (empty while `alone`: the
     * caller may read no other), 403 on opening one.
     */
    async function expectUnseen(who: Session, id: string, version: number, alone = true): Promise<void> {
      const views = await probe(who, id, version);
      const list = views['GET /investigations'];
      if (alone) expect(list).toEqual({ status: 200, body: { items: [], nextCursor: null } });
      const listed = (list.body as { items: { id: string }[] }).items.map((i) => i.id);
      expect(listed).not.toContain(id);
      for (const [route, view] of Object.entries(views)) {
        if (route === 'GET /investigations') continue;
        expect([route, view.status]).toEqual([route, route === 'POST /investigations' ? 403 : 404]);
      }
      const comment = await post(who, `/${id}/comment`, bodies(version).comment);
      expect(['POST /investigations/:id/comment', comment.status]).toEqual(['POST /investigations/:id/comment', 404]);
    }

    /** Exactly `view` from GET by id and as the only item of the list; 403 on every action but comment. */
    async function expectSeen(who: Session, id: string, version: number, view: object): Promise<void> {
      const views = await probe(who, id, version);
      expect(views['GET /investigations/:id']).toEqual({ status: 200, body: view });
      expect(views['GET /investigations']).toEqual({ status: 200, body: { items: [view], nextCursor: null } });
      for (const [route, answer] of Object.entries(views)) {
        if (route.startsWith('GET')) continue;
        expect([route, answer.status]).toEqual([route, 403]);
      }
    }

    it(
      'shows nothing before the draft, then exactly the draft, its own comments, the report and its own ' +
        'recommendations — never the evidence, investigators, origin or scope; never anything to another agency',
      async () => {
        const outsider = w.otherSupervisor;
        const everyone = [supervisor, officer, apiKey, decisionMaker, outsider];

        // open
        let inv = await openInvestigation(t, w.commissioner, [frontline.id, authority.id], {
          origin: 'review_pattern',
          scope: { agencyIds: [frontline.id, authority.id], placeIds: [placeId] },
        });
        expect(inv).toMatchObject({ state: 'open', version: 1 });
        for (const who of everyone) await expectUnseen(who, inv.id, inv.version);

        // investigators, evidence: the file grows; still nothing shows.
        inv = await investigationAction(t, w.commissioner, inv.id, 'investigators', bodies(1).investigators);
        inv = await investigationAction(t, w.reviewer, inv.id, 'evidence', bodies(2).evidence);
        expect(inv).toMatchObject({ state: 'open', version: 3, investigators: [w.reviewer.id] });
        for (const who of everyone) await expectUnseen(who, inv.id, inv.version);

        // draft → factual_accuracy: the agencies in scope see it.
        inv = await investigationAction(t, w.commissioner, inv.id, 'draft', bodies(3).draft);
        expect(inv.state).toBe('factual_accuracy');
        const draftedAt = inv.draft!.at;
        const closes = new Date(Date.parse(draftedAt) + 14 * DAY).toISOString();
        expect(inv.commentsCloseAt).toBe(closes);
        const [toFrontline, toAuthority] = (bodies(3).draft as { proposedRecommendations: object[] })
          .proposedRecommendations;
        const seen = (extra: object) => ({
          id: inv.id,
          title: 'Screening at the northern crossing',
          state: 'factual_accuracy',
          version: 4,
          draft: {
            text: 'Draft: screening happens after detention, not before.',
            proposedRecommendations: [toFrontline],
            at: draftedAt,
          },
          commentsCloseAt: closes,
          finalText: null,
          publishedAt: null,
          recommendationIds: [],
          ...extra,
        });
        await expectSeen(supervisor, inv.id, 4, seen({ comments: [], allowedActions: ['comment'] }));
        await expectSeen(officer, inv.id, 4, seen({ allowedActions: [] }));
        await expectSeen(apiKey, inv.id, 4, seen({ allowedActions: [] }));
        const authoritySees = (extra: object) => ({
          ...seen(extra),
          draft: { ...seen({}).draft, proposedRecommendations: [toAuthority] },
        });
        await expectSeen(decisionMaker, inv.id, 4, authoritySees({ comments: [], allowedActions: ['comment'] }));
        await expectUnseen(outsider, inv.id, 4);
        // An officer or API key of an agency in scope reads, but only its supervisor answers for it.
        expectProblem(await post(officer, `/${inv.id}/comment`, bodies(4).comment), 403);
        expectProblem(await post(apiKey, `/${inv.id}/comment`, bodies(4).comment), 403);

        // comments: each agency sees its own.
        const afterSupervisor = await post(supervisor, `/${inv.id}/comment`, bodies(4).comment);
        expect(afterSupervisor.status).toBe(200);
        const own = (afterSupervisor.body as InvestigationBody).comments as { id: string; at: string }[];
        const supervisorComment = {
          id: own[0].id,
          agencyId: frontline.id,
          by: { id: supervisor.id, role: 'agency_supervisor' },
          text: 'Holding room 2 has had an interpreter since May.',
          at: own[0].at,
        };
        expect(afterSupervisor.body).toEqual(
          seen({ version: 5, comments: [supervisorComment], allowedActions: ['comment'] }),
        );
        const afterAuthority = await post(decisionMaker, `/${inv.id}/comment`, {
          expectedVersion: 5,
          text: 'RG decisions in March took four days on average.',
        });
        expect(afterAuthority.status).toBe(200);
        const authorityComment = ((afterAuthority.body as InvestigationBody).comments as object[])[0];
        expect(authorityComment).toMatchObject({ agencyId: authority.id, by: { id: decisionMaker.id } });
        expect(afterAuthority.body).toEqual(
          authoritySees({ version: 6, comments: [authorityComment], allowedActions: ['comment'] }),
        );
        await expectSeen(
          supervisor,
          inv.id,
          6,
          seen({ version: 6, comments: [supervisorComment], allowedActions: ['comment'] }),
        );
        await expectSeen(officer, inv.id, 6, seen({ version: 6, allowedActions: [] }));
        await expectUnseen(outsider, inv.id, 6);
        const office = await get(w.commissioner, `/${inv.id}`);
        expect(office.body.comments).toEqual([supervisorComment, authorityComment]);

        // publish: the final text, and each agency its own recommendations.
        inv = await investigationAction(t, w.commissioner, inv.id, 'publish', bodies(6).publish);
        expect(inv).toMatchObject({ state: 'published', version: 7, finalText: bodies(6).publish.text });
        expect(inv.recommendationIds).toHaveLength(2);
        const recommendations = await Promise.all(
          inv.recommendationIds.map(
            async (id) =>
              (await t.http().get(`/api/v1/recommendations/${id}`).set('authorization', w.commissioner.auth)).body,
          ),
        );
        const [recFrontline, recAuthority] = inv.recommendationIds;
        expect(recommendations).toEqual([
          expect.objectContaining({
            id: recFrontline,
            agencyId: frontline.id,
            source: { kind: 'investigation', id: inv.id },
            theme: 'detention',
            priority: 'urgent',
            text: 'Screen before detaining.',
            state: 'issued',
          }),
          expect.objectContaining({ id: recAuthority, agencyId: authority.id, theme: 'referral' }),
        ]);
        const published = (extra: object) =>
          seen({
            state: 'published',
            version: 7,
            finalText: 'Final: screening happens after detention, not before.',
            publishedAt: inv.publishedAt,
            allowedActions: [],
            ...extra,
          });
        await expectSeen(
          supervisor,
          inv.id,
          7,
          published({ comments: [supervisorComment], recommendationIds: [recFrontline] }),
        );
        await expectSeen(officer, inv.id, 7, published({ recommendationIds: [recFrontline] }));
        await expectSeen(apiKey, inv.id, 7, published({ recommendationIds: [recFrontline] }));
        await expectSeen(
          decisionMaker,
          inv.id,
          7,
          authoritySees({ ...published({}), comments: [authorityComment], recommendationIds: [recAuthority] }),
        );
        expectProblem(await post(supervisor, `/${inv.id}/comment`, bodies(7).comment), 409);
        await expectUnseen(outsider, inv.id, 7);
        // Each agency reads the recommendation addressed to it, and only that one.
        const read = (who: Session, id: string) =>
          t.http().get(`/api/v1/recommendations/${id}`).set('authorization', who.auth);
        expect((await read(supervisor, recFrontline)).status).toBe(200);
        expectProblem(await read(supervisor, recAuthority), 404);
        expectProblem(await read(outsider, recFrontline), 404);
      },
      SLOW,
    );

    it('never shows an investigation closed without findings to any agency', async () => {
      let inv = await openInvestigation(t, w.commissioner, [frontline.id, authority.id]);
      inv = await investigationAction(t, w.commissioner, inv.id, 'close_without_findings', {
        expectedVersion: 1,
        reason: 'The pattern came from records entered twice.',
      });
      expect(inv).toMatchObject({ state: 'closed', closeReason: 'The pattern came from records entered twice.' });
      for (const who of [supervisor, officer, apiKey, decisionMaker]) await expectUnseen(who, inv.id, 2, false);
    });
  });

  describe('the office’s file', () => {
    it('shows the commissioner everything, with every change in the investigation’s own chain', async () => {
      const place = await createPlace(t, w.commissioner, w.agencies.own.id);
      const opened = await post(w.commissioner, '', {
        title: 'Referral delays',
        origin: 'visit',
        scope: { agencyIds: [w.agencies.own.id], placeIds: [place.id] },
        termsOfReference: TERMS_OF_REFERENCE,
      });
      expect(opened.status).toBe(201);
      const inv = opened.body as InvestigationBody;
      expect(inv).toEqual({
        id: inv.id,
        title: 'Referral delays',
        state: 'open',
        version: 1,
        origin: 'visit',
        complaintId: null,
        scope: { agencyIds: [w.agencies.own.id], placeIds: [place.id] },
        termsOfReference: TERMS_OF_REFERENCE,
        investigators: [],
        evidence: [],
        openedAt: expect.any(String),
        draft: null,
        commentsCloseAt: null,
        comments: [],
        finalText: null,
        publishedAt: null,
        closedAt: null,
        closeReason: null,
        recommendationIds: [],
        allowedActions: ['assign_investigators', 'add_evidence', 'draft', 'close_without_findings'],
      });
      const c = await openCase(t, w.officer);
      let now = await investigationAction(t, w.commissioner, inv.id, 'evidence', {
        expectedVersion: 1,
        kind: 'case',
        id: c.id,
        note: 'Referred after 20 days',
      });
      expect(now.evidence).toEqual([
        {
          kind: 'case',
          id: c.id,
          note: 'Referred after 20 days',
          addedBy: w.commissioner.id,
          addedAt: expect.any(String),
        },
      ]);
      now = await investigationAction(t, w.commissioner, inv.id, 'draft', {
        expectedVersion: 2,
        text: 'Draft',
        proposedRecommendations: [],
      });
      expect(now.draft).toEqual({ text: 'Draft', proposedRecommendations: [], at: expect.any(String) });
      now = await investigationAction(t, w.commissioner, inv.id, 'publish', { expectedVersion: 3, text: 'Final' });
      expect(now).toMatchObject({ state: 'published', recommendationIds: [], allowedActions: [] });
      // Reviewers and analysts read it all too.
      for (const staff of [w.reviewer, w.analyst, w.conflictedReviewer]) {
        expect((await get(staff, `/${inv.id}`)).body).toEqual({ ...now, allowedActions: [] });
      }

      const events = await t
        .http()
        .get('/api/v1/audit/events')
        .query({ chainId: `investigation:${inv.id}`, limit: 200 })
        .set('authorization', w.commissioner.auth);
      expect((events.body.items as { action: string }[]).map((e) => e.action).sort()).toEqual(
        [
          'investigation.opened',
          'investigation.evidence_added',
          'investigation.drafted',
          'investigation.published',
        ].sort(),
      );
      const verify = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
      expect(verify.body).toMatchObject({ ok: true });
    });

    it('answers a retry with the same Idempotency-Key with the first response, writing nothing more', async () => {
      const key = `inv-${randomUUID()}`;
      const send = (title: string) =>
        t
          .http()
          .post('/api/v1/investigations')
          .set('authorization', w.commissioner.auth)
          .set('idempotency-key', key)
          .send({ title, origin: 'own_initiative', scope: { agencyIds: [w.agencies.own.id] }, termsOfReference: 'x' });
      const first = await send('Once');
      expect(first.status).toBe(201);
      const before = await counts();
      const retry = await send('Once');
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expectProblem(await send('Other'), 422);
      expect(await counts()).toEqual(before);
    });
  });

  describe('bad input', () => {
    let inv: InvestigationBody;
    let ownCase: string;
    let otherCase: string;
    let authorityRecord: string;
    let visitId: string;

    beforeAll(async () => {
      inv = await openInvestigation(t, w.commissioner, [w.agencies.own.id, w.agencies.authority.id]);
      ownCase = (await openCase(t, w.officer)).id;
      const other = await openCase(t, w.otherOfficer);
      otherCase = other.id;
      // A reasonable-grounds decision the competent authority (in scope) made on the other agency's case.
      await decided(t, w.otherOfficer, other.id, { type: 'refer', expectedVersion: 0, reason: 'Indicators' });
      await decided(t, w.decisionMaker, other.id, {
        type: 'reasonable_grounds',
        expectedVersion: 1,
        outcome: 'positive',
        reason: 'Credible account of recruitment by deception.',
      });
      const { rows } = await t.sql.query<{ id: string }>(
        `SELECT id FROM decision_records WHERE case_id = $1 AND type = 'reasonable_grounds'`,
        [other.id],
      );
      authorityRecord = rows[0].id;
      const place = await createPlace(t, w.commissioner, w.agencies.own.id);
      const visit = await t
        .http()
        .post('/api/v1/visits')
        .set('authorization', w.commissioner.auth)
        .send({ placeId: place.id, day: '2030-01-08' });
      visitId = visit.body.id as string;
    }, SLOW);

    const valid = () => ({
      title: 'T',
      origin: 'own_initiative',
      scope: { agencyIds: [w.agencies.own.id] },
      termsOfReference: 'ToR',
    });

    it.each<[string, () => object, number, string]>([
      ['no title', () => ({ ...valid(), title: undefined }), 400, 'title'],
      ['a blank title', () => ({ ...valid(), title: '   ' }), 400, 'title'],
      ['origin complaint (set by triage only)', () => ({ ...valid(), origin: 'complaint' }), 400, 'origin'],
      ['an empty scope', () => ({ ...valid(), scope: { agencyIds: [] } }), 400, 'scope.agencyIds'],
      ['a scope that is no object', () => ({ ...valid(), scope: [] }), 400, 'scope'],
      ['an agency id that is no uuid', () => ({ ...valid(), scope: { agencyIds: ['own'] } }), 400, 'scope.agencyIds'],
      ['an unknown field', () => ({ ...valid(), secret: true }), 400, 'secret'],
      [
        'the office itself in scope',
        () => ({ ...valid(), scope: { agencyIds: [w.agencies.office.id] } }),
        422,
        'scope.agencyIds',
      ],
      ['an unknown agency', () => ({ ...valid(), scope: { agencyIds: [randomUUID()] } }), 422, 'scope.agencyIds'],
      [
        'a place no agency in scope runs',
        () => ({ ...valid(), scope: { agencyIds: [w.agencies.own.id], placeIds: [randomUUID()] } }),
        422,
        'scope.placeIds',
      ],
    ])('refuses to open one with %s, naming the field, writing nothing', async (_name, body, status, field) => {
      const before = await counts();
      expect(errorFields(expectProblem(await post(w.commissioner, '', body()), status))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('links evidence of the agencies in scope: their cases, records they decided, visits at their places', async () => {
      let now = await investigationAction(t, w.commissioner, inv.id, 'evidence', {
        expectedVersion: inv.version,
        kind: 'case',
        id: ownCase,
        note: 'n',
      });
      now = await investigationAction(t, w.commissioner, inv.id, 'evidence', {
        expectedVersion: now.version,
        kind: 'decision_record',
        id: authorityRecord,
        note: 'RG on another agency’s case',
      });
      now = await investigationAction(t, w.commissioner, inv.id, 'evidence', {
        expectedVersion: now.version,
        kind: 'visit',
        id: visitId,
        note: 'Planned visit',
      });
      expect((now.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(['case', 'decision_record', 'visit']);
      inv = now;
    });

    it.each<[string, () => object, number, string]>([
      ['a case of an agency out of scope', () => ({ kind: 'case', id: otherCase, note: 'n' }), 422, 'id'],
      ['a record that does not exist', () => ({ kind: 'review', id: randomUUID(), note: 'n' }), 422, 'id'],
      ['a record of another kind', () => ({ kind: 'alert', id: ownCase, note: 'n' }), 422, 'id'],
      ['a record already linked', () => ({ kind: 'case', id: ownCase, note: 'again' }), 422, 'id'],
      ['an unknown kind', () => ({ kind: 'rumour', id: ownCase, note: 'n' }), 400, 'kind'],
      ['no note', () => ({ kind: 'case', id: ownCase }), 400, 'note'],
    ])('refuses evidence that is %s, naming the field, writing nothing', async (_name, body, status, field) => {
      const before = await counts();
      const res = await post(w.commissioner, `/${inv.id}/evidence`, { expectedVersion: inv.version, ...body() });
      expect(errorFields(expectProblem(res, status))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each<[string, () => string[], string]>([
      ['someone who is no reviewer', () => [w.analyst.id], 'not reviewers'],
      ['a user that does not exist', () => [randomUUID()], 'not reviewers'],
      [
        'a reviewer with a conflict with an agency in scope',
        () => [w.reviewer.id, w.conflictedReviewer.id],
        'conflict',
      ],
    ])('refuses %s as investigator (422 naming reviewerIds), writing nothing', async (_name, ids, message) => {
      const before = await counts();
      const res = await post(w.commissioner, `/${inv.id}/investigators`, {
        expectedVersion: inv.version,
        reviewerIds: ids(),
      });
      const problem = expectProblem(res, 422);
      expect(problem.errors).toEqual([{ field: 'reviewerIds', message: expect.stringContaining(message) }]);
      expect(await counts()).toEqual(before);
    });

    it('lets only investigators without a conflict, and the commissioner, add evidence', async () => {
      inv = await investigationAction(t, w.commissioner, inv.id, 'investigators', {
        expectedVersion: inv.version,
        reviewerIds: [w.reviewer.id],
      });
      const body = { expectedVersion: inv.version, kind: 'case', id: otherCase, note: 'n' };
      expectProblem(await post(w.conflictedReviewer, `/${inv.id}/evidence`, body), 403);
      expectProblem(await post(w.analyst, `/${inv.id}/evidence`, body), 403);
      // The assigned reviewer gets past the gate, to the scope check.
      expectProblem(await post(w.reviewer, `/${inv.id}/evidence`, body), 422);
    });

    it.each<[string, () => object, number, string]>([
      [
        'a recommendation to an agency out of scope',
        () => ({
          proposedRecommendations: [{ agencyId: w.agencies.other.id, theme: 'data', priority: 'normal', text: 'x' }],
        }),
        422,
        'proposedRecommendations.0.agencyId',
      ],
      [
        'an unknown theme',
        () => ({
          proposedRecommendations: [{ agencyId: w.agencies.own.id, theme: 'morale', priority: 'normal', text: 'x' }],
        }),
        400,
        'proposedRecommendations.0.theme',
      ],
      ['a proposal that is no object', () => ({ proposedRecommendations: ['x'] }), 400, 'proposedRecommendations'],
      ['no proposals at all', () => ({ proposedRecommendations: undefined }), 400, 'proposedRecommendations'],
    ])('refuses a draft with %s, naming the field, writing nothing', async (_name, body, status, field) => {
      const before = await counts();
      const res = await post(w.commissioner, `/${inv.id}/draft`, {
        expectedVersion: inv.version,
        text: 'D',
        ...body(),
      });
      expect(errorFields(expectProblem(res, status))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a stale version with 409 and what the caller may do now, writing nothing', async () => {
      const before = await counts();
      const res = await post(w.commissioner, `/${inv.id}/close_without_findings`, {
        expectedVersion: inv.version - 1,
        reason: 'r',
      });
      expect(expectProblem(res, 409)).toMatchObject({
        currentVersion: inv.version,
        state: 'open',
        allowedActions: ['assign_investigators', 'add_evidence', 'draft', 'close_without_findings'],
      });
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an investigation that does not exist, and 400 for an id that is no uuid', async () => {
      expectProblem(await get(w.commissioner, `/${randomUUID()}`), 404);
      expectProblem(await get(w.commissioner, '/not-an-id'), 400);
      expectProblem(await get(w.commissioner, '', { state: 'pending' }), 400);
    });
  });

  describe('the factual-accuracy period', () => {
    it('closes after INVESTIGATION_COMMENT_DAYS: a late comment is 422 saying so, and the report may still be published', async () => {
      let inv = await openInvestigation(t, w.commissioner, [w.agencies.own.id]);
      inv = await investigationAction(t, w.commissioner, inv.id, 'draft', {
        expectedVersion: 1,
        text: 'Draft',
        proposedRecommendations: [],
      });
      await backdateDraft(t, inv.id, 15);
      const seen = await get(w.supervisor, `/${inv.id}`);
      expect(seen.body.allowedActions).toEqual([]);
      const before = await counts();
      const late = expectProblem(
        await post(w.supervisor, `/${inv.id}/comment`, { expectedVersion: 2, text: 'Too late?' }),
        422,
      );
      expect(late).toMatchObject({
        type: '/problems/comment-period-closed',
        guard: 'comment_period_closed',
        commentsCloseAt: seen.body.commentsCloseAt,
      });
      expect(late.detail).toBe(
        `The factual-accuracy period closed at ${seen.body.commentsCloseAt} (14 days after the draft); comments ` +
          'are no longer taken. The commissioner may still publish.',
      );
      expect(await counts()).toEqual(before);
      // The database refuses a late comment too, whoever writes it.
      await expect(
        t.sql.query(
          `INSERT INTO investigation_comments (id, investigation_id, agency_id, author_id, author_role, text, at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'agency_supervisor', 'late', now())`,
          [inv.id, w.agencies.own.id, w.supervisor.id],
        ),
      ).rejects.toThrow(/factual-accuracy period/);
      await investigationAction(t, w.commissioner, inv.id, 'publish', { expectedVersion: 2, text: 'Final' });
    });
  });

  describe('in the database', () => {
    it('freezes the draft once sent and the whole investigation once published, even to a superuser', async () => {
      let inv = await openInvestigation(t, w.commissioner, [w.agencies.own.id]);
      const c = await openCase(t, w.officer);
      inv = await investigationAction(t, w.commissioner, inv.id, 'evidence', {
        expectedVersion: 1,
        kind: 'case',
        id: c.id,
        note: 'n',
      });
      inv = await investigationAction(t, w.commissioner, inv.id, 'draft', {
        expectedVersion: 2,
        text: 'Draft',
        proposedRecommendations: [],
      });
      inv = await investigationAction(t, w.supervisor, inv.id, 'comment', { expectedVersion: 3, text: 'Fact' });
      await expect(
        t.sql.query(`UPDATE investigations SET draft_text = 'rewritten' WHERE id = $1`, [inv.id]),
      ).rejects.toThrow(/frozen/);
      await expect(
        t.sql.query(
          `INSERT INTO investigation_evidence (id, investigation_id, kind, record_id, note, added_by, added_at)
           VALUES (gen_random_uuid(), $1, 'case', gen_random_uuid(), 'late', $2, now())`,
          [inv.id, w.commissioner.id],
        ),
      ).rejects.toThrow(/only while the investigation is open/);
      await investigationAction(t, w.commissioner, inv.id, 'publish', { expectedVersion: 4, text: 'Final' });
      for (const statement of [
        `UPDATE investigations SET final_text = 'rewritten' WHERE id = '${inv.id}'`,
        `DELETE FROM investigations WHERE id = '${inv.id}'`,
        'TRUNCATE investigations CASCADE',
        `UPDATE investigation_comments SET text = 'x' WHERE investigation_id = '${inv.id}'`,
        `DELETE FROM investigation_evidence WHERE investigation_id = '${inv.id}'`,
      ]) {
        await expect(withSuperuser(t.sql, (c) => c.query(statement))).rejects.toThrow(
          /frozen|never removed|append-only/,
        );
        // ENABLE ALWAYS: a replica session (which skips ordinary triggers) is refused too.
        await expect(
          withSuperuser(t.sql, async (c) => {
            await c.query('SET session_replication_role = replica');
            return c.query(statement);
          }),
        ).rejects.toThrow(/frozen|never removed|append-only/);
      }
      const { rows } = await t.sql.query<{ final_text: string }>(
        `SELECT final_text FROM investigations WHERE id = $1`,
        [inv.id],
      );
      expect(rows).toEqual([{ final_text: 'Final' }]);
    });

    it('lets the app role neither delete investigations nor change their evidence and comments', async () => {
      const { rows } = await t.sql.query<{ table: string; privilege: string }>(
        `SELECT table_name AS table, privilege_type AS privilege FROM information_schema.role_table_grants
          WHERE grantee = $1 AND table_name LIKE 'investigation%' ORDER BY 1, 2`,
        [t.config.database.appRole],
      );
      expect(rows).toEqual([
        { table: 'investigation_comments', privilege: 'INSERT' },
        { table: 'investigation_comments', privilege: 'SELECT' },
        { table: 'investigation_evidence', privilege: 'INSERT' },
        { table: 'investigation_evidence', privilege: 'SELECT' },
        { table: 'investigations', privilege: 'INSERT' },
        { table: 'investigations', privilege: 'SELECT' },
        { table: 'investigations', privilege: 'UPDATE' },
      ]);
    });
  });
});
