import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import { Forbidden } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { DASHBOARD_SESSION_SECONDS, DashboardSessions } from './dashboard-sessions.js';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, isPlainHttpLoopback } from './queue-dashboard.js';

class DashboardSessionResponse {
  @ApiProperty({ example: '/queues' }) url: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Seconds the dashboard cookie lives.',
    example: DASHBOARD_SESSION_SECONDS,
  })
  expiresIn: number;
}

@ApiTags('operations')
@ApiAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly sessions: DashboardSessions) {}

  @Post('queue-dashboard/session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open the read-only queue dashboard (/queues) in this browser (admin)',
    description:
      'Sets a cookie holding an opaque session id (never the access token), valid 15 minutes, HttpOnly, ' +
      'SameSite=Strict, Path=/queues, and Secure unless the request came over plain HTTP from loopback. ' +
      'The dashboard only shows queues and jobs: it cannot pause, retry, remove or add anything.',
  })
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
  async session(
    @Ctx() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DashboardSessionResponse> {
    if (!ctx.ability.can('read', 'QueueDashboard')) throw new Forbidden('The queue dashboard is for administrators.');
    if (ctx.actor.kind !== 'user') throw new Forbidden('The queue dashboard needs a signed-in administrator.');
    const id = await this.sessions.open(ctx.actor);
    const secure = isPlainHttpLoopback(request) ? '' : '; Secure';
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${id}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${DASHBOARD_SESSION_SECONDS}${secure}`,
    );
    return { url: DASHBOARD_PATH, expiresIn: DASHBOARD_SESSION_SECONDS };
  }
}
