import { openOverdueDetention, scanNow } from '../factories/alerts.js';
import { decided, openCase } from '../factories/cases.js';
import { recordComplaint } from '../factories/complaints.js';
import { investigationAction, openInvestigation } from '../factories/investigations.js';
import { createPlace } from '../factories/places.js';
import { dateIn, issueRecommendation, recommendationAction } from '../factories/recommendations.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import type { World } from '../factories/world.js';
import type { TestApp } from '../support/test-app.js';

export type SessionName = Exclude<keyof World, 'agencies'>;

/** Real rows for the fuzzer to aim at: valid ids get requests past validation into the services. */
export interface Fixtures {
  world: World;
  sessions: Record<SessionName, Session>;
  agencyIds: string[];
  userIds: string[];
  reviewerIds: string[];
  apiKeyIds: string[];
  /** Cases of the officer's agency, in various states (decisions are fuzzed on these). */
  caseIds: string[];
  /** Cases of the other frontline agency. */
  otherCaseIds: string[];
  runIds: string[];
  /** Reviews: pending, assigned, awaiting the agency's response. */
  reviewIds: string[];
  alertIds: string[];
  /** Places: one of the own agency, one of the other, one inactive of the own. */
  placeIds: string[];
  /** Visits: planned ones and one in progress, at the own agency's place. */
  visitIds: string[];
  /** Recommendations to the own agency: one issued, one accepted (version 2). */
  recommendationIds: string[];
  /** Investigations of the own agency: one open, one drafted (version 2, comments open). */
  investigationIds: string[];
  /** Complaints, received (version 1): one named about the own agency's cases, one anonymous. */
  complaintIds: string[];
  /** Every id above: plausible values in the wrong place. */
  allIds: string[];
}

export async function createFixtures(t: TestApp, w: World): Promise<Fixtures> {
  const { agencies, ...sessions } = w;
  const from = new Date(Date.now() - 60_000);
  const opened = await Promise.all([openCase(t, w.officer), openCase(t, w.officer), openCase(t, w.apiKey)]);
  const referred = await openCase(t, w.officer);
  await decided(t, w.officer, referred.id, { type: 'refer', expectedVersion: referred.version, reason: 'Indicators' });
  const declined = await Promise.all([
    declinedCase(t, w.officer),
    declinedCase(t, w.officer),
    declinedCase(t, w.officer),
    declinedCase(t, w.otherOfficer),
  ]);
  const detained = await Promise.all([openOverdueDetention(t, w.officer), openOverdueDetention(t, w.otherOfficer)]);
  const scan = await scanNow(t, w.commissioner);
  const drawn = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 1_000) });
  const own = drawn.reviews.filter((r) => r.agencyId === agencies.own.id);
  if (own.length < 3) throw new Error(`fuzz fixtures: expected 3+ reviews of the own agency, got ${own.length}`);
  // One assigned, one awaiting the agency's response; the rest stay pending.
  await reviewCommand(t, w.commissioner, own[0].id, 'assign', { reviewerId: w.reviewer.id });
  await reviewCommand(t, w.commissioner, own[1].id, 'assign', { reviewerId: w.reviewer.id });
  await reviewCommand(t, w.commissioner, own[1].id, 'conclude', CONCERN);
  const issued = await issueRecommendation(t, w.commissioner, agencies.own.id);
  const accepted = await issueRecommendation(t, w.commissioner, agencies.own.id, { priority: 'urgent' });
  await recommendationAction(t, w.supervisor, accepted.id, 'respond', {
    expectedVersion: 1,
    response: 'accepted',
    targetDate: dateIn(30),
  });

  const places = await Promise.all([
    createPlace(t, w.commissioner, agencies.own.id),
    createPlace(t, w.commissioner, agencies.other.id),
    createPlace(t, w.commissioner, agencies.own.id, { active: false }),
  ]);

  const visitIds: string[] = [];
  for (const start of [false, false, true]) {
    const res = await t
      .http()
      .post('/api/v1/visits')
      .set('authorization', w.commissioner.auth)
      .send({ placeId: places[0].id, day: '2030-01-08' });
    if (res.status !== 201) throw new Error(`fuzz fixtures: visit ${res.status}`);
    visitIds.push(res.body.id as string);
    if (start) {
      await t
        .http()
        .post(`/api/v1/visits/${res.body.id}/start`)
        .set('authorization', w.commissioner.auth)
        .send({ expectedVersion: 0 });
    }
  }

  const investigations = await Promise.all([
    openInvestigation(t, w.commissioner, [agencies.own.id]),
    openInvestigation(t, w.commissioner, [agencies.own.id, agencies.authority.id]),
  ]);
  await investigationAction(t, w.commissioner, investigations[1].id, 'draft', {
    expectedVersion: 1,
    text: 'Draft report.',
    proposedRecommendations: [],
  });

  const complaints = await Promise.all([
    recordComplaint(t, w.commissioner, [agencies.own.id], { caseIds: declined.slice(0, 2).map((c) => c.id) }),
    recordComplaint(t, w.reviewer, [agencies.own.id, agencies.authority.id], {
      anonymous: true,
      complainant: undefined,
    }),
  ]);

  const ownCases = [...opened, referred, ...declined, ...detained].filter((c) => c.agencyId === agencies.own.id);
  const otherCases = [...declined, ...detained].filter((c) => c.agencyId !== agencies.own.id);
  const fx: Omit<Fixtures, 'allIds'> = {
    world: w,
    sessions,
    agencyIds: Object.values(agencies).map((a) => a.id),
    userIds: Object.values(sessions)
      .filter((s) => s.email !== '')
      .map((s) => s.id),
    reviewerIds: [w.reviewer.id, w.conflictedReviewer.id],
    apiKeyIds: [w.apiKey.keyId],
    caseIds: ownCases.map((c) => c.id),
    otherCaseIds: otherCases.map((c) => c.id),
    runIds: [drawn.runId],
    reviewIds: drawn.reviews.map((r) => r.id),
    alertIds: scan.raised.map((a) => a.id),
    placeIds: places.map((p) => p.id),
    visitIds,
    recommendationIds: [issued.id, accepted.id],
    investigationIds: investigations.map((i) => i.id),
    complaintIds: complaints.map((c) => c.id),
  };
  const allIds = [
    ...new Set(
      [
        fx.agencyIds,
        fx.userIds,
        fx.apiKeyIds,
        fx.caseIds,
        fx.otherCaseIds,
        fx.runIds,
        fx.reviewIds,
        fx.alertIds,
        fx.placeIds,
        fx.visitIds,
        fx.recommendationIds,
        fx.investigationIds,
        fx.complaintIds,
      ].flat(),
    ),
  ];
  return { ...fx, allIds };
}
