import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import { PageQueryDto } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { Ctx } from '../auth/request-context.decorator.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyResponse, CreateAgencyDto } from './dto.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('administration')
@ApiAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @Authorize('create', 'Agency')
  @ApiOperation({ summary: 'Create an agency (admin)' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiProblems(403, 409)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Agencies the caller may see' })
  @ApiPage(AgencyResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<AgencyResponse>> {
    return this.agencies.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agency' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<AgencyResponse> {
    return this.agencies.get(ctx, id);
  }
}
