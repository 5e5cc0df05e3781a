import { ALERT_RULES, type AlertThresholds, DETENTION_RULES, RULES } from './alert-rules.js';

const DEFAULTS: AlertThresholds = {
  screeningMaxHours: 48,
  rgDecisionMaxWorkingDays: 5,
  maxDetentionDays: 28,
  reviewResponseDays: 28,
  visitLateDays: 7,
  visitReportDays: 28,
  recommendationResponseDays: 28,
  recommendationUrgentResponseDays: 7,
  complaintTriageWorkingDays: 10,
};
const CUSTOM: AlertThresholds = {
  screeningMaxHours: 72,
  rgDecisionMaxWorkingDays: 7,
  maxDetentionDays: 42,
  reviewResponseDays: 21,
  visitLateDays: 3,
  visitReportDays: 14,
  recommendationResponseDays: 42,
  recommendationUrgentResponseDays: 10,
  complaintTriageWorkingDays: 5,
};

describe('the alert catalogue', () => {
  it('defines every rule once, under its own name', () => {
    expect(Object.keys(RULES).sort()).toEqual([...ALERT_RULES].sort());
    for (const rule of ALERT_RULES) expect(RULES[rule].rule).toBe(rule);
  });

  it('includes every detention rule among the alert rules', () => {
    expect(ALERT_RULES).toEqual(expect.arrayContaining([...DETENTION_RULES]));
  });

  it.each([
    ['screening_overdue', 'high', false],
    ['rg_decision_overdue', 'high', false],
    ['victim_detained', 'critical', false],
    ['detention_limit_exceeded', 'critical', false],
    ['review_response_overdue', 'high', false],
    ['removal_during_review', 'critical', true],
    ['complaint_triage_overdue', 'high', true],
  ] as const)('rates %s as %s, commissioner-only: %s', (rule, severity, commissionerOnly) => {
    expect(RULES[rule]).toMatchObject({ severity, commissionerOnly });
  });

  it.each([
    ['screening_overdue', '48 hours', '72 hours'],
    ['rg_decision_overdue', '5 working days', '7 working days'],
    ['detention_limit_exceeded', '28 days', '42 days'],
    ['review_response_overdue', '28 days', '21 days'],
    ['complaint_triage_overdue', '10 working days', '5 working days'],
  ] as const)('states the configured threshold in the basis of %s', (rule, defaultText, customText) => {
    expect(RULES[rule].basis(DEFAULTS)).toContain(defaultText);
    expect(RULES[rule].basis(CUSTOM)).toContain(customText);
    expect(RULES[rule].basis(CUSTOM)).not.toContain(defaultText);
  });

  it.each(['screening_overdue', 'rg_decision_overdue', 'detention_limit_exceeded', 'review_response_overdue'] as const)(
    'calls the threshold of %s a policy threshold, not law',
    (rule) => {
      expect(RULES[rule].basis(DEFAULTS)).toContain("commissioner's policy threshold");
    },
  );

  it('states the reasonable-grounds deadline in working days, Monday to Friday', () => {
    expect(RULES.rg_decision_overdue.basis(DEFAULTS)).toMatch(
      /^Reasonable-grounds decisions are due within 5 working days of referral \(Monday–Friday\)/,
    );
  });

  it('grounds victim_detained in Art. 13 of the Council of Europe Convention', () => {
    expect(RULES.victim_detained.basis(DEFAULTS)).toMatch(
      /^Council of Europe Convention on Action against Trafficking in Human Beings, Art\. 13: during the recovery and reflection period/,
    );
  });

  it('writes "1 hour", not "1 hours", for a threshold of one', () => {
    expect(RULES.screening_overdue.basis({ ...DEFAULTS, screeningMaxHours: 1 })).toContain('within 1 hour of');
  });

  it('gives every rule a title and a basis', () => {
    for (const rule of ALERT_RULES) {
      expect(RULES[rule].title.length).toBeGreaterThan(0);
      expect(RULES[rule].basis(DEFAULTS).length).toBeGreaterThan(0);
    }
  });
});
