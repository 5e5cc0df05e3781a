import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { JobQueues } from '../jobs/job-queues.js';
import { JOBS, QUEUES } from '../jobs/queues.js';

/**
 * Registers the recurring jobs. Job schedulers are keyed by id in Redis, so
 * every worker process upserting them at start leaves exactly one schedule,
 * and BullMQ produces one job per tick however many workers run.
 *
 * The schedules live in Redis only: a Redis that comes back empty (restarted
 * without persistence, a failover to a fresh replica), or anyone with access
 * to it, would otherwise stop every scan and every outbox sweep until a
 * worker restarts. So each worker checks once per sweep period
 * (OUTBOX_SWEEP_SECONDS) that they are still there as configured.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    this.logger.log(
      { event: 'job_schedulers_registered', count: this.schedules().length },
      'job schedulers registered',
    );
    this.timer = setInterval(() => void this.reRegisterIfLost(), this.config.mail.sweepSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private schedules() {
    const cron = (pattern: string) => ({ pattern, tz: 'UTC' });
    const every = (ms: number) => ({ every: ms });
    return [
      { queue: QUEUES.alerts, name: JOBS.overdueScan, repeat: cron(this.config.alerts.overdueScanCron) },
      { queue: QUEUES.maintenance, name: JOBS.sweepOutbox, repeat: every(this.config.mail.sweepSeconds * 1000) },
      { queue: QUEUES.maintenance, name: JOBS.auditCheckpoint, repeat: cron(this.config.audit.checkpointCron) },
      { queue: QUEUES.maintenance, name: JOBS.purgeIdempotencyKeys, repeat: every(3_600_000) },
      { queue: QUEUES.maintenance, name: JOBS.compactReportRollups, repeat: every(60_000) },
      { queue: QUEUES.maintenance, name: JOBS.purgeEndedSessions, repeat: every(3_600_000) },
      { queue: QUEUES.sampling, name: JOBS.scheduleSampling, repeat: cron(this.config.sampling.cron) },
    ] as const;
  }

  private async register(): Promise<void> {
    for (const s of this.schedules()) {
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
  }

  /**
   * Re-asserts the schedules: any missing (Redis restarted empty, or someone
   * removed it) or altered (another pattern or period) is registered again,
   * and a paused queue is resumed. The alert jobs are oversight itself: no
   * one may silence them by editing Redis, and each time it happens the log
   * says so.
   */
  private async reRegisterIfLost(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const schedules = this.schedules();
      const found = await Promise.all(schedules.map((s) => this.queues.queue(s.queue).getJobScheduler(s.name)));
      const wrong = schedules
        .filter((s, i) => {
          const f = found[i];
          if (f === undefined || f === null) return true;
          return 'pattern' in s.repeat ? f.pattern !== s.repeat.pattern : Number(f.every) !== s.repeat.every;
        })
        .map((s) => s.name);
      const paused = (
        await Promise.all(
          Object.values(QUEUES).map(async (q) => ((await this.queues.queue(q).isPaused()) ? q : undefined)),
        )
      ).filter((q) => q !== undefined);
      if (paused.length > 0) {
        this.logger.warn({ event: 'job_queues_resumed', queues: paused }, 'paused job queues found; resuming them');
        await Promise.all(paused.map((q) => this.queues.queue(q).resume()));
      }
      if (wrong.length === 0) return;
      this.logger.warn(
        { event: 'job_schedulers_lost', schedulers: wrong },
        'job schedulers are missing from Redis or altered (restarted empty? removed by hand?); registering them again',
      );
      await this.register();
    } catch {
      // Redis is away: the next period checks again.
    } finally {
      this.checking = false;
    }
  }
}
