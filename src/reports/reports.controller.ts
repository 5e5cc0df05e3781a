import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { AnonymisedExportService, K_HEADER, PUBLISHED_HEADER, SUPPRESSED_HEADER } from './anonymised-export.service.js';
import { csvAttachment, csvDownload } from './csv-download.js';
import { agenciesReportCsv, type AgenciesReport } from './domain/agency-report.js';
import { prefersCsv } from './domain/csv.js';
import { AgenciesReportResponse, AnonymisedExportQuery, ReportPeriodQuery } from './dto.js';
import { ReportsService } from './reports.service.js';
import { Expensive } from '../limits/expensive.decorator.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('reports')
@ApiAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: AnonymisedExportService,
  ) {}

  @Get('reports/agencies')
  @Expensive('reports')
  @Authorize('read', 'Report')
  @ApiOperation({
    summary: 'Per-agency oversight figures for a period (JSON, or CSV with Accept: text/csv)',
    description:
      'Agencies the caller may read reports for. Cases by state counts cases first encountered in the period; ' +
      'decisions, alerts and concluded reviews count those in the period; each median counts steps that ended ' +
      'in it; detention figures are as of `generatedAt`. Recommendations count those issued in the period, each ' +
      'in its state now (open and overdue as of `generatedAt`). Without `from` and `to` the period is the 12 months up ' +
      'to now (one of them alone: 12 months from or to it); `period` says which period was used and whether it ' +
      'was defaulted. Dates (`YYYY-MM-DD`) mean 00:00 UTC.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(AgenciesReportResponse)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AgenciesReportResponse) } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180, header row, one row per agency' } },
    },
  })
  @ApiProblems(403, 422)
  async agencies(
    @Ctx() ctx: RequestContext,
    @Query() query: ReportPeriodQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgenciesReport | string> {
    void reply.header('vary', 'Accept');
    const report = await this.reports.agencies(ctx, query);
    return prefersCsv(accept) ? csvAttachment(reply, 'agency-report.csv', agenciesReportCsv(report)) : report;
  }

  @Get('exports/anonymised')
  @Expensive('exports')
  @Authorize('read', 'AnonymisedExport')
  @ApiOperation({
    summary: 'Anonymised, k-anonymous case data for research and publication (commissioner, analyst; CSV)',
    description:
      'One row per combination of generalised quasi-identifiers (age band, sex, nationality, encounter kind, ' +
      'encounter year, indicator categories, final state) with the number of cases sharing it; combinations ' +
      'shared by fewer than EXPORT_K cases are left out and counted in X-Suppressed-Rows. `from`/`to` filter ' +
      'on the encounter time, read as in the agency report; without them every case is exported. Every export ' +
      'is written to the audit log.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    headers: {
      [SUPPRESSED_HEADER]: {
        description: 'Cases left out because their combination is rarer than k',
        schema: { type: 'integer' },
      },
      [PUBLISHED_HEADER]: {
        description: 'Cases the published rows stand for (the sum of `count`)',
        schema: { type: 'integer' },
      },
      [K_HEADER]: { description: 'The k every published row meets', schema: { type: 'integer' } },
      'Content-Disposition': {
        description: 'An attachment, with the file name',
        required: true,
        schema: { type: 'string', example: 'attachment; filename="anonymised-cases.csv"' },
      },
    },
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems(403, 422)
  anonymised(
    @Ctx() ctx: RequestContext,
    @Query() query: AnonymisedExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.exports.export(ctx, query, csvDownload(reply, 'anonymised-cases.csv'));
  }
}
