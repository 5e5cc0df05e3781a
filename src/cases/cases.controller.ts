import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems, IDEMPOTENT_REPLAYED } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import type { IdempotentResult } from '../idempotency/idempotency.js';
import { CasesService } from './cases.service.js';
import {
  CaseResponse,
  CaseSummaryResponse,
  CaseVerificationResponse,
  DecisionRecordResponse,
  RecordDecisionResponse,
} from './dto/case.response.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { GetCaseQuery, ListCasesQuery } from './dto/list-cases.query.js';
import { RecordDecisionDto } from './dto/record-decision.dto.js';
import { Authorize } from '../auth/authorize.decorator.js';
import { DECISION_TYPES } from './domain/identification.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: the first response again, nothing new written. Same key, other body: 422.',
};

@ApiTags('cases')
@ApiAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Authorize('create', 'Case')
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a case (frontline officers, for their own agency)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: CaseResponse, headers: IDEMPOTENT_REPLAYED })
  @ApiProblems(403, 409, 422)
  async open(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateCaseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseResponse> {
    return replayAware(reply, await this.cases.open(ctx, body, key));
  }

  @Get()
  @ApiOperation({ summary: 'Cases the caller may read, oldest change first (no PII in lists)' })
  @ApiPage(CaseSummaryResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListCasesQuery): Promise<Page<CaseSummaryResponse>> {
    return this.cases.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One case, with what the caller may decide now; PII only with include=pii (and that read is audited)',
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Query() query: GetCaseQuery): Promise<CaseResponse> {
    return this.cases.get(ctx, id, query.include === 'pii');
  }

  @Get(':id/verification')
  @ApiOperation({
    summary: 'Whether the case’s audit chain verifies, checked now (anyone who may read the case)',
    description:
      'Re-walks the case’s chain in one snapshot: each event’s hash and link, each signed checkpoint head, and the ' +
      'chain’s end against the head kept on the case. Checkpoint signatures, decision records and projections ' +
      'are held across the whole log by `GET /audit/verify`.',
  })
  @ApiOkResponse({ type: CaseVerificationResponse })
  @ApiProblems(404)
  verification(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<CaseVerificationResponse> {
    return this.cases.verification(ctx, id);
  }

  @Post(':id/decisions')
  @Authorize(DECISION_TYPES, 'Case', { param: 'id' })
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a decision on the case version you read (409 if it moved on)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: RecordDecisionResponse, headers: IDEMPOTENT_REPLAYED })
  @ApiProblems(403, 404, 409, 422)
  async decide(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: RecordDecisionDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordDecisionResponse> {
    return replayAware(reply, await this.cases.recordDecision(ctx, id, body, key));
  }

  @Get(':id/decisions')
  @ApiOperation({ summary: 'The case’s decision records in sequence order' })
  @ApiPage(DecisionRecordResponse)
  @ApiProblems(404)
  decisions(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DecisionRecordResponse>> {
    return this.cases.decisions(ctx, id, query);
  }
}

function replayAware<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}
