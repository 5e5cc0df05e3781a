import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditCheckpointer } from '../audit/audit-checkpointer.js';
import { AppConfig } from '../config/app-config.js';
import { JOBS, QUEUES } from './queues.js';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly checkpointer: AuditCheckpointer,
    private readonly db: DataSource,
    private readonly config: AppConfig,
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
      case JOBS.healthProbe:
        return { ok: true };
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.maintenance}`);
    }
  }
}
