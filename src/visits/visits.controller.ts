import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import type { IdempotentResult } from '../idempotency/idempotency.js';
import {
  AssignTeamDto,
  CancelVisitDto,
  CreateVisitDto,
  CreateVisitPlanDto,
  ListVisitsQuery,
  RecordFindingDto,
  ReportVisitDto,
  RollQuery,
  RollResponse,
  StartVisitDto,
  VisitPlanResponse,
  VisitPlanSummaryResponse,
  VisitResponse,
} from './dto.js';
import { VisitsService } from './visits.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: the first response again, nothing new written. Same key, other body: 422.',
};

@ApiTags('visits')
@ApiAuth()
@Controller('visit-plans')
export class VisitPlansController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Draw a plan of unannounced visits, weighted by risk (the commissioner)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: VisitPlanResponse })
  @ApiProblems(403, 422)
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateVisitPlanDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VisitPlanResponse> {
    return replayAware(reply, await this.visits.createPlan(ctx, body, key));
  }

  @Get()
  @ApiOperation({ summary: 'Visit plans, newest first (the office; agencies get an empty list)' })
  @ApiPage(VisitPlanSummaryResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<VisitPlanSummaryResponse>> {
    return this.visits.listPlans(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One plan: its visits and every place considered with its risk inputs' })
  @ApiOkResponse({ type: VisitPlanResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<VisitPlanResponse> {
    return this.visits.getPlan(ctx, id);
  }
}

@ApiTags('visits')
@ApiAuth()
@Controller('visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Arrange an ad-hoc visit (the commissioner)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: VisitResponse })
  @ApiProblems(403, 422)
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateVisitDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VisitResponse> {
    return replayAware(reply, await this.visits.createVisit(ctx, body, key));
  }

  @Get()
  @ApiOperation({ summary: 'Visits the caller may see (agencies: their own, once started)' })
  @ApiPage(VisitResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListVisitsQuery): Promise<Page<VisitResponse>> {
    return this.visits.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One visit (agencies: once started; never the team; findings once reported)' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<VisitResponse> {
    return this.visits.get(ctx, id);
  }

  @Get(':id/roll')
  @ApiOperation({
    summary: 'Everyone detained at the place now (team and commissioner, while in progress; include=pii is audited)',
  })
  @ApiOkResponse({ type: RollResponse })
  @ApiProblems(403, 404, 409)
  roll(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Query() query: RollQuery) {
    return this.visits.roll(ctx, id, query);
  }

  @Post(':id/team')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the team (the commissioner; reviewers without a conflict; until reported)' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(403, 404, 409, 422)
  team(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: AssignTeamDto) {
    return this.visits.assignTeam(ctx, id, body);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the arrival (the commissioner or a team member); the agency sees it from now' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(403, 404, 409)
  start(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: StartVisitDto) {
    return this.visits.start(ctx, id, body);
  }

  @Post(':id/findings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a finding while in progress (cases at the place or of its agency)' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(403, 404, 409, 422)
  findings(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: RecordFindingDto) {
    return this.visits.recordFinding(ctx, id, body);
  }

  @Post(':id/report')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report the visit; its findings are frozen from now (the database refuses changes)' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(403, 404, 409)
  report(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: ReportVisitDto) {
    return this.visits.report(ctx, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a visit before it starts (the commissioner)' })
  @ApiOkResponse({ type: VisitResponse })
  @ApiProblems(403, 404, 409)
  cancel(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: CancelVisitDto) {
    return this.visits.cancel(ctx, id, body);
  }
}

function replayAware<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}
