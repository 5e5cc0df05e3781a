import { ALERT_RULES, type AlertRule } from '../../alerts/domain/alert-rules.js';
import { CASE_STATES, DECISION_TYPES, type CaseState, type DecisionType } from '../../cases/domain/identification.js';
import {
  RECOMMENDATION_STATES,
  type RecommendationState,
} from '../../recommendations/domain/recommendation-workflow.js';
import { toCsv, type CsvColumn } from './csv.js';
import type { Proportion } from './wilson.js';

/**
 * The per-agency oversight report (SPEC §7) as data, and its CSV form: one
 * row per agency, nested values flattened into `group_key` columns in a
 * fixed order generated from the same catalogues as the JSON (states,
 * decision types, alert rules), so the two forms cannot drift apart.
 */

export interface Interval {
  /** Median in days (two decimals); null when no case completed this step in the period. */
  medianDays: number | null;
  /** How many cases completed the step in the period. */
  n: number;
}

export interface AgencyReport {
  agency: { id: string; code: string; name: string; kind: string };
  /** Current state of the cases this agency owns that were first encountered in the period. */
  casesOwnedByState: Record<CaseState, number>;
  /** Decision records this agency made (it is their deciding agency) with `occurredAt` in the period. */
  decisionsMadeByType: Record<DecisionType, number>;
  /** Steps whose ending decision occurred in the period. */
  durations: {
    screeningToReferral: Interval;
    referralToReasonableGrounds: Interval;
    reasonableGroundsToConclusiveGrounds: Interval;
  };
  /** At the time of the report, whatever the period. */
  detention: { detainedNow: number; longestCurrentDays: number | null };
  /** Alerts raised in the period that the caller may read. */
  alertsByRule: Record<AlertRule, number>;
  /** Reviews of decisions this agency made, concluded in the period; the share with a `concern` or `disagree` finding and its 95% Wilson interval. */
  reviews: { concluded: number; concern: number; disagree: number; concernOrDisagree: Proportion | null };
  /** Recommendations to this agency issued in the period, each counted in its state now (SPEC §12). */
  recommendations: {
    issuedInPeriod: number;
    /** `implementation_claimed`: the agency says it is done and the office has not yet verified it. */
    byState: Record<RecommendationState, number>;
    /** In a state that is not final: issued, accepted (in whole or part), implementation claimed. */
    open: number;
    /** Response overdue or target date missed now: the register's `overdue=true`. */
    overdue: number;
    /** Issue → the agency's response, over those it has responded to (`n`). */
    daysToRespond: Interval;
    /** Those that repeat an earlier recommendation (`repeatOf`). */
    repeats: number;
  };
}

export interface AgenciesReport {
  from: string;
  to: string;
  /** The period used, and whether the caller left an end of it out. */
  period: { from: string; to: string; defaulted: boolean };
  generatedAt: string;
  agencies: AgencyReport[];
}

type Row = { report: AgenciesReport; agency: AgencyReport };

const INTERVAL_COLUMNS = [
  ['screening_to_referral', 'screeningToReferral'],
  ['referral_to_rg', 'referralToReasonableGrounds'],
  ['rg_to_cg', 'reasonableGroundsToConclusiveGrounds'],
] as const;

export const AGENCY_REPORT_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'period_from', value: (r) => r.report.from },
  { header: 'period_to', value: (r) => r.report.to },
  { header: 'agency_id', value: (r) => r.agency.agency.id },
  { header: 'agency_code', value: (r) => r.agency.agency.code },
  { header: 'agency_name', value: (r) => r.agency.agency.name },
  { header: 'agency_kind', value: (r) => r.agency.agency.kind },
  ...CASE_STATES.map((s) => ({ header: `cases_owned_${s}`, value: (r: Row) => r.agency.casesOwnedByState[s] })),
  ...DECISION_TYPES.map((t) => ({
    header: `decisions_made_${t}`,
    value: (r: Row) => r.agency.decisionsMadeByType[t],
  })),
  ...INTERVAL_COLUMNS.flatMap(([column, key]) => [
    { header: `median_days_${column}`, value: (r: Row) => r.agency.durations[key].medianDays },
    { header: `n_${column}`, value: (r: Row) => r.agency.durations[key].n },
  ]),
  { header: 'detained_now', value: (r) => r.agency.detention.detainedNow },
  { header: 'longest_current_detention_days', value: (r) => r.agency.detention.longestCurrentDays },
  ...ALERT_RULES.map((rule) => ({ header: `alerts_${rule}`, value: (r: Row) => r.agency.alertsByRule[rule] })),
  { header: 'reviews_concluded', value: (r) => r.agency.reviews.concluded },
  { header: 'reviews_concern', value: (r) => r.agency.reviews.concern },
  { header: 'reviews_disagree', value: (r) => r.agency.reviews.disagree },
  { header: 'concern_or_disagree_share', value: (r) => r.agency.reviews.concernOrDisagree?.share ?? null },
  { header: 'concern_or_disagree_ci95_lower', value: (r) => r.agency.reviews.concernOrDisagree?.lower ?? null },
  { header: 'concern_or_disagree_ci95_upper', value: (r) => r.agency.reviews.concernOrDisagree?.upper ?? null },
  { header: 'recommendations_issued_in_period', value: (r) => r.agency.recommendations.issuedInPeriod },
  ...RECOMMENDATION_STATES.map((s) => ({
    header: `recommendations_${s}`,
    value: (r: Row) => r.agency.recommendations.byState[s],
  })),
  { header: 'recommendations_open', value: (r) => r.agency.recommendations.open },
  { header: 'recommendations_overdue', value: (r) => r.agency.recommendations.overdue },
  { header: 'median_days_to_respond', value: (r) => r.agency.recommendations.daysToRespond.medianDays },
  { header: 'n_responded', value: (r) => r.agency.recommendations.daysToRespond.n },
  { header: 'recommendations_repeats', value: (r) => r.agency.recommendations.repeats },
];

export function agenciesReportCsv(report: AgenciesReport): string {
  return toCsv(
    AGENCY_REPORT_COLUMNS,
    report.agencies.map((agency) => ({ report, agency })),
  );
}

/** A count per key of a catalogue, zero where the database had no row. */
export function countsByKey<K extends string>(
  keys: readonly K[],
  counts: Partial<Record<string, number>> | null,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, counts?.[k] ?? 0])) as Record<K, number>;
}
