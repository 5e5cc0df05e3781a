import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize } from '../auth/authorize.decorator.js';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems, IDEMPOTENT_REPLAYED } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import type { IdempotentResult } from '../idempotency/idempotency.js';
import {
  AddEvidenceDto,
  AssignInvestigatorsDto,
  CloseInvestigationDto,
  CommentInvestigationDto,
  CreateInvestigationDto,
  DraftInvestigationDto,
  InvestigationResponse,
  ListInvestigationsQuery,
  PublishInvestigationDto,
} from './dto.js';
import { InvestigationsService } from './investigations.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: the first response again, nothing new written. Same key, other body: 422.',
};

@ApiTags('investigations')
@ApiAuth()
@Controller('investigations')
export class InvestigationsController {
  constructor(private readonly investigations: InvestigationsService) {}

  @Post()
  @Authorize('create', 'Investigation')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Open an investigation of agencies (and places they run) the office oversees (commissioner)',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: InvestigationResponse, headers: IDEMPOTENT_REPLAYED })
  @ApiProblems(403, 422)
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateInvestigationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvestigationResponse> {
    return replayAware(reply, await this.investigations.create(ctx, body, key));
  }

  @Get()
  @ApiOperation({
    summary:
      'Investigations the caller may read, in id order: the office all; an agency in scope from the draft on, ' +
      'without what the office keeps to itself',
  })
  @ApiPage(InvestigationResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListInvestigationsQuery): Promise<Page<InvestigationResponse>> {
    return this.investigations.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One investigation as the caller may see it, with what the caller may do now' })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<InvestigationResponse> {
    return this.investigations.get(ctx, id);
  }

  @Post(':id/investigators')
  @Authorize('assign_investigators', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the investigators: reviewers without a conflict with any agency in scope (open)' })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  investigators(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: AssignInvestigatorsDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'assign_investigators', ...body });
  }

  @Post(':id/evidence')
  @Authorize('add_evidence', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Link a case, decision record, review, visit or alert of an agency or place in scope (open)',
  })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  evidence(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: AddEvidenceDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'add_evidence', ...body });
  }

  @Post(':id/draft')
  @Authorize('draft', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send the draft report and proposed recommendations to the agencies in scope for comment on its facts ' +
      '(open → factual_accuracy)',
  })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  draft(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: DraftInvestigationDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'draft', ...body });
  }

  @Post(':id/comment')
  @Authorize('comment', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An agency in scope comments on the draft’s facts (its supervisor; a decision maker for the competent ' +
      'authority), within INVESTIGATION_COMMENT_DAYS of the draft',
  })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  comment(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: CommentInvestigationDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'comment', ...body });
  }

  @Post(':id/publish')
  @Authorize('publish', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish the final report (frozen) and issue the proposed recommendations, source investigation ' +
      '(factual_accuracy → published)',
  })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  publish(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: PublishInvestigationDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'publish', ...body });
  }

  @Post(':id/close_without_findings')
  @Authorize('close_without_findings', 'Investigation', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an open investigation without findings, with a reason (open → closed)' })
  @ApiOkResponse({ type: InvestigationResponse })
  @ApiProblems(403, 404, 409, 422)
  close(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() { expectedVersion, ...body }: CloseInvestigationDto,
  ): Promise<InvestigationResponse> {
    return this.investigations.act(ctx, id, expectedVersion, { type: 'close_without_findings', ...body });
  }
}

function replayAware<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}
