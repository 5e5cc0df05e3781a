import { scanNow } from '../factories/alerts.js';
import { decided, openCase } from '../factories/cases.js';
import { issueRecommendation } from '../factories/recommendations.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Dashboard {
  asOf: string;
  alerts: { critical: number; high: number };
  detentions: { pastScreeningLimit: number; pastMaxDetention: number } | null;
  reviews: { awaitingConclusion: number; awaitingResponse: number };
  recommendations: { awaitingResponse: number; pastTarget: number };
  visits: { due: number } | null;
}

/**
 * SPEC §15's dashboard counts, for what each caller may read. The test writes a known set of things that need
 * attention and checks by how much each caller's counts grew: what the world held before does not matter.
 */
describe('GET /api/v1/dashboard (SPEC §15)', () => {
  let t: TestApp;
  let w: World;
  const dashboardOf = async (by: Session): Promise<Dashboard> =>
    (await t.http().get('/api/v1/dashboard').set('authorization', by.auth).expect(200)).body as Dashboard;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('counts what each caller may read, and grows by exactly what was added', async () => {
    const callers = {
      commissioner: w.commissioner,
      analyst: w.analyst,
      supervisor: w.supervisor,
      otherSupervisor: w.otherSupervisor,
      decisionMaker: w.decisionMaker,
    };
    const before = Object.fromEntries(
      await Promise.all(Object.entries(callers).map(async ([name, s]) => [name, await dashboardOf(s)] as const)),
    );

    const detained = (at: number) => ({
      encounter: { at: iso(at - HOUR), location: 'Dashboard test crossing', kind: 'border_entry' },
      detention: { at: iso(at), facility: 'Dashboard test holding', legalBasis: 'Aliens Act s. 62' },
    });
    // Own agency: one held 3 days in screening (past 48 h), one held 30 days (past 28 days, and past 48 h in
    // screening), one held an hour. The other agency: one held 3 days.
    await openCase(t, w.officer, detained(Date.now() - 3 * DAY));
    await openCase(t, w.officer, detained(Date.now() - 30 * DAY));
    await openCase(t, w.officer, detained(Date.now() - HOUR));
    await openCase(t, w.otherOfficer, detained(Date.now() - 3 * DAY));
    await scanNow(t, w.commissioner);
    await issueRecommendation(t, w.commissioner, w.agencies.own.id);
    await issueRecommendation(t, w.commissioner, w.agencies.own.id, { priority: 'urgent' });
    await issueRecommendation(t, w.commissioner, w.agencies.other.id);

    const after = Object.fromEntries(
      await Promise.all(Object.entries(callers).map(async ([name, s]) => [name, await dashboardOf(s)] as const)),
    );
    const grown = (name: keyof typeof callers) => {
      const a = after[name];
      const b = before[name];
      return {
        alerts: { critical: a.alerts.critical - b.alerts.critical, high: a.alerts.high - b.alerts.high },
        detentions:
          a.detentions && b.detentions
            ? {
                pastScreeningLimit: a.detentions.pastScreeningLimit - b.detentions.pastScreeningLimit,
                pastMaxDetention: a.detentions.pastMaxDetention - b.detentions.pastMaxDetention,
              }
            : a.detentions,
        recommendations: {
          awaitingResponse: a.recommendations.awaitingResponse - b.recommendations.awaitingResponse,
          pastTarget: a.recommendations.pastTarget - b.recommendations.pastTarget,
        },
        visits: a.visits === null ? null : 'counted',
      };
    };

    // The scan raised screening_overdue (high) for the three held > 48 h in screening, and detention_limit_exceeded
    // (critical) for the one held 30 days; both rules are the agencies' to see.
    expect(grown('commissioner')).toEqual({
      alerts: { critical: 1, high: 3 },
      detentions: { pastScreeningLimit: 3, pastMaxDetention: 1 },
      recommendations: { awaitingResponse: 3, pastTarget: 0 },
      visits: 'counted',
    });
    expect(grown('supervisor')).toEqual({
      alerts: { critical: 1, high: 2 },
      detentions: { pastScreeningLimit: 2, pastMaxDetention: 1 },
      recommendations: { awaitingResponse: 2, pastTarget: 0 },
      visits: null,
    });
    expect(grown('otherSupervisor')).toEqual({
      alerts: { critical: 0, high: 1 },
      detentions: { pastScreeningLimit: 1, pastMaxDetention: 0 },
      recommendations: { awaitingResponse: 1, pastTarget: 0 },
      visits: null,
    });
    // The competent authority reads the referred cases only; none of these was referred.
    expect(grown('decisionMaker').detentions).toEqual({ pastScreeningLimit: 0, pastMaxDetention: 0 });
    expect(grown('decisionMaker').visits).toBeNull();
    expect(new Date(after.commissioner.asOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('counts reviews awaiting a conclusion and a response from the counts the triggers keep, equal to the reviews', async () => {
    const start = new Date();
    const c = await openCase(t, w.officer);
    await decided(t, w.officer, c.id, {
      expectedVersion: c.version,
      type: 'refer',
      reason: 'Recorded for the dashboard test',
    });
    const before = { commissioner: await dashboardOf(w.commissioner), supervisor: await dashboardOf(w.supervisor) };
    const { reviews } = await drawSample(t, w.commissioner, { from: start, to: new Date(Date.now() + 60_000) });
    expect(reviews.length).toBeGreaterThan(0);
    await reviewCommand(t, w.commissioner, reviews[0].id, 'assign', { reviewerId: w.reviewer.id });
    await reviewCommand(t, w.reviewer, reviews[0].id, 'conclude', {
      finding: 'concern',
      rationale: 'The referral came late for the indicators recorded at the encounter.',
    });
    const after = { commissioner: await dashboardOf(w.commissioner), supervisor: await dashboardOf(w.supervisor) };
    expect(after.commissioner.reviews.awaitingConclusion - before.commissioner.reviews.awaitingConclusion).toBe(
      reviews.length - 1,
    );
    expect(after.commissioner.reviews.awaitingResponse - before.commissioner.reviews.awaitingResponse).toBe(1);
    // An agency never sees a review before its conclusion; it sees the one now waiting for its answer.
    expect(after.supervisor.reviews).toEqual({
      awaitingConclusion: 0,
      awaitingResponse: before.supervisor.reviews.awaitingResponse + 1,
    });
    const kept = await t.sql.query(
      `SELECT status, deciding_agency_id, case_agency_id, assigned_reviewer_id, concluded, n::int FROM review_counts
        WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
    );
    const counted = await t.sql.query(
      `SELECT status, deciding_agency_id, case_agency_id, assigned_reviewer_id, concluded_at IS NOT NULL AS concluded,
              count(*)::int AS n
         FROM reviews GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
    expect(kept.rows).toEqual(counted.rows);
  });

  it('gives a role that reads no case no detention figures', async () => {
    const admin = await dashboardOf(w.admin);
    expect(admin.detentions).toBeNull();
    expect(admin.visits).toBeNull();
  });
});
