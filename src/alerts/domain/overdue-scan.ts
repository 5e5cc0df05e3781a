import { diffAlerts, type UnresolvedAlert } from './alert-diff.js';
import {
  type AlertRule,
  type AlertThresholds,
  COMPLAINT_RULES,
  DETENTION_RULES,
  RECOMMENDATION_RULES,
  type Severity,
  VISIT_RULES,
} from './alert-rules.js';
import { complaintCandidates, type OpenComplaint } from './complaint-clocks.js';
import {
  evaluateDetention,
  evaluateVisit,
  isResponseOverdue,
  type OpenDetention,
  type OpenVisit,
} from './overdue-rules.js';
import {
  recommendationCandidates,
  recommendationResolveReason,
  type RecommendationClock,
} from './recommendation-clocks.js';
import type { RecommendationSnapshot } from '../../recommendations/domain/recommendation-workflow.js';
import { HOUR_MS } from './working-days.js';

/**
 * The decisions of one overdue scan, given what it loaded: which alerts to
 * raise, which to resolve and why, from when an unacknowledged alert is
 * escalated, and who each message goes to. The scanner only loads and writes.
 */

export type AlertSubjectType = 'detention_episode' | 'review' | 'visit' | 'recommendation' | 'complaint';

/** Rules a scan maintains (raises and resolves); removal_during_review is raised by the decision itself. */
export const SCANNED_RULES: readonly AlertRule[] = [
  ...DETENTION_RULES,
  'review_response_overdue',
  ...VISIT_RULES,
  ...RECOMMENDATION_RULES,
  ...COMPLAINT_RULES,
];

export interface AlertCandidate {
  rule: AlertRule;
  /** Absent: the rule's severity in the catalogue. */
  severity?: Severity;
  subjectType: AlertSubjectType;
  subjectId: string;
  /** Besides the subject, what tells this rule's alerts apart (a missed target date); absent: the subject alone. */
  subjectKey?: string;
  /** Null for an alert about a visit, a recommendation or a complaint. */
  caseId: string | null;
  agencyId: string;
  since: Date;
  thresholds: Record<string, number>;
}

/** A finding of concern or disagreement the agency has not answered yet. */
export interface AwaitingResponse {
  reviewId: string;
  caseId: string;
  agencyId: string;
  responseDueAt: Date;
}

export type ResolveReason =
  | 'detention_ended'
  | 'response_received'
  | 'implementation_claimed'
  | 'target_date_changed'
  | 'recommendation_withdrawn'
  | 'complaint_triaged'
  | 'condition_no_longer_holds';

export interface Resolution {
  id: string;
  reason: ResolveReason;
}

export interface ScanPlan {
  toRaise: AlertCandidate[];
  toResolve: Resolution[];
}

/**
 * Candidates are every rule an open detention, an unanswered review, an
 * open visit or a recommendation meets at `now`; those without an
 * unresolved alert are raised, and unresolved alerts that no candidate holds
 * up any more are resolved.
 */
export function planScan(
  loaded: {
    openDetentions: readonly OpenDetention[];
    awaitingResponse: readonly AwaitingResponse[];
    unresolved: readonly UnresolvedAlert[];
    /** Visits not yet reported or cancelled (SPEC §11 clocks). */
    openVisits?: readonly OpenVisit[];
    /**
     * Recommendations whose clocks may run, and those unresolved alerts are about (SPEC §12 clocks): the
     * clocks decide from these, and a resolution reads its reason from them.
     */
    recommendations?: readonly RecommendationClock[];
    /** Complaints not yet triaged (SPEC §13 clock). */
    openComplaints?: readonly OpenComplaint[];
  },
  now: Date,
  thresholds: AlertThresholds,
): ScanPlan {
  const recommendations = loaded.recommendations ?? [];
  const candidates = [
    ...overdueCandidates(loaded.openDetentions, loaded.awaitingResponse, now, thresholds),
    ...visitCandidates(loaded.openVisits ?? [], now, thresholds),
    ...recommendationCandidates(recommendations, now),
    ...complaintCandidates(loaded.openComplaints ?? [], now, thresholds),
  ];
  const { toRaise, toResolve } = diffAlerts(candidates, loaded.unresolved);
  const ending = new Set(toResolve);
  const openEpisodes = new Set(loaded.openDetentions.map((d) => d.episodeId));
  const current = new Map(recommendations.map((r) => [r.recommendationId, r.snapshot]));
  const untriaged = new Set((loaded.openComplaints ?? []).map((c) => c.complaintId));
  return {
    toRaise,
    toResolve: loaded.unresolved
      .filter((a) => ending.has(a.id))
      .map((a) => ({ id: a.id, reason: resolveReason(a, openEpisodes, current, untriaged) })),
  };
}

