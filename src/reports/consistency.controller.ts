import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { Authorize } from '../auth/authorize.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { Expensive } from '../limits/expensive.decorator.js';
import { ConsistencyQuery, ConsistencyResponse } from './consistency.dto.js';
import { ConsistencyService, type ConsistencyReport } from './consistency.service.js';
import { prefersToJson } from './domain/csv.js';

@ApiTags('reports')
@ApiAuth()
@Controller()
export class ConsistencyController {
  constructor(private readonly consistency: ConsistencyService) {}

  @Get('reports/consistency')
  @Expensive('reports')
  @Authorize('read', 'Report')
  @ApiOperation({
    summary: 'Do agencies decide consistently? A funnel plot of one rate (JSON, or SVG with Accept: image/svg+xml)',
    description:
      'Each compared agency with a non-zero denominator is a point (n, rate) against the pooled target, with exact ' +
      'binomial 95 % and 99.8 % limits (Spiegelhalter 2005), widened for over-dispersion when `overdispersion=auto` ' +
      'finds it. The period reads as in the agency report (default: the last 12 months). An agency caller sees its ' +
      'own point named and every other point without `agencyId` or `code`.',
  })
  @ApiProduces('application/json', 'image/svg+xml')
  @ApiExtraModels(ConsistencyResponse)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ConsistencyResponse) } },
      'image/svg+xml': { schema: { type: 'string', description: 'The funnel plot, with <title> and <desc>' } },
    },
  })
  @ApiProblems(400, 403, 422)
  async consistencyReport(
    @Ctx() ctx: RequestContext,
    @Query() query: ConsistencyQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsistencyReport | string> {
    void reply.header('vary', 'Accept');
    const report = await this.consistency.report(ctx, query);
    if (!prefersToJson(accept, 'image/svg+xml')) return report;
    void reply.type('image/svg+xml; charset=utf-8');
    return this.consistency.svg(report);
  }
}
