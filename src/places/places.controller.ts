import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { CreatePlaceDto, ListPlacesQuery, PlaceResponse, UpdatePlaceDto } from './dto.js';
import { PlacesService } from './places.service.js';

@ApiTags('places')
@ApiAuth()
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a place of detention (the office; a supervisor for their own agency)' })
  @ApiCreatedResponse({ type: PlaceResponse })
  @ApiProblems(403, 422)
  create(@Ctx() ctx: RequestContext, @Body() body: CreatePlaceDto): Promise<PlaceResponse> {
    return this.places.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Places the caller may see' })
  @ApiPage(PlaceResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: ListPlacesQuery): Promise<Page<PlaceResponse>> {
    return this.places.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One place' })
  @ApiOkResponse({ type: PlaceResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<PlaceResponse> {
    return this.places.get(ctx, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a place (only the office changes active or agencyId; 409 deactivating one in use)' })
  @ApiOkResponse({ type: PlaceResponse })
  @ApiProblems(403, 404, 409, 422)
  update(@Ctx() ctx: RequestContext, @IdParam('id') id: string, @Body() body: UpdatePlaceDto): Promise<PlaceResponse> {
    return this.places.update(ctx, id, body);
  }
}
