import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { AlertsService } from './alerts.service.js';
import { AcknowledgeAlertDto, AlertResponse, ListAlertsQuery, ScanResponse } from './dto.js';
import { Expensive } from '../limits/expensive.decorator.js';

@ApiTags('alerts')
@ApiAuth()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @ApiOperation({ summary: 'Alerts the caller may see, newest first' })
  @ApiPage(AlertResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListAlertsQuery): Promise<Page<AlertResponse>> {
    return this.alerts.list(ctx, query);
  }

  @Get('alerts/:id')
  @ApiOperation({ summary: 'One alert the caller may see (the link in its e-mail)' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<AlertResponse> {
    return this.alerts.get(ctx, id);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Acknowledge an open alert (commissioner; agency supervisors, or a competent authority's decision makers, for their agency)",
    description: 'The body may be empty or carry a `note`; any other field is refused (400).',
  })
  @ApiOkResponse({ type: AlertResponse })
  @ApiProblems(403, 404, 409)
  acknowledge(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: AcknowledgeAlertDto,
  ): Promise<AlertResponse> {
    return this.alerts.acknowledge(ctx, id, body.note ?? null);
  }

  @Post('jobs/overdue-scan')
  @Expensive('overdue-scan')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Run the overdue scan now (every clock: detentions, reviews, visits, recommendations) and return what it raised and resolved',
  })
  @ApiOkResponse({ type: ScanResponse })
  @ApiProblems(403)
  scan(@Ctx() ctx: RequestContext): Promise<ScanResponse> {
    return this.alerts.scanNow(ctx);
  }
}
