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
import { ComplaintsService } from './complaints.service.js';
import {
  ComplaintQuery,
  ComplaintResponse,
  CreateComplaintDto,
  ListComplaintsQuery,
  TriageComplaintDto,
} from './dto.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: the first response again, nothing new written. Same key, other body: 422.',
};

@ApiTags('complaints')
@ApiAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Authorize('create', 'Complaint')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a complaint (commissioner, reviewer); the complainant’s name and contact are encrypted',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ComplaintResponse, headers: IDEMPOTENT_REPLAYED })
  @ApiProblems(403, 422)
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateComplaintDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintResponse> {
    return replayAware(reply, await this.complaints.create(ctx, body, key));
  }

  @Get()
  @ApiOperation({
    summary: 'Complaints, in id order, without the complainant (the office; every other caller an empty list)',
  })
  @ApiPage(ComplaintResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListComplaintsQuery): Promise<Page<ComplaintResponse>> {
    return this.complaints.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One complaint; with include=pii its complainant, for a reader who may read personal data (audited)',
  })
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiProblems(404)
  get(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Query() query: ComplaintQuery,
  ): Promise<ComplaintResponse> {
    return this.complaints.get(ctx, id, query.include === 'pii');
  }

  @Post(':id/triage')
  @Authorize('triage', 'Complaint', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Triage a complaint, once (commissioner): investigate (opens an investigation), refer_to_review (reviews of ' +
      'the named cases’ latest decisions) or no_action',
  })
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiProblems(403, 404, 409, 422)
  triage(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: TriageComplaintDto,
  ): Promise<ComplaintResponse> {
    return this.complaints.triage(ctx, id, body);
  }
}

function replayAware<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}
