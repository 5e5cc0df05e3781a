import { decided, openCase } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;

async function waitForRun(t: TestApp, w: World, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const res = await t.http().get(`/api/v1/sampling-runs/${id}`).set('authorization', w.commissioner.auth);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sampling run did not finish');
}

describe('independent review loop', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ workers: true });
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('samples decisions of several agencies, reviews them and lets an accepted disagreement reopen the case', async () => {
    const from = new Date(Date.now() - DAY).toISOString();
    const declined: string[] = [];
    for (const officer of [w.officer, w.otherOfficer]) {
      for (let i = 0; i < 3; i++) {
        const c = await openCase(t, officer);
        await decided(t, officer, c.id, {
          type: 'decline_referral',
          expectedVersion: 0,
          reason: 'No indicators of exploitation found after interview',
          indicatorsConsidered: ['deception', 'debt_bondage'],
        });
        if (officer === w.officer) declined.push(c.id);
      }
    }
    const run = await t
      .http()
      .post('/api/v1/sampling-runs')
      .set('authorization', w.commissioner.auth)
      .send({ from, to: new Date().toISOString(), rate: 1, negativeRate: 1, minPerStratum: 1 });
    expect(run.status).toBe(201);
    expect(run.body.seed).toMatch(/^[0-9a-f]{64}$/);
    const done = await waitForRun(t, w, run.body.id);
    expect(done).toMatchObject({ status: 'completed', populationCount: 6, sampleCount: 6 });
    expect(done.strata as unknown[]).toHaveLength(2);

    const hidden = await t.http().get('/api/v1/reviews').set('authorization', w.supervisor.auth);
    expect(hidden.body.items).toEqual([]);
    const reviewerView = await t
      .http()
      .get(`/api/v1/sampling-runs/${run.body.id}`)
      .set('authorization', w.reviewer.auth);
    expect(reviewerView.body.seed).toBeUndefined();

    const assigned = await t
      .http()
      .post('/api/v1/reviews/auto-assign')
      .set('authorization', w.commissioner.auth)
      .send({ runId: run.body.id });
    expect(assigned.body).toMatchObject({ assigned: 6, unassignable: [] });

    const list = await t
      .http()
      .get(`/api/v1/reviews?runId=${run.body.id}&agencyId=${w.agencies.own.id}`)
      .set('authorization', w.commissioner.auth);
    const review = list.body.items[0];
    expect(review.assignedReviewerId).toBe(w.reviewer.id);

    const concluded = await t
      .http()
      .post(`/api/v1/reviews/${review.id}/conclude`)
      .set('authorization', w.reviewer.auth)
      .send({ finding: 'disagree', rationale: 'The interview record shows debt bondage that was not weighed.' });
    expect(concluded.status).toBe(200);
    expect(concluded.body.status).toBe('awaiting_response');

    const seen = await t.http().get('/api/v1/reviews').set('authorization', w.supervisor.auth);
    expect(seen.body.items.map((r: { id: string }) => r.id)).toEqual([review.id]);
    expect(seen.body.items[0].assignedReviewerId).toBeUndefined();

    const responded = await t
      .http()
      .post(`/api/v1/reviews/${review.id}/respond`)
      .set('authorization', w.supervisor.auth)
      .send({ response: 'accept', text: 'We agree and will reconsider the case.' });
    expect(responded.body.status).toBe('closed');

    const reconsider = await t
      .http()
      .post(`/api/v1/cases/${review.caseId}/decisions`)
      .set('authorization', w.supervisor.auth)
      .send({ type: 'request_reconsideration', expectedVersion: 1, reason: 'Independent review', reviewId: review.id });
    expect(reconsider.status).toBe(201);
    expect(reconsider.body.case.state).toBe('reconsideration');
    expect(reconsider.body.decision.reviewId).toBe(review.id);

    const verify = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
    expect(verify.body.ok).toBe(true);
  });
});
