import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { CreateUserDto, UserResponse } from './dto.js';
import { UsersService } from './users.service.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('administration')
@ApiAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Authorize('create', 'User')
  @ApiOperation({
    summary: 'Create a user (admin)',
    description:
      '`password` only for admin and analyst accounts; every account that can read case personal data gets a ' +
      'one-time set-password link by e-mail (valid 72 hours), and its creation is e-mailed to the commissioner’s office.',
  })
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

  @Post(':id/disable')
  @Authorize('update', 'User', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user (admin): their access tokens stop working at once' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(403, 404, 409)
  disable(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<UserResponse> {
    return this.users.setDisabled(ctx, id, true);
  }

  @Post(':id/enable')
  @Authorize('update', 'User', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user (admin); tokens issued before the disable stay refused' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(403, 404)
  enable(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<UserResponse> {
    return this.users.setDisabled(ctx, id, false);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<UserResponse> {
    return this.users.get(ctx, id);
  }
}
