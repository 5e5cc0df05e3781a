import { Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AuditService } from './audit.service.js';
import type { VerifyReport } from './audit-verifier.js';
import {
  AuditEventResponse,
  CheckpointExportResponse,
  CheckpointResponse,
  ListAuditEventsQuery,
  VerifyQuery,
  VerifyResponse,
} from './dto.js';
import { Expensive } from '../limits/expensive.decorator.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('audit')
@ApiAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  @Authorize('read', 'AuditEvent')
  @ApiOperation({ summary: 'Audit events with payloads (commissioner)' })
  @ApiPage(AuditEventResponse)
  @ApiProblems(403)
  events(@Ctx() ctx: RequestContext, @Query() query: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
    return this.audit.events(ctx, query);
  }

  @Get('verify')
  @Expensive('audit-verify')
  @ApiOperation({
    summary: 'Recompute every chain, checkpoint and signature (commissioner, admin)',
    description:
      'Also holds decision records, detention episodes and case projections to the decision stream. ' +
      'Pass `head`, a checkpoint root kept elsewhere, to prove no checkpoint after it was removed.',
  })
  @ApiOkResponse({ type: VerifyResponse })
  @ApiProblems(400, 403)
  verify(@Ctx() ctx: RequestContext, @Query() query: VerifyQuery): Promise<VerifyReport> {
    return this.audit.verify(ctx, query);
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Signed checkpoints with the public key, to keep outside this system' })
  @ApiOkResponse({ type: CheckpointExportResponse })
  @ApiProblems(403)
  checkpoints(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<CheckpointExportResponse> {
    return this.audit.checkpoints(ctx, query);
  }

  @Post('checkpoints')
  @ApiOperation({
    summary: 'Seal a signed checkpoint now (commissioner, admin)',
    description:
      'Seals the heads of every chain that grew since the last checkpoint, as the scheduled job does, and records ' +
      'the request in the audit log first so the checkpoint covers it. 201 with the new checkpoint; 200 with the ' +
      'latest one when nothing committed since it (409 if there is none yet).',
  })
  @ApiCreatedResponse({ type: CheckpointResponse, description: 'Sealed now.' })
  @ApiOkResponse({ type: CheckpointResponse, description: 'Nothing new to seal: the latest checkpoint.' })
  @ApiProblems(403, 409)
  async seal(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CheckpointResponse> {
    const { sealed, checkpoint } = await this.audit.seal(ctx);
    void reply.status(sealed ? HttpStatus.CREATED : HttpStatus.OK);
    return checkpoint;
  }
}
