import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueues } from './job-queues.js';
import { JOBS } from './queues.js';

/**
 * Readiness of a worker process is not "Redis answers" but "a job goes in
 * and comes out": BullMQ workers have been seen connected yet stuck after a
 * Redis restart. The probe enqueues a no-op job and waits for a worker (this
 * one or another) to complete it.
 */
@Injectable()
export class WorkerReadiness {
  constructor(
    private readonly queues: JobQueues,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(timeoutMs = 3_000) {
    const check = this.indicator.check('jobs');
    const started = Date.now();
    try {
      const job = await this.queues
        .queue('maintenance')
        .add(JOBS.healthProbe, { probe: randomUUID() }, { removeOnComplete: { age: 60 }, removeOnFail: { age: 60 } });
      while (Date.now() - started < timeoutMs) {
        const state = await job.getState();
        if (state === 'completed') return check.up({ roundTripMs: Date.now() - started });
        if (state === 'failed') return check.down({ message: 'the probe job failed' });
        await new Promise((r) => setTimeout(r, 25));
      }
      return check.down({ message: `no worker completed a job within ${timeoutMs} ms` });
    } catch (err) {
      return check.down({ message: err instanceof Error ? err.message : 'queue unavailable' });
    }
  }
}
