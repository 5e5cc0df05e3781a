/**
 * An investigation's life (SPEC §13): open → factual_accuracy → published, or
 * open → closed. The table says from which states each action may be taken,
 * where it leads and what its body carries; who may take it is CASL's
 * (src/authz/domain/abilities.ts, judged with `gate` in
 * investigation-access.ts). Time and configuration are arguments.
 */
import type { Priority, Theme } from '../../recommendations/domain/recommendation-workflow.js';

export const INVESTIGATION_STATES = ['open', 'factual_accuracy', 'published', 'closed'] as const;
export type InvestigationState = (typeof INVESTIGATION_STATES)[number];

export const FINAL_STATES = ['published', 'closed'] as const satisfies readonly InvestigationState[];

/** States in which the agencies in scope see the investigation (SPEC §13: from `factual_accuracy` on). */
export const DISCLOSED_STATES = ['factual_accuracy', 'published'] as const satisfies readonly InvestigationState[];

/** How the investigation came about; `complaint` is set only by triaging a complaint (§13), never by a client. */
export const ORIGINS = ['own_initiative', 'review_pattern', 'visit', 'complaint'] as const;
export type Origin = (typeof ORIGINS)[number];
export const CLIENT_ORIGINS = ['own_initiative', 'review_pattern', 'visit'] as const satisfies readonly Origin[];

