import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Metrics } from '../metrics/metrics.js';
import { JobQueues } from './job-queues.js';
import { QUEUES } from './queues.js';

/** `oversight_queue_jobs`: jobs per queue and state, read from Redis at scrape time, in every process. */
@Injectable()
export class QueueDepthGauge {
  constructor(metrics: Metrics, queues: JobQueues) {
    const depth = new Gauge({
      name: 'oversight_queue_jobs',
      help: 'Jobs per queue and state (read from Redis at scrape time)',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const name of Object.values(QUEUES)) {
          try {
            const counts = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
            for (const [state, n] of Object.entries(counts)) depth.set({ queue: name, state }, n);
          } catch {
            // Redis away: the gauge keeps its last values; readiness reports the outage.
          }
        }
      },
    });
  }
}
