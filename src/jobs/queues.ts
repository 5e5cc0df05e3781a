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
  /** notifications: deliver one e-mail of the outbox. */
  sendNotification: 'send-notification',
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
  [JOBS.sweepOutbox]: Record<string, never>;
  [JOBS.runSampling]: { runId: string };
  [JOBS.scheduleSampling]: Record<string, never>;
  [JOBS.auditCheckpoint]: Record<string, never>;
  [JOBS.purgeIdempotencyKeys]: Record<string, never>;
  [JOBS.compactReportRollups]: Record<string, never>;
  [JOBS.purgeEndedSessions]: Record<string, never>;
  [JOBS.healthProbe]: { probe: string };
}

/** Job data is checked before use: a job is input like any other. */
export function idFrom(data: unknown, field: 'notificationId' | 'runId'): string {
  const value = (data as Record<string, unknown> | null)?.[field];
  if (!isUuid(value)) throw new Error(`job data lacks a valid ${field}`);
  return value;
}
