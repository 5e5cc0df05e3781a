import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defineAbilityFor } from '../authz/domain/abilities.js';
import { Unauthenticated } from '../common/domain-errors.js';
import { AccessTokens } from './access-tokens.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { isApiKeyToken } from './api-key-secret.js';
import { IS_PUBLIC } from '../common/public.decorator.js';
import type { AuthenticatedRequest } from './request-context.decorator.js';

/** Global guard: every route needs a bearer JWT or API key unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger(AuthenticationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer\s+\S+$/i.test(header)) {
      throw new Unauthenticated();
    }
    const token = header.replace(/^Bearer\s+/i, '');
    const viaApiKey = isApiKeyToken(token);
    const actor = viaApiKey ? await this.apiKeys.authenticate(token) : await this.tokens.verify(token);
    if (!actor) {
      // Never the token itself: only that a credential of this kind was refused.
      this.logger.warn(
        { event: 'authentication_failed', credential: viaApiKey ? 'api_key' : 'jwt', requestId: request.id },
        'authentication failed',
      );
      throw new Unauthenticated('The token or API key is invalid, expired or revoked.');
    }
    request.context = { actor, ability: defineAbilityFor(actor), requestId: String(request.id) };
    return true;
  }
}
