import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { WorkerReadiness } from '../jobs/worker-readiness.js';
import { HealthController } from './health.controller.js';
import { ReadinessChecks, EXTRA_READINESS_CHECKS } from './readiness-checks.js';

@Module({})
export class HealthModule {
  /** Processes that run workers also prove, when asked if ready, that a job completes. */
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        ReadinessChecks,
        WorkerReadiness,
        {
          provide: EXTRA_READINESS_CHECKS,
          inject: [WorkerReadiness],
          useFactory: (jobs: WorkerReadiness) => (options.workers ? [() => jobs.check()] : []),
        },
      ],
      exports: [ReadinessChecks],
    };
  }
}
