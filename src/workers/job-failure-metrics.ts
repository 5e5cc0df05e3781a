import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job, Worker } from 'bullmq';
import { Metrics } from '../metrics/metrics.js';

/** Counts and logs every job that throws, whichever processor ran it. */
@Injectable()
export class JobFailureMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      const worker: Worker = (instance as WorkerHost<Worker>).worker;
      worker.on('failed', (job: Job | undefined, err: Error) => {
        this.metrics.jobFailures.inc({ queue: worker.name });
        this.logger.warn(
          {
            event: 'job_failed',
            queue: worker.name,
            job: job?.name,
            jobId: job?.id,
            attempts: job?.attemptsMade,
            reason: err.message,
          },
          'job failed',
        );
      });
      worker.on('error', (err: Error) =>
        this.logger.warn({ event: 'worker_error', queue: worker.name, reason: err.message }, 'worker error'),
      );
    }
  }
}
