import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { idFrom, JOBS, QUEUES } from '../../jobs/queues.js';
import { SamplingRunner } from '../sampling-runner.js';
import { SamplingRunsService } from '../sampling-runs.service.js';

@Processor(QUEUES.sampling)
export class SamplingProcessor extends WorkerHost {
  constructor(
    private readonly runner: SamplingRunner,
    private readonly runs: SamplingRunsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.runSampling:
        return this.runner.execute(idFrom(job.data, 'runId'));
      case JOBS.scheduleSampling:
        return { runId: (await this.runs.createScheduled()) ?? null };
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.sampling}`);
    }
  }
}
