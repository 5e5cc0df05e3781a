import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { JobQueues } from './job-queues.js';
import { JOBS, QUEUES } from './queues.js';

/**
 * Registers the recurring jobs. Job schedulers are keyed by id in Redis, so
 * every worker process upserting them at start leaves exactly one schedule,
 * and BullMQ produces one job per tick however many workers run.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = (pattern: string) => ({ pattern, tz: 'UTC' });
    const every = (ms: number) => ({ every: ms });
    const schedules = [
      { queue: QUEUES.alerts, name: JOBS.overdueScan, repeat: cron(this.config.alerts.overdueScanCron) },
      { queue: QUEUES.maintenance, name: JOBS.sweepOutbox, repeat: every(this.config.mail.sweepSeconds * 1000) },
      { queue: QUEUES.maintenance, name: JOBS.auditCheckpoint, repeat: cron(this.config.audit.checkpointCron) },
      { queue: QUEUES.maintenance, name: JOBS.purgeIdempotencyKeys, repeat: every(3_600_000) },
      { queue: QUEUES.sampling, name: JOBS.scheduleSampling, repeat: cron(this.config.sampling.cron) },
    ] as const;
    for (const s of schedules) {
      await this.queues.queue(s.queue).upsertJobScheduler(s.name, s.repeat, {
        name: s.name,
        data: {},
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
      });
    }
    // Whatever the outbox owed while no worker ran goes out now, not at the first tick.
    await this.queues.tryEnqueue(
      JOBS.sweepOutbox,
      {},
      { jobId: `sweep-at-start-${Date.now()}`, removeOnComplete: true },
    );
    this.logger.log({ event: 'job_schedulers_registered', count: schedules.length }, 'job schedulers registered');
  }
}
