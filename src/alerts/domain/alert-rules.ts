/**
 * The alert catalogue, as data: which rules exist, how severe each is, who may
 * see it, and the basis an alert states for itself (shown in the API and in
 * the e-mail). The thresholds are configuration, so the basis is a function of
 * them and never goes stale when a threshold changes.
 *
 * Where a number is the commissioner's own policy rather than law, the basis
 * says so: an oversight body that overstates the law loses the argument the
 * first time an agency checks.
 */

export const DETENTION_RULES = [
  'screening_overdue',
  'rg_decision_overdue',
  'victim_detained',
  'detention_limit_exceeded',
] as const;

/** The clocks on unannounced visits (SPEC §11, §12): the office's own, never shown to the agency visited. */
export const VISIT_RULES = ['visit_overdue', 'visit_report_overdue'] as const;

/** The clocks on recommendations (SPEC §12): the addressed agency's, the office's own deadlines. */
export const RECOMMENDATION_RULES = ['recommendation_response_overdue', 'recommendation_target_missed'] as const;

/** The clock on complaints (SPEC §12, §13): the office's own; agencies never learn a complaint exists. */
export const COMPLAINT_RULES = ['complaint_triage_overdue'] as const;

export const ALERT_RULES = [
  ...DETENTION_RULES,
  'review_response_overdue',
  'removal_during_review',
  ...VISIT_RULES,
  ...RECOMMENDATION_RULES,
  ...COMPLAINT_RULES,
] as const;

export type DetentionRule = (typeof DETENTION_RULES)[number];
export type RecommendationRule = (typeof RECOMMENDATION_RULES)[number];
export type AlertRule = (typeof ALERT_RULES)[number];

export type Severity = 'high' | 'critical';

/** What the detention and review rules read. */
export interface DetentionThresholds {
  screeningMaxHours: number;
  rgDecisionMaxWorkingDays: number;
  maxDetentionDays: number;
  reviewResponseDays: number;
}

export interface AlertThresholds extends DetentionThresholds {
  visitLateDays: number;
  visitReportDays: number;
  recommendationResponseDays: number;
  recommendationUrgentResponseDays: number;
  complaintTriageWorkingDays: number;
}

export interface RuleDefinition {
  rule: AlertRule;
  /** The usual severity; recommendation_response_overdue is critical for an urgent recommendation. */
  severity: Severity;
  title: string;
  /** Raised and e-mailed to the commissioner's office only, never shown to the agency. */
  commissionerOnly: boolean;
  /**
   * About a reasonable-grounds or conclusive-grounds decision (one awaited, or one that found a victim): its
   * e-mail also goes to the competent authority, which makes those decisions.
   */
  competentAuthority: boolean;
  basis(t: AlertThresholds): string;
}

const COE_CONVENTION = 'Council of Europe Convention on Action against Trafficking in Human Beings';
const EU_DIRECTIVE = 'EU Directive 2011/36/EU';
const NO_DEADLINE_IN_LAW =
  `The ${COE_CONVENTION}, Art. 29(4), and ${EU_DIRECTIVE}, Art. 19, provide for national rapporteurs or equivalent ` +
  `mechanisms that monitor the authorities' anti-trafficking work; neither sets a time within which an agency must ` +
  `answer or carry out their recommendations`;

