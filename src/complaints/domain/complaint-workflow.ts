/**
 * A complaint's life (SPEC §13): recorded by the office (`received`), triaged
 * once (`triaged`). The table says what each triage outcome needs and does;
 * who may triage is CASL's (src/authz/domain/abilities.ts). Everything that
 * needs the database (the cases' decision records, opening an investigation)
 * is the service's.
 */

export const COMPLAINT_STATES = ['received', 'triaged'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const CHANNELS = ['phone', 'email', 'letter', 'visit', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RELATIONSHIPS = ['victim', 'representative', 'ngo', 'official', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const TRIAGE_OUTCOMES = ['investigate', 'refer_to_review', 'no_action'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

/** The fields only the `investigate` outcome takes: the investigation it opens. */
export const INVESTIGATION_FIELDS = ['title', 'termsOfReference'] as const;

export const COMPLAINT_TRANSITIONS = {
  triage: { from: ['received'], to: 'triaged' },
} as const satisfies Record<string, { from: readonly ComplaintState[]; to: ComplaintState }>;
export type ComplaintActionType = keyof typeof COMPLAINT_TRANSITIONS;
export const COMPLAINT_ACTIONS = Object.keys(COMPLAINT_TRANSITIONS) as ComplaintActionType[];

/** SPEC §13's triage outcomes: what each needs beyond `reason`, and what it does in the same transaction. */
export const TRIAGE_RULES = {
  investigate: {
    requires: INVESTIGATION_FIELDS,
    needsCases: false,
    effect: 'opens an investigation: origin `complaint`, scope the complaint’s agencies',
  },
  refer_to_review: {
    requires: [],
    needsCases: true,
    effect:
      'for each named case, a review of its latest decision record of a §5 type, outside any sampling run ' +
      '(a record already under review is linked instead)',
  },
  no_action: { requires: [], needsCases: false, effect: '–' },
} as const satisfies Record<
  TriageOutcome,
  { requires: readonly (typeof INVESTIGATION_FIELDS)[number][]; needsCases: boolean; effect: string }
>;

export interface ComplaintSnapshot {
  state: ComplaintState;
  version: number;
  caseIds: readonly string[];
}

export interface TriageRequest {
  outcome: TriageOutcome;
  reason: string;
  title?: string;
  termsOfReference?: string;
}

export type ComplaintRejection =
  | { kind: 'not_allowed_from_state'; state: ComplaintState; message: string }
  | { kind: 'missing_field'; field: string; message: string }
  | { kind: 'guard_failed'; guard: string; field: string; message: string };

export type TriageDecision =
  { ok: true; next: ComplaintSnapshot & { state: 'triaged' } } | { ok: false; rejection: ComplaintRejection };

/**
 * The intake rules: a complaint is received by now, an anonymous one has no complainant at all, and a named one
 * has one.
 */
export function intakeRejection(
  intake: { receivedAt: Date; anonymous: boolean; hasComplainant: boolean },
  now: Date,
): Extract<ComplaintRejection, { field: string }> | null {
  if (intake.receivedAt.getTime() > now.getTime()) {
    return {
      kind: 'guard_failed',
      guard: 'received_in_future',
      field: 'receivedAt',
      message: 'receivedAt may not be in the future.',
    };
  }
  if (intake.anonymous && intake.hasComplainant) {
    return {
      kind: 'guard_failed',
      guard: 'anonymous_without_complainant',
      field: 'complainant',
      message: 'An anonymous complaint has no complainant: leave complainant out.',
    };
  }
  if (!intake.anonymous && !intake.hasComplainant) {
    return {
      kind: 'missing_field',
      field: 'complainant',
      message: 'complainant is required unless the complaint is anonymous.',
    };
  }
  return null;
}

/**
 * Triages a complaint, once. Checks run in the order the HTTP layer reports
 * them: a complaint already triaged (409), then the outcome's rules (422,
 * naming the field). The version check is the caller's conditional UPDATE.
 */
export function decideTriage(complaint: ComplaintSnapshot, request: TriageRequest): TriageDecision {
  const reject = (rejection: ComplaintRejection): TriageDecision => ({ ok: false, rejection });
  if (!(COMPLAINT_TRANSITIONS.triage.from as readonly ComplaintState[]).includes(complaint.state)) {
    return reject({
      kind: 'not_allowed_from_state',
      state: complaint.state,
      message: 'The complaint is already triaged: a complaint is triaged once.',
    });
  }
  const rules = TRIAGE_RULES[request.outcome];
  for (const field of INVESTIGATION_FIELDS) {
    const value = request[field];
    const given = typeof value === 'string' && value.trim() !== '';
    if ((rules.requires as readonly string[]).includes(field)) {
      if (!given) {
        return reject({ kind: 'missing_field', field, message: `${field} is required to open an investigation.` });
      }
    } else if (value !== undefined) {
      // Sent with another outcome it would be silently dropped: refused instead.
      return reject({
        kind: 'guard_failed',
        guard: 'field_not_expected',
        field,
        message: `${field} belongs to the investigate outcome only.`,
      });
    }
  }
  if (rules.needsCases && complaint.caseIds.length === 0) {
    return reject({
      kind: 'guard_failed',
      guard: 'complaint_names_cases',
      field: 'outcome',
      message: 'refer_to_review needs a complaint that names cases; this one names none.',
    });
  }
  return { ok: true, next: { ...complaint, state: 'triaged', version: complaint.version + 1 } };
}
