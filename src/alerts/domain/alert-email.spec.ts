import { ALERT_RULES, RULES } from './alert-rules.js';
import { alertRecipients, composeAlertEmail, escapeHtml, retryDelayMs } from './alert-email.js';

const base = {
  alertId: '0194a1b2-0000-7000-8000-000000000001',
  kind: 'raised' as const,
  rule: 'screening_overdue' as const,
  severity: 'high' as const,
  caseId: '0194a1b2-0000-7000-8000-0000000000aa',
  externalRef: 'BP-2026-000123',
  pseudonym: 'KH-F-1998-017',
  agencyName: 'Border Police <North>',
  detainedSince: new Date('2026-11-20T10:00:00Z'),
  raisedAt: new Date('2026-11-22T10:30:00Z'),
  now: new Date('2026-11-22T13:00:00Z'),
  thresholds: {
    screeningMaxHours: 48,
    rgDecisionMaxWorkingDays: 5,
    maxDetentionDays: 28,
    reviewResponseDays: 28,
    visitLateDays: 7,
    visitReportDays: 28,
    recommendationResponseDays: 28,
    recommendationUrgentResponseDays: 7,
    complaintTriageWorkingDays: 10,
  },
  publicBaseUrl: 'https://oversight.example',
  mailDomain: 'oversight.example',
};

