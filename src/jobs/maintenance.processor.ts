import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationSender } from '../alerts/notification-sender.js';
import { AuditCheckpointer } from '../audit/audit-checkpointer.js';
import { SamplingRunsService } from '../reviews/sampling-runs.service.js';
import { AppConfig } from '../config/app-config.js';
import { JOBS, QUEUES } from './queues.js';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly checkpointer: AuditCheckpointer,
    private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationSender,
    private readonly samplingRuns: SamplingRunsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.auditCheckpoint:
        return (await this.checkpointer.checkpoint()) ?? { skipped: 'no new events' };
      case JOBS.purgeIdempotencyKeys: {
        const [, purged] = await this.db.query<[unknown[], number]>(
          `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
          [this.config.cases.idempotencyTtlHours],
        );
        return { purged };
      }
      case JOBS.sweepOutbox:
        // The database is the source of truth: whatever it says is owed and no queue holds is queued again.
        return {
          notifications: await this.notifications.sweep(),
          samplingRuns: await this.samplingRuns.requeueStale(),
        };
      case JOBS.healthProbe:
        return { ok: true };
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.maintenance}`);
    }
  }
}
