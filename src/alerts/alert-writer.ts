import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog, type AuditAuthor } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { AppConfig } from '../config/app-config.js';
import { Metrics } from '../metrics/metrics.js';
import { newId } from '../common/ids.js';
import { alertMessageId, alertRecipients } from './domain/alert-email.js';
import { RULES, type AlertRule, type AlertThresholds } from './domain/alert-rules.js';
import type { AlertCandidate, Resolution } from './domain/overdue-scan.js';
import { OverdueScanRepository, type ResolvedAlert } from './persistence/overdue-scan.repository.js';

export interface RaisedAlert {
  id: string;
  rule: AlertRule;
  caseId: string | null;
  agencyId: string;
}

/**
 * Raises and resolves alerts, and queues their e-mails, in the caller's
 * transaction. The (rule, subject, key) unique constraint makes raising
 * idempotent: a candidate that already has an alert, in any status, raises
 * nothing and sends nothing.
 */
@Injectable()
export class AlertWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    private readonly alerts: OverdueScanRepository,
  ) {}

  thresholds(): AlertThresholds {
    const a = this.config.alerts;
    return {
      screeningMaxHours: a.screeningMaxHours,
      rgDecisionMaxWorkingDays: a.rgDecisionMaxWorkingDays,
      maxDetentionDays: a.maxDetentionDays,
      reviewResponseDays: this.config.sampling.reviewResponseDays,
      visitLateDays: a.visitLateDays,
      visitReportDays: a.visitReportDays,
      recommendationResponseDays: this.config.recommendations.responseDays,
      recommendationUrgentResponseDays: this.config.recommendations.urgentResponseDays,
      complaintTriageWorkingDays: this.config.complaints.triageWorkingDays,
    };
  }

  /** Returns the alerts newly raised and the notification ids to enqueue after commit. */
  async raise(
    manager: EntityManager,
    author: AuditAuthor,
    candidates: AlertCandidate[],
    now: Date,
  ): Promise<{ raised: RaisedAlert[]; notificationIds: string[] }> {
    const raised: RaisedAlert[] = [];
    const thresholds = this.thresholds();
    for (let i = 0; i < candidates.length; i += 2_000) {
      const batch = candidates.slice(i, i + 2_000);
      const rows = await manager.query<{ id: string; rule: AlertRule; case_id: string | null; agency_id: string }[]>(
        `INSERT INTO alerts (id, rule, severity, subject_type, subject_id, subject_key, case_id, agency_id,
                             commissioner_only, status, since, basis, thresholds, raised_at)
         SELECT id, rule, severity, subject_type, subject_id, subject_key, case_id, agency_id, commissioner_only, 'open',
                since, basis, thresholds, $11
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $13::text[], $6::uuid[], $7::uuid[],
                       $8::bool[], $9::timestamptz[], $10::text[], $12::jsonb[])
             AS c(id, rule, severity, subject_type, subject_id, subject_key, case_id, agency_id, commissioner_only, since,
                  basis, thresholds)
         ON CONFLICT (rule, subject_id, subject_key) DO NOTHING
         RETURNING id, rule, case_id, agency_id`,
        [
          batch.map(() => newId()),
          batch.map((c) => c.rule),
          batch.map((c) => c.severity ?? RULES[c.rule].severity),
          batch.map((c) => c.subjectType),
          batch.map((c) => c.subjectId),
          batch.map((c) => c.caseId),
          batch.map((c) => c.agencyId),
          batch.map((c) => RULES[c.rule].commissionerOnly),
          batch.map((c) => c.since),
          batch.map((c) => RULES[c.rule].basis(thresholds)),
          now,
          batch.map((c) => JSON.stringify(c.thresholds)),
          batch.map((c) => c.subjectKey ?? ''),
        ],
      );
      raised.push(...rows.map((r) => ({ id: r.id, rule: r.rule, caseId: r.case_id, agencyId: r.agency_id })));
    }
    if (raised.length === 0) return { raised, notificationIds: [] };
    for (const a of raised) this.metrics.alertsRaised.inc({ rule: a.rule });

    const notificationIds = await this.queueEmails(manager, raised, 'raised', now);
    await this.audit.appendMany(
      manager,
      author,
      raised.map((a) => ({
        ...ownChain('alert', a.id),
        action: 'alert.raised',
        payload: { rule: a.rule, caseId: a.caseId, agencyId: a.agencyId },
      })),
    );
    return { raised, notificationIds };
  }

  /** Resolves each alert with its reason (unless something resolved it meanwhile) and audits those it resolved. */
  async resolve(
    manager: EntityManager,
    author: AuditAuthor,
    resolutions: readonly Resolution[],
    now: Date,
  ): Promise<ResolvedAlert[]> {
    const resolved = await this.alerts.resolveAlerts(manager, resolutions, now);
    await this.audit.appendMany(
      manager,
      author,
      resolved.map((r) => ({ ...ownChain('alert', r.id), action: 'alert.resolved', payload: { reason: r.reason } })),
    );
    return resolved;
  }

  /**
   * One e-mail per alert and kind (unique), to the addresses `alertRecipients` picks: the agency's alert address,
   * the competent authority's for rules about its decisions, and the commissioner's office.
   */
  async queueEmails(
    manager: EntityManager,
    alerts: RaisedAlert[],
    kind: 'raised' | 'escalation',
    now: Date,
  ): Promise<string[]> {
    if (alerts.length === 0) return [];
    const agencyIds = [...new Set(alerts.map((a) => a.agencyId))];
    const agencies = await manager.query<{ id: string; alert_email: string | null }[]>(
      `SELECT id, alert_email FROM agencies WHERE id = ANY($1)`,
      [agencyIds],
    );
    const emailOf = new Map(agencies.map((a) => [a.id, a.alert_email]));
    const authorityEmailsOf =
      kind === 'raised'
        ? await this.authorityEmails(
            manager,
            alerts.flatMap((a) => (RULES[a.rule].competentAuthority && a.caseId ? [a.caseId] : [])),
          )
        : new Map<string, string[]>();
    const commissioner = this.config.alerts.commissionerEmail;
    const domain = mailDomain(this.config.mail.from);
    const ids: string[] = [];
    for (let i = 0; i < alerts.length; i += 2_000) {
      const batch = alerts.slice(i, i + 2_000);
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO alert_notifications (id, alert_id, kind, recipients, status, next_attempt_at, message_id, created_at)
         SELECT id, alert_id, $3, string_to_array(recipients, ','), 'pending', $4, message_id, $4
           FROM unnest($1::uuid[], $2::uuid[], $5::text[], $6::text[]) AS n(id, alert_id, recipients, message_id)
         ON CONFLICT (alert_id, kind) DO NOTHING
         RETURNING id`,
        [
          batch.map(() => newId()),
          batch.map((a) => a.id),
          kind,
          now,
          batch.map((a) =>
            alertRecipients({
              kind,
              rule: a.rule,
              agencyEmail: emailOf.get(a.agencyId) ?? null,
              authorityEmails: (a.caseId && authorityEmailsOf.get(a.caseId)) || [],
              commissionerEmail: commissioner,
            }).join(','),
          ),
          batch.map((a) => alertMessageId(a.id, kind, domain)),
        ],
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  /**
   * The competent authority's alert address per case: the authority that made the case's latest
   * reasonable-grounds, conclusive-grounds or reconsideration decision; before any, every competent authority
   * (any of them may decide a referred case, SPEC §2).
   */
  private async authorityEmails(manager: EntityManager, caseIds: string[]): Promise<Map<string, string[]>> {
    if (caseIds.length === 0) return new Map();
    const rows = await manager.query<{ case_id: string; emails: string[] }[]>(
      `SELECT c.case_id,
              CASE WHEN last.actor_agency_id IS NOT NULL
                   THEN ARRAY(SELECT alert_email FROM agencies
                               WHERE id = last.actor_agency_id AND kind = 'competent_authority'
                                 AND alert_email IS NOT NULL)
                   ELSE ARRAY(SELECT alert_email FROM agencies
                               WHERE kind = 'competent_authority' AND alert_email IS NOT NULL ORDER BY alert_email)
              END AS emails
         FROM unnest($1::uuid[]) AS c(case_id)
         LEFT JOIN LATERAL (
           SELECT d.actor_agency_id FROM decision_records d
            WHERE d.case_id = c.case_id AND d.type IN ('reasonable_grounds', 'conclusive_grounds', 'reconsider')
            ORDER BY d.sequence DESC LIMIT 1) last ON TRUE`,
      [[...new Set(caseIds)]],
    );
    return new Map(rows.map((r) => [r.case_id, r.emails]));
  }
}

export function mailDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m ? m[1] : 'oversight.invalid';
}
