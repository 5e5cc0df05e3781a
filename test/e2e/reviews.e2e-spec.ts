import { decided, openCase } from '../factories/cases.js';
import { CONCERN, declinedCase, drawSample, reviewCommand, type ReviewSummary } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
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
      .send({ response: 'accept', responseText: 'We agree and will reconsider the case.' });
    expect(responded.body).toMatchObject({
      status: 'closed',
      response: 'accept',
      responseText: 'We agree and will reconsider the case.',
    });

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

describe('responding to a review: responseText, and text as its deprecated alias', () => {
  let t: TestApp;
  let w: World;
  const awaiting: ReviewSummary[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const from = new Date(Date.now() - 60_000);
    for (let i = 0; i < 4; i++) await declinedCase(t, w.officer);
    const { reviews } = await drawSample(t, w.commissioner, { from, to: new Date() });
    for (const r of reviews) {
      await reviewCommand(t, w.commissioner, r.id, 'assign', { reviewerId: w.reviewer.id });
      awaiting.push(await reviewCommand(t, w.reviewer, r.id, 'conclude', CONCERN));
    }
  });
  afterAll(async () => t.close());

  const respond = (id: string, body: object) =>
    t.http().post(`/api/v1/reviews/${id}/respond`).set('authorization', w.supervisor.auth).send(body);
  const unchanged = async (review: ReviewSummary) => {
    const now = await t.http().get(`/api/v1/reviews/${review.id}`).set('authorization', w.commissioner.auth);
    expect(now.body).toMatchObject({ status: 'awaiting_response', version: review.version, responseText: null });
    const { rows } = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'review.responded' AND subject_id = $1`,
      [review.id],
    );
    expect(rows[0].n).toBe(0);
  };

  it('refuses both names at once (400 naming text), and no answer at all (responseText is required)', async () => {
    const review = awaiting[0];
    const both = await respond(review.id, {
      response: 'accept',
      responseText: 'We will interview the person again.',
      text: 'We will interview the person again.',
    });
    expect(expectProblem(both, 400).errors).toEqual([
      { field: 'text', message: expect.stringMatching(/responseText/) },
    ]);
    const neither = await respond(review.id, { response: 'accept' });
    expect(expectProblem(neither, 400).errors).toEqual([
      { field: 'responseText', message: 'responseText is required' },
    ]);
    await unchanged(review);
  });

  it('names the field the client sent when the answer is too short (422)', async () => {
    const review = awaiting[1];
    const canonical = expectProblem(await respond(review.id, { response: 'reject', responseText: 'No.' }), 422);
    expect(canonical).toMatchObject({ guard: 'responseText_min_length', errors: [{ field: 'responseText' }] });
    const alias = expectProblem(await respond(review.id, { response: 'reject', text: 'No.' }), 422);
    expect(alias).toMatchObject({ guard: 'text_min_length', errors: [{ field: 'text' }] });
    expect(alias.detail).toMatch(/^text /);
    await unchanged(review);
  });

  it('documents responseText, and text as deprecated, in the OpenAPI document', async () => {
    const doc = await t.http().get('/docs/openapi.json');
    const ref = doc.body.paths['/api/v1/reviews/{id}/respond'].post.requestBody.content['application/json'].schema.$ref;
    const schema = doc.body.components.schemas[ref.split('/').pop()];
    expect(schema.properties.responseText).toMatchObject({ type: 'string', maxLength: 8000 });
    expect(schema.properties.responseText.deprecated).toBeUndefined();
    expect(schema.properties.text).toMatchObject({ type: 'string', deprecated: true });
    expect(schema.required ?? []).not.toContain('text');
  });

  it('still takes the deprecated text, and shows it as responseText', async () => {
    const review = awaiting[2];
    const res = await respond(review.id, {
      response: 'reject',
      text: '  The decision stands on the interview record.  ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      // A rejected finding stays open as a dispute until the commissioner closes it.
      status: 'disputed',
      response: 'reject',
      responseText: 'The decision stands on the interview record.',
    });
  });
});

describe('a sampling run over a population larger than one write batch', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('draws a population larger than one write batch completely', async () => {
    const c = await openCase(t, w.officer);
    // 3,500 synthetic records of one case, straight into the table (foreign keys off for the load only).
    const client = await t.sql.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(
        `INSERT INTO decision_records (id, case_id, sequence, type, outcome, reason, payload, agency_id, actor_type,
                                       actor_id, actor_role, actor_agency_id, deciding_agency_id, occurred_at,
                                       recorded_at, audit_event_id, audit_hash, state_before, state_after)
         SELECT gen_random_uuid(), $1, 1000 + g, 'detain', NULL, NULL, '{}', $2, 'user', $3, 'agency_officer', $2, $2,
                now() - interval '1 hour', now(), gen_random_uuid(), '\\x00', 'screening', 'screening'
           FROM generate_series(1, 3500) g`,
        [c.id, w.agencies.own.id, w.officer.id],
      );
    } finally {
      client.release();
    }
    const run = await t
      .http()
      .post('/api/v1/sampling-runs')
      .set('authorization', w.commissioner.auth)
      .send({ from: new Date(Date.now() - DAY).toISOString(), to: new Date().toISOString(), rate: 1, negativeRate: 1 });
    expect(run.status).toBe(201);
    const { SamplingRunner } = await import('../../src/reviews/sampling-runner.js');
    const outcome = await Promise.race([
      t.app.get(SamplingRunner).execute(run.body.id as string),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 30_000)),
    ]);
    expect(outcome).toBe('completed');
    const { rows } = await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM reviews WHERE run_id = $1', [
      run.body.id,
    ]);
    expect(rows[0].n).toBe(3500);
  });
});
