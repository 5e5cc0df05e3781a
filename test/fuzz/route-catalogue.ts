import fc from 'fast-check';
import { FINDINGS } from '../../src/reviews/domain/review-workflow.js';
import { CLOSE_OUTCOMES, DECISION_TYPES, type DecisionType } from '../../src/cases/domain/identification.js';
import { INDICATOR_CODES } from '../../src/cases/domain/indicators.js';
import { DECISION_FIELDS } from '../../src/cases/dto/record-decision.dto.js';
import type { Fixtures, SessionName } from './fixtures.js';
import { recentTimestamp, type Hints } from './valid-values.js';

/**
 * What the OpenAPI document cannot tell the fuzzer, per operation: who may
 * call it, real ids for its path, and valid values its schema does not pin
 * down (patterns, ids of rows that exist). Everything else — which fields,
 * their types, enums, bounds, optional or required — comes from the document,
 * so a field added to a DTO is fuzzed without touching this file. A new route
 * that takes a body or a query fails the fuzz spec until it has an entry here.
 */
export interface RouteSpec {
  /** The roles that may do the thing; most requests come from them. Empty: a public route. */
  callers: readonly SessionName[];
  /** Real values for the path's `{parameters}`. */
  path?: (fx: Fixtures) => Record<string, fc.Arbitrary<string>>;
  /** Valid values the schema cannot describe, by dotted body path or by query parameter name. */
  hints?: (fx: Fixtures) => Hints;
  /** A valid body written by hand, where fields depend on each other. */
  body?: (fx: Fixtures) => fc.Arbitrary<unknown>;
}

const from = <T>(values: readonly T[]) => fc.constantFrom(...values);
const text = (...values: string[]) => fc.constantFrom(...values);

/** Query parameters most lists share. */
const listHints = (fx: Fixtures): Hints => ({
  agencyId: from(fx.agencyIds),
  caseId: from([...fx.caseIds, ...fx.otherCaseIds]),
  runId: from(fx.runIds),
  subjectId: from(fx.caseIds),
  assignedReviewerId: from(fx.reviewerIds),
  updatedSince: recentTimestamp(),
});

/** A period `from` < `to` within the last weeks (an ISO pair the report and sampling routes accept). */
const periodHints = (): Hints => ({
  from: fc.constantFrom(14, 30, 60).map((d) => new Date(Date.now() - d * 86_400_000).toISOString()),
  to: fc.constantFrom(0, 1).map((d) => new Date(Date.now() - d * 86_400_000).toISOString()),
});

/** The report routes take a date alone (00:00 UTC) as well as a timestamp. */
const reportPeriodHints = (): Hints => {
  const { from, to } = periodHints();
  const dateOnly = (a: fc.Arbitrary<unknown>) => a.map((iso) => String(iso).slice(0, 10));
  return { from: fc.oneof(from, dateOnly(from)), to: fc.oneof(to, dateOnly(to)) };
};

/** The fixtures' recommendations are at versions 1–2; target dates today, later, past and impossible. */
const recommendationActionHints = (): Hints => ({
  expectedVersion: fc.integer({ min: 1, max: 3 }),
  targetDate: fc
    .constantFrom(0, 30, -1)
    .map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10))
    .chain((date) => fc.constantFrom(date, '2030-02-30')),
  reason: text('The budget for this year is already spent.', 'short'),
});

/** The fixtures' investigations are at versions 1–3; evidence names real records of any kind. */
const investigationActionHints = (fx: Fixtures): Hints => ({
  expectedVersion: fc.integer({ min: 1, max: 3 }),
  reviewerIds: fc.subarray(fx.reviewerIds),
  id: from([...fx.caseIds, ...fx.otherCaseIds, ...fx.reviewIds, ...fx.visitIds, ...fx.alertIds]),
  'proposedRecommendations[].agencyId': from(fx.agencyIds),
});

const OUTCOMES: Partial<Record<DecisionType, readonly string[]>> = {
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  reconsider: ['upheld', 'overturned'],
  close: CLOSE_OUTCOMES,
};

