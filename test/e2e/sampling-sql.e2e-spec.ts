import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  MultisetDigest,
  SAMPLED_DECISION_TYPES,
  StratifiedSampler,
  type PopulationRecord,
  type SampledDecisionType,
} from '../../src/reviews/domain/sampling.js';
import { SamplingRunner } from '../../src/reviews/sampling-runner.js';
import { openCase } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OUTCOMES: Record<SampledDecisionType, (string | null)[]> = {
  refer: [null],
  decline_referral: [null],
  detain: [null],
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  reconsider: ['upheld', 'overturned'],
  close: ['removed', 'support_provided', 'assisted_return'],
};

/**
 * The run draws in SQL (src/reviews/persistence/keyed-selection.ts) what the
 * pure sampler (src/reviews/domain/sampling.ts) specifies. Random populations,
 * the same seed both ways: the same reviews, the same strata, the same digests.
 */
describe('the SQL draw equals the pure sampler', () => {
  let t: TestApp;
  let w: World;
  let cases: { id: string; agencyId: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const own = await openCase(t, w.officer);
    const other = await openCase(t, w.otherOfficer);
    cases = [
      { id: own.id, agencyId: w.agencies.own.id },
      { id: other.id, agencyId: w.agencies.other.id },
    ];
  });
  afterAll(async () => t.close());

  it('for random populations, seeds and rates', async () => {
    let period = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            caseIndex: fc.integer({ min: 0, max: 1 }),
            // The competent authority decides on either agency's case: its strata are its own.
            byAuthority: fc.boolean(),
            type: fc.constantFrom(...SAMPLED_DECISION_TYPES),
            pick: fc.nat(),
            inPeriod: fc.boolean(),
          }),
          { minLength: 50, maxLength: 400 },
        ),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        async (specs, rate, negativeRate, minPerStratum) => {
          period += 1;
          const from = new Date(Date.UTC(2020, 0, period));
          const to = new Date(from.getTime() + 86_400_000);
          const seed = randomBytes(32);
          const population: PopulationRecord[] = [];
          const client = await t.sql.connect();
          try {
            await client.query('SET session_replication_role = replica');
            for (const s of specs) {
              const c = cases[s.caseIndex];
              const outcomes = OUTCOMES[s.type];
              const outcome = outcomes[s.pick % outcomes.length];
              const at = s.inPeriod
                ? new Date(from.getTime() + (s.pick % 86_000_000))
                : new Date(Date.UTC(2019, 0, 1) + (s.pick % 86_000_000));
              const deciding = s.byAuthority ? w.agencies.authority.id : c.agencyId;
              const { rows } = await client.query<{ id: string }>(
                `INSERT INTO decision_records (id, case_id, sequence, type, outcome, reason, payload, agency_id,
                                               actor_type, actor_id, actor_role, actor_agency_id, deciding_agency_id,
                                               occurred_at, recorded_at, audit_event_id, audit_hash, state_before, state_after)
                 VALUES (gen_random_uuid(), $1, nextval('sampling_sql_seq'), $2, $3, NULL, '{}', $4, 'user', $5,
                         'agency_officer', $7, $7, $6, now(), gen_random_uuid(), '\\x00', 'screening', 'screening')
                 RETURNING id`,
                [c.id, s.type, outcome, c.agencyId, w.officer.id, at, deciding],
              );
              if (s.inPeriod) population.push({ id: rows[0].id, agencyId: deciding, type: s.type, outcome });
            }
          } finally {
            client.release();
          }
          const run = await t
            .http()
            .post('/api/v1/sampling-runs')
            .set('authorization', w.commissioner.auth)
            .send({
              from: from.toISOString(),
              to: to.toISOString(),
              rate,
              negativeRate,
              minPerStratum,
              seed: seed.toString('hex'),
            });
          expect(run.status).toBe(201);
          expect(await t.app.get(SamplingRunner).execute(run.body.id as string)).toBe('completed');

          const sampler = new StratifiedSampler(seed, { rate, negativeRate, minPerStratum });
          const expected = new Set<string>();
          for (const r of population) if (sampler.offer(r)) expected.add(r.id);
          const { topUps, strata } = sampler.finish();
          for (const r of topUps) expected.add(r.id);

          const { rows: drawn } = await t.sql.query<{ id: string }>(
            'SELECT decision_record_id AS id FROM reviews WHERE run_id = $1',
            [run.body.id],
          );
          expect(new Set(drawn.map((d) => d.id))).toEqual(expected);

          const got = await t
            .http()
            .get(`/api/v1/sampling-runs/${run.body.id}`)
            .set('authorization', w.commissioner.auth);
          const byKey = (s: { agencyId: string; decisionType?: string; type?: string; outcome: string | null }) =>
            `${s.agencyId}|${s.decisionType ?? s.type}|${s.outcome ?? ''}`;
          expect(
            Object.fromEntries(
              (
                got.body.strata as {
                  agencyId: string;
                  decisionType: string;
                  outcome: string | null;
                  population: number;
                  sampled: number;
                }[]
              ).map((s) => [byKey(s), [s.population, s.sampled]]),
            ),
          ).toEqual(Object.fromEntries(strata.map((s) => [byKey(s), [s.population, s.sampled]])));
          const populationDigest = new MultisetDigest();
          for (const r of population) populationDigest.add(r.id);
          const sampleDigest = new MultisetDigest();
          for (const id of expected) sampleDigest.add(id);
          expect(got.body).toMatchObject({
            populationCount: population.length,
            sampleCount: expected.size,
            populationDigest: populationDigest.digest(),
            sampleDigest: sampleDigest.digest(),
          });
          // The verification recomputes the same draw; records of earlier periods' runs never enter it.
          const verification = await t
            .http()
            .get(`/api/v1/sampling-runs/${run.body.id}/verification`)
            .set('authorization', w.commissioner.auth);
          expect(verification.body).toMatchObject({ verified: true, differenceCount: 0 });
        },
      ),
      { numRuns: 12, seed: 20261125 },
    );
  });

  beforeAll(async () => {
    await t.sql.query('CREATE SEQUENCE IF NOT EXISTS sampling_sql_seq START 100');
  });
});
