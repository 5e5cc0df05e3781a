import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Authorize } from '../auth/authorize.decorator.js';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { Expensive } from '../limits/expensive.decorator.js';
import { AnnualReportService } from './annual-report.service.js';

export class AnnualReportQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2000,
    maximum: 9999,
    description: 'A calendar year (UTC), not after the current one. Default: the last complete year.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;
}

@ApiTags('reports')
@ApiAuth()
@Controller()
export class AnnualReportController {
  constructor(private readonly annual: AnnualReportService) {}

  @Get('reports/annual')
  @Expensive('reports')
  @Authorize('read', 'AnnualReport')
  @ApiOperation({
    summary: 'The annual report: a print-ready HTML document (commissioner, reviewer, analyst)',
    description:
      'Cases and decisions per agency, median times between decisions, detentions and overdue-detention alerts, ' +
      'the review sample and its findings with Wilson intervals, one funnel plot per consistency metric, and ' +
      'visits with their findings by severity, for one calendar year. Every figure an API route also reports comes ' +
      'from that route’s own computation for the same period. No script, no personal data, no free text from ' +
      'case records.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    content: { 'text/html': { schema: { type: 'string', description: 'An HTML document (A4 print)' } } },
  })
  @ApiProblems(400, 403, 422)
  async annualReport(
    @Ctx() ctx: RequestContext,
    @Query() query: AnnualReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.annual.html(ctx, query);
    void reply.type('text/html; charset=utf-8');
    return html;
  }
}
