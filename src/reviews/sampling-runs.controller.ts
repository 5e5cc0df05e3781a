import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { DrawVerificationService } from './draw-verification.service.js';
import { CreateSamplingRunDto, DrawVerificationResponse, SamplingRunResponse } from './dto.js';
import { SamplingRunsService } from './sampling-runs.service.js';
import { Expensive } from '../limits/expensive.decorator.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('reviews')
@ApiAuth()
@Controller('sampling-runs')
export class SamplingRunsController {
  constructor(
    private readonly runs: SamplingRunsService,
    private readonly verification: DrawVerificationService,
  ) {}

  @Post()
  @Expensive('sampling-runs')
  @Authorize('create', 'SamplingRun')
  @ApiOperation({ summary: 'Start a sampling run over a period (commissioner); drawn by a background job' })
  @ApiCreatedResponse({ type: SamplingRunResponse })
  @ApiProblems(403, 422)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateSamplingRunDto): Promise<SamplingRunResponse> {
    return this.runs.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Sampling runs, newest first (commissioner’s office)' })
  @ApiPage(SamplingRunResponse)
  @ApiProblems(403)
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<SamplingRunResponse>> {
    return this.runs.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One run with its strata (the seed for the commissioner only)' })
  @ApiOkResponse({ type: SamplingRunResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<SamplingRunResponse> {
    return this.runs.get(ctx, id);
  }

  @Get(':id/verification')
  @ApiOperation({
    summary:
      'Recompute a completed run’s draw from its seed over its population as at draw time, and name every record ' +
      'whose review differs from what the seed selects (commissioner)',
  })
  @ApiOkResponse({ type: DrawVerificationResponse })
  @ApiProblems(403, 404, 409)
  verify(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<DrawVerificationResponse> {
    return this.verification.verify(ctx, id);
  }
}
