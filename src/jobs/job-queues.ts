import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { JOBS, QUEUES, type JobData } from './queues.js';
import { failFastConnection } from '../redis/redis-connection.js';

type JobName = keyof JobData;

const QUEUE_OF: Record<JobName, keyof typeof QUEUES> = {
  [JOBS.overdueScan]: 'alerts',
  [JOBS.sendNotification]: 'notifications',
  [JOBS.sendNotifications]: 'notifications',
  [JOBS.sweepOutbox]: 'maintenance',
  [JOBS.runSampling]: 'sampling',
  [JOBS.scheduleSampling]: 'sampling',
  [JOBS.auditCheckpoint]: 'maintenance',
  [JOBS.purgeIdempotencyKeys]: 'maintenance',
  [JOBS.compactReportRollups]: 'maintenance',
  [JOBS.purgeEndedSessions]: 'maintenance',
  [JOBS.healthProbe]: 'maintenance',
};

/**
 * Typed producing. These queues have connections of their own that fail fast
 * while Redis is away (workers' connections retry forever and would make an
 * enqueue hang). `tryEnqueue` is for after a commit: the request must answer,
 * and the database still holds the work for a sweeper.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueues.name);
  private readonly byName: Record<keyof typeof QUEUES, Queue>;

  constructor(config: AppConfig) {
    const options = {
      connection: failFastConnection(config.redis.url),
      prefix: config.redis.queuePrefix,
      defaultJobOptions: { removeOnComplete: { count: 1_000 }, removeOnFail: { count: 5_000 } },
    };
    const make = (name: string) => new Queue(name, options).on('error', () => undefined);
    this.byName = {
      alerts: make(QUEUES.alerts),
      notifications: make(QUEUES.notifications),
      sampling: make(QUEUES.sampling),
      maintenance: make(QUEUES.maintenance),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.byName).map((q) => q.close().catch(() => undefined)));
  }

  queue(name: keyof typeof QUEUES): Queue {
    return this.byName[name];
  }

  async enqueue<N extends JobName>(name: N, data: JobData[N], opts: JobsOptions = {}): Promise<void> {
    await this.byName[QUEUE_OF[name]].add(name, data, opts);
  }

  /** Enqueues; on failure logs and returns false (the database still holds the work; a sweeper finds it). */
  async tryEnqueue<N extends JobName>(name: N, data: JobData[N], opts: JobsOptions = {}): Promise<boolean> {
    return (await this.tryEnqueueMany(name, [{ data, opts }])) === 1;
  }

  /**
   * Many jobs of one name, pipelined a chunk at a time (one round trip per
   * chunk instead of per job). Stops at the first failure, logs it and
   * returns how many were queued; the database still holds the rest.
   */
  async tryEnqueueMany<N extends JobName>(name: N, jobs: { data: JobData[N]; opts?: JobsOptions }[]): Promise<number> {
    const queue = this.byName[QUEUE_OF[name]];
    let queued = 0;
    for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
      const chunk = jobs.slice(i, i + ENQUEUE_CHUNK);
      try {
        await withTimeout(queue.addBulk(chunk.map((j) => ({ name, data: j.data, opts: j.opts }))), 2_000);
        queued += chunk.length;
      } catch (err) {
        this.logger.warn(
          {
            event: 'enqueue_failed',
            job: name,
            count: jobs.length - queued,
            reason: err instanceof Error ? err.message : String(err),
          },
          'could not enqueue; the sweeper will pick the work up',
        );
        break;
      }
    }
    return queued;
  }
}

const ENQUEUE_CHUNK = 500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