export const EVIDENCE_KINDS = ['case', 'decision_record', 'review', 'visit', 'alert'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * SPEC §13's table. `route` is the path segment of `POST /investigations/{id}/<route>`; `to: null` keeps the
 * state (the action adds to the file); `body` documents what it carries (the README table shows it).
 */
export const INVESTIGATION_TRANSITIONS = {
  assign_investigators: {
    route: 'investigators',
    from: ['open'],
    to: null,
    body: '`{ reviewerIds }` (replaces; no conflict with any agency in scope)',
  },
  add_evidence: {
    route: 'evidence',
    from: ['open'],
    to: null,
    body: '`{ kind, id, note }` (a record of an agency or place in scope)',
  },
  draft: {
    route: 'draft',
    from: ['open'],
    to: 'factual_accuracy',
    body: '`{ text, proposedRecommendations: [{ agencyId, theme, priority, text }] }` (agencies in scope)',
  },
  comment: {
    route: 'comment',
    from: ['factual_accuracy'],
    to: null,
    body: '`{ text }`, within `INVESTIGATION_COMMENT_DAYS` of the draft',
  },
  publish: {
    route: 'publish',
    from: ['factual_accuracy'],
    to: 'published',
    body: '`{ text }` (frozen); issues the proposed recommendations',
  },
  close_without_findings: { route: 'close_without_findings', from: ['open'], to: 'closed', body: '`{ reason }`' },
} as const satisfies Record<
  string,
  { route: string; from: readonly InvestigationState[]; to: InvestigationState | null; body: string }
>;

export type InvestigationActionType = keyof typeof INVESTIGATION_TRANSITIONS;
export const INVESTIGATION_ACTIONS = Object.keys(INVESTIGATION_TRANSITIONS) as InvestigationActionType[];

export interface ProposedRecommendation {
  agencyId: string;
  theme: Theme;
  priority: Priority;
  text: string;
}

export type InvestigationAction =
  | { type: 'assign_investigators'; reviewerIds: string[] }
  | { type: 'add_evidence'; kind: EvidenceKind; id: string; note: string }
  | { type: 'draft'; text: string; proposedRecommendations: ProposedRecommendation[] }
  | { type: 'comment'; text: string }
  | { type: 'publish'; text: string }
  | { type: 'close_without_findings'; reason: string };

export interface InvestigationSnapshot {
  state: InvestigationState;
  version: number;
  /** The agencies in scope. */
  agencyIds: readonly string[];
  draftedAt: Date | null;
  /** The end of the factual-accuracy period: comments are taken until this instant. */
  commentsCloseAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
}

export interface InvestigationConfig {
  /** SPEC §13: days the in-scope agencies have to comment on the draft's facts. */
  commentDays: number;
}

export type InvestigationRejection =
  | {
      kind: 'not_allowed_from_state';
      action: InvestigationActionType;
      state: InvestigationState;
      allowed: InvestigationActionType[];
      message: string;
    }
  | { kind: 'guard_failed'; guard: string; field: string | null; message: string; closedAt?: Date };

export type InvestigationDecision =
  { ok: true; next: InvestigationSnapshot } | { ok: false; rejection: InvestigationRejection };

const DAY_MS = 86_400_000;

export function isFinal(state: InvestigationState): boolean {
  return (FINAL_STATES as readonly InvestigationState[]).includes(state);
}

/** Actions the state allows, whoever asks (the service intersects with CASL). */
export function allowedFromState(state: InvestigationState): InvestigationActionType[] {
  return INVESTIGATION_ACTIONS.filter((a) =>
    (INVESTIGATION_TRANSITIONS[a].from as readonly InvestigationState[]).includes(state),
  );
}

/** Whether the agencies in scope may still comment on the draft's facts at `now`. */
export function commentPeriodOpen(investigation: Pick<InvestigationSnapshot, 'commentsCloseAt'>, now: Date): boolean {
  return investigation.commentsCloseAt !== null && now.getTime() <= investigation.commentsCloseAt.getTime();
}

/** What the state and the clock allow now, whoever asks: `comment` only until its period closes. */
export function actionsOpenAt(
  investigation: Pick<InvestigationSnapshot, 'state' | 'commentsCloseAt'>,
  now: Date,
): InvestigationActionType[] {
  return allowedFromState(investigation.state).filter((a) => a !== 'comment' || commentPeriodOpen(investigation, now));
}

/** The opening state of an investigation the commissioner opens now. */
export function open(agencyIds: readonly string[]): InvestigationSnapshot {
  return {
    state: 'open',
    version: 1,
    agencyIds: [...agencyIds],
    draftedAt: null,
    commentsCloseAt: null,
    publishedAt: null,
    closedAt: null,
  };
}

/** When the factual-accuracy period of a draft made at `draftedAt` ends. */
export function commentsCloseAt(draftedAt: Date, config: InvestigationConfig): Date {
  const days = config.commentDays;
  if (!Number.isInteger(days) || days <= 0)
    throw new RangeError(`comment days must be a positive integer, got ${days}`);
  return new Date(draftedAt.getTime() + days * DAY_MS);
}

/**
 * Applies one action. Checks run in the order the HTTP layer reports them:
 * a state that does not allow the action (409, with what the state allows),
 * then the action's rules (422). The version check (409 when stale) is the
 * caller's conditional UPDATE; facts only the database knows (who is a
 * reviewer, which records exist) are checked by the service.
 */
export function decide(
  investigation: InvestigationSnapshot,
  action: InvestigationAction,
  now: Date,
  config: InvestigationConfig,
): InvestigationDecision {
  const reject = (rejection: InvestigationRejection): InvestigationDecision => ({ ok: false, rejection });
  const row = INVESTIGATION_TRANSITIONS[action.type];
  if (!(row.from as readonly InvestigationState[]).includes(investigation.state)) {
    return reject({
      kind: 'not_allowed_from_state',
      action: action.type,
      state: investigation.state,
      allowed: allowedFromState(investigation.state),
      message: `${row.route} is not allowed: the investigation is ${investigation.state}.`,
    });
  }
  const next: InvestigationSnapshot = {
    ...investigation,
    agencyIds: [...investigation.agencyIds],
    state: row.to ?? investigation.state,
    version: investigation.version + 1,
  };
  switch (action.type) {
    case 'draft': {
      const outside = action.proposedRecommendations.findIndex((p) => !investigation.agencyIds.includes(p.agencyId));
      if (outside >= 0) {
        return reject({
          kind: 'guard_failed',
          guard: 'recommendation_agency_in_scope',
          field: `proposedRecommendations.${outside}.agencyId`,
          message: `proposedRecommendations.${outside}.agencyId must be an agency in the investigation's scope.`,
        });
      }
      next.draftedAt = new Date(now.getTime());
      next.commentsCloseAt = commentsCloseAt(now, config);
      break;
    }
    case 'comment': {
      const closesAt = investigation.commentsCloseAt;
      if (!commentPeriodOpen(investigation, now)) {
        const when = closesAt === null ? 'has not opened' : `closed at ${closesAt.toISOString()}`;
        return reject({
          kind: 'guard_failed',
          guard: 'comment_period_closed',
          field: null,
          message:
            `The factual-accuracy period ${when} (${config.commentDays} days after the draft); ` +
            'comments are no longer taken. The commissioner may still publish.',
          ...(closesAt === null ? {} : { closedAt: closesAt }),
        });
      }
      break;
    }
    case 'publish':
      next.publishedAt = new Date(now.getTime());
      break;
    case 'close_without_findings':
      next.closedAt = new Date(now.getTime());
      break;
    case 'assign_investigators':
    case 'add_evidence':
      break;
  }
  return { ok: true, next };
}
