import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, NotFound } from '../common/domain-errors.js';
import { isUuid } from '../common/ids.js';
import { AUTHORIZE, type RoutePermission } from './authorize.decorator.js';
import { RecordReaders } from './record-readers.js';
import type { AuthenticatedRequest } from './request-context.decorator.js';

/**
 * Global guard after authentication (guards run before pipes): a route marked
 * with @Authorize is refused to a caller that may not use it at all, before
 * validation could describe its body. CASL's `can(action, 'Type')` without a
 * record is true when any rule could allow it, so conditions are judged later
 * against the record, by the service. A refused route that names a record
 * answers as the service would: 404 when the caller may not read it, else 403.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly readers: RecordReaders,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.get<RoutePermission | undefined>(AUTHORIZE, host.getHandler());
    if (!permission) return true;
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const { context } = request;
    if (!context) return true; // a public route; the authentication guard refused everything else already
    if (permission.actions.some((action) => context.ability.can(action, permission.subject))) return true;
    if (permission.record) {
      const subject = permission.record.subject ?? permission.subject;
      const id = (request.params as Record<string, string | undefined>)[permission.record.param];
      if (
        !id ||
        !isUuid(id) ||
        !(await this.readers.readable(subject, context.ability, id.toLowerCase(), context.actor))
      ) {
        throw new NotFound(`The ${subject === 'ApiKey' ? 'API key' : subject.toLowerCase()}`);
      }
    }
    throw new Forbidden('You may not use this route.');
  }
}
