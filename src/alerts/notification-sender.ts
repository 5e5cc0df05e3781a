import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { JobQueues } from '../jobs/job-queues.js';
import { Metrics } from '../metrics/metrics.js';
import { JOBS, NOTIFICATIONS_PER_JOB } from '../jobs/queues.js';
import { AlertWriter, mailDomain } from './alert-writer.js';
import { composeAlertEmail, retryDelayMs } from './domain/alert-email.js';
import type { AlertRule, Severity } from './domain/alert-rules.js';
import { Mailer } from './mail/mailer.js';

interface Claimed {
  id: string;
  alert_id: string;
  kind: 'raised' | 'escalation';
  recipients: string[];
  attempts: number;
  message_id: string;
  rule: AlertRule;
  severity: Severity;
  case_id: string | null;
  raised_at: Date;
  since: Date;
  subject_type: string;
  subject_id: string;
  subject_key: string;
  external_ref: string | null;
  pseudonym: string | null;
  agency_name: string;
  detained_at: Date | null;
  place_name: string | null;
  visit_day: string | null;
  recommendation_theme: string | null;
  recommendation_priority: string | null;
  recommendation_issued_at: Date | null;
  recommendation_response_due_at: Date | null;
  complaint_received_at: Date | null;
  complaint_channel: string | null;
}

export type DeliveryOutcome = 'sent' | 'not_due' | 'retrying' | 'gave_up';

