import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize } from '../auth/authorize.decorator.js';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems, IDEMPOTENT_REPLAYED } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import type { IdempotentResult } from '../idempotency/idempotency.js';
import { csvAttachment } from '../reports/csv-download.js';
import { prefersCsv } from '../reports/domain/csv.js';
import {
  CreateRecommendationDto,
  ListRecommendationsQuery,
  ProgressRecommendationDto,
  RecommendationResponseDto,
  RespondRecommendationDto,
  VerifyRecommendationDto,
  WithdrawRecommendationDto,
} from './dto.js';
import { RecommendationsService } from './recommendations.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: the first response again, nothing new written. Same key, other body: 422.',
};

@ApiTags('recommendations')
@ApiAuth()
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Post()
  @Authorize('create', 'Recommendation')
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a recommendation to a frontline agency or the competent authority (commissioner)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: RecommendationResponseDto, headers: IDEMPOTENT_REPLAYED })
  @ApiProblems(403, 422)
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateRecommendationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecommendationResponseDto> {
    return replayAware(reply, await this.recommendations.create(ctx, body, key));
  }

  @Get()
  @ApiOperation({
    summary:
      'The register: recommendations the caller may read, in id order (JSON, or the same page as CSV with ' +
      'Accept: text/csv and the next page’s cursor in the Next-Cursor header)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiPage(RecommendationResponseDto)
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListRecommendationsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<RecommendationResponseDto> | string> {
    void reply.header('vary', 'Accept');
    if (!prefersCsv(accept)) return this.recommendations.list(ctx, query);
    const { csv, nextCursor } = await this.recommendations.listCsv(ctx, query);
    if (nextCursor !== null) void reply.header('next-cursor', nextCursor);
    return csvAttachment(reply, 'recommendations.csv', csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One recommendation with its dated history and what the caller may do now' })
  @ApiOkResponse({ type: RecommendationResponseDto })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<RecommendationResponseDto> {
    return this.recommendations.get(ctx, id);
  }

  @Post(':id/respond')
  @Authorize('respond', 'Recommendation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The addressed agency answers (its supervisor; a decision maker for the competent authority): accepted ' +
      '(targetDate), partially_accepted (targetDate, reason ≥ 20) or rejected (reason ≥ 20)',
  })
  @ApiOkResponse({ type: RecommendationResponseDto })
  @ApiProblems(403, 404, 409, 422)
  respond(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: RespondRecommendationDto,
  ): Promise<RecommendationResponseDto> {
    return this.recommendations.act(ctx, id, expectedVersion, { type: 'respond', ...body });
  }

  @Post(':id/progress')
  @Authorize('progress', 'Recommendation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'The addressee reports progress: in_progress (a dated note) or implemented (note and evidence)',
  })
  @ApiOkResponse({ type: RecommendationResponseDto })
  @ApiProblems(403, 404, 409, 422)
  progress(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: ProgressRecommendationDto,
  ): Promise<RecommendationResponseDto> {
    return this.recommendations.act(ctx, id, expectedVersion, { type: 'progress', ...body });
  }

  @Post(':id/verify')
  @Authorize('verify', 'Recommendation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The commissioner verifies a claimed implementation: verified, or not_verified (note ≥ 20, new targetDate)',
  })
  @ApiOkResponse({ type: RecommendationResponseDto })
  @ApiProblems(403, 404, 409, 422)
  verify(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: VerifyRecommendationDto,
  ): Promise<RecommendationResponseDto> {
    return this.recommendations.act(ctx, id, expectedVersion, { type: 'verify', ...body });
  }

  @Post(':id/withdraw')
  @Authorize('withdraw', 'Recommendation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'The commissioner withdraws a recommendation not yet in a final state, with a reason' })
  @ApiOkResponse({ type: RecommendationResponseDto })
  @ApiProblems(403, 404, 409, 422)
  withdraw(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: WithdrawRecommendationDto,
  ): Promise<RecommendationResponseDto> {
    return this.recommendations.act(ctx, id, expectedVersion, { type: 'withdraw', ...body });
  }
}

function replayAware<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}
