import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller.js';
import { AnnualReportService } from './annual-report.service.js';
import { AnonymisedExportService } from './anonymised-export.service.js';
import { ConsistencyController } from './consistency.controller.js';
import { ConsistencyService } from './consistency.service.js';
import { AnnualQueries } from './persistence/annual.queries.js';
import { ConsistencyQueries } from './persistence/consistency.queries.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [ReportsController, ConsistencyController, AnnualReportController],
  providers: [
    ReportsService,
    AnonymisedExportService,
    ConsistencyService,
    ConsistencyQueries,
    AnnualReportService,
    AnnualQueries,
  ],
})
export class ReportsModule {}
