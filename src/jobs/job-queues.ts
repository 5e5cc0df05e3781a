import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JOBS, QUEUES, type JobData } from './queues.js';

type JobName = keyof JobData;

const QUEUE_OF: Record<JobName, keyof typeof QUEUES> = {
  [JOBS.overdueScan]: 'alerts',
  [JOBS.sendNotification]: 'notifications',
  [JOBS.sweepOutbox]: 'notifications',
  [JOBS.runSampling]: 'sampling',
  [JOBS.scheduleSampling]: 'sampling',
  [JOBS.auditCheckpoint]: 'maintenance',
  [JOBS.purgeIdempotencyKeys]: 'maintenance',
  [JOBS.healthProbe]: 'maintenance',
};

/** Typed enqueueing; `tryEnqueue` is for after a commit, where Redis being away must not fail the request. */
@Injectable()
export class JobQueues {
  private readonly logger = new Logger(JobQueues.name);
  private readonly byName: Record<keyof typeof QUEUES, Queue>;

  constructor(
    @InjectQueue(QUEUES.alerts) alerts: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    @InjectQueue(QUEUES.sampling) sampling: Queue,
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
  ) {
    this.byName = { alerts, notifications, sampling, maintenance };
  }

  queue(name: keyof typeof QUEUES): Queue {
    return this.byName[name];
  }

  async enqueue<N extends JobName>(name: N, data: JobData[N], opts: JobsOptions = {}): Promise<void> {
    await this.byName[QUEUE_OF[name]].add(name, data, opts);
  }

  /** Enqueues; on failure logs and returns false (the database still holds the work; a sweeper finds it). */
  async tryEnqueue<N extends JobName>(name: N, data: JobData[N], opts: JobsOptions = {}): Promise<boolean> {
    try {
      await withTimeout(this.enqueue(name, data, opts), 2_000);
      return true;
    } catch (err) {
      this.logger.warn(
        { event: 'enqueue_failed', job: name, reason: err instanceof Error ? err.message : String(err) },
        'could not enqueue; the sweeper will pick the work up',
      );
      return false;
    }
  }
}

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