/**
 * Delivers the outbox. A delivery first claims its row (status `sending`
 * with a lease), so two workers, a retry and the sweeper can never send the
 * same message concurrently; the row records every attempt and the last
 * error. A worker that dies mid-send leaves a lease that expires, and the
 * sweeper queues the message again.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly queues: JobQueues,
    private readonly writer: AlertWriter,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async deliver(notificationId: string, now = new Date()): Promise<DeliveryOutcome> {
    const lease = this.config.mail.claimSeconds;
    const [claimed] = await this.db.query<Claimed[]>(
      `WITH claim AS (
         UPDATE alert_notifications SET status = 'sending', attempts = attempts + 1,
                locked_until = $2::timestamptz + make_interval(secs => $3)
          WHERE id = $1 AND status IN ('pending', 'sending') AND next_attempt_at <= $2
            AND (locked_until IS NULL OR locked_until < $2)
          RETURNING *)
       SELECT n.id, n.alert_id, n.kind, n.recipients, n.attempts, n.message_id, a.rule, a.severity, a.case_id,
              a.raised_at, a.since, a.subject_type, a.subject_id, a.subject_key, c.external_ref, c.pseudonym,
              ag.name AS agency_name, e.detained_at, p.name AS place_name, to_char(v.day, 'YYYY-MM-DD') AS visit_day,
              r.theme AS recommendation_theme, r.priority AS recommendation_priority,
              r.issued_at AS recommendation_issued_at, r.response_due_at AS recommendation_response_due_at,
              co.received_at AS complaint_received_at, co.channel AS complaint_channel
         FROM claim n
         JOIN alerts a ON a.id = n.alert_id
         LEFT JOIN cases c ON c.id = a.case_id
         JOIN agencies ag ON ag.id = a.agency_id
         LEFT JOIN detention_episodes e ON a.subject_type = 'detention_episode' AND e.id = a.subject_id
         LEFT JOIN visits v ON a.subject_type = 'visit' AND v.id = a.subject_id
         LEFT JOIN places p ON p.id = v.place_id
         LEFT JOIN recommendations r ON a.subject_type = 'recommendation' AND r.id = a.subject_id
         LEFT JOIN complaints co ON a.subject_type = 'complaint' AND co.id = a.subject_id`,
      [notificationId, now, lease],
    );
    if (!claimed) return 'not_due';
    const mail = composeAlertEmail({
      alertId: claimed.alert_id,
      kind: claimed.kind,
      rule: claimed.rule,
      severity: claimed.severity,
      caseId: claimed.case_id ?? '',
      externalRef: claimed.external_ref ?? '',
      pseudonym: claimed.pseudonym ?? '',
      agencyName: claimed.agency_name,
      visit:
        claimed.subject_type === 'visit'
          ? { id: claimed.subject_id, placeName: claimed.place_name ?? '', day: claimed.visit_day ?? '' }
          : undefined,
      recommendation:
        claimed.subject_type === 'recommendation'
          ? {
              id: claimed.subject_id,
              theme: claimed.recommendation_theme ?? '',
              priority: claimed.recommendation_priority ?? '',
              issuedAt: claimed.recommendation_issued_at!,
              responseDueAt: claimed.recommendation_response_due_at!,
              // The target date the alert is about (its key), not a later one the recommendation may have now.
              targetDate: claimed.rule === 'recommendation_target_missed' ? claimed.subject_key : null,
            }
          : undefined,
      complaint:
        claimed.subject_type === 'complaint'
          ? {
              id: claimed.subject_id,
              receivedAt: claimed.complaint_received_at!,
              channel: claimed.complaint_channel ?? '',
              // When this alert was raised for: its own `since`, under the threshold it was raised with.
              triageDueAt: claimed.since,
            }
          : undefined,
      detainedSince: claimed.detained_at,
      raisedAt: claimed.raised_at,
      now,
      thresholds: this.writer.thresholds(),
      publicBaseUrl: this.config.http.publicBaseUrl,
      mailDomain: mailDomain(this.config.mail.from),
    });
    try {
      await this.mailer.send({ ...mail, messageId: claimed.message_id, to: claimed.recipients });
    } catch (err) {
      return this.failed(claimed, err);
    }
    await this.db.query(
      // Unconditional: whichever attempt got the message through, it is sent (last_error keeps the history).
      `UPDATE alert_notifications SET status = 'sent', sent_at = now(), locked_until = NULL WHERE id = $1`,
      [claimed.id],
    );
    this.metrics.emails.inc({ outcome: 'sent' });
    this.logger.log(
      { event: 'notification_sent', notificationId: claimed.id, alertId: claimed.alert_id, attempts: claimed.attempts },
      'alert e-mail sent',
    );
    return 'sent';
  }

  private async failed(claimed: Claimed, err: unknown): Promise<DeliveryOutcome> {
    const { maxAttempts, backoffMs } = this.config.mail;
    const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const giveUp = claimed.attempts >= maxAttempts;
    const delay = retryDelayMs(claimed.attempts, backoffMs);
    this.metrics.emails.inc({ outcome: giveUp ? 'gave_up' : 'failed' });
    await this.db.query(
      // Only while this attempt still holds the claim: a send that outlived its lease must not reset a newer one.
      `UPDATE alert_notifications
          SET status = $2, last_error = $3, locked_until = NULL,
              next_attempt_at = now() + make_interval(secs => $4)
        WHERE id = $1 AND status = 'sending' AND attempts = $5`,
      [claimed.id, giveUp ? 'failed' : 'pending', reason, delay / 1000, claimed.attempts],
    );
    this.logger.warn(
      { event: 'notification_failed', notificationId: claimed.id, attempts: claimed.attempts, giveUp, reason },
      'alert e-mail not delivered',
    );
    if (giveUp) return 'gave_up';
    await this.queues.tryEnqueue(
      JOBS.sendNotification,
      { notificationId: claimed.id },
      { delay, jobId: jobIdFor(claimed.id, claimed.attempts) },
    );
    return 'retrying';
  }

  /** Queues every message the outbox still owes whose time has come (the safety net behind every enqueue). */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.db.query<{ id: string; attempts: number }[]>(
      `SELECT id, attempts FROM alert_notifications
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
        ORDER BY next_attempt_at LIMIT 1000`,
      [now],
    );
    return this.queues.tryEnqueueMany(
      JOBS.sendNotification,
      due.map((n) => ({ data: { notificationId: n.id }, opts: { jobId: jobIdFor(n.id, n.attempts) } })),
    );
  }

  /** After a commit: queue the new messages now, NOTIFICATIONS_PER_JOB to a job (if Redis is away, the sweeper will). */
  async enqueueNew(notificationIds: string[]): Promise<void> {
    const batches: string[][] = [];
    for (let i = 0; i < notificationIds.length; i += NOTIFICATIONS_PER_JOB) {
      batches.push(notificationIds.slice(i, i + NOTIFICATIONS_PER_JOB));
    }
    await this.queues.tryEnqueueMany(
      JOBS.sendNotifications,
      batches.map((ids) => ({ data: { notificationIds: ids }, opts: { jobId: `notify-batch-${ids[0]}` } })),
    );
  }

  /**
   * Delivers each message in turn (each claims its own row, so one already sent is not sent again). A message that
   * could not be handled does not hold up the others; the job then fails, and its retry or the sweeper takes it up.
   */
  async deliverAll(notificationIds: string[]): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    let failure: Error | undefined;
    for (const id of notificationIds) {
      try {
        outcomes.push(await this.deliver(id));
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(String(err));
      }
    }
    if (failure) throw failure;
    return outcomes;
  }
}

/** One job id per attempt: a re-enqueue of the same attempt is a no-op in BullMQ. */
export function jobIdFor(notificationId: string, attemptsSoFar: number): string {
  return `notify-${notificationId}-${attemptsSoFar}`;
}
