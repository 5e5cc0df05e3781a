import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../common/domain-errors.js';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE, judgeConsoleRequest } from './domain/console-requests.js';

const REFUSALS = {
  console_header_missing: {
    code: 'console-header-required',
    detail: `This route is for the staff console: send the header ${CONSOLE_HEADER}: ${CONSOLE_HEADER_VALUE}.`,
  },
  cross_site: {
    code: 'cross-site-request',
    detail: 'Refused: the browser says this request comes from another site (Sec-Fetch-Site).',
  },
  foreign_origin: {
    code: 'cross-site-request',
    detail: 'Refused: the request’s Origin is not the host it was sent to.',
  },
} as const;

/** The CSRF rule of the cookie routes (domain/console-requests.ts), before anything reads the cookie. */
@Injectable()
export class ConsoleRequestGuard implements CanActivate {
  canActivate(host: ExecutionContext): boolean {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const refusal = judgeConsoleRequest({
      console: single(request.headers[CONSOLE_HEADER.toLowerCase()]),
      secFetchSite: single(request.headers['sec-fetch-site']),
      origin: single(request.headers.origin),
      host: request.host,
    });
    if (refusal) throw new Forbidden(REFUSALS[refusal].detail, REFUSALS[refusal].code);
    return true;
  }
}

/** A header sent more than once counts as malformed: none of these is ever a list. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? '' : value;
}
