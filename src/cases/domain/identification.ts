/**
 * The identification state machine of SPEC §3.1–3.2: a transition table
 * (the documentation; the README's table is generated from it) and one pure
 * function, `decide`, that either returns the case's next state or a typed
 * rejection. Time and configuration are arguments. Who may take a decision
 * is not decided here: that is CASL's (authz/domain/abilities.ts), checked
 * before `decide` is asked.
 */

import { DECISION_TYPES, type DecisionType } from '../../common/decision-types.js';

export { DECISION_TYPES, type DecisionType };

export const CASE_STATES = [
  'screening',
  'referred',
  'not_referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const NEGATIVE_STATES = ['not_referred', 'rg_negative', 'cg_negative'] as const;
export type NegativeState = (typeof NEGATIVE_STATES)[number];

export const CLOSE_OUTCOMES = [
  'support_provided',
  'assisted_return',
  'removed',
  'released',
  'lost_contact',
  'transferred',
] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** Outcomes that send a person out of the country: non-refoulement needs a risk assessment first. */
export const RETURN_OUTCOMES: readonly CloseOutcome[] = ['removed', 'assisted_return'];

/** Shortest reason, in characters, for declining a referral. */
export const MIN_DECLINE_REASON = 20;

const ALL_BUT_CLOSED = CASE_STATES.filter((s) => s !== 'closed');

type Target =
  | { kind: 'state'; state: CaseState }
  | { kind: 'by_outcome'; outcomes: Readonly<Record<string, CaseState>> }
  | { kind: 'reconsideration'; upheld: 'previous'; overturned: Readonly<Record<NegativeState, CaseState>> }
  | { kind: 'unchanged' };

interface Transition {
  from: readonly CaseState[];
  to: Target;
  /** Fields that must be present (non-empty). */
  requires: readonly (keyof DecisionRequest)[];
  /** Extra condition on detention, beyond the state. */
  detention?: 'not_detained' | 'detained';
  guards: string;
}

export const TRANSITIONS = {
  refer: {
    from: ['screening'],
    to: { kind: 'state', state: 'referred' },
    requires: ['reason'],
    guards: 'at least one indicator recorded on the case',
  },
  decline_referral: {
    from: ['screening'],
    to: { kind: 'state', state: 'not_referred' },
    requires: ['reason', 'indicatorsConsidered'],
    guards:
      `reason of at least ${MIN_DECLINE_REASON} characters; ` +
      'indicatorsConsidered covers every indicator recorded on the case',
  },
  reasonable_grounds: {
    from: ['referred'],
    to: { kind: 'by_outcome', outcomes: { positive: 'recovery_period', negative: 'rg_negative' } },
    requires: ['outcome', 'reason'],
    guards: 'outcome is positive or negative',
  },
  conclusive_grounds: {
    from: ['recovery_period'],
    to: { kind: 'by_outcome', outcomes: { positive: 'identified_victim', negative: 'cg_negative' } },
    requires: ['outcome', 'reason'],
    guards: 'not before RECOVERY_PERIOD_DAYS after the positive reasonable-grounds decision',
  },
  request_reconsideration: {
    from: NEGATIVE_STATES,
    to: { kind: 'state', state: 'reconsideration' },
    requires: ['reason'],
    guards: 'a linked review (reviewId) must be a disagreement the agency accepted',
  },
  reconsider: {
    from: ['reconsideration'],
    to: {
      kind: 'reconsideration',
      upheld: 'previous',
      overturned: { not_referred: 'referred', rg_negative: 'referred', cg_negative: 'identified_victim' },
    },
    requires: ['outcome', 'reason'],
    guards: 'outcome is upheld or overturned',
  },
  close: {
    from: ['identified_victim', 'not_referred', 'rg_negative', 'cg_negative'],
    to: { kind: 'state', state: 'closed' },
    requires: ['outcome'],
    guards:
      'removed and assisted_return need riskAssessmentRef; removed is refused while a concluded review awaits the ' +
      'agency’s response; during a review the agency cannot see yet, removal is recorded and raises removal_during_review',
  },
  detain: {
    from: ALL_BUT_CLOSED,
    to: { kind: 'unchanged' },
    requires: ['at', 'facility', 'legalBasis'],
    detention: 'not_detained',
    guards: 'at is not in the future nor before the encounter',
  },
  release: {
    from: CASE_STATES,
    to: { kind: 'unchanged' },
    requires: ['at', 'reason'],
    detention: 'detained',
    guards: 'at is not in the future nor before the detention began',
  },
} as const satisfies Record<DecisionType, Transition>;

/** The case as the state machine sees it: the projection stored on the case row. */
export interface CaseSnapshot {
  state: CaseState;
  /** Number of decision records so far; a record's sequence is the version after it. */
  version: number;
  encounterAt: Date;
  indicators: readonly string[];
  everReferred: boolean;
  referredAt: Date | null;
  rgPositiveAt: Date | null;
  reconsiderationFrom: NegativeState | null;
  stateEnteredAt: Date;
  detainedSince: Date | null;
  closedOutcome: CloseOutcome | null;
}

/** Facts about the case's independent reviews that the `close` and reconsideration guards need. */
export interface ReviewFacts {
  /** A concluded review of this case awaits the agency's response, or the agency disputes its finding (SPEC §3.2). */
  awaitingAgencyResponse: boolean;
  /** The case has a review the agency cannot see yet (not concluded). */
  hiddenFromAgency: boolean;
  /** Reviews of this case with a `disagree` finding the agency accepted. */
  acceptedDisagreementIds: readonly string[];
}

export const NO_REVIEWS: ReviewFacts = {
  awaitingAgencyResponse: false,
  hiddenFromAgency: false,
  acceptedDisagreementIds: [],
};

export interface DecisionRequest {
  type: DecisionType;
  /** When it happened (client's statement); defaults to `at` for detain/release, else to now. */
  occurredAt: Date;
  reason?: string | null;
  outcome?: string | null;
  at?: Date | null;
  facility?: string | null;
  /** detain: the place of detention (SPEC §11); the service checks it and fills `facility` from it. */
  placeId?: string | null;
  legalBasis?: string | null;
  riskAssessmentRef?: string | null;
  indicatorsConsidered?: readonly string[] | null;
  reviewId?: string | null;
}

export interface IdentificationRules {
  recoveryPeriodDays: number;
}

export type Rejection =
  | { kind: 'not_allowed_from_state'; type: DecisionType; state: CaseState; allowed: DecisionType[]; message: string }
  | { kind: 'missing_field'; type: DecisionType; field: string; message: string }
  | { kind: 'guard_failed'; type: DecisionType; guard: string; field: string; message: string };

export type DecisionEffect = 'detention_opened' | 'detention_closed' | 'removal_during_review';

export type Decided = { ok: true; next: CaseSnapshot; effects: DecisionEffect[] } | { ok: false; rejection: Rejection };

const DAY_MS = 86_400_000;

/** Decision types allowed from the case's current state and detention status, whatever the payload. */
export function allowedFromState(snapshot: CaseSnapshot): DecisionType[] {
  return DECISION_TYPES.filter((type) => {
    const t: Transition = TRANSITIONS[type];
    if (!t.from.includes(snapshot.state)) return false;
    if (t.detention === 'not_detained' && snapshot.detainedSince !== null) return false;
    if (t.detention === 'detained' && snapshot.detainedSince === null) return false;
    return true;
  });
}

export function decide(
  snapshot: CaseSnapshot,
  reviews: ReviewFacts,
  request: DecisionRequest,
  now: Date,
  rules: IdentificationRules,
): Decided {
  const { type } = request;
  const transition: Transition = TRANSITIONS[type];
  const reject = (rejection: Rejection): Decided => ({ ok: false, rejection });

  const allowed = allowedFromState(snapshot);
  if (!allowed.includes(type)) {
    const why =
      transition.from.includes(snapshot.state) && transition.detention
        ? transition.detention === 'detained'
          ? 'the person is not detained'
          : 'the person is already detained'
        : `the case is ${snapshot.state}`;
    return reject({
      kind: 'not_allowed_from_state',
      type,
      state: snapshot.state,
      allowed,
      message: `${type} is not allowed: ${why}.`,
    });
  }
  for (const field of transition.requires) {
    if (isBlank(request[field])) {
      return reject({ kind: 'missing_field', type, field, message: `${type} needs ${field}.` });
    }
  }

  const guard = (guardName: string, field: string, message: string): Decided =>
    reject({ kind: 'guard_failed', type, guard: guardName, field, message });

  for (const [field, value] of [
    ['occurredAt', request.occurredAt],
    ['at', request.at],
  ] as const) {
    if (value && Number.isNaN(value.getTime())) return guard('invalid_date', field, `${field} is not a valid date.`);
  }
  // `at` before `occurredAt`: occurredAt defaults to `at`, and a refusal should name the field the client sent.
  if (type === 'detain') {
    const at = request.at!;
    if (at.getTime() > now.getTime()) return guard('detention_in_future', 'at', 'at may not be in the future.');
    if (at.getTime() < snapshot.encounterAt.getTime()) {
      return guard('detention_before_encounter', 'at', 'at may not be before the encounter.');
    }
  }
  if (type === 'release') {
    const at = request.at!;
    if (at.getTime() > now.getTime()) return guard('release_in_future', 'at', 'at may not be in the future.');
    if (at.getTime() < snapshot.detainedSince!.getTime()) {
      return guard('release_before_detention', 'at', 'at may not be before the detention began.');
    }
  }
  if (request.occurredAt.getTime() > now.getTime()) {
    return guard('occurred_in_future', 'occurredAt', 'occurredAt may not be in the future.');
  }
  if (request.occurredAt.getTime() < snapshot.encounterAt.getTime()) {
    return guard('occurred_before_encounter', 'occurredAt', 'occurredAt may not be before the encounter.');
  }
  // A decision cannot predate the state it decides on; otherwise backdating could, e.g., start the recovery
  // period before the referral and shorten it. Detention records are exempt: they are often entered late.
  if (!isDetentionRecord(type) && request.occurredAt.getTime() < snapshot.stateEnteredAt.getTime()) {
    return guard(
      'occurred_before_current_state',
      'occurredAt',
      `occurredAt may not be before the case entered its current state (${snapshot.stateEnteredAt.toISOString()}).`,
    );
  }

  const effects: DecisionEffect[] = [];
  switch (type) {
    case 'refer':
      if (snapshot.indicators.length === 0) {
        return guard('no_indicators', 'indicators', 'A referral needs at least one indicator recorded on the case.');
      }
      break;
    case 'decline_referral': {
      // Characters, not UTF-16 units: ten astral-plane characters are not twenty.
      if ([...request.reason!.trim()].length < MIN_DECLINE_REASON) {
        return guard(
          'reason_too_short',
          'reason',
          `Declining a referral needs a reason of at least ${MIN_DECLINE_REASON} characters.`,
        );
      }
      const considered = new Set(request.indicatorsConsidered ?? []);
      const missing = snapshot.indicators.filter((i) => !considered.has(i));
      if (missing.length > 0) {
        return guard(
          'indicators_not_considered',
          'indicatorsConsidered',
          `indicatorsConsidered must cover every indicator recorded on the case; missing: ${missing.join(', ')}.`,
        );
      }
      break;
    }
    case 'reasonable_grounds':
    case 'conclusive_grounds':
    case 'reconsider': {
      const target = transition.to;
      const outcomes =
        target.kind === 'by_outcome' ? Object.keys(target.outcomes) : (['upheld', 'overturned'] as string[]);
      if (!outcomes.includes(request.outcome!)) {
        return guard('invalid_outcome', 'outcome', `outcome must be one of: ${outcomes.join(', ')}.`);
      }
      if (type === 'conclusive_grounds') {
        const earliest = (snapshot.rgPositiveAt?.getTime() ?? 0) + rules.recoveryPeriodDays * DAY_MS;
        if (request.occurredAt.getTime() < earliest) {
          return guard(
            'recovery_period_running',
            'occurredAt',
            `The recovery and reflection period runs until ${new Date(earliest).toISOString()}; ` +
              'no conclusive-grounds decision before then.',
          );
        }
      }
      break;
    }
    case 'request_reconsideration':
      if (!isBlank(request.reviewId) && !reviews.acceptedDisagreementIds.includes(request.reviewId!)) {
        return guard(
          'review_not_accepted_disagreement',
          'reviewId',
          'A linked review must be a disagreement with this case’s decision that the agency accepted.',
        );
      }
      break;
    case 'close': {
      const outcome = request.outcome!;
      if (!(CLOSE_OUTCOMES as readonly string[]).includes(outcome)) {
        return guard('invalid_outcome', 'outcome', `outcome must be one of: ${CLOSE_OUTCOMES.join(', ')}.`);
      }
      if (RETURN_OUTCOMES.includes(outcome as CloseOutcome) && isBlank(request.riskAssessmentRef)) {
        return reject({
          kind: 'missing_field',
          type,
          field: 'riskAssessmentRef',
          message: `Closing with ${outcome} needs riskAssessmentRef (a non-refoulement risk assessment).`,
        });
      }
      if (outcome === 'removed') {
        if (reviews.awaitingAgencyResponse) {
          return guard(
            'review_awaiting_response',
            'outcome',
            'Removal is refused while a concluded independent review of this case awaits the agency’s response.',
          );
        }
        // Refusing here would reveal a review the agency may not know of yet: record it and alert the commissioner.
        if (reviews.hiddenFromAgency) effects.push('removal_during_review');
      }
      break;
    }
    case 'detain':
      effects.push('detention_opened');
      break;
    case 'release':
      effects.push('detention_closed');
      break;
  }
  return { ok: true, next: apply(snapshot, request), effects };
}

/**
 * How a recorded decision changes the projection, without re-checking it.
 * `decide` uses it after its checks; folding a case's records with it from
 * the opening snapshot reproduces the stored projection.
 */
export function apply(snapshot: CaseSnapshot, record: DecisionRequest): CaseSnapshot {
  const next: CaseSnapshot = { ...snapshot, version: snapshot.version + 1 };
  const target = nextState(snapshot, record);
  if (target !== snapshot.state) {
    next.state = target;
    next.stateEnteredAt = record.occurredAt;
  }
  switch (record.type) {
    case 'refer':
      next.everReferred = true;
      next.referredAt = record.occurredAt;
      break;
    case 'reasonable_grounds':
      if (record.outcome === 'positive') next.rgPositiveAt = record.occurredAt;
      break;
    case 'request_reconsideration':
      next.reconsiderationFrom = snapshot.state as NegativeState;
      break;
    case 'reconsider':
      next.reconsiderationFrom = null;
      if (target === 'referred') {
        next.everReferred = true;
        next.referredAt = record.occurredAt;
      }
      break;
    case 'close':
      next.closedOutcome = record.outcome as CloseOutcome;
      break;
    case 'detain':
      next.detainedSince = record.at ?? record.occurredAt;
      break;
    case 'release':
      next.detainedSince = null;
      break;
    default:
      break;
  }
  return next;
}

function nextState(snapshot: CaseSnapshot, record: DecisionRequest): CaseState {
  const target: Target = TRANSITIONS[record.type].to;
  switch (target.kind) {
    case 'state':
      return target.state;
    case 'unchanged':
      return snapshot.state;
    case 'by_outcome':
      return target.outcomes[record.outcome ?? ''] ?? snapshot.state;
    case 'reconsideration': {
      const from = snapshot.reconsiderationFrom ?? 'not_referred';
      return record.outcome === 'overturned' ? target.overturned[from] : from;
    }
  }
}

/** The projection of a newly opened case, before any decision. */
export function openingSnapshot(encounterAt: Date, indicators: readonly string[]): CaseSnapshot {
  return {
    state: 'screening',
    version: 0,
    encounterAt,
    indicators,
    everReferred: false,
    referredAt: null,
    rgPositiveAt: null,
    reconsiderationFrom: null,
    stateEnteredAt: encounterAt,
    detainedSince: null,
    closedOutcome: null,
  };
}

export function fold(opening: CaseSnapshot, records: readonly DecisionRequest[]): CaseSnapshot {
  return records.reduce(apply, opening);
}

function isDetentionRecord(type: DecisionType): boolean {
  return type === 'detain' || type === 'release';
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim().length === 0;
  return false;
}
