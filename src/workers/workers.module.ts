import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AlertsProcessor, NotificationsProcessor } from '../alerts/jobs/alerts.processor.js';
import { ReportRollups } from '../reports/persistence/report-rollups.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { SamplingProcessor } from '../reviews/jobs/sampling.processor.js';
import { JobFailureMetrics } from './job-failure-metrics.js';
import { JobSchedules } from './job-schedules.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { WorkerDrain } from './worker-drain.js';

/** Job processors and schedules: only in processes that run workers (npm start by default, npm run start:worker). */
@Module({
  imports: [AlertsModule, AuthModule, ReviewsModule, DiscoveryModule],
  providers: [
    AlertsProcessor,
    NotificationsProcessor,
    SamplingProcessor,
    MaintenanceProcessor,
    ReportRollups,
    JobSchedules,
    JobFailureMetrics,
    WorkerDrain,
  ],
})
export class WorkersModule {}
