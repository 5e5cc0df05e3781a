import { ALERT_RULES } from '../../alerts/domain/alert-rules.js';
import { CASE_STATES, DECISION_TYPES } from '../../cases/domain/identification.js';
import { RECOMMENDATION_STATES } from '../../recommendations/domain/recommendation-workflow.js';
import { AGENCY_REPORT_COLUMNS, agenciesReportCsv, countsByKey, type AgencyReport } from './agency-report.js';

function agency(overrides: Partial<AgencyReport['agency']> = {}): AgencyReport {
  return {
    agency: {
      id: '0b9a3c1e-0000-4000-8000-000000000001',
      code: 'BP',
      name: 'Border Police',
      kind: 'frontline',
      ...overrides,
    },
    casesOwnedByState: countsByKey(CASE_STATES, { screening: 2, closed: 1 }),
    decisionsMadeByType: countsByKey(DECISION_TYPES, { refer: 3 }),
    durations: {
      screeningToReferral: { medianDays: 4, n: 3 },
      referralToReasonableGrounds: { medianDays: 9.5, n: 4 },
      reasonableGroundsToConclusiveGrounds: { medianDays: null, n: 0 },
    },
    detention: { detainedNow: 2, longestCurrentDays: 100.25 },
    alertsByRule: countsByKey(ALERT_RULES, { screening_overdue: 2 }),
    reviews: { concluded: 5, concern: 1, disagree: 1, concernOrDisagree: { share: 0.4, lower: 0.118, upper: 0.769 } },
    recommendations: {
      issuedInPeriod: 6,
      byState: countsByKey(RECOMMENDATION_STATES, { issued: 2, implementation_claimed: 1, withdrawn: 3 }),
      open: 3,
      overdue: 1,
      daysToRespond: { medianDays: 12.5, n: 1 },
      repeats: 2,
    },
  };
}

const report = (agencies: AgencyReport[]) => ({
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-07-01T00:00:00.000Z',
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', defaulted: false },
  generatedAt: '2026-07-01T09:00:00.000Z',
  agencies,
});

describe('agency report CSV', () => {
  it('flattens every nested value into its own column, in catalogue order', () => {
    const headers = AGENCY_REPORT_COLUMNS.map((c) => c.header);
    expect(headers).toEqual([
      'period_from',
      'period_to',
      'agency_id',
      'agency_code',
      'agency_name',
      'agency_kind',
      ...CASE_STATES.map((s) => `cases_owned_${s}`),
      ...DECISION_TYPES.map((t) => `decisions_made_${t}`),
      'median_days_screening_to_referral',
      'n_screening_to_referral',
      'median_days_referral_to_rg',
      'n_referral_to_rg',
      'median_days_rg_to_cg',
      'n_rg_to_cg',
      'detained_now',
      'longest_current_detention_days',
      ...ALERT_RULES.map((r) => `alerts_${r}`),
      'reviews_concluded',
      'reviews_concern',
      'reviews_disagree',
      'concern_or_disagree_share',
      'concern_or_disagree_ci95_lower',
      'concern_or_disagree_ci95_upper',
      'recommendations_issued_in_period',
      ...RECOMMENDATION_STATES.map((s) => `recommendations_${s}`),
      'recommendations_open',
      'recommendations_overdue',
      'median_days_to_respond',
      'n_responded',
      'recommendations_repeats',
    ]);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('writes one row per agency under a header row, nulls as empty cells', () => {
    const lines = agenciesReportCsv(report([agency()])).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const row = Object.fromEntries(lines[0].split(',').map((h, i) => [h, lines[1].split(',')[i]]));
    expect(row).toMatchObject({
      period_from: '2026-01-01T00:00:00.000Z',
      agency_code: 'BP',
      cases_owned_screening: '2',
      cases_owned_referred: '0',
      decisions_made_refer: '3',
      median_days_referral_to_rg: '9.5',
      median_days_rg_to_cg: '',
      n_rg_to_cg: '0',
      longest_current_detention_days: '100.25',
      alerts_screening_overdue: '2',
      concern_or_disagree_ci95_lower: '0.118',
      recommendations_issued_in_period: '6',
      recommendations_issued: '2',
      recommendations_accepted: '0',
      recommendations_implementation_claimed: '1',
      recommendations_withdrawn: '3',
      recommendations_open: '3',
      recommendations_overdue: '1',
      median_days_to_respond: '12.5',
      n_responded: '1',
      recommendations_repeats: '2',
    });
  });

  it('quotes and neutralises agency names and codes a spreadsheet would run', () => {
    const csv = agenciesReportCsv(
      report([agency({ name: '=HYPERLINK("http://evil.test","Border, Police")', code: '@X' })]),
    );
    expect(csv).toContain(`,'@X,"'=HYPERLINK(""http://evil.test"",""Border, Police"")",frontline,`);
  });

  it('is only a header row when the caller may read no agency', () => {
    expect(agenciesReportCsv(report([])).split('\r\n')).toHaveLength(2);
  });
});

describe('countsByKey', () => {
  it('fills every key of the catalogue, zero where nothing was counted', () => {
    expect(countsByKey(['a', 'b'], { a: 2 })).toEqual({ a: 2, b: 0 });
    expect(countsByKey(['a'], null)).toEqual({ a: 0 });
  });
});
