import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AlertsProcessor, NotificationsProcessor } from '../alerts/jobs/alerts.processor.js';
import { JobSchedules } from './job-schedules.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

/** Job processors and schedules: only in processes that run workers (npm start by default, npm run start:worker). */
@Module({
  imports: [AlertsModule],
  providers: [AlertsProcessor, NotificationsProcessor, MaintenanceProcessor, JobSchedules],
})
export class WorkersModule {}