describe('alert e-mail', () => {
  it('names the alert, the case by reference and the agency in the subject', () => {
    expect(composeAlertEmail(base).subject).toBe(
      '[HIGH] Screening overdue for a detained person — case BP-2026-000123 (Border Police <North>)',
    );
  });

  it('links to the alert in the console and in the API, and says how to acknowledge it', () => {
    const mail = composeAlertEmail(base);
    expect(mail.text).toContain(`Open in the console: https://oversight.example/console/alerts/${base.alertId}`);
    expect(mail.text).toContain(`In the API: https://oversight.example/api/v1/alerts/${base.alertId}`);
    expect(mail.text).toContain(`POST https://oversight.example/api/v1/alerts/${base.alertId}/acknowledge`);
    expect(mail.html).toContain(
      `<a href="https://oversight.example/console/alerts/${base.alertId}">https://oversight.example/console/alerts/${base.alertId}</a>`,
    );
  });

  it('names the case by reference and pseudonym, the rule, the basis, the detention length and a link', () => {
    const mail = composeAlertEmail(base);
    expect(mail.subject).toContain('BP-2026-000123');
    expect(mail.text).toContain('Alert: Screening overdue for a detained person (screening_overdue, high)');
    expect(mail.text).toContain('KH-F-1998-017');
    expect(mail.text).toContain('Detained for: 2 days 3 hours');
    expect(mail.text).toContain('48 hours');
    expect(mail.text).toContain(`https://oversight.example/api/v1/cases/${base.caseId}`);
  });

  it('derives a stable Message-ID from the alert and the kind of message', () => {
    expect(composeAlertEmail(base).messageId).toBe(`<alert-${base.alertId}-raised@oversight.example>`);
    expect(composeAlertEmail({ ...base, kind: 'escalation' }).messageId).toBe(
      `<alert-${base.alertId}-escalation@oversight.example>`,
    );
    expect(composeAlertEmail(base).messageId).toBe(composeAlertEmail({ ...base, now: new Date() }).messageId);
  });

  it('escapes what it puts into HTML', () => {
    expect(composeAlertEmail(base).html).toContain('Border Police &lt;North&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks escalations in the subject', () => {
    expect(composeAlertEmail({ ...base, kind: 'escalation' }).subject).toMatch(/^ESCALATION/);
  });

  describe('about a recommendation', () => {
    const recommendation = {
      ...base,
      rule: 'recommendation_response_overdue' as const,
      severity: 'critical' as const,
      caseId: '',
      externalRef: '',
      pseudonym: '',
      detainedSince: null,
      recommendation: {
        id: '0194a1b2-0000-7000-8000-0000000000cc',
        theme: 'identification',
        priority: 'urgent',
        issuedAt: new Date('2026-11-01T08:00:00Z'),
        responseDueAt: new Date('2026-11-08T08:00:00Z'),
        targetDate: null,
      },
    };

    it("names it by theme and issue date, with the alert's own severity, and links to it instead of a case", () => {
      const mail = composeAlertEmail(recommendation);
      expect(mail.subject).toBe(
        '[CRITICAL] Response to a recommendation overdue — recommendation on identification of 2026-11-01 (Border Police <North>)',
      );
      expect(mail.text).toContain('Recommendation: identification, urgent, issued 2026-11-01T08:00:00.000Z');
      expect(mail.text).toContain('Response was due: 2026-11-08T08:00:00.000Z');
      expect(mail.text).toContain(
        `Recommendation in the API: https://oversight.example/api/v1/recommendations/${recommendation.recommendation.id}`,
      );
      expect(mail.text).not.toMatch(/Case|pseudonym|Detained/);
    });

    it('states the target date the alert is about', () => {
      const mail = composeAlertEmail({
        ...recommendation,
        rule: 'recommendation_target_missed',
        severity: 'high',
        recommendation: { ...recommendation.recommendation, targetDate: '2026-10-31' },
      });
      expect(mail.subject).toMatch(/^\[HIGH\] Target date of an accepted recommendation missed — recommendation on/);
      expect(mail.text).toContain('Target date: 2026-10-31');
      expect(mail.text).not.toContain('Response was due');
    });
  });

  it('backs off exponentially and caps the delay at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 1000)).toBe(3_600_000);
  });

  describe('recipients', () => {
    const to = {
      kind: 'raised' as const,
      agencyEmail: 'alerts@bp.example',
      authorityEmails: ['nrm@authority.example'],
      commissionerEmail: 'office@commissioner.example',
    };

    it('sends a reasonable- or conclusive-grounds alert to the agency, the competent authority and the office', () => {
      expect(alertRecipients({ ...to, rule: 'rg_decision_overdue' })).toEqual([
        'alerts@bp.example',
        'nrm@authority.example',
        'office@commissioner.example',
      ]);
      expect(alertRecipients({ ...to, rule: 'victim_detained' })).toEqual([
        'alerts@bp.example',
        'nrm@authority.example',
        'office@commissioner.example',
      ]);
    });

    it('keeps the competent authority out of alerts that are not about its decisions', () => {
      const others = ALERT_RULES.filter((r) => !RULES[r].competentAuthority && !RULES[r].commissionerOnly);
      expect(others).toEqual([
        'screening_overdue',
        'detention_limit_exceeded',
        'review_response_overdue',
        'recommendation_response_overdue',
        'recommendation_target_missed',
      ]);
      for (const rule of others) {
        expect(alertRecipients({ ...to, rule })).toEqual(['alerts@bp.example', 'office@commissioner.example']);
      }
    });

    it('sends commissioner-only alerts and every escalation to the office alone', () => {
      expect(alertRecipients({ ...to, rule: 'removal_during_review' })).toEqual(['office@commissioner.example']);
      expect(alertRecipients({ ...to, kind: 'escalation', rule: 'rg_decision_overdue' })).toEqual([
        'office@commissioner.example',
      ]);
    });

    it('skips addresses an agency lacks, and names each address once', () => {
      expect(alertRecipients({ ...to, rule: 'victim_detained', agencyEmail: null, authorityEmails: [] })).toEqual([
        'office@commissioner.example',
      ]);
      expect(
        alertRecipients({
          ...to,
          rule: 'rg_decision_overdue',
          authorityEmails: ['Office@Commissioner.example', 'alerts@bp.example'],
        }),
      ).toEqual(['alerts@bp.example', 'Office@Commissioner.example']);
    });
  });
});
