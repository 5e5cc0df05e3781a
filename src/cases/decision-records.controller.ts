import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { DecisionRecordsService } from './decision-records.service.js';
import { DecisionRecordDetailResponse, DecisionRecordSearchItem } from './dto/case.response.js';
import { ListDecisionRecordsQuery } from './dto/list-decision-records.query.js';

@ApiTags('decision-records')
@ApiAuth()
@Controller('decision-records')
export class DecisionRecordsController {
  constructor(private readonly records: DecisionRecordsService) {}

  @Get()
  @ApiOperation({ summary: 'Decision records of every case the caller may read, newest first (no PII)' })
  @ApiPage(DecisionRecordSearchItem)
  search(
    @Ctx() ctx: RequestContext,
    @Query() query: ListDecisionRecordsQuery,
  ): Promise<Page<DecisionRecordSearchItem>> {
    return this.records.search(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One decision record with its case’s fields (no PII)' })
  @ApiOkResponse({ type: DecisionRecordDetailResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<DecisionRecordDetailResponse> {
    return this.records.get(ctx, id);
  }
}
