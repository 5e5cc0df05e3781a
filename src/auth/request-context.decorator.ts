import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../common/request-context.js';
import { Unauthenticated } from '../common/domain-errors.js';

export type AuthenticatedRequest = FastifyRequest & { context?: RequestContext };

/** The caller's {@link RequestContext}, set by the authentication guard. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.context) throw new Unauthenticated();
  return request.context;
});
