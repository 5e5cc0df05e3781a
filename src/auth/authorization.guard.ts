import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden } from '../common/domain-errors.js';
import { AUTHORIZE, type RoutePermission } from './authorize.decorator.js';
import type { AuthenticatedRequest } from './request-context.decorator.js';

/**
 * Global guard after authentication (guards run before pipes): a route marked
 * with @Authorize is refused to a caller that may not use it at all, before
 * validation could describe its body. CASL's `can(action, 'Type')` without a
 * record is true when any rule could allow it, so conditions are judged later
 * against the record, by the service.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(host: ExecutionContext): boolean {
    const permission = this.reflector.get<RoutePermission | undefined>(AUTHORIZE, host.getHandler());
    if (!permission) return true;
    const { context } = host.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!context) return true; // a public route; the authentication guard refused everything else already
    if (permission.actions.some((action) => context.ability.can(action, permission.subject))) return true;
    throw new Forbidden('You may not use this route.');
  }
}
