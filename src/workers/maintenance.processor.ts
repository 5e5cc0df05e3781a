import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NotificationSender } from '../alerts/notification-sender.js';
import { AuditCheckpointer } from '../audit/audit-checkpointer.js';
import { RefreshTokensRepository } from '../auth/persistence/refresh-tokens.repository.js';
import { AppConfig } from '../config/app-config.js';
import { IdempotencyKeysRepository } from '../idempotency/persistence/idempotency-keys.repository.js';
import { JOBS, QUEUES } from '../jobs/queues.js';
import { ReportRollups } from '../reports/persistence/report-rollups.js';
import { SamplingRunsService } from '../reviews/sampling-runs.service.js';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly checkpointer: AuditCheckpointer,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly config: AppConfig,
    private readonly notifications: NotificationSender,
    private readonly samplingRuns: SamplingRunsService,
    private readonly rollups: ReportRollups,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.auditCheckpoint:
        return (await this.checkpointer.checkpoint()) ?? { skipped: 'no new events' };
      case JOBS.purgeIdempotencyKeys:
        return { purged: await this.idempotencyKeys.purgeOlderThan(this.config.cases.idempotencyTtlHours) };
      case JOBS.purgeEndedSessions:
        return { purged: await this.refreshTokens.purgeEnded() };
      case JOBS.sweepOutbox:
        // The database is the source of truth: whatever it says is owed and no queue holds is queued again.
        return {
          notifications: await this.notifications.sweep(),
          samplingRuns: await this.samplingRuns.requeueStale(),
        };
      case JOBS.compactReportRollups:
        return { folded: await this.rollups.compact() };
      case JOBS.healthProbe:
        return { ok: true };
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.maintenance}`);
    }
  }
}