/** Detention candidates in episode order, each in catalogue order, then overdue responses. */
export function overdueCandidates(
  openDetentions: readonly OpenDetention[],
  awaitingResponse: readonly AwaitingResponse[],
  now: Date,
  thresholds: AlertThresholds,
): AlertCandidate[] {
  const candidates: AlertCandidate[] = [];
  for (const d of openDetentions) {
    for (const hit of evaluateDetention(d, now, thresholds)) {
      candidates.push({
        rule: hit.rule,
        subjectType: 'detention_episode',
        subjectId: d.episodeId,
        caseId: d.caseId,
        agencyId: d.agencyId,
        since: hit.since,
        thresholds: hit.thresholds,
      });
    }
  }
  for (const r of awaitingResponse) {
    if (!isResponseOverdue(r.responseDueAt, now)) continue;
    candidates.push({
      rule: 'review_response_overdue',
      subjectType: 'review',
      subjectId: r.reviewId,
      caseId: r.caseId,
      agencyId: r.agencyId,
      since: r.responseDueAt,
      thresholds: { reviewResponseDays: thresholds.reviewResponseDays },
    });
  }
  return candidates;
}

/** The visit clocks' candidates, in visit order. */
export function visitCandidates(
  visits: readonly OpenVisit[],
  now: Date,
  thresholds: AlertThresholds,
): AlertCandidate[] {
  return visits.flatMap((v) =>
    evaluateVisit(v, now, thresholds).map((hit) => ({
      rule: hit.rule,
      subjectType: 'visit' as const,
      subjectId: v.visitId,
      caseId: null,
      agencyId: v.agencyId,
      since: hit.since,
      thresholds: hit.thresholds,
    })),
  );
}

/**
 * Why an alert the scan no longer holds up is resolved. A detention alert
 * whose episode is not among the open ones ended with the detention (the
 * scan reads every open episode, and an episode never reopens); a review
 * alert ends when the response arrives; a recommendation alert says what
 * became of the recommendation; a complaint alert ends with the triage (the
 * scan reads every complaint still waiting); anything else stopped holding,
 * e.g. the screening decision was made while the person is still detained.
 */
export function resolveReason(
  alert: Pick<UnresolvedAlert, 'rule' | 'subjectId' | 'subjectKey'>,
  openEpisodeIds: ReadonlySet<string>,
  recommendations: ReadonlyMap<string, RecommendationSnapshot> = new Map(),
  untriagedComplaintIds: ReadonlySet<string> = new Set(),
): ResolveReason {
  switch (subjectTypeOf(alert.rule)) {
    case 'complaint':
      return untriagedComplaintIds.has(alert.subjectId) ? 'condition_no_longer_holds' : 'complaint_triaged';
    case 'review':
      return 'response_received';
    case 'visit':
      return 'condition_no_longer_holds';
    case 'recommendation':
      return recommendationResolveReason(alert, recommendations.get(alert.subjectId));
    case 'detention_episode':
      return openEpisodeIds.has(alert.subjectId) ? 'condition_no_longer_holds' : 'detention_ended';
  }
}

/**
 * What an alert of this rule is about: a detention episode, a visit, a recommendation, a complaint, or for the
 * review rules the review.
 */
export function subjectTypeOf(rule: AlertRule): AlertSubjectType {
  if ((VISIT_RULES as readonly AlertRule[]).includes(rule)) return 'visit';
  if ((COMPLAINT_RULES as readonly AlertRule[]).includes(rule)) return 'complaint';
  if ((RECOMMENDATION_RULES as readonly AlertRule[]).includes(rule)) return 'recommendation';
  return (DETENTION_RULES as readonly AlertRule[]).includes(rule) ? 'detention_episode' : 'review';
}

/**
 * An alert still open (nobody acknowledged it) `escalateAfterHours` after it
 * was raised is escalated once, at that instant itself included: this is the
 * latest raise time that escalates at `now`.
 */
export function escalationCutoff(now: Date, escalateAfterHours: number): Date {
  return new Date(now.getTime() - escalateAfterHours * HOUR_MS);
}
