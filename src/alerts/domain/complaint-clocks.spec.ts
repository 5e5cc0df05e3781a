import { composeAlertEmail, alertRecipients } from './alert-email.js';
import { RULES, type AlertThresholds } from './alert-rules.js';
import { complaintCandidates, settleComplaint, triageDueAt, type OpenComplaint } from './complaint-clocks.js';
import { planScan, resolveReason, subjectTypeOf } from './overdue-scan.js';

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
// A Wednesday afternoon.
const RECEIVED = new Date('2026-12-02T14:30:00Z');
const open: OpenComplaint = { complaintId: 'complaint-1', agencyId: 'agency-1', receivedAt: RECEIVED };

describe('the complaint triage clock (SPEC §12, §13)', () => {
  it('falls due ten working days after receipt, weekends not counted', () => {
    // Wed 2 Dec + 10 working days: two whole weeks, Wed 16 Dec at the same hour.
    expect(triageDueAt(RECEIVED, 10)).toEqual(new Date('2026-12-16T14:30:00Z'));
    // Received on a Saturday: counting starts Monday 00:00; five working days end at Saturday 00:00.
    expect(triageDueAt(new Date('2026-12-05T10:00:00Z'), 5)).toEqual(new Date('2026-12-12T00:00:00Z'));
    expect(triageDueAt(new Date('2026-12-04T10:00:00Z'), 1)).toEqual(new Date('2026-12-07T10:00:00Z'));
  });

  it('raises complaint_triage_overdue strictly after the due instant, about the complaint, with no case', () => {
    const due = new Date('2026-12-16T14:30:00Z');
    expect(complaintCandidates([open], due, T)).toEqual([]);
    expect(complaintCandidates([open], new Date(due.getTime() + 1), T)).toEqual([
      {
        rule: 'complaint_triage_overdue',
        subjectType: 'complaint',
        subjectId: 'complaint-1',
        caseId: null,
        agencyId: 'agency-1',
        since: due,
        thresholds: { complaintTriageWorkingDays: 10 },
      },
    ]);
  });

  it('takes the number of working days from the configuration', () => {
    const after = new Date('2026-12-04T14:30:01Z');
    expect(complaintCandidates([open], after, { complaintTriageWorkingDays: 2 })).toHaveLength(1);
    expect(complaintCandidates([open], after, { complaintTriageWorkingDays: 3 })).toEqual([]);
  });

  it('is raised by the scan once, and resolved by it as triaged once the complaint is no longer waiting', () => {
    const late = new Date('2026-12-20T00:00:00Z');
    const first = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [], openComplaints: [open] },
      late,
      T,
    );
    expect(first.toRaise.map((c) => [c.rule, c.subjectId])).toEqual([['complaint_triage_overdue', 'complaint-1']]);
    const raised = {
      id: 'alert-1',
      rule: 'complaint_triage_overdue' as const,
      subjectId: 'complaint-1',
      subjectKey: '',
    };
    const again = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [raised], openComplaints: [open] },
      late,
      T,
    );
    expect(again).toEqual({ toRaise: [], toResolve: [] });
    const triaged = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [raised], openComplaints: [] },
      late,
      T,
    );
    expect(triaged.toResolve).toEqual([{ id: 'alert-1', reason: 'complaint_triaged' }]);
    expect(subjectTypeOf('complaint_triage_overdue')).toBe('complaint');
    // Still waiting, but no longer late (a longer deadline configured since): it stopped holding.
    expect(resolveReason(raised, new Set(), new Map(), new Set(['complaint-1']))).toBe('condition_no_longer_holds');
  });

  it('is settled by the triage: every unresolved alert about that complaint, and no other', () => {
    const mine = { id: 'a-1', rule: 'complaint_triage_overdue' as const, subjectId: 'complaint-1', subjectKey: '' };
    const other = { ...mine, id: 'a-2', subjectId: 'complaint-2' };
    expect(settleComplaint('complaint-1', [mine, other])).toEqual([{ id: 'a-1', reason: 'complaint_triaged' }]);
  });

  it('is e-mailed to the office only, and never says what the complaint says or who made it', () => {
    expect(RULES.complaint_triage_overdue.commissionerOnly).toBe(true);
    expect(
      alertRecipients({
        kind: 'raised',
        rule: 'complaint_triage_overdue',
        agencyEmail: 'desk@agency.test',
        authorityEmails: ['ca@agency.test'],
        commissionerEmail: 'office@oversight.test',
      }),
    ).toEqual(['office@oversight.test']);
    const mail = composeAlertEmail({
      alertId: 'alert-1',
      kind: 'raised',
      rule: 'complaint_triage_overdue',
      severity: 'high',
      caseId: '',
      externalRef: '',
      pseudonym: '',
      agencyName: 'Border Police',
      complaint: {
        id: 'complaint-1',
        receivedAt: RECEIVED,
        channel: 'phone',
        triageDueAt: new Date('2026-12-16T14:30:00Z'),
      },
      detainedSince: null,
      raisedAt: new Date('2026-12-17T00:00:00Z'),
      now: new Date('2026-12-17T00:00:00Z'),
      thresholds: T,
      publicBaseUrl: 'https://oversight.test',
      mailDomain: 'oversight.test',
    });
    expect(mail.subject).toBe('[HIGH] Complaint not triaged — complaint received 2026-12-02 (Border Police)');
    expect(mail.text).toContain('Complaint: received 2026-12-02T14:30:00.000Z by phone');
    expect(mail.text).toContain('Triage was due: 2026-12-16T14:30:00.000Z');
    expect(mail.text).toContain('Complaint in the API: https://oversight.test/api/v1/complaints/complaint-1');
    expect(mail.text).toContain('within 10 working days of its receipt');
  });
});
