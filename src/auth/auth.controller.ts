import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { LoginDto, MeResponse, PasswordResetDto, SetPasswordDto, TokenResponse } from './dto.js';
import { LoginService } from './login.service.js';
import { Public } from '../common/public.decorator.js';
import { PasswordLinks } from './password-links.js';
import { Ctx } from './request-context.decorator.js';
import { ConsoleRequestGuard } from './console-request.guard.js';
import { ConsoleSessions } from './console-sessions.js';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE } from './domain/console-requests.js';
import {
  CLEARED_COOKIE_HEADER,
  clearRefreshCookie,
  REFRESH_COOKIE,
  REFRESH_COOKIE_HEADER,
  withRefreshCookie,
} from './refresh-cookie.js';

const CONSOLE_REQUEST_HEADER = {
  name: CONSOLE_HEADER,
  required: true,
  schema: { type: 'string', enum: [CONSOLE_HEADER_VALUE] },
  description:
    'Marks a request of the staff console (CSRF): a form or link cannot send it, and a script of another origin ' +
    'only after a CORS preflight, never granted with credentials. Missing or another value: 403 ' +
    '`console-header-required`.',
};

const CROSS_SITE_RULE =
  'CSRF: without `X-Oversight-Console: 1` the answer is 403 `console-header-required`; a request whose ' +
  '`Sec-Fetch-Site` is neither `same-origin` nor `none`, or whose `Origin` names a host other than the one ' +
  'it was sent to, is 403 `cross-site-request`. The cookie is read only after these checks.';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly links: PasswordLinks,
    private readonly sessions: ConsoleSessions,
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
  @Post('auth/session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the staff console: an access token in the body, a refresh token in a cookie',
    description:
      'Same credentials, limits and answers as `POST /auth/login`, plus the refresh cookie: HttpOnly, Secure, ' +
      'SameSite=Strict, sent only to `/api/v1/auth`, living until the sign-in’s absolute end (SESSION_MAX_HOURS). ' +
      'Exchange it with `POST /auth/refresh` before SESSION_IDLE_MINUTES pass without one.',
  })
  @ApiOkResponse({ type: TokenResponse, headers: REFRESH_COOKIE_HEADER })
  @ApiProblems(401, 429)
  async startSession(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    return withRefreshCookie(reply, await this.sessions.start(body.email, body.password, request.ip));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @UseGuards(ConsoleRequestGuard)
  @ApiOperation({
    summary: 'Exchange the refresh cookie for a new access token and a new cookie (staff console)',
    description:
      'Each refresh token works once: the answer carries the sign-in’s next one. A token used before ends the ' +
      'whole sign-in (someone holds a copy), so refresh one request at a time. 401, and the cookie cleared, ' +
      'when the token is unknown, used, revoked, unused for SESSION_IDLE_MINUTES or past SESSION_MAX_HOURS, or ' +
      'the account was disabled, changed role or agency, or set a new password since the sign-in. ' +
      CROSS_SITE_RULE,
    security: [{ refreshCookie: [] }],
  })
  @ApiHeader(CONSOLE_REQUEST_HEADER)
  @ApiOkResponse({ type: TokenResponse, headers: REFRESH_COOKIE_HEADER })
  @ApiProblems(401, 403)
  async refreshSession(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    // Replaced by the new cookie on success; on a 401 the browser drops the dead one.
    clearRefreshCookie(reply);
    return withRefreshCookie(reply, await this.sessions.refresh(request.cookies[REFRESH_COOKIE]));
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @UseGuards(ConsoleRequestGuard)
  @ApiOperation({
    summary: 'Sign out of the staff console: the sign-in’s refresh tokens are revoked, the cookie cleared',
    description:
      'Access tokens already issued live on until they expire (JWT_EXPIRES_IN_SECONDS); the console forgets ' +
      'its own. 204 also without a cookie or with a dead one. ' +
      CROSS_SITE_RULE,
    security: [{ refreshCookie: [] }, {}],
  })
  @ApiHeader(CONSOLE_REQUEST_HEADER)
  @ApiNoContentResponse({ description: 'Signed out.', headers: CLEARED_COOKIE_HEADER })
  @ApiProblems(403)
  async endSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(request.cookies[REFRESH_COOKIE]);
    clearRefreshCookie(reply);
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
