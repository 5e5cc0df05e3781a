import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { CreateUserDto, UserResponse } from './dto.js';
import { UsersService } from './users.service.js';

@ApiTags('administration')
@ApiAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(403, 409, 422)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.users.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Users the caller may see' })
  @ApiPage(UserResponse)
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<UserResponse> {
    return this.users.get(ctx, id);
  }
}
