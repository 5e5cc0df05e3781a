import {
  isResponseOverdue,
  isTargetMissed,
  type RecommendationSnapshot,
} from '../../recommendations/domain/recommendation-workflow.js';
import { diffAlerts, type UnresolvedAlert } from './alert-diff.js';
import type { RecommendationRule, Severity } from './alert-rules.js';
import type { AlertCandidate, Resolution, ResolveReason } from './overdue-scan.js';
import { DAY_MS } from './working-days.js';

/**
 * The recommendation clocks (SPEC §12). When they run is the register's own
 * definition (`isResponseOverdue`, `isTargetMissed`, which its `overdue=true`
 * filter mirrors in SQL); this module says which alert each raises, under
 * which key, and why one ends.
 */

/** A recommendation as the clocks read it. */
export interface RecommendationClock {
  recommendationId: string;
  /** The addressed agency: it reads, acknowledges and is e-mailed the alert. */
  agencyId: string;
  snapshot: RecommendationSnapshot;
}

export interface RecommendationRuleHit {
  rule: RecommendationRule;
  severity: Severity;
  /** The response clock runs once per recommendation; the target clock once per target date. */
  subjectKey: string;
  since: Date;
  thresholds: Record<string, number>;
}

/**
 * The clocks a recommendation's state runs at `now`: its response overdue
 * (critical when urgent), or the target date it was accepted with missed.
 * A new target date (set when a claimed implementation is not verified) is
 * a new key, so missing it raises a new alert.
 */
export function evaluateRecommendation(r: RecommendationSnapshot, now: Date): RecommendationRuleHit[] {
  const hits: RecommendationRuleHit[] = [];
  if (isResponseOverdue(r, now)) {
    hits.push({
      rule: 'recommendation_response_overdue',
      severity: r.priority === 'urgent' ? 'critical' : 'high',
      subjectKey: '',
      since: r.responseDueAt,
      // The days this recommendation was given, fixed when it was issued (the configuration may have moved since).
      thresholds: { responseDays: Math.round((r.responseDueAt.getTime() - r.issuedAt.getTime()) / DAY_MS) },
    });
  }
  if (isTargetMissed(r, now) && r.targetDate !== null) {
    hits.push({
      rule: 'recommendation_target_missed',
      severity: 'high',
      subjectKey: r.targetDate,
      // Missed from the first instant after the target day (UTC), as isTargetMissed counts.
      since: new Date(Date.parse(`${r.targetDate}T00:00:00Z`) + DAY_MS),
      thresholds: {},
    });
  }
  return hits;
}

/** The recommendation clocks' candidates, in the order loaded; no case is the subject. */
export function recommendationCandidates(clocks: readonly RecommendationClock[], now: Date): AlertCandidate[] {
  return clocks.flatMap((c) =>
    evaluateRecommendation(c.snapshot, now).map((hit) => ({
      rule: hit.rule,
      severity: hit.severity,
      subjectType: 'recommendation' as const,
      subjectId: c.recommendationId,
      subjectKey: hit.subjectKey,
      caseId: null,
      agencyId: c.agencyId,
      since: hit.since,
      thresholds: hit.thresholds,
    })),
  );
}

/**
 * Why a recommendation alert stopped holding, read from the recommendation
 * as it is now (undefined: not loaded, which the scan never does to an
 * alert's subject).
 */
export function recommendationResolveReason(
  alert: Pick<UnresolvedAlert, 'rule' | 'subjectKey'>,
  current: RecommendationSnapshot | undefined,
): ResolveReason {
  if (current === undefined) return 'condition_no_longer_holds';
  if (current.state === 'withdrawn') return 'recommendation_withdrawn';
  if (alert.rule === 'recommendation_response_overdue') {
    return current.state === 'issued' ? 'condition_no_longer_holds' : 'response_received';
  }
  if (current.state === 'implementation_claimed' || current.state === 'implemented') return 'implementation_claimed';
  if (current.targetDate !== alert.subjectKey) return 'target_date_changed';
  return 'condition_no_longer_holds';
}

/**
 * What an action on a recommendation ends, in the action's own transaction:
 * the recommendation's unresolved alerts its new state no longer holds up.
 * No action starts a clock (a target date is never set in the past), so
 * raising stays the scan's.
 */
export function settleRecommendation(
  clock: RecommendationClock,
  unresolved: readonly UnresolvedAlert[],
  now: Date,
): Resolution[] {
  const own = unresolved.filter((a) => a.subjectId === clock.recommendationId);
  const ending = new Set(diffAlerts(recommendationCandidates([clock], now), own).toResolve);
  return own
    .filter((a) => ending.has(a.id))
    .map((a) => ({ id: a.id, reason: recommendationResolveReason(a, clock.snapshot) }));
}
