import type { VisitState } from '../../visits/domain/visit-workflow.js';

/**
 * The recommendation workflow (SPEC §12). Who may take an action is CASL's
 * business (src/authz/domain/abilities.ts, checked by the service first);
 * this module says only from which state an action goes where and what it
 * must carry.
 */

export const RECOMMENDATION_STATES = [
  'issued',
  'accepted',
  'partially_accepted',
  'rejected',
  'implementation_claimed',
  'implemented',
  'withdrawn',
] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

export const FINAL_STATES = ['rejected', 'implemented', 'withdrawn'] as const satisfies readonly RecommendationState[];

export const THEMES = ['identification', 'referral', 'detention', 'removal', 'training', 'data', 'other'] as const;
export type Theme = (typeof THEMES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SOURCE_KINDS = ['review', 'visit', 'investigation', 'own_initiative'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RESPONSES = ['accepted', 'partially_accepted', 'rejected'] as const;
export type RecommendationResponse = (typeof RESPONSES)[number];

export const PROGRESS_STATUSES = ['in_progress', 'implemented'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const VERIFY_OUTCOMES = ['verified', 'not_verified'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

export const RECOMMENDATION_ACTIONS = ['respond', 'progress', 'verify', 'withdraw'] as const;
export type RecommendationActionType = (typeof RECOMMENDATION_ACTIONS)[number];

/** Minimum length, in characters after trimming, of the texts §12 sets one for. */
export const MIN_REASON = 20;

type Text = { field: 'reason' | 'note' | 'evidence'; minLength: number };
/** One row of §12's table: where it leads, whether it needs a target date, which texts. */
export type Choice = {
  to: RecommendationState | 'unchanged' | 'state_claimed_from';
  targetDate: boolean;
  texts: readonly Text[];
};

const ALL_BUT_FINAL = RECOMMENDATION_STATES.filter((s) => !(FINAL_STATES as readonly string[]).includes(s));
const required = (field: Text['field']): Text => ({ field, minLength: 1 });
const atLeast20 = (field: Text['field']): Text => ({ field, minLength: MIN_REASON });

/**
 * SPEC §12's table. `choice` names the payload field that picks the row;
 * `targetDate` says whether the row needs a target date (a UTC calendar
 * date, today or later). `unchanged` keeps the state and only adds a dated
 * note; `state_claimed_from` returns to the state the implementation was
 * claimed from.
 */
export const RECOMMENDATION_TRANSITIONS = {
  respond: {
    from: ['issued'],
    choice: 'response',
    options: {
      accepted: { to: 'accepted', targetDate: true, texts: [] },
      partially_accepted: { to: 'partially_accepted', targetDate: true, texts: [atLeast20('reason')] },
      rejected: { to: 'rejected', targetDate: false, texts: [atLeast20('reason')] },
    },
  },
  progress: {
    from: ['accepted', 'partially_accepted'],
    choice: 'status',
    options: {
      in_progress: { to: 'unchanged', targetDate: false, texts: [required('note')] },
      implemented: { to: 'implementation_claimed', targetDate: false, texts: [required('note'), required('evidence')] },
    },
  },
  verify: {
    from: ['implementation_claimed'],
    choice: 'outcome',
    options: {
      verified: { to: 'implemented', targetDate: false, texts: [required('note')] },
      not_verified: { to: 'state_claimed_from', targetDate: true, texts: [atLeast20('note')] },
    },
  },
  withdraw: {
    from: ALL_BUT_FINAL,
    choice: null,
    options: { withdraw: { to: 'withdrawn', targetDate: false, texts: [required('reason')] } },
  },
} as const satisfies Record<
  RecommendationActionType,
  { from: readonly RecommendationState[]; choice: string | null; options: Record<string, Choice> }
>;

export interface RecommendationSnapshot {
  state: RecommendationState;
  version: number;
  priority: Priority;
  issuedAt: Date;
  responseDueAt: Date;
  /** `YYYY-MM-DD`, a UTC calendar date. */
  targetDate: string | null;
  /** The state an implementation was claimed from, while it awaits verification. */
  claimedFrom: 'accepted' | 'partially_accepted' | null;
}

export type RecommendationAction =
  | { type: 'respond'; response: RecommendationResponse; targetDate?: string | null; reason?: string | null }
  | { type: 'progress'; status: ProgressStatus; note?: string | null; evidence?: string | null }
  | { type: 'verify'; outcome: VerifyOutcome; note?: string | null; targetDate?: string | null }
  | { type: 'withdraw'; reason?: string | null };

export interface RecommendationActor {
  id: string;
}

export interface RecommendationConfig {
  responseDays: number;
  urgentResponseDays: number;
}

/** One dated line of a recommendation's history; `details` holds what the action carried. */
export interface HistoryEntry {
  at: Date;
  action: 'issue' | RecommendationActionType;
  by: string;
  fromState: RecommendationState | null;
  toState: RecommendationState;
  details: Record<string, string>;
}

export type RecommendationRejection =
  | {
      kind: 'not_allowed_from_state';
      action: RecommendationActionType;
      state: RecommendationState;
      allowed: RecommendationActionType[];
      message: string;
    }
  | { kind: 'missing_field'; field: string; message: string }
  | { kind: 'guard_failed'; guard: string; field: string; message: string };

export type RecommendationDecision =
  { ok: true; next: RecommendationSnapshot; entry: HistoryEntry } | { ok: false; rejection: RecommendationRejection };

const DAY_MS = 86_400_000;

export function isFinal(state: RecommendationState): boolean {
  return (FINAL_STATES as readonly RecommendationState[]).includes(state);
}

/** Actions the state allows, whatever the payload and whoever asks (the service intersects with CASL). */
export function allowedFromState(state: RecommendationState): RecommendationActionType[] {
  return RECOMMENDATION_ACTIONS.filter((action) =>
    (RECOMMENDATION_TRANSITIONS[action].from as readonly RecommendationState[]).includes(state),
  );
}

/** When the addressee's answer is due, counted from issue: 28 days, 7 when urgent (configurable). */
export function responseDueAt(priority: Priority, issuedAt: Date, config: RecommendationConfig): Date {
  const days = priority === 'urgent' ? config.urgentResponseDays : config.responseDays;
  if (!Number.isInteger(days) || days <= 0)
    throw new RangeError(`response days must be a positive integer, got ${days}`);
  // Days of 24 hours: times are UTC (SPEC §8), so there is no daylight-saving day to correct for.
  return new Date(issuedAt.getTime() + days * DAY_MS);
}

/** The opening state and history line of a recommendation the commissioner issues now. */
export function issue(
  priority: Priority,
  actor: RecommendationActor,
  now: Date,
  config: RecommendationConfig,
): { snapshot: RecommendationSnapshot; entry: HistoryEntry } {
  const issuedAt = new Date(now.getTime());
  return {
    snapshot: {
      state: 'issued',
      version: 1,
      priority,
      issuedAt,
      responseDueAt: responseDueAt(priority, issuedAt, config),
      targetDate: null,
      claimedFrom: null,
    },
    entry: { at: issuedAt, action: 'issue', by: actor.id, fromState: null, toState: 'issued', details: { priority } },
  };
}

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Still unanswered after its due date. */
export function isResponseOverdue(snapshot: RecommendationSnapshot, now: Date): boolean {
  return snapshot.state === 'issued' && now.getTime() > snapshot.responseDueAt.getTime();
}

/** Accepted (in whole or part), its target date over, and no implementation claimed. */
export function isTargetMissed(snapshot: RecommendationSnapshot, now: Date): boolean {
  return (
    (snapshot.state === 'accepted' || snapshot.state === 'partially_accepted') &&
    snapshot.targetDate !== null &&
    snapshot.targetDate < utcDate(now)
  );
}

/** What the register reads of a visit named as a recommendation's source. */
export interface VisitSource {
  state: VisitState;
  /** The agency operating the visited place now. */
  placeAgencyId: string;
}

/**
 * SPEC §12: a `visit` source is a reported visit of one of the addressed
 * agency's places. Null when `visit` qualifies for `agencyId`; otherwise why
 * not, worded to follow the field name (`source.id …`). A visit not yet
 * reported has no findings the agency may read, so nothing to answer for.
 */
export function visitSourceRefusal(visit: VisitSource | undefined, agencyId: string): string | null {
  if (visit === undefined) return 'names no visit';
  if (visit.placeAgencyId !== agencyId) {
    return 'must be a visit of one of the addressed agency’s places: this visit’s place is operated by another agency';
  }
  if (visit.state !== 'reported') return `must be a reported visit: this visit is ${visit.state}`;
  return null;
}

/** Characters as a reader counts them: code points, so an emoji counts once. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function valueOf(action: RecommendationAction, field: string): unknown {
  return (action as unknown as Record<string, unknown>)[field];
}

/**
 * Applies one action to a recommendation. Checks run in the order the HTTP
 * layer reports them: a state that does not allow the action (409, with what
 * the state allows), then the payload (422, naming the field). The version
 * check (409 when stale) is the caller's conditional UPDATE.
 */
export function decide(
  recommendation: RecommendationSnapshot,
  action: RecommendationAction,
  actor: RecommendationActor,
  now: Date,
  _config: RecommendationConfig,
): RecommendationDecision {
  const reject = (rejection: RecommendationRejection): RecommendationDecision => ({ ok: false, rejection });
  const row = RECOMMENDATION_TRANSITIONS[action.type];
  if (!(row.from as readonly RecommendationState[]).includes(recommendation.state)) {
    return reject({
      kind: 'not_allowed_from_state',
      action: action.type,
      state: recommendation.state,
      allowed: allowedFromState(recommendation.state),
      message: `${action.type} is not allowed: the recommendation is ${recommendation.state}.`,
    });
  }

  const options = row.options as Readonly<Record<string, Choice>>;
  let picked: string;
  if (row.choice === null) {
    picked = action.type;
  } else {
    const value = valueOf(action, row.choice);
    if (value === undefined || value === null || value === '') {
      return reject({ kind: 'missing_field', field: row.choice, message: `${row.choice} is required.` });
    }
    if (typeof value !== 'string' || !Object.hasOwn(options, value)) {
      return reject({
        kind: 'guard_failed',
        guard: `${row.choice}_known`,
        field: row.choice,
        message: `${row.choice} must be one of ${Object.keys(options).join(', ')}.`,
      });
    }
    picked = value;
  }
  const choice = options[picked];
  const details: Record<string, string> = row.choice === null ? {} : { [row.choice]: picked };

  for (const { field, minLength } of choice.texts) {
    const value = valueOf(action, field);
    if (typeof value !== 'string' || value.trim() === '') {
      return reject({ kind: 'missing_field', field, message: `${field} is required.` });
    }
    if (characterCount(value.trim()) < minLength) {
      return reject({
        kind: 'guard_failed',
        guard: `${field}_min_length`,
        field,
        message: `${field} must be at least ${minLength} characters long.`,
      });
    }
    details[field] = value.trim();
  }
  // Optional texts an action may carry beyond its requirements are kept, so nothing sent is silently dropped.
  for (const field of ['reason', 'note', 'evidence'] as const) {
    const value = valueOf(action, field);
    if (details[field] === undefined && typeof value === 'string' && value.trim() !== '') details[field] = value.trim();
  }

  const targetDate = valueOf(action, 'targetDate');
  if (choice.targetDate) {
    if (targetDate === undefined || targetDate === null || targetDate === '') {
      return reject({ kind: 'missing_field', field: 'targetDate', message: 'targetDate is required.' });
    }
    if (typeof targetDate !== 'string' || !isCalendarDate(targetDate)) {
      return reject({
        kind: 'guard_failed',
        guard: 'target_date_format',
        field: 'targetDate',
        message: 'targetDate must be a calendar date, YYYY-MM-DD (UTC).',
      });
    }
    if (targetDate < utcDate(now)) {
      return reject({
        kind: 'guard_failed',
        guard: 'target_date_not_past',
        field: 'targetDate',
        message: 'targetDate may not be in the past.',
      });
    }
    details.targetDate = targetDate;
  } else if (targetDate !== undefined && targetDate !== null) {
    return reject({
      kind: 'guard_failed',
      guard: 'target_date_not_expected',
      field: 'targetDate',
      message: `targetDate does not belong to ${action.type}${row.choice === null ? '' : ` ${picked}`}.`,
    });
  }

  const from = recommendation.state;
  let next: RecommendationSnapshot;
  switch (choice.to) {
    case 'unchanged':
      next = { ...recommendation };
      break;
    case 'state_claimed_from':
      // A claim always records where it came from; `accepted` is the safe reading of a row that lost it.
      next = { ...recommendation, state: recommendation.claimedFrom ?? 'accepted', claimedFrom: null };
      break;
    case 'implementation_claimed':
      next = { ...recommendation, state: choice.to, claimedFrom: from as 'accepted' | 'partially_accepted' };
      break;
    default:
      next = { ...recommendation, state: choice.to, claimedFrom: null };
  }
  if (details.targetDate !== undefined) next.targetDate = details.targetDate;
  next.version = recommendation.version + 1;
  return {
    ok: true,
    next,
    entry: {
      at: new Date(now.getTime()),
      action: action.type,
      by: actor.id,
      fromState: from,
      toState: next.state,
      details,
    },
  };
}
