import { Module } from '@nestjs/common';
import { AnonymisedExportService } from './anonymised-export.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, AnonymisedExportService],
})
export class ReportsModule {}
