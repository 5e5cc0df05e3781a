import { RULES, type AlertThresholds } from './alert-rules.js';
import { alertRecipients } from './alert-email.js';
import { planScan, resolveReason, subjectTypeOf } from './overdue-scan.js';
import { evaluateVisit, type OpenVisit } from './overdue-rules.js';

const T: AlertThresholds = {
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
const DAY = 86_400_000;
const planned: OpenVisit = { visitId: 'v-1', agencyId: 'a-1', state: 'planned', day: '2026-12-01', startedAt: null };

describe('visit clocks (SPEC §12)', () => {
  it('raises visit_overdue strictly after VISIT_LATE_DAYS from the start of the planned day', () => {
    const lateAt = Date.parse('2026-12-08T00:00:00Z');
    expect(evaluateVisit(planned, new Date(lateAt), T)).toEqual([]);
    expect(evaluateVisit(planned, new Date(lateAt + 1), T)).toEqual([
      { rule: 'visit_overdue', since: new Date(lateAt), thresholds: { visitLateDays: 7 } },
    ]);
  });

  it('raises visit_report_overdue strictly after VISIT_REPORT_DAYS from the start', () => {
    const startedAt = new Date('2026-12-02T09:30:00Z');
    const started: OpenVisit = { ...planned, state: 'in_progress', startedAt };
    const dueAt = startedAt.getTime() + 28 * DAY;
    expect(evaluateVisit(started, new Date(dueAt), T)).toEqual([]);
    expect(evaluateVisit(started, new Date(dueAt + 1), T)).toEqual([
      { rule: 'visit_report_overdue', since: new Date(dueAt), thresholds: { visitReportDays: 28 } },
    ]);
    // A started visit is late for its report, never for its start.
    expect(evaluateVisit(started, new Date(dueAt - 1), T)).toEqual([]);
  });

  it('plans one alert per visit and rule, about the visit, with no case, and resolves it once the visit moved on', () => {
    const now = new Date('2026-12-20T00:00:00Z');
    const first = planScan({ openDetentions: [], awaitingResponse: [], unresolved: [], openVisits: [planned] }, now, T);
    expect(first.toRaise).toEqual([
      expect.objectContaining({ rule: 'visit_overdue', subjectType: 'visit', subjectId: 'v-1', caseId: null }),
    ]);
    const unresolved = [{ id: 'al-1', rule: 'visit_overdue' as const, subjectId: 'v-1', subjectKey: '' }];
    const again = planScan({ openDetentions: [], awaitingResponse: [], unresolved, openVisits: [planned] }, now, T);
    expect(again).toEqual({ toRaise: [], toResolve: [] });
    const started = planScan({ openDetentions: [], awaitingResponse: [], unresolved, openVisits: [] }, now, T);
    expect(started.toResolve).toEqual([{ id: 'al-1', reason: 'condition_no_longer_holds' }]);
    expect(resolveReason({ rule: 'visit_report_overdue', subjectId: 'v-1', subjectKey: '' }, new Set())).toBe(
      'condition_no_longer_holds',
    );
  });

  it('keeps both clocks to the office: e-mailed to the commissioner only, never to the agency', () => {
    for (const rule of ['visit_overdue', 'visit_report_overdue'] as const) {
      expect(RULES[rule].commissionerOnly).toBe(true);
      expect(subjectTypeOf(rule)).toBe('visit');
      expect(
        alertRecipients({
          kind: 'raised',
          rule,
          agencyEmail: 'desk@agency.test',
          authorityEmails: ['authority@agency.test'],
          commissionerEmail: 'office@oversight.test',
        }),
      ).toEqual(['office@oversight.test']);
    }
  });
});
