import {
  type AlertThresholds,
  type DetentionRule,
  type DetentionThresholds,
  RULES,
  type Severity,
} from './alert-rules.js';
import { addWorkingDays, DAY_MS, HOUR_MS } from './working-days.js';

/** One open detention episode with the case facts the rules read. */
export interface OpenDetention {
  episodeId: string;
  caseId: string;
  agencyId: string;
  detainedAt: Date;
  /** The case's current identification state. */
  state: string;
  stateEnteredAt: Date;
  /** When the case last entered `referred`; null if it never has. */
  referredAt: Date | null;
}

export interface RuleHit {
  rule: DetentionRule;
  severity: Severity;
  /** When the condition began to hold (threshold crossed or state entered). */
  since: Date;
  /** The threshold values it was raised under, e.g. `{ screeningMaxHours: 48 }` (empty for victim_detained). */
  thresholds: Record<string, number>;
}

/**
 * States in which detaining the person is itself the problem: reasonable
 * grounds are established (recovery period) or the person is an identified
 * victim.
 */
export const VICTIM_STATES: readonly string[] = ['recovery_period', 'identified_victim'];

/**
 * Every rule the detention meets at `now`, in catalogue order. Thresholds are
 * strict ("longer than"): exactly at the threshold nothing is raised.
 *
 * A detention whose start lies after `now` (a client clock ahead of the
 * server's) is not yet a detention and meets no rule.
 */
export function evaluateDetention(d: OpenDetention, now: Date, t: DetentionThresholds): RuleHit[] {
  const nowMs = now.getTime();
  const detainedMs = d.detainedAt.getTime();
  if (detainedMs > nowMs) return [];
  const hits: RuleHit[] = [];

  if (d.state === 'screening') {
    const crossedAt = detainedMs + t.screeningMaxHours * HOUR_MS;
    if (nowMs > crossedAt) hits.push(hit('screening_overdue', crossedAt, { screeningMaxHours: t.screeningMaxHours }));
  }

  if (d.state === 'referred' && d.referredAt !== null) {
    const dueAt = addWorkingDays(d.referredAt, t.rgDecisionMaxWorkingDays).getTime();
    // The alert is about a detained person: a referral already overdue when
    // the detention began becomes this rule's problem only from then.
    if (nowMs > dueAt) {
      hits.push(
        hit('rg_decision_overdue', Math.max(dueAt, detainedMs), {
          rgDecisionMaxWorkingDays: t.rgDecisionMaxWorkingDays,
        }),
      );
    }
  }

  if (VICTIM_STATES.includes(d.state)) {
    // Clamped to now so a state entry stamped slightly in the future (clock
    // skew) never yields an alert that claims to start later than it was raised.
    const began = Math.min(nowMs, Math.max(detainedMs, d.stateEnteredAt.getTime()));
    hits.push(hit('victim_detained', began, {}));
  }

  const limitAt = detainedMs + t.maxDetentionDays * DAY_MS;
  if (nowMs > limitAt) hits.push(hit('detention_limit_exceeded', limitAt, { maxDetentionDays: t.maxDetentionDays }));

  return hits;
}

function hit(rule: DetentionRule, sinceMs: number, thresholds: Record<string, number>): RuleHit {
  return { rule, severity: RULES[rule].severity, since: new Date(sinceMs), thresholds };
}

/**
 * How long someone has been held, in whole completed hours, and as words for
 * an e-mail ("3 days 4 hours", "5 hours", "less than an hour"). Rounding down
 * keeps the text from ever claiming more time than has passed.
 */
export function detentionLength(detainedAt: Date, now: Date): { totalHours: number; text: string } {
  const totalHours = Math.max(0, Math.floor((now.getTime() - detainedAt.getTime()) / HOUR_MS));
  if (totalHours === 0) return { totalHours, text: 'less than an hour' };
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  return { totalHours, text: parts.join(' ') };
}

/** A review response is overdue once its due instant has passed (at the instant itself it is still on time). */
export function isResponseOverdue(responseDueAt: Date, now: Date): boolean {
  return now.getTime() > responseDueAt.getTime();
}

/** A visit not yet reported or cancelled, with what its clocks read. */
export interface OpenVisit {
  visitId: string;
  agencyId: string;
  state: 'planned' | 'in_progress';
  /** The planned day (UTC date `YYYY-MM-DD`). */
  day: string;
  startedAt: Date | null;
}

export interface VisitRuleHit {
  rule: 'visit_overdue' | 'visit_report_overdue';
  since: Date;
  thresholds: Record<string, number>;
}

/**
 * The visit clocks (SPEC §12): a planned visit not started `visitLateDays`
 * after the start of its day, a started one not reported `visitReportDays`
 * after its start. Strict, as the detention rules: exactly at the threshold
 * nothing is raised.
 */
export function evaluateVisit(v: OpenVisit, now: Date, t: AlertThresholds): VisitRuleHit[] {
  if (v.state === 'planned') {
    const lateAt = Date.parse(`${v.day}T00:00:00Z`) + t.visitLateDays * DAY_MS;
    return now.getTime() > lateAt
      ? [{ rule: 'visit_overdue', since: new Date(lateAt), thresholds: { visitLateDays: t.visitLateDays } }]
      : [];
  }
  if (v.startedAt === null) return [];
  const dueAt = v.startedAt.getTime() + t.visitReportDays * DAY_MS;
  return now.getTime() > dueAt
    ? [{ rule: 'visit_report_overdue', since: new Date(dueAt), thresholds: { visitReportDays: t.visitReportDays } }]
    : [];
}
