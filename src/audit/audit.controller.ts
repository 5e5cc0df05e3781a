import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AuditService } from './audit.service.js';
import type { VerifyReport } from './audit-verifier.js';
import { AuditEventResponse, CheckpointExportResponse, ListAuditEventsQuery, VerifyResponse } from './dto.js';
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
  @ApiOperation({ summary: 'Recompute every chain, checkpoint and signature (commissioner, admin)' })
  @ApiOkResponse({ type: VerifyResponse })
  @ApiProblems(403)
  verify(@Ctx() ctx: RequestContext): Promise<VerifyReport> {
    return this.audit.verify(ctx);
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Signed checkpoints with the public key, to keep outside this system' })
  @ApiOkResponse({ type: CheckpointExportResponse })
  @ApiProblems(403)
  checkpoints(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<CheckpointExportResponse> {
    return this.audit.checkpoints(ctx, query);
  }
}
