import { CreditDecidingAgency1795564800000 } from '../../migrations/1795564800000-CreditDecidingAgency.js';
import { ownerDataSource } from '../../src/database/data-source.js';
import { decided, openCase } from '../factories/cases.js';
import { drawSample } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { databaseUrl } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

/**
 * The migration that credits decisions to their maker backfills what was
 * written before it: records written by users and API keys, the reviews of
 * a run, and the run itself (stratified by the case's agency back then).
 * Taken down and up again over real data, it gives back the same deciding
 * agencies, and the audit log still verifies.
 */
describe('migration CreditDecidingAgency over existing records', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('backfills the deciding agency of records, reviews and runs', async () => {
    const referred = await openCase(t, w.officer);
    await decided(t, w.officer, referred.id, { type: 'refer', expectedVersion: 0, reason: 'Indicators of deception' });
    await decided(t, w.decisionMaker, referred.id, {
      type: 'reasonable_grounds',
      expectedVersion: 1,
      outcome: 'negative',
      reason: 'The account of recruitment is not credible on the evidence heard.',
    });
    const byKey = await openCase(t, w.apiKey);
    await decided(t, w.apiKey, byKey.id, { type: 'refer', expectedVersion: 0, reason: 'Indicators of deception' });
    const { runId } = await drawSample(t, w.commissioner, {
      from: new Date(Date.now() - HOUR),
      to: new Date(Date.now() + HOUR),
    });
    const snapshot = () =>
      t.sql
        .query(
          `SELECT d.id, d.deciding_agency_id, r.deciding_agency_id AS review_deciding, r.case_agency_id AS review_case
             FROM decision_records d LEFT JOIN reviews r ON r.decision_record_id = d.id ORDER BY d.id`,
        )
        .then((r) => r.rows);
    const before = await snapshot();
    expect(before.map((r) => r.deciding_agency_id).sort()).toEqual(
      [w.agencies.own.id, w.agencies.own.id, w.agencies.authority.id].sort(),
    );

    const ds = ownerDataSource({ url: databaseUrl(t.database), appRole: t.config.database.appRole });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    try {
      const migration = new CreditDecidingAgency1795564800000();
      await runner.startTransaction();
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
      await ds.destroy();
    }

    expect(await snapshot()).toEqual(before);
    const { rows: runs } = await t.sql.query(
      `SELECT strata_agency, population_cutoff = started_at AS cutoff_is_start FROM sampling_runs WHERE id = $1`,
      [runId],
    );
    expect(runs).toEqual([{ strata_agency: 'case', cutoff_is_start: true }]);
    const verify = await t.http().get('/api/v1/audit/verify').set('authorization', w.commissioner.auth);
    expect(verify.body).toMatchObject({ ok: true });
  });
});