export const RULES: Record<AlertRule, RuleDefinition> = {
  screening_overdue: {
    rule: 'screening_overdue',
    severity: 'high',
    title: 'Screening overdue for a detained person',
    commissionerOnly: false,
    competentAuthority: false,
    basis: (t) =>
      `A detained person's frontline screening decision is due within ${plural(t.screeningMaxHours, 'hour')} of detention; ` +
      `this is the commissioner's policy threshold, not a time limit set by law. ` +
      `${COE_CONVENTION}, Art. 10: the competent authorities must be able to identify victims, ` +
      `and a person they have reasonable grounds to believe is a victim may not be removed until identification is complete`,
  },
  rg_decision_overdue: {
    rule: 'rg_decision_overdue',
    severity: 'high',
    title: 'Reasonable-grounds decision overdue for a detained person',
    commissionerOnly: false,
    competentAuthority: true,
    basis: (t) =>
      `Reasonable-grounds decisions are due within ${plural(t.rgDecisionMaxWorkingDays, 'working day')} of referral (Monday–Friday); ` +
      `this is the commissioner's policy threshold and does not count public holidays. ` +
      `${COE_CONVENTION}, Art. 10(2): once the competent authorities have reasonable grounds to believe a person is a victim, ` +
      `the person may not be removed until identification is complete, so a late decision delays that protection`,
  },
  victim_detained: {
    rule: 'victim_detained',
    severity: 'critical',
    title: 'Possible or identified victim in detention',
    commissionerOnly: false,
    competentAuthority: true,
    basis: () =>
      `${COE_CONVENTION}, Art. 13: during the recovery and reflection period a possible victim may not be removed, ` +
      `and detention defeats the period's purpose of recovery and escape from the traffickers' influence. ` +
      `For an identified victim, ${EU_DIRECTIVE}, Art. 11 requires assistance and support, including appropriate and safe accommodation, ` +
      `and Art. 8 (non-punishment) entitles authorities not to penalise victims for offences they were compelled to commit`,
  },
  detention_limit_exceeded: {
    rule: 'detention_limit_exceeded',
    severity: 'critical',
    title: 'Detention longer than the policy limit',
    commissionerOnly: false,
    competentAuthority: false,
    basis: (t) =>
      `Detention longer than ${plural(t.maxDetentionDays, 'day')}, whatever the identification state, ` +
      `is the commissioner's policy threshold for reviewing prolonged detention; ` +
      `neither the ${COE_CONVENTION} nor ${EU_DIRECTIVE} sets a maximum period`,
  },
  review_response_overdue: {
    rule: 'review_response_overdue',
    severity: 'high',
    title: "Agency's response to a review finding overdue",
    commissionerOnly: false,
    competentAuthority: false,
    basis: (t) =>
      `An agency is to respond to a review finding of concern or disagreement within ${plural(t.reviewResponseDays, 'day')} ` +
      `of the finding; this is the commissioner's policy threshold for independent review`,
  },
  removal_during_review: {
    rule: 'removal_during_review',
    severity: 'critical',
    title: 'Removal recorded while an independent review is open',
    commissionerOnly: true,
    competentAuthority: false,
    basis: () =>
      `A removal was recorded while the commissioner's independent review of the case was still open, ` +
      `so a finding against the decision that allowed it may come after it can be undone. ` +
      `${COE_CONVENTION}, Art. 10(2): a person the competent authorities have reasonable grounds to believe is a victim ` +
      `may not be removed until identification is complete; Art. 16(2): a victim's return must have due regard ` +
      `for the person's rights, safety and dignity. Sent to the commissioner's office only, so sampling stays unannounced`,
  },
  visit_overdue: {
    rule: 'visit_overdue',
    severity: 'high',
    title: 'Planned visit not started',
    commissionerOnly: true,
    competentAuthority: false,
    basis: (t) =>
      `A planned unannounced visit is to start by ${plural(t.visitLateDays, 'day')} after its day; ` +
      `this is the commissioner's policy threshold. Sent to the commissioner's office only, so the visit stays unannounced`,
  },
  visit_report_overdue: {
    rule: 'visit_report_overdue',
    severity: 'high',
    title: 'Visit report overdue',
    commissionerOnly: true,
    competentAuthority: false,
    basis: (t) =>
      `A visit's report is due within ${plural(t.visitReportDays, 'day')} of its start; ` +
      `this is the commissioner's policy threshold. Sent to the commissioner's office only`,
  },
  recommendation_response_overdue: {
    rule: 'recommendation_response_overdue',
    severity: 'high',
    title: 'Response to a recommendation overdue',
    commissionerOnly: false,
    competentAuthority: false,
    basis: (t) =>
      `The addressed agency is asked to accept, partly accept or reject a recommendation within ` +
      `${plural(t.recommendationResponseDays, 'day')} of its issue, ${plural(t.recommendationUrgentResponseDays, 'day')} ` +
      `when it is urgent (an urgent one raises a critical alert); these are the commissioner's own deadlines, ` +
      `not time limits set by law. ${NO_DEADLINE_IN_LAW}`,
  },
  recommendation_target_missed: {
    rule: 'recommendation_target_missed',
    severity: 'high',
    title: 'Target date of an accepted recommendation missed',
    commissionerOnly: false,
    competentAuthority: false,
    basis: () =>
      `The agency accepted the recommendation (in whole or in part) and set this target date itself, and has not ` +
      `reported it implemented by then; holding the agency to its own date is the commissioner's practice, ` +
      `not a time limit set by law. ${NO_DEADLINE_IN_LAW}`,
  },
  complaint_triage_overdue: {
    rule: 'complaint_triage_overdue',
    severity: 'high',
    title: 'Complaint not triaged',
    commissionerOnly: true,
    competentAuthority: false,
    basis: (t) =>
      `A complaint is to be triaged within ${plural(t.complaintTriageWorkingDays, 'working day')} of its receipt ` +
      `(Monday–Friday); this is the commissioner's own deadline and does not count public holidays. ` +
      `Sent to the commissioner's office only: the agencies complained about never learn of a complaint from it`,
  },
};

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
