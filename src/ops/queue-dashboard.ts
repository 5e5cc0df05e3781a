import { isIP } from 'node:net';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokens } from '../auth/access-tokens.js';
import { JobQueues } from '../jobs/job-queues.js';
import { QUEUES } from '../jobs/queues.js';
import { DASHBOARD_SESSION_ID, DashboardSessions } from './dashboard-sessions.js';

export const DASHBOARD_PATH = '/queues';
export const DASHBOARD_COOKIE = 'oversight_queues';
const READ_ONLY = 'The queue dashboard is read-only: queues, jobs and schedules cannot be changed through it.';

/**
 * Bull Board at /queues, read-only, for administrators only. Pausing a queue
 * or removing a job scheduler there would silence the overdue alerts without
 * an audit event, so every queue is in Bull Board's read-only mode (its UI
 * hides the actions and its API answers 405) and, should a Bull Board
 * release ever let one through, every request other than GET or HEAD is
 * refused here before it reaches Bull Board.
 *
 * A browser cannot add a bearer header to page loads, so an admin first asks
 * for a dashboard session (POST /api/v1/ops/queue-dashboard/session), which
 * sets an opaque, short-lived session id as a cookie (DashboardSessions). A
 * bearer access token works too (scripts). Anyone else gets 404.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const tokens = app.get(AccessTokens);
  const sessions = app.get(DashboardSessions);
  const queues = app.get(JobQueues);
  const board = new BoardAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: true })),
    // @bull-board/fastify's published types lag @bull-board/api's by a patch version.
    serverAdapter: board as never,
    options: { uiConfig: { boardTitle: 'Oversight queues (read-only)' } },
  });
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const sessionId = cookie(request, DASHBOARD_COOKIE);
      if (sessionId !== undefined && !DASHBOARD_SESSION_ID.test(sessionId)) {
        return problem(
          reply,
          request,
          400,
          'malformed-dashboard-cookie',
          'The dashboard cookie is malformed; open a new dashboard session.',
        );
      }
      const token = bearer(request);
      const role = token
        ? (await tokens.verify(token))?.role
        : sessionId
          ? (await sessions.find(sessionId))?.role
          : undefined;
      if (role !== 'admin') return problem(reply, request, 404, undefined, 'No such resource.');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        void reply.header('allow', 'GET, HEAD');
        return problem(reply, request, 405, 'queue-dashboard-read-only', READ_ONLY);
      }
    });
    // Methods Bull Board has no route for would otherwise answer 404 outside this scope, unchecked by the hook.
    scope.route({
      method: ['POST', 'PUT', 'PATCH', 'DELETE'],
      url: `${DASHBOARD_PATH}/*`,
      handler: async (request, reply) => problem(reply, request, 405, 'queue-dashboard-read-only', READ_ONLY),
    });
    await scope.register(board.registerPlugin() as never, { prefix: DASHBOARD_PATH });
  });
}

/** Plain HTTP from this machine (a developer's browser on localhost): the one case a cookie may lack `Secure`. */
export function isPlainHttpLoopback(request: FastifyRequest): boolean {
  if (request.protocol !== 'http') return false;
  const ip = request.ip.replace(/^::ffff:/, '');
  return isIP(ip) === 4 ? ip.startsWith('127.') : ip === '::1';
}

async function problem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: 400 | 404 | 405,
  code: string | undefined,
  detail: string,
): Promise<void> {
  const title = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed' }[status];
  await reply
    .status(status)
    .type('application/problem+json')
    .send({ type: code ? `/problems/${code}` : 'about:blank', title, status, detail, requestId: request.id });
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.replace(/^Bearer\s+/i, '') : undefined;
}

/** The raw value of cookie `name` (not URL-decoded: a session id never needs it, and a bad escape must not throw). */
function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at >= 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
