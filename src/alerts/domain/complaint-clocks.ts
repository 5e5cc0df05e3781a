import type { UnresolvedAlert } from './alert-diff.js';
import type { AlertThresholds } from './alert-rules.js';
import type { AlertCandidate, Resolution } from './overdue-scan.js';
import { addWorkingDays } from './working-days.js';

/**
 * The complaint clock (SPEC §12, §13): a complaint not triaged
 * COMPLAINT_TRIAGE_WORKING_DAYS working days (Monday–Friday, UTC) after it
 * was received. The office's alone: the alert is commissioner-only, so no
 * agency reads, counts or is e-mailed it.
 */

/** A complaint still waiting for its triage, as the clock reads it. */
export interface OpenComplaint {
  complaintId: string;
  /** The first agency complained about: whose figures the office files the alert under (never told of it). */
  agencyId: string;
  receivedAt: Date;
}

/** The instant triage falls due: `days` working days after receipt (a weekend receipt counts from Monday). */
export function triageDueAt(receivedAt: Date, days: number): Date {
  return addWorkingDays(receivedAt, days);
}

/** The complaint clocks' candidates, in the order loaded: overdue strictly after the due instant. */
export function complaintCandidates(
  complaints: readonly OpenComplaint[],
  now: Date,
  t: Pick<AlertThresholds, 'complaintTriageWorkingDays'>,
): AlertCandidate[] {
  return complaints.flatMap((c) => {
    const due = triageDueAt(c.receivedAt, t.complaintTriageWorkingDays);
    if (now.getTime() <= due.getTime()) return [];
    return [
      {
        rule: 'complaint_triage_overdue' as const,
        subjectType: 'complaint' as const,
        subjectId: c.complaintId,
        caseId: null,
        agencyId: c.agencyId,
        since: due,
        thresholds: { complaintTriageWorkingDays: t.complaintTriageWorkingDays },
      },
    ];
  });
}

/** What a triage ends, in its own transaction: every unresolved alert about the complaint (a triage is final). */
export function settleComplaint(complaintId: string, unresolved: readonly UnresolvedAlert[]): Resolution[] {
  return unresolved
    .filter((a) => a.subjectId === complaintId && a.rule === 'complaint_triage_overdue')
    .map((a) => ({ id: a.id, reason: 'complaint_triaged' as const }));
}
