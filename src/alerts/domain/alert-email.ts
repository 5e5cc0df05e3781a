import { RULES, type AlertRule, type AlertThresholds } from './alert-rules.js';
import { detentionLength } from './overdue-rules.js';

/**
 * The e-mail an alert sends. It names the case by the agency's external
 * reference and the pseudonym only: no name, date of birth, document number
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

export function composeAlertEmail(input: AlertEmailInput): AlertEmail {
  const rule = RULES[input.rule];
  const caseUrl = input.visit
    ? `${input.publicBaseUrl}/api/v1/visits/${input.visit.id}`
    : `${input.publicBaseUrl}/api/v1/cases/${input.caseId}`;
  const detained = input.detainedSince ? detentionLength(input.detainedSince, input.now).text : null;
  const prefix = input.kind === 'escalation' ? 'ESCALATION — unacknowledged: ' : '';
  const about = input.visit ? `visit to ${input.visit.placeName} on ${input.visit.day}` : `case ${input.externalRef}`;
  const subject = `${prefix}[${rule.severity.toUpperCase()}] ${rule.title} — ${about}`;
  const lines: [string, string][] = [
    input.visit
      ? ['Visit', `${input.visit.placeName}, planned for ${input.visit.day}`]
      : ['Case', `${input.externalRef} (pseudonym ${input.pseudonym})`],
    ['Agency', input.agencyName],
    ['Rule', `${rule.title} (${input.rule}, ${rule.severity})`],
    ...(detained ? ([['Detained for', detained]] as [string, string][]) : []),
    ['Raised', input.raisedAt.toISOString()],
    ['Basis', rule.basis(input.thresholds)],
    [input.visit ? 'Visit link' : 'Case link', caseUrl],
  ];
  const intro =
    input.kind === 'escalation'
      ? 'This alert has not been acknowledged within the escalation time and is escalated to the commissioner.'
      : 'Oversight raised an alert that needs attention.';
  const text = [intro, '', ...lines.map(([k, v]) => `${k}: ${v}`), '', 'Acknowledge it in Oversight.'].join('\n');
  const html =
    `<p>${escapeHtml(intro)}</p><table>` +
    lines
      .map(([k, v]) =>
        k === 'Case link' || k === 'Visit link'
          ? `<tr><th align="left">${k}</th><td><a href="${escapeHtml(v)}">${escapeHtml(v)}</a></td></tr>`
          : `<tr><th align="left">${k}</th><td>${escapeHtml(v)}</td></tr>`,
      )
      .join('') +
    `</table><p>Acknowledge it in Oversight.</p>`;
  return { messageId: alertMessageId(input.alertId, input.kind, input.mailDomain), subject, text, html };
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
