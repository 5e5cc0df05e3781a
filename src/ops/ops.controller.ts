import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import { Forbidden } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from './queue-dashboard.js';

class DashboardSessionResponse {
  @ApiProperty({ example: '/queues' }) url: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seconds the dashboard cookie lives.' }) expiresIn: number;
}

@ApiTags('operations')
@ApiAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly config: AppConfig) {}

  @Post('queue-dashboard/session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the queue dashboard (/queues) in this browser (admin): sets a short-lived cookie' })
  @ApiOkResponse({
    type: DashboardSessionResponse,
    headers: {
      'Set-Cookie': {
        description: 'The dashboard cookie (HttpOnly, SameSite=Strict, scoped to /queues)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(403)
  session(
    @Ctx() ctx: RequestContext,
    // The raw request, not @Headers('authorization'): that would document the bearer scheme as a parameter.
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): DashboardSessionResponse {
    if (!ctx.ability.can('read', 'QueueDashboard')) throw new Forbidden('The queue dashboard is for administrators.');
    if (ctx.actor.kind !== 'user') throw new Forbidden('The queue dashboard needs a signed-in administrator.');
    const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const maxAge = this.config.auth.jwtExpiresInSeconds;
    const secure = this.config.http.publicBaseUrl.startsWith('https:') ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
    );
    return { url: DASHBOARD_PATH, expiresIn: maxAge };
  }
}