/** A decision of any type with the fields that type takes (SPEC §3.2), on a version the case may have. */
function decisionBody(fx: Fixtures): fc.Arbitrary<unknown> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    reason: text('Indicators found at interview', 'Reviewed the file', 'x'),
    indicatorsConsidered: fc.subarray([...INDICATOR_CODES], { maxLength: 4 }),
    at: recentTimestamp(),
    facility: text('Holding centre N'),
    placeId: from(fx.placeIds),
    legalBasis: text('Aliens Act s. 62'),
    riskAssessmentRef: text('RA-2026-0001'),
    reviewId: from(fx.reviewIds),
  };
  return from(DECISION_TYPES).chain((type) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {
      type: fc.constant(type),
      // The fixtures' cases are at versions 1–3: some decisions land, most meet a 409 or a 422.
      expectedVersion: fc.integer({ min: 1, max: 3 }),
      occurredAt: recentTimestamp(),
    };
    for (const f of DECISION_FIELDS[type])
      model[f] = f === 'outcome' ? from(OUTCOMES[type] ?? ['positive']) : fields[f];
    return fc.record(model, { requiredKeys: ['type', 'expectedVersion', ...(OUTCOMES[type] ? ['outcome'] : [])] });
  });
}

export const ROUTE_CATALOGUE: Record<string, RouteSpec> = {
  'POST /api/v1/auth/login': {
    callers: [],
    hints: (fx) => ({
      email: from([...Object.values(fx.sessions).map((s) => s.email || 'nobody@oversight.test')]),
      password: text('wrong-password-000', 'x'),
    }),
  },
  // Wrong passwords only, as for login: a right one would start a session, and refused requests must write nothing.
  'POST /api/v1/auth/session': {
    callers: [],
    hints: (fx) => ({
      email: from([...Object.values(fx.sessions).map((s) => s.email || 'nobody@oversight.test')]),
      password: text('wrong-password-000', 'x'),
    }),
  },
  'POST /api/v1/auth/set-password': {
    callers: [],
    hints: () => ({ token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), password: text('fuzz-password-0001', 'short') }),
  },
  // Unknown addresses only: a known one would write its reset token after the 202, while later requests are checked
  // for writing nothing.
  'POST /api/v1/auth/password-reset': {
    callers: [],
    hints: () => ({ email: fc.stringMatching(/^[a-z]{3,10}@fuzz\.test$/) }),
  },
  'POST /api/v1/agencies': {
    callers: ['admin'],
    hints: () => ({
      code: fc.stringMatching(/^FZ-[A-Z0-9]{2,10}$/),
      alertEmail: text('desk@agency.test', 'a@b.test'),
    }),
  },
  'GET /api/v1/agencies': { callers: ['admin', 'commissioner', 'officer'], hints: listHints },
  'POST /api/v1/users': {
    callers: ['admin'],
    hints: (fx) => ({
      email: fc.stringMatching(/^[a-z]{3,10}@fuzz\.test$/),
      password: text('fuzz-password-0001'),
      agencyId: from(fx.agencyIds),
      conflictAgencyIds: fc.subarray(fx.agencyIds, { maxLength: 2 }),
    }),
  },
  'GET /api/v1/users': { callers: ['admin'], hints: listHints },
  'POST /api/v1/agencies/{agencyId}/api-keys': {
    callers: ['supervisor'],
    path: (fx) => ({ agencyId: from(fx.agencyIds) }),
  },
  'POST /api/v1/cases': {
    callers: ['officer', 'apiKey', 'supervisor'],
    hints: () => ({
      externalRef: fc.stringMatching(/^FZ-[A-Z0-9]{1,12}$/),
      'subject.nationality': text('KHM', 'VNM', 'THA'),
      'subject.languages': fc.constantFrom(['km'], ['vi', 'en'], []),
      'subject.dateOfBirth': text('1997-03-01', '2010-12-31'),
      // Half the pairs agree with the date of birth, so both outcomes of that rule are reached.
      'subject.birthYear': fc.constantFrom(1997, 2010),
    }),
  },
  'GET /api/v1/cases': {
    callers: ['officer', 'commissioner', 'analyst', 'decisionMaker'],
    hints: (fx) => ({ ...listHints(fx), externalRef: fc.stringMatching(/^BP-\d{1,6}-\d{1,3}$/) }),
  },
  'GET /api/v1/cases/{id}': {
    callers: ['officer', 'commissioner', 'analyst'],
    path: (fx) => ({ id: from([...fx.caseIds, ...fx.otherCaseIds]) }),
    hints: () => ({ include: text('pii') }),
  },
  'GET /api/v1/decision-records': {
    callers: ['commissioner', 'analyst', 'officer', 'decisionMaker'],
    hints: (fx) => ({
      ...listHints(fx),
      ...periodHints(),
      caseAgencyId: from(fx.agencyIds),
      actorId: from(fx.userIds),
    }),
  },
  'POST /api/v1/cases/{id}/decisions': {
    callers: ['officer', 'supervisor', 'decisionMaker', 'apiKey'],
    path: (fx) => ({ id: from(fx.caseIds) }),
    body: decisionBody,
  },
  'GET /api/v1/cases/{id}/decisions': {
    callers: ['officer', 'commissioner'],
    path: (fx) => ({ id: from(fx.caseIds) }),
    hints: listHints,
  },
  'GET /api/v1/alerts': { callers: ['commissioner', 'supervisor'], hints: listHints },
  'POST /api/v1/alerts/{id}/acknowledge': {
    callers: ['commissioner', 'supervisor'],
    path: (fx) => ({ id: from(fx.alertIds) }),
  },
  'POST /api/v1/sampling-runs': {
    callers: ['commissioner'],
    hints: () => ({
      ...periodHints(),
      rate: fc.double({ min: 0, max: 1, noNaN: true }),
      negativeRate: fc.double({ min: 0, max: 1, noNaN: true }),
      seed: fc.stringMatching(/^([0-9a-f]{2}){16,20}$/),
    }),
  },
  'GET /api/v1/sampling-runs': { callers: ['commissioner', 'reviewer'], hints: listHints },
  'GET /api/v1/reviews': { callers: ['commissioner', 'reviewer', 'supervisor'], hints: listHints },
  'POST /api/v1/reviews/auto-assign': { callers: ['commissioner'], hints: (fx) => ({ runId: from(fx.runIds) }) },
  'POST /api/v1/reviews/{id}/assign': {
    callers: ['commissioner'],
    path: (fx) => ({ id: from(fx.reviewIds) }),
    hints: (fx) => ({ reviewerId: from(fx.reviewerIds) }),
  },
  'POST /api/v1/reviews/{id}/conclude': {
    callers: ['commissioner', 'reviewer'],
    path: (fx) => ({ id: from(fx.reviewIds) }),
    hints: () => ({ finding: from(FINDINGS) }),
  },
  'POST /api/v1/reviews/{id}/respond': { callers: ['supervisor'], path: (fx) => ({ id: from(fx.reviewIds) }) },
  'POST /api/v1/reviews/{id}/withdraw': { callers: ['commissioner'], path: (fx) => ({ id: from(fx.reviewIds) }) },
  'POST /api/v1/reviews/{id}/close': { callers: ['commissioner'], path: (fx) => ({ id: from(fx.reviewIds) }) },
  'POST /api/v1/recommendations': {
    callers: ['commissioner'],
    hints: (fx) => ({
      agencyId: from(fx.agencyIds),
      'source.id': from([...fx.reviewIds, ...fx.visitIds]),
      repeatOf: from(fx.recommendationIds),
    }),
  },
  'GET /api/v1/recommendations': { callers: ['commissioner', 'analyst', 'supervisor'], hints: listHints },
  'POST /api/v1/recommendations/{id}/respond': {
    callers: ['supervisor'],
    path: (fx) => ({ id: from(fx.recommendationIds) }),
    hints: recommendationActionHints,
  },
  'POST /api/v1/recommendations/{id}/progress': {
    callers: ['supervisor'],
    path: (fx) => ({ id: from(fx.recommendationIds) }),
    hints: recommendationActionHints,
  },
  'POST /api/v1/recommendations/{id}/verify': {
    callers: ['commissioner'],
    path: (fx) => ({ id: from(fx.recommendationIds) }),
    hints: recommendationActionHints,
  },
  'POST /api/v1/recommendations/{id}/withdraw': {
    callers: ['commissioner'],
    path: (fx) => ({ id: from(fx.recommendationIds) }),
    hints: recommendationActionHints,
  },
  'GET /api/v1/reports/agencies': { callers: ['commissioner', 'analyst', 'supervisor'], hints: reportPeriodHints },
  'GET /api/v1/reports/consistency': {
    callers: ['commissioner', 'analyst', 'supervisor'],
    hints: () => ({ ...reportPeriodHints(), groupBy: text('case_agency', 'deciding_agency') }),
  },
  'GET /api/v1/reports/annual': {
    callers: ['commissioner', 'analyst', 'supervisor'],
    hints: () => ({ year: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constant('last')) }),
  },
  'GET /api/v1/exports/anonymised': { callers: ['commissioner', 'analyst'], hints: reportPeriodHints },
  'GET /api/v1/audit/events': {
    callers: ['commissioner'],
    hints: (fx) => ({
      ...listHints(fx),
      ...periodHints(),
      subjectType: text('case', 'review', 'agency'),
      action: text('case.opened', 'case.decision_recorded'),
      chainId: from(fx.caseIds).map((id) => `case:${id}`),
    }),
  },
  'POST /api/v1/places': {
    callers: ['commissioner', 'admin', 'supervisor'],
    hints: (fx) => ({ agencyId: from(fx.agencyIds), capacity: fc.integer({ min: 1, max: 500 }) }),
  },
  'GET /api/v1/places': { callers: ['commissioner', 'officer', 'supervisor'], hints: listHints },
  'PATCH /api/v1/places/{id}': {
    callers: ['commissioner', 'admin', 'supervisor'],
    path: (fx) => ({ id: from(fx.placeIds) }),
    hints: (fx) => ({ agencyId: from(fx.agencyIds), capacity: fc.integer({ min: 1, max: 500 }) }),
  },
  'POST /api/v1/visit-plans': {
    callers: ['commissioner'],
    hints: () => ({
      from: text('2030-01-07', '2030-01-05', '2030-02-30'),
      to: text('2030-01-11', '2030-01-06', '2029-12-31'),
      count: fc.integer({ min: 1, max: 5 }),
      seed: fc.stringMatching(/^([0-9a-f]{2}){16,20}$/),
    }),
  },
  'GET /api/v1/visit-plans': { callers: ['commissioner', 'analyst', 'supervisor'], hints: listHints },
  'POST /api/v1/visits': {
    callers: ['commissioner'],
    hints: (fx) => ({ placeId: from(fx.placeIds), day: text('2030-01-08', '2030-02-30') }),
  },
  'GET /api/v1/visits': {
    callers: ['commissioner', 'reviewer', 'supervisor'],
    hints: (fx) => ({ ...listHints(fx), placeId: from(fx.placeIds) }),
  },
  'GET /api/v1/visits/{id}/roll': {
    callers: ['commissioner', 'reviewer', 'supervisor'],
    path: (fx) => ({ id: from(fx.visitIds) }),
    hints: () => ({ include: text('pii') }),
  },
  ...Object.fromEntries(
    ['team', 'start', 'findings', 'report', 'cancel'].map((action) => [
      `POST /api/v1/visits/{id}/${action}`,
      {
        callers: ['commissioner', 'reviewer', 'supervisor'],
        path: (fx: Fixtures) => ({ id: from(fx.visitIds) }),
        hints: (fx: Fixtures) => ({
          expectedVersion: fc.integer({ min: 0, max: 2 }),
          reviewerIds: fc.subarray(fx.reviewerIds),
          caseIds: fc.subarray([...fx.caseIds, ...fx.otherCaseIds], { maxLength: 2 }),
        }),
      } satisfies RouteSpec,
    ]),
  ),
  'POST /api/v1/investigations': {
    callers: ['commissioner'],
    hints: (fx) => ({
      'scope.agencyIds': fc.subarray(fx.agencyIds, { minLength: 1 }),
      'scope.placeIds': fc.subarray(fx.placeIds),
    }),
  },
  'GET /api/v1/investigations': { callers: ['commissioner', 'analyst', 'supervisor'], hints: listHints },
  ...Object.fromEntries(
    ['investigators', 'evidence', 'draft', 'comment', 'publish', 'close_without_findings'].map((action) => [
      `POST /api/v1/investigations/{id}/${action}`,
      {
        callers: action === 'comment' ? ['supervisor', 'decisionMaker'] : ['commissioner', 'reviewer'],
        path: (fx: Fixtures) => ({ id: from(fx.investigationIds) }),
        hints: investigationActionHints,
      } satisfies RouteSpec,
    ]),
  ),
  'POST /api/v1/complaints': {
    callers: ['commissioner', 'reviewer'],
    hints: (fx) => ({
      receivedAt: recentTimestamp(),
      agencyIds: fc.subarray(fx.agencyIds, { minLength: 1 }),
      caseIds: fc.subarray([...fx.caseIds, ...fx.otherCaseIds], { maxLength: 2 }),
    }),
  },
  'GET /api/v1/complaints': { callers: ['commissioner', 'analyst', 'supervisor'], hints: listHints },
  'GET /api/v1/complaints/{id}': {
    callers: ['commissioner', 'analyst', 'supervisor'],
    path: (fx) => ({ id: from(fx.complaintIds) }),
    hints: () => ({ include: text('pii') }),
  },
  'POST /api/v1/complaints/{id}/triage': {
    callers: ['commissioner'],
    path: (fx) => ({ id: from(fx.complaintIds) }),
    hints: () => ({ expectedVersion: fc.integer({ min: 1, max: 2 }) }),
  },
  'GET /api/v1/audit/checkpoints': { callers: ['commissioner', 'admin'], hints: listHints },
  // A root the log does not hold is a valid request: verification answers 200 with checkpoint_head_missing.
  'GET /api/v1/audit/verify': {
    callers: ['commissioner', 'admin'],
    hints: () => ({ head: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  },
};
