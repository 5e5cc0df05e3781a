import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { LoginDto, MeResponse, TokenResponse } from './dto.js';
import { LoginService } from './login.service.js';
import { Public } from '../common/public.decorator.js';
import { Ctx } from './request-context.decorator.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly login: LoginService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for an access token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(401, 429)
  signIn(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.login.login(body.email, body.password, request.ip);
  }

  @Get('me')
  @ApiAuth()
  @ApiOperation({ summary: 'Who the caller is and what they may do' })
  @ApiOkResponse({ type: MeResponse })
  me(@Ctx() ctx: RequestContext): Promise<MeResponse> {
    return this.login.me(ctx);
  }
}
