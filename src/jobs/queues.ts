import { isUuid } from '../common/ids.js';

/**
 * Queue and job names, and what each job carries: ids only, never personal
 * data (job data sits in Redis, which is not encrypted). BullMQ delivers at
 * least once, so every job's side effect is keyed in the database.
 */
export const QUEUES = {
  alerts: 'alerts',
  notifications: 'notifications',
  sampling: 'sampling',
  maintenance: 'maintenance',
} as const;

export const JOBS = {
  /** alerts: evaluate open detentions, overdue review responses and escalations (OVERDUE_SCAN_CRON). */
  overdueScan: 'overdue-scan',
  /** notifications: deliver one e-mail of the outbox (the sweeper's, and each retry). */
  sendNotification: 'send-notification',
  /** notifications: deliver the e-mails one commit put in the outbox, up to NOTIFICATIONS_PER_JOB of them in turn. */
  sendNotifications: 'send-notifications',
  /** maintenance: queue again whatever the database says is owed — e-mails, sampling runs (every OUTBOX_SWEEP_SECONDS). */
  sweepOutbox: 'sweep-outbox',
  /** sampling: draw one sampling run. */
  runSampling: 'run-sampling',
  /** sampling: create the weekly run (SAMPLING_CRON). */
  scheduleSampling: 'schedule-sampling',
  /** maintenance: sign an audit checkpoint (AUDIT_CHECKPOINT_CRON). */
  auditCheckpoint: 'audit-checkpoint',
  /** maintenance: forget expired Idempotency-Keys (hourly). */
  purgeIdempotencyKeys: 'purge-idempotency-keys',
  /** maintenance: fold the report rollups' delta lines into the rollups (every minute). */
  compactReportRollups: 'compact-report-rollups',
  /** maintenance: forget the refresh tokens of console sessions that ended a week ago (hourly). */
  purgeEndedSessions: 'purge-ended-sessions',
  /** maintenance: readiness probe; proves a worker takes and completes a job. */
  healthProbe: 'health-probe',
} as const;

export interface JobData {
  [JOBS.overdueScan]: Record<string, never>;
  [JOBS.sendNotification]: { notificationId: string };
  [JOBS.sendNotifications]: { notificationIds: string[] };
  [JOBS.sweepOutbox]: Record<string, never>;
  [JOBS.runSampling]: { runId: string };
  [JOBS.scheduleSampling]: Record<string, never>;
  [JOBS.auditCheckpoint]: Record<string, never>;
  [JOBS.purgeIdempotencyKeys]: Record<string, never>;
  [JOBS.compactReportRollups]: Record<string, never>;
  [JOBS.purgeEndedSessions]: Record<string, never>;
  [JOBS.healthProbe]: { probe: string };
}

/**
 * E-mails per `sendNotifications` job: a scan that raises 14,000 alerts queues 280 jobs, not 14,000 (BullMQ adds
 * each job with a Lua script: 14,000 single jobs took ~1 s to queue, 280 batches 56 ms).
 */
export const NOTIFICATIONS_PER_JOB = 50;

/** Job data is checked before use: a job is input like any other. */
export function idFrom(data: unknown, field: 'notificationId' | 'runId'): string {
  const value = (data as Record<string, unknown> | null)?.[field];
  if (!isUuid(value)) throw new Error(`job data lacks a valid ${field}`);
  return value;
}

/** The ids of a `sendNotifications` job: 1 to NOTIFICATIONS_PER_JOB of them, each a UUID. */
export function idsFrom(data: unknown, field: 'notificationIds'): string[] {
  const value = (data as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(value) || value.length === 0 || value.length > NOTIFICATIONS_PER_JOB || !value.every(isUuid)) {
    throw new Error(`job data lacks a valid ${field}`);
  }
  return value;
}
