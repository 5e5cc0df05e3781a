import { RULES, type AlertRule, type AlertThresholds, type Severity } from './alert-rules.js';
import { detentionLength } from './overdue-rules.js';

/**
 * The e-mail an alert sends. It names the alert (its rule in words), the
 * agency, and the case by the agency's external reference and the pseudonym
 * only: no name, date of birth, document number
 * or contact ever goes into an e-mail. The Message-ID is derived from the
 * alert and the kind of message, so a resend after a crash is recognisably
 * the same message to every mail system that de-duplicates.
 */
export interface AlertEmailInput {
  alertId: string;
  kind: 'raised' | 'escalation';
  rule: AlertRule;
  /** The alert's own (an urgent recommendation's overdue response is critical). */
  severity: Severity;
  caseId: string;
  externalRef: string;
  pseudonym: string;
  agencyName: string;
  /** An alert about a visit (SPEC §11 clocks) names the visit, not a case; the case fields are then unused. */
  visit?: { id: string; placeName: string; day: string };
  /**
   * An alert about a recommendation (SPEC §12 clocks) names it by theme and issue date, never by its text (free
   * text may name people); `targetDate` is the date the alert is about, null for an overdue response.
   */
  recommendation?: {
    id: string;
    theme: string;
    priority: string;
    issuedAt: Date;
    responseDueAt: Date;
    targetDate: string | null;
  };
  /**
   * An alert about a complaint (SPEC §13 clock) names it by its receipt only: never its summary, and never its
   * complainant, whose name and contact are personal data.
   */
  complaint?: { id: string; receivedAt: Date; channel: string; triageDueAt: Date };
  detainedSince: Date | null;
  raisedAt: Date;
  now: Date;
  thresholds: AlertThresholds;
  publicBaseUrl: string;
  mailDomain: string;
}

export interface AlertEmail {
  messageId: string;
  subject: string;
  text: string;
  html: string;
}

export function alertMessageId(alertId: string, kind: 'raised' | 'escalation', mailDomain: string): string {
  return `<alert-${alertId}-${kind}@${mailDomain}>`;
}

/** Where a person opens the alert: the staff console's page for it, and the API resource behind it. */
export function alertLinks(publicBaseUrl: string, alertId: string): { console: string; api: string } {
  return { console: `${publicBaseUrl}/console/alerts/${alertId}`, api: `${publicBaseUrl}/api/v1/alerts/${alertId}` };
}

export function composeAlertEmail(input: AlertEmailInput): AlertEmail {
  const rule = RULES[input.rule];
  const links = alertLinks(input.publicBaseUrl, input.alertId);
  const subjectLink = subjectLinkOf(input);
  const detained = input.detainedSince ? detentionLength(input.detainedSince, input.now).text : null;
  const prefix = input.kind === 'escalation' ? 'ESCALATION — unacknowledged: ' : '';
  const subject = `${prefix}[${input.severity.toUpperCase()}] ${rule.title} — ${aboutOf(input)} (${input.agencyName})`;
  const lines: [string, string][] = [
    ['Alert', `${rule.title} (${input.rule}, ${input.severity})`],
    ...subjectLines(input),
    ['Agency', input.agencyName],
    ...(detained ? ([['Detained for', detained]] as [string, string][]) : []),
    ['Raised', input.raisedAt.toISOString()],
    ['Basis', rule.basis(input.thresholds)],
    ['Open in the console', links.console],
    ['In the API', links.api],
    subjectLink,
  ];
  const linked = new Set(['Open in the console', 'In the API', subjectLink[0]]);
  const intro =
    input.kind === 'escalation'
      ? 'This alert has not been acknowledged within the escalation time and is escalated to the commissioner.'
      : 'Oversight raised an alert that needs attention.';
  const outro =
    `Acknowledge it in the console, or with POST ${links.api}/acknowledge ` +
    `(commissioner; the agency's supervisors, or a competent authority's decision makers).`;
  const text = [intro, '', ...lines.map(([k, v]) => `${k}: ${v}`), '', outro].join('\n');
  const html =
    `<p>${escapeHtml(intro)}</p><table>` +
    lines
      .map(([k, v]) =>
        linked.has(k)
          ? `<tr><th align="left">${k}</th><td><a href="${escapeHtml(v)}">${escapeHtml(v)}</a></td></tr>`
          : `<tr><th align="left">${k}</th><td>${escapeHtml(v)}</td></tr>`,
      )
      .join('') +
    `</table><p>${escapeHtml(outro)}</p>`;
  return { messageId: alertMessageId(input.alertId, input.kind, input.mailDomain), subject, text, html };
}

/** What the subject line says the alert is about. */
function aboutOf(input: AlertEmailInput): string {
  if (input.visit) return `visit to ${input.visit.placeName} on ${input.visit.day}`;
  if (input.complaint) return `complaint received ${input.complaint.receivedAt.toISOString().slice(0, 10)}`;
  if (input.recommendation) {
    return `recommendation on ${input.recommendation.theme} of ${input.recommendation.issuedAt.toISOString().slice(0, 10)}`;
  }
  return `case ${input.externalRef}`;
}

function subjectLines(input: AlertEmailInput): [string, string][] {
  if (input.visit) return [['Visit', `${input.visit.placeName}, planned for ${input.visit.day}`]];
  const c = input.complaint;
  if (c) {
    return [
      ['Complaint', `received ${c.receivedAt.toISOString()} by ${c.channel}`],
      ['Triage was due', c.triageDueAt.toISOString()],
    ];
  }
  const r = input.recommendation;
  if (r) {
    return [
      ['Recommendation', `${r.theme}, ${r.priority}, issued ${r.issuedAt.toISOString()}`],
      r.targetDate === null ? ['Response was due', r.responseDueAt.toISOString()] : ['Target date', r.targetDate],
    ];
  }
  return [['Case', `${input.externalRef} (pseudonym ${input.pseudonym})`]];
}

function subjectLinkOf(input: AlertEmailInput): [string, string] {
  if (input.visit) return ['Visit in the API', `${input.publicBaseUrl}/api/v1/visits/${input.visit.id}`];
  if (input.complaint) {
    return ['Complaint in the API', `${input.publicBaseUrl}/api/v1/complaints/${input.complaint.id}`];
  }
  if (input.recommendation) {
    return ['Recommendation in the API', `${input.publicBaseUrl}/api/v1/recommendations/${input.recommendation.id}`];
  }
  return ['Case in the API', `${input.publicBaseUrl}/api/v1/cases/${input.caseId}`];
}

export interface RecipientsInput {
  kind: 'raised' | 'escalation';
  rule: AlertRule;
  /** The alertEmail of the case's agency, if it has one. */
  agencyEmail: string | null;
  /** The alertEmail of the competent authority (authorities) concerned, where they have one. */
  authorityEmails: readonly string[];
  commissionerEmail: string;
}

/**
 * Who an alert e-mail goes to (SPEC §4): always the commissioner's office; a
 * new alert also to the agency's alert address, unless the rule is for the
 * office only; a new alert about a reasonable- or conclusive-grounds decision
 * also to the competent authority. Escalations go to the office alone.
 */
export function alertRecipients(input: RecipientsInput): string[] {
  const rule = RULES[input.rule];
  const fresh = input.kind === 'raised' && !rule.commissionerOnly;
  const to = [
    ...(fresh && input.agencyEmail ? [input.agencyEmail] : []),
    ...(fresh && rule.competentAuthority ? input.authorityEmails : []),
    input.commissionerEmail,
  ];
  const seen = new Set<string>();
  return to.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Exponential backoff for delivery retries: base, 2×base, 4×base, … capped at an hour. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
