import {
  COMPLAINT_STATES,
  decideTriage,
  intakeRejection,
  TRIAGE_OUTCOMES,
  type ComplaintSnapshot,
  type ComplaintState,
  type TriageOutcome,
  type TriageRequest,
} from './complaint-workflow.js';

const WITH_CASES: ComplaintSnapshot = { state: 'received', version: 1, caseIds: ['case-1', 'case-2'] };
const VALID: Record<TriageOutcome, TriageRequest> = {
  investigate: {
    outcome: 'investigate',
    reason: 'Three complaints about the same post',
    title: 'Night shifts at the northern crossing',
    termsOfReference: 'Whether people are screened before detention at night.',
  },
  refer_to_review: { outcome: 'refer_to_review', reason: 'The decision may have missed indicators' },
  no_action: { outcome: 'no_action', reason: 'Outside the office’s remit' },
};

/* Every state × outcome, by hand: `triaged` (version 2) or 409. */
// prettier-ignore
const EXPECTED: Record<ComplaintState, Record<TriageOutcome, string>> = {
  received: { investigate: 'triaged', refer_to_review: 'triaged', no_action: 'triaged' },
  triaged:  { investigate: '409',     refer_to_review: '409',     no_action: '409' },
};

describe('triage (SPEC §13)', () => {
  const cases = COMPLAINT_STATES.flatMap((state) => TRIAGE_OUTCOMES.map((outcome) => [state, outcome] as const));

  it.each(cases)('%s · %s', (state, outcome) => {
    const result = decideTriage({ ...WITH_CASES, state }, VALID[outcome]);
    expect(result).toMatchObject(
      EXPECTED[state][outcome] === '409'
        ? { ok: false, rejection: { kind: 'not_allowed_from_state', state: 'triaged' } }
        : { ok: true, next: { state: 'triaged', version: 2, caseIds: WITH_CASES.caseIds } },
    );
  });

  it.each<[string, ComplaintSnapshot, TriageRequest, string, string]>([
    ['investigate without a title', WITH_CASES, { ...VALID.investigate, title: undefined }, 'title', 'missing_field'],
    ['investigate with a blank title', WITH_CASES, { ...VALID.investigate, title: '  ' }, 'title', 'missing_field'],
    [
      'investigate without terms of reference',
      WITH_CASES,
      { ...VALID.investigate, termsOfReference: undefined },
      'termsOfReference',
      'missing_field',
    ],
    ['no_action with a title', WITH_CASES, { ...VALID.no_action, title: 'T' }, 'title', 'guard_failed'],
    [
      'refer_to_review with terms of reference',
      WITH_CASES,
      { ...VALID.refer_to_review, termsOfReference: 'ToR' },
      'termsOfReference',
      'guard_failed',
    ],
    [
      'refer_to_review of a complaint that names no case',
      { ...WITH_CASES, caseIds: [] },
      VALID.refer_to_review,
      'outcome',
      'guard_failed',
    ],
  ])('refuses %s, naming %s', (_name, complaint, request, field, kind) => {
    expect(decideTriage(complaint, request)).toMatchObject({ ok: false, rejection: { kind, field } });
  });

  it('takes investigate and no_action for a complaint that names no case', () => {
    const none = { ...WITH_CASES, caseIds: [] };
    expect(decideTriage(none, VALID.investigate)).toMatchObject({ ok: true });
    expect(decideTriage(none, VALID.no_action)).toMatchObject({ ok: true });
  });

  it('refuses a second triage before looking at the body', () => {
    expect(decideTriage({ ...WITH_CASES, state: 'triaged' }, { outcome: 'investigate', reason: 'r' })).toMatchObject({
      ok: false,
      rejection: { kind: 'not_allowed_from_state' },
    });
  });
});

describe('intake', () => {
  const NOW = new Date('2026-03-10T12:00:00.000Z');

  it.each<[boolean, boolean, string | null]>([
    [true, false, null],
    [false, true, null],
    [true, true, 'guard_failed'],
    [false, false, 'missing_field'],
  ])('anonymous %s with a complainant %s: %s', (anonymous, hasComplainant, kind) => {
    const rejection = intakeRejection({ receivedAt: NOW, anonymous, hasComplainant }, NOW);
    expect(rejection === null ? null : [rejection.kind, rejection.field]).toEqual(
      kind === null ? null : [kind, 'complainant'],
    );
  });

  it('refuses a complaint received in the future', () => {
    const later = new Date(NOW.getTime() + 1);
    expect(intakeRejection({ receivedAt: later, anonymous: true, hasComplainant: false }, NOW)).toMatchObject({
      field: 'receivedAt',
      guard: 'received_in_future',
    });
  });
});
