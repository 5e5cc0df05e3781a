import type { Role } from '../../authz/domain/roles.js';

export const REVIEW_STATUSES = ['pending', 'assigned', 'awaiting_response', 'disputed', 'closed', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const FINDINGS = ['concur', 'concern', 'disagree'] as const;
export type Finding = (typeof FINDINGS)[number];

export const RESPONSES = ['accept', 'reject'] as const;
export type Response = (typeof RESPONSES)[number];
/** The same type under a name that does not shadow the global fetch `Response` where both are in scope. */
export type ReviewResponse = Response;

export const REVIEW_COMMANDS = ['assign', 'conclude', 'respond', 'withdraw', 'close'] as const;
export type ReviewCommandType = (typeof REVIEW_COMMANDS)[number];

/**
 * Who may issue a command, per role:
 * - `any`: every review the command applies to;
 * - `assigned_to_self_without_conflict`: only a review assigned to the actor,
 *   and never one about an agency in the actor's `conflictAgencyIds`;
 * - `assigned_to_self_without_conflict`: … nor with the agency that owns the case;
 * - `own_agency`: only a review of a decision by the actor's own agency (the deciding agency).
 */
export type ReviewPermission = 'any' | 'assigned_to_self_without_conflict' | 'own_agency';

interface ReviewTransitionRow {
  from: readonly ReviewStatus[];
  to: ReviewStatus | Readonly<Record<Finding, ReviewStatus>> | Readonly<Record<Response, ReviewStatus>>;
  by: Readonly<Partial<Record<string, ReviewPermission>>>;
  /** The free-text field the command must carry, and its minimum length in characters after trimming. */
  text: { field: string; minLength: number } | null;
}

/**
 * The review workflow (SPEC §5). This table is the whole of the rules; the
 * function below only interprets it. A review is "concluded" once it leaves
 * `assigned` by `conclude`: a `concur` finding needs no answer from the
 * agency, so it closes at once. An agency that rejects a finding leaves the
 * review `disputed` — still visible, and still blocking a removal on the
 * case — until the commissioner closes it with a note.
 */
export const REVIEW_TRANSITIONS = {
  assign: {
    // Re-assigning lets the commissioner move work off an absent or newly conflicted reviewer.
    from: ['pending', 'assigned'],
    to: 'assigned',
    by: { commissioner: 'any' },
    text: null,
  },
  conclude: {
    from: ['assigned'],
    to: { concur: 'closed', concern: 'awaiting_response', disagree: 'awaiting_response' },
    by: { commissioner: 'any', reviewer: 'assigned_to_self_without_conflict' },
    text: { field: 'rationale', minLength: 20 },
  },
  respond: {
    from: ['awaiting_response'],
    to: { accept: 'closed', reject: 'disputed' },
    // The deciding agency answers: a frontline supervisor, or a decision maker for a competent authority's decision.
    by: { agency_supervisor: 'own_agency', decision_maker: 'own_agency' },
    text: { field: 'responseText', minLength: 10 },
  },
  withdraw: {
    // Once concluded the finding is on record and the agency may already have seen it.
    from: ['pending', 'assigned'],
    to: 'withdrawn',
    by: { commissioner: 'any' },
    text: { field: 'reason', minLength: 10 },
  },
  close: {
    // Ends a dispute on record: the note (a rationale, hence the 20 characters of `conclude`) says why.
    // Extension point: once recommendations exist (SPEC §12), `close` may also issue one to the agency; the
    // command then gains an optional recommendation and the service writes it in the same transaction.
    from: ['disputed'],
    to: 'closed',
    by: { commissioner: 'any' },
    text: { field: 'note', minLength: 20 },
  },
} as const satisfies Record<ReviewCommandType, ReviewTransitionRow>;

export interface ReviewSnapshot {
  status: ReviewStatus;
  /** The agency whose decision is reviewed (the deciding agency). */
  agencyId: string;
  /** The agency that owns the case. */
  caseAgencyId: string;
  assignedReviewerId: string | null;
  finding: Finding | null;
  concludedAt: Date | null;
  responseDueAt: Date | null;
  response: Response | null;
}

export interface ReviewActor {
  id: string;
  role: Role;
  agencyId: string | null;
  conflictAgencyIds: readonly string[];
}

export type ReviewCommand =
  | { type: 'assign'; reviewer: { id: string; role: Role | null; conflictAgencyIds: readonly string[] } }
  | { type: 'conclude'; finding: Finding; rationale: string }
  | { type: 'respond'; response: Response; text: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'close'; note: string };

export type ReviewRejection =
  | {
      kind: 'not_allowed_from_status';
      status: ReviewStatus;
      command: ReviewCommand['type'];
      allowed: ReviewCommand['type'][];
    }
  | { kind: 'not_permitted'; reason: string }
  | { kind: 'guard_failed'; guard: string; field?: string; message: string }
  | { kind: 'missing_field'; field: string; message: string };

export interface ReviewConfig {
  reviewResponseDays: number;
}

export type ReviewTransitionResult = { ok: true; next: ReviewSnapshot } | { ok: false; rejection: ReviewRejection };

const DAY_MS = 86_400_000;

function rowOf(command: ReviewCommandType): ReviewTransitionRow {
  return REVIEW_TRANSITIONS[command];
}

function permissionOf(command: ReviewCommandType, actor: ReviewActor): ReviewPermission | undefined {
  const by = rowOf(command).by;
  // hasOwn: a role string such as `constructor` must not find something on Object.prototype.
  return Object.hasOwn(by, actor.role) ? by[actor.role] : undefined;
}

/** Why this actor may not act on this particular review, or null if they may. */
function refusalFor(permission: ReviewPermission, review: ReviewSnapshot, actor: ReviewActor): string | null {
  switch (permission) {
    case 'any':
      return null;
    case 'assigned_to_self_without_conflict':
      if (review.assignedReviewerId !== actor.id) return 'The review is not assigned to you.';
      if (actor.conflictAgencyIds.includes(review.agencyId)) {
        return 'You have a conflict of interest with the agency whose decision is reviewed.';
      }
      if (actor.conflictAgencyIds.includes(review.caseAgencyId)) {
        return 'You have a conflict of interest with the agency whose case it is.';
      }
      return null;
    case 'own_agency':
      return actor.agencyId !== null && actor.agencyId === review.agencyId
        ? null
        : 'The review concerns another agency.';
  }
}

function statusAllows(command: ReviewCommandType, status: ReviewStatus): boolean {
  return rowOf(command).from.includes(status);
}

/** Commands this actor could issue on this review now, whatever the payload. */
export function allowedReviewCommands(review: ReviewSnapshot, actor: ReviewActor): ReviewCommand['type'][] {
  return REVIEW_COMMANDS.filter((command) => {
    const permission = permissionOf(command, actor);
    return (
      permission !== undefined && statusAllows(command, review.status) && refusalFor(permission, review, actor) === null
    );
  });
}

/** Characters as a reader counts them: code points, so an emoji or a CJK extension character counts once. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function checkText(value: unknown, field: string, minLength: number): ReviewRejection | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return { kind: 'missing_field', field, message: `${field} is required.` };
  }
  if (characterCount(value.trim()) < minLength) {
    return {
      kind: 'guard_failed',
      guard: `${field}_min_length`,
      field,
      message: `${field} must be at least ${minLength} characters long.`,
    };
  }
  return null;
}

function checkChoice(value: unknown, field: string, choices: readonly string[]): ReviewRejection | null {
  if (value === undefined || value === null || value === '') {
    return { kind: 'missing_field', field, message: `${field} is required.` };
  }
  if (typeof value !== 'string' || !choices.includes(value)) {
    return {
      kind: 'guard_failed',
      guard: `${field}_known`,
      field,
      message: `${field} must be one of ${choices.join(', ')}.`,
    };
  }
  return null;
}

function textOf(command: ReviewCommand): unknown {
  switch (command.type) {
    case 'assign':
      return undefined;
    case 'conclude':
      return command.rationale;
    case 'respond':
      return command.text;
    case 'withdraw':
      return command.reason;
    case 'close':
      return command.note;
  }
}

function reject(rejection: ReviewRejection): ReviewTransitionResult {
  return { ok: false, rejection };
}

/**
 * Applies one command. Checks run in the order the HTTP layer reports them:
 * a role that may never issue the command (403), a status that does not allow
 * it (409, with what the actor could do instead), this actor on this review
 * (403), then the payload (422).
 */
export function transitionReview(
  review: ReviewSnapshot,
  command: ReviewCommand,
  actor: ReviewActor,
  now: Date,
  config: ReviewConfig,
): ReviewTransitionResult {
  const row = rowOf(command.type);
  const permission = permissionOf(command.type, actor);
  if (permission === undefined) {
    return reject({ kind: 'not_permitted', reason: `A ${actor.role} may not ${command.type} reviews.` });
  }
  if (!statusAllows(command.type, review.status)) {
    return reject({
      kind: 'not_allowed_from_status',
      status: review.status,
      command: command.type,
      allowed: allowedReviewCommands(review, actor),
    });
  }
  const refusal = refusalFor(permission, review, actor);
  if (refusal !== null) return reject({ kind: 'not_permitted', reason: refusal });

  const payloadRejection = (() => {
    switch (command.type) {
      case 'assign':
        return checkAssignee(command.reviewer, review);
      case 'conclude':
        return checkChoice(command.finding, 'finding', FINDINGS);
      case 'respond':
        return checkChoice(command.response, 'response', RESPONSES);
      case 'withdraw':
      case 'close':
        return null;
    }
  })();
  if (payloadRejection) return reject(payloadRejection);
  if (row.text) {
    const textRejection = checkText(textOf(command), row.text.field, row.text.minLength);
    if (textRejection) return reject(textRejection);
  }

  switch (command.type) {
    case 'assign':
      return { ok: true, next: { ...review, status: 'assigned', assignedReviewerId: command.reviewer.id } };
    case 'conclude': {
      const status = REVIEW_TRANSITIONS.conclude.to[command.finding];
      return {
        ok: true,
        next: {
          ...review,
          status,
          finding: command.finding,
          concludedAt: new Date(now.getTime()),
          responseDueAt: status === 'awaiting_response' ? responseDue(now, config) : null,
        },
      };
    }
    case 'respond':
      // A late response is still accepted: the due date drives reminders, and refusing the
      // agency's answer would leave the finding unanswered for good.
      return {
        ok: true,
        next: { ...review, status: REVIEW_TRANSITIONS.respond.to[command.response], response: command.response },
      };
    case 'withdraw':
      return { ok: true, next: { ...review, status: REVIEW_TRANSITIONS.withdraw.to } };
    case 'close':
      return { ok: true, next: { ...review, status: REVIEW_TRANSITIONS.close.to } };
  }
}

function checkAssignee(
  reviewer: { id: string; role: Role | null; conflictAgencyIds: readonly string[] } | undefined | null,
  review: ReviewSnapshot,
): ReviewRejection | null {
  if (!reviewer?.id) return { kind: 'missing_field', field: 'reviewerId', message: 'reviewerId is required.' };
  if (reviewer.role !== 'reviewer') {
    return {
      kind: 'guard_failed',
      guard: 'assignee_is_reviewer',
      field: 'reviewerId',
      message: 'Reviews can only be assigned to users with the reviewer role.',
    };
  }
  if (
    reviewer.conflictAgencyIds.includes(review.agencyId) ||
    reviewer.conflictAgencyIds.includes(review.caseAgencyId)
  ) {
    return {
      kind: 'guard_failed',
      guard: 'reviewer_conflict',
      field: 'reviewerId',
      message:
        'The reviewer has a conflict of interest with the agency whose decision is reviewed or whose case it is.',
    };
  }
  return null;
}

function responseDue(now: Date, config: ReviewConfig): Date {
  const days = config.reviewResponseDays;
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`reviewResponseDays must be positive, got ${days}`);
  // Days of 24 hours: times are UTC (SPEC §8), so there is no daylight-saving day to correct for.
  return new Date(now.getTime() + days * DAY_MS);
}
