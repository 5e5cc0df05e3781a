import { Module } from '@nestjs/common';
import { AnonymisedExportService } from './anonymised-export.service.js';
import { ConsistencyController } from './consistency.controller.js';
import { ConsistencyService } from './consistency.service.js';
import { ConsistencyQueries } from './persistence/consistency.queries.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [ReportsController, ConsistencyController],
  providers: [ReportsService, AnonymisedExportService, ConsistencyService, ConsistencyQueries],
})
export class ReportsModule {}
