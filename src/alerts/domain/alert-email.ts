import { RULES, type AlertRule, type AlertThresholds } from './alert-rules.js';
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
  caseId: string;
  externalRef: string;
  pseudonym: string;
  agencyName: string;
  /** An alert about a visit (SPEC §11 clocks) names the visit, not a case; the case fields are then unused. */
  visit?: { id: string; placeName: string; day: string };
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
  const subjectUrl = input.visit
    ? `${input.publicBaseUrl}/api/v1/visits/${input.visit.id}`
    : `${input.publicBaseUrl}/api/v1/cases/${input.caseId}`;
  const detained = input.detainedSince ? detentionLength(input.detainedSince, input.now).text : null;
  const prefix = input.kind === 'escalation' ? 'ESCALATION — unacknowledged: ' : '';
  const about = input.visit ? `visit to ${input.visit.placeName} on ${input.visit.day}` : `case ${input.externalRef}`;
  const subject = `${prefix}[${rule.severity.toUpperCase()}] ${rule.title} — ${about} (${input.agencyName})`;
  const lines: [string, string][] = [
    ['Alert', `${rule.title} (${input.rule}, ${rule.severity})`],
    input.visit
      ? ['Visit', `${input.visit.placeName}, planned for ${input.visit.day}`]
      : ['Case', `${input.externalRef} (pseudonym ${input.pseudonym})`],
    ['Agency', input.agencyName],
    ...(detained ? ([['Detained for', detained]] as [string, string][]) : []),
    ['Raised', input.raisedAt.toISOString()],
    ['Basis', rule.basis(input.thresholds)],
    ['Open in the console', links.console],
    ['In the API', links.api],
    [input.visit ? 'Visit in the API' : 'Case in the API', subjectUrl],
  ];
  const linked = new Set(['Open in the console', 'In the API', 'Case in the API', 'Visit in the API']);
  const intro =
    input.kind === 'escalation'
      ? 'This alert has not been acknowledged within the escalation time and is escalated to the commissioner.'
      : 'Oversight raised an alert that needs attention.';
  const outro = `Acknowledge it in the console, or with POST ${links.api}/acknowledge (commissioner; agency supervisors).`;
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
