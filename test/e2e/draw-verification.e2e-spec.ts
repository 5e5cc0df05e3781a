import { decided, openCase } from '../factories/cases.js';
import { declinedCase, drawSample } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { withSuperuser } from '../support/audit-tamper.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

interface Verification {
  verified: boolean;
  populationDigestMatches: boolean;
  sampleDigestMatches: boolean;
  strataMatch: boolean;
  differences: { decisionRecordId: string; reviewId: string | null; kind: string }[];
  differenceCount: number;
}

/**
 * GET /sampling-runs/{id}/verification recomputes a run's draw from its seed
 * over the population as it stood at draw time, and names every record whose
 * review is not what the seed selects.
 */
describe('verifying a sampling run’s draw', () => {
  let t: TestApp;
  let w: World;
  const period = { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) };
  const rates = { rate: 0.5, negativeRate: 0.5, minPerStratum: 1 };
  let first: Awaited<ReturnType<typeof drawSample>>;

  const verify = async (runId: string): Promise<Verification> => {
    const res = await t
      .http()
      .get(`/api/v1/sampling-runs/${runId}/verification`)
      .set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    return res.body as Verification;
  };
  const reviewedRecord = async (reviewId: string) =>
    (
      await t.sql.query<{ decision_record_id: string }>(`SELECT decision_record_id FROM reviews WHERE id = $1`, [
        reviewId,
      ])
    ).rows[0].decision_record_id;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    for (let i = 0; i < 6; i++) await declinedCase(t, w.officer);
    for (let i = 0; i < 4; i++) await declinedCase(t, w.otherOfficer);
    first = await drawSample(t, w.commissioner, period, rates);
  });
  afterAll(async () => t.close());

  it('confirms an untouched draw', async () => {
    expect(first.reviews.length).toBeGreaterThan(0);
    expect(await verify(first.runId)).toMatchObject({
      verified: true,
      populationDigestMatches: true,
      sampleDigestMatches: true,
      strataMatch: true,
      differences: [],
      differenceCount: 0,
    });
  });

  it('still confirms it after late records in its period and a later run over the same period', async () => {
    // Recorded after the first run's cutoff: never part of its population, whatever their occurredAt.
    for (let i = 0; i < 3; i++) await declinedCase(t, w.officer);
    const second = await drawSample(t, w.commissioner, period, { rate: 1, negativeRate: 1, minPerStratum: 1 });
    // Everything the first run left, and the late records, are the second run's.
    expect(second.reviews.length).toBe(13 - first.reviews.length);

    expect((await verify(first.runId)).verified).toBe(true);
    expect((await verify(second.runId)).verified).toBe(true);
  });

  it('names the records of a review moved to another record, and of one whose copy was altered', async () => {
    const [moved, altered] = first.reviews;
    const original = await reviewedRecord(moved.id);
    const other = await reviewedRecord(altered.id);
    // A record outside the run's population (recorded after it): a superuser moves a review onto it.
    const late = await openCase(t, w.officer);
    await decided(t, w.officer, late.id, { type: 'refer', expectedVersion: 0, reason: 'Indicators of deception' });
    const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM decision_records WHERE case_id = $1`, [late.id]);
    const foreign = rows[0].id;
    await withSuperuser(t.sql, async (c) => {
      await c.query('BEGIN');
      await c.query('ALTER TABLE reviews DISABLE TRIGGER reviews_frozen');
      await c.query(`UPDATE reviews SET decision_record_id = $2 WHERE id = $1`, [moved.id, foreign]);
      await c.query(`UPDATE reviews SET selection_score = selection_score / 2 WHERE id = $1`, [altered.id]);
      await c.query('ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_frozen');
      await c.query('COMMIT');
    });

    const result = await verify(first.runId);
    expect(result).toMatchObject({
      verified: false,
      populationDigestMatches: true,
      sampleDigestMatches: true,
      strataMatch: true,
      differenceCount: 3,
    });
    expect([...result.differences].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { decisionRecordId: other, reviewId: altered.id, kind: 'altered' },
      { decisionRecordId: original, reviewId: null, kind: 'missing' },
      { decisionRecordId: foreign, reviewId: moved.id, kind: 'unexpected' },
    ]);
  });

  it('answers 409 for a run not drawn yet, and 404 for an unknown one', async () => {
    const queued = await t
      .http()
      .post('/api/v1/sampling-runs')
      .set('authorization', w.commissioner.auth)
      .send({ from: '2020-01-06T00:00:00.000Z', to: '2020-01-13T00:00:00.000Z' });
    expect(queued.status).toBe(201);
    const res = await t
      .http()
      .get(`/api/v1/sampling-runs/${queued.body.id}/verification`)
      .set('authorization', w.commissioner.auth);
    expectProblem(res, 409);
    const unknown = await t
      .http()
      .get('/api/v1/sampling-runs/0192f000-0000-7000-8000-000000000000/verification')
      .set('authorization', w.commissioner.auth);
    expectProblem(unknown, 404);
  });
});
