import { decided, openCase } from '../factories/cases.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

/**
 * SPEC §5 and §7 credit a decision to the agency that made it: the competent
 * authority's negative reasonable-grounds decision on a frontline agency's
 * case is the authority's in the sample's strata, in the review (hidden from
 * both agencies until concluded, then the authority's to answer) and in the
 * report; the frontline agency keeps the case. A rejected finding stays
 * visible as `disputed` until the commissioner closes it with a note.
 */
describe('decisions credited to the deciding agency', () => {
  let t: TestApp;
  let w: World;
  const period = { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) };
  let caseId: string;
  let runId: string;
  let rgReviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const opened = await openCase(t, w.officer);
    caseId = opened.id;
    await decided(t, w.officer, caseId, { type: 'refer', expectedVersion: 0, reason: 'Indicators of deception' });
    await decided(t, w.decisionMaker, caseId, {
      type: 'reasonable_grounds',
      expectedVersion: 1,
      outcome: 'negative',
      reason: 'The account of recruitment is not credible on the evidence heard.',
    });
    const drawn = await drawSample(t, w.commissioner, period);
    runId = drawn.runId;
    const rg = drawn.reviews.find(
      (r) => (r as unknown as { decisionType: string }).decisionType === 'reasonable_grounds',
    );
    if (drawn.reviews.length !== 2 || !rg)
      throw new Error(`expected the refer and the RG drawn: ${drawn.reviews.length}`);
    rgReviewId = rg.id;
  });
  afterAll(async () => t.close());

  const get = (path: string, who: { auth: string }) => t.http().get(`/api/v1${path}`).set('authorization', who.auth);

  it('stores the deciding agency on every record: the actor’s, whoever owns the case', async () => {
    const { rows } = await t.sql.query<{ type: string; agency_id: string; deciding_agency_id: string }>(
      `SELECT type, agency_id, deciding_agency_id FROM decision_records WHERE case_id = $1 ORDER BY sequence`,
      [caseId],
    );
    expect(rows).toEqual([
      { type: 'refer', agency_id: w.agencies.own.id, deciding_agency_id: w.agencies.own.id },
      { type: 'reasonable_grounds', agency_id: w.agencies.own.id, deciding_agency_id: w.agencies.authority.id },
    ]);
  });

  it('puts the authority’s decision in the authority’s stratum, and its review under the authority', async () => {
    const run = await get(`/sampling-runs/${runId}`, w.commissioner);
    const strata = (run.body.strata as { agencyId: string; decisionType: string; outcome: string | null }[]).map(
      (s) => [s.agencyId, s.decisionType, s.outcome],
    );
    expect(strata.sort()).toEqual(
      [
        [w.agencies.own.id, 'refer', null],
        [w.agencies.authority.id, 'reasonable_grounds', 'negative'],
      ].sort(),
    );
    const review = await get(`/reviews/${rgReviewId}`, w.commissioner);
    expect(review.body).toMatchObject({ agencyId: w.agencies.authority.id, caseAgencyId: w.agencies.own.id });
  });

  it('hides the review from both agencies until concluded, then shows it to the authority only, which answers', async () => {
    for (const who of [w.decisionMaker, w.supervisor, w.officer]) {
      expect((await get(`/reviews/${rgReviewId}`, who)).status).toBe(404);
      expect((await get('/reviews', who)).body.items).toEqual([]);
    }
    await reviewCommand(t, w.commissioner, rgReviewId, 'assign', { reviewerId: w.reviewer.id });
    await reviewCommand(t, w.reviewer, rgReviewId, 'conclude', {
      finding: 'disagree',
      rationale: 'The credibility finding ignores the medical evidence of debt bondage.',
    });

    const seen = await get(`/reviews/${rgReviewId}`, w.decisionMaker);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'awaiting_response', allowedCommands: ['respond'] });
    expect((await get('/reviews', w.decisionMaker)).body.items.map((r: { id: string }) => r.id)).toEqual([rgReviewId]);
    expect((await get(`/reviews/${rgReviewId}`, w.supervisor)).status).toBe(404);
    const bySupervisor = await t
      .http()
      .post(`/api/v1/reviews/${rgReviewId}/respond`)
      .set('authorization', w.supervisor.auth)
      .send({ response: 'accept', text: 'We accept the finding on behalf of the authority.' });
    expectProblem(bySupervisor, 404);

    const rejected = await reviewCommand(t, w.decisionMaker, rgReviewId, 'respond', {
      response: 'reject',
      text: 'The medical evidence was weighed and found inconclusive.',
    });
    expect(rejected.status).toBe('disputed');
  });

  it('keeps a dispute visible and filterable until the commissioner closes it with a note', async () => {
    const list = (query: Record<string, string>) =>
      t.http().get('/api/v1/reviews').query(query).set('authorization', w.commissioner.auth);
    const ids = async (query: Record<string, string>) =>
      ((await list(query)).body.items as { id: string }[]).map((r) => r.id);

    const disputed = {
      state: 'disputed',
      finding: 'disagree',
      response: 'rejected',
      agencyId: w.agencies.authority.id,
    };
    expect(await ids(disputed)).toEqual([rgReviewId]);
    expect(await ids({ ...disputed, response: 'accepted' })).toEqual([]);
    expect(await ids({ ...disputed, finding: 'concern' })).toEqual([]);
    expect(await ids({ ...disputed, agencyId: w.agencies.own.id })).toEqual([]);
    expect(await ids({ state: 'pending' })).not.toContain(rgReviewId);
    expectProblem(await list({ response: 'accept' }), 400);

    // While disputed, the finding is unsettled: removal stays refused on the case (SPEC §3.2).
    const removal = await t.http().post(`/api/v1/cases/${caseId}/decisions`).set('authorization', w.officer.auth).send({
      type: 'close',
      expectedVersion: 2,
      outcome: 'removed',
      reason: 'Returned to the country of origin',
      riskAssessmentRef: 'RA-2026-0042',
    });
    expectProblem(removal, 422);

    const asDecisionMaker = await t
      .http()
      .post(`/api/v1/reviews/${rgReviewId}/close`)
      .set('authorization', w.decisionMaker.auth)
      .send({ note: 'The authority considers the matter settled now.' });
    expectProblem(asDecisionMaker, 403);
    const short = await t
      .http()
      .post(`/api/v1/reviews/${rgReviewId}/close`)
      .set('authorization', w.commissioner.auth)
      .send({ note: 'Noted.' });
    expectProblem(short, 422);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);

    const closed = await reviewCommand(t, w.commissioner, rgReviewId, 'close', {
      note: 'Dispute recorded; raised with the head of the authority at the quarterly meeting.',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      finding: 'disagree',
      response: 'reject',
      disputeNote: 'Dispute recorded; raised with the head of the authority at the quarterly meeting.',
    });
    expect(await ids(disputed)).toEqual([]);
    expect(await ids({ state: 'closed', response: 'rejected' })).toEqual([rgReviewId]);
    const again = await t
      .http()
      .post(`/api/v1/reviews/${rgReviewId}/close`)
      .set('authorization', w.commissioner.auth)
      .send({ note: 'Closing twice should be refused by the workflow.' });
    expectProblem(again, 409);
  });

  it('reports decisions under the deciding agency and cases under the owning agency', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/agencies')
      .query({ from: period.from.toISOString(), to: period.to.toISOString() })
      .set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    const row = (id: string) => (res.body.agencies as { agency: { id: string } }[]).find((a) => a.agency.id === id)!;
    expect(row(w.agencies.authority.id)).toMatchObject({
      casesOwnedByState: expect.objectContaining({ rg_negative: 0 }),
      decisionsMadeByType: expect.objectContaining({ reasonable_grounds: 1, refer: 0 }),
      reviews: expect.objectContaining({ concluded: 1, disagree: 1 }),
    });
    expect(row(w.agencies.own.id)).toMatchObject({
      decisionsMadeByType: expect.objectContaining({ reasonable_grounds: 0, refer: 1 }),
      reviews: expect.objectContaining({ concluded: 0 }),
    });
    // The case was encountered 72 hours ago, before the period: owned cases count by encounter.
    const csv = await t
      .http()
      .get('/api/v1/reports/agencies')
      .query({ from: period.from.toISOString(), to: period.to.toISOString() })
      .set('accept', 'text/csv')
      .set('authorization', w.decisionMaker.auth);
    expect(csv.text.split('\r\n')[0]).toContain('decisions_made_reasonable_grounds');
    expect(csv.text.split('\r\n')[1]).toContain(w.agencies.authority.id);
  });

  it('lets the authority see its own report row with its decisions, not the frontline agency’s', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/agencies')
      .query({ from: period.from.toISOString(), to: period.to.toISOString() })
      .set('authorization', w.decisionMaker.auth);
    expect(res.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([w.agencies.authority.id]);
    expect(res.body.agencies[0].decisionsMadeByType.reasonable_grounds).toBe(1);
  });
});
