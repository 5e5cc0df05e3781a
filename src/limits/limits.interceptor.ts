import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { finalize, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/request-context.decorator.js';
import { TooManyRequests, Unavailable } from '../common/domain-errors.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import { EXPENSIVE, type ExpensiveGroup } from './expensive.decorator.js';
import { RateLimiter } from './rate-limiter.js';

/** How long a caller turned away from a full expensive group is asked to wait: about one report's time. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * Runs after authentication (interceptors follow guards): counts the
 * caller's request against their per-minute limit (429), then, for a route
 * marked @Expensive, takes a slot of its group for as long as the handler
 * runs, a streamed download included (503 when the group is full).
 */
@Injectable()
export class LimitsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly rate: RateLimiter,
    private readonly concurrency: ConcurrencyLimiter,
  ) {}

  async intercept(host: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (host.getType() !== 'http') return next.handle();
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.context) {
      const retryAfter = await this.rate.hit(request.context.actor);
      if (retryAfter !== undefined) {
        throw new TooManyRequests(
          retryAfter,
          'Too many requests from this caller. Try again after Retry-After seconds.',
        );
      }
    }
    const group = this.reflector.get<ExpensiveGroup | undefined>(EXPENSIVE, host.getHandler());
    if (group === undefined) return next.handle();
    const release = this.concurrency.tryAcquire(group);
    if (!release) {
      throw new Unavailable(
        'busy',
        `Too many ${group} requests are running on this server. Try again after Retry-After seconds.`,
        BUSY_RETRY_AFTER_SECONDS,
      );
    }
    try {
      return next.handle().pipe(finalize(release));
    } catch (err) {
      release();
      throw err;
    }
  }
}
