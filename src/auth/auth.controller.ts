import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { LoginDto, MeResponse, PasswordResetDto, SetPasswordDto, TokenResponse } from './dto.js';
import { LoginService } from './login.service.js';
import { Public } from '../common/public.decorator.js';
import { PasswordLinks } from './password-links.js';
import { Ctx } from './request-context.decorator.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly links: PasswordLinks,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for an access token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(401, 429)
  signIn(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.login.login(body.email, body.password, request.ip);
  }

  @Public()
  @Post('auth/set-password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a password with the one-time token of an e-mailed link',
    description:
      'The token comes from the link e-mailed to a new account (or after a reset), valid 72 hours and once. ' +
      'Access tokens the user held before stop working.',
    security: [],
  })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it.' })
  @ApiProblems(422)
  setPassword(@Body() body: SetPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.links.setPassword(body.token, body.password, String(request.id));
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a set-password link by e-mail',
    description:
      'Always 202, whether or not the address belongs to an account: a known, enabled account is mailed a ' +
      'one-time link (at most one a minute).',
    security: [],
  })
  @ApiAcceptedResponse({ description: 'Accepted; a link is mailed if the address belongs to an enabled account.' })
  @ApiProblems()
  requestReset(@Body() body: PasswordResetDto, @Req() request: FastifyRequest): void {
    this.links.requestResetInBackground(body.email, String(request.id));
  }

  @Get('me')
  @ApiAuth()
  @ApiOperation({ summary: 'Who the caller is and what they may do' })
  @ApiOkResponse({ type: MeResponse })
  me(@Ctx() ctx: RequestContext): Promise<MeResponse> {
    return this.login.me(ctx);
  }
}
