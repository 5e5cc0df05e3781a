import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokens } from '../auth/access-tokens.js';
import { JobQueues } from '../jobs/job-queues.js';
import { QUEUES } from '../jobs/queues.js';

export const DASHBOARD_PATH = '/queues';
export const DASHBOARD_COOKIE = 'oversight_queues';

/**
 * Bull Board at /queues, for administrators only. A browser cannot add a
 * bearer header to page loads, so an admin first asks for a dashboard
 * session (POST /api/v1/ops/queue-dashboard/session), which sets their
 * access token as an HttpOnly, SameSite=Strict cookie scoped to /queues.
 * Every dashboard request, page or API, is checked; anyone else gets 404.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const tokens = app.get(AccessTokens);
  const queues = app.get(JobQueues);
  const board = new BoardAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: false })),
    // @bull-board/fastify's published types lag @bull-board/api's by a patch version.
    serverAdapter: board as never,
    options: { uiConfig: { boardTitle: 'Oversight queues' } },
  });
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = bearer(request) ?? cookie(request, DASHBOARD_COOKIE);
      const actor = token ? await tokens.verify(token) : undefined;
      if (actor?.role !== 'admin') {
        await reply.status(404).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'No such resource.',
          requestId: request.id,
        });
      }
    });
    await scope.register(board.registerPlugin() as never, { prefix: DASHBOARD_PATH });
  });
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.replace(/^Bearer\s+/i, '') : undefined;
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
