import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from '../common/api-docs.js';

/** Route groups that hold a database connection for long (seconds at scale), each limited on its own. */
export type ExpensiveGroup = 'reports' | 'audit-verify' | 'overdue-scan' | 'exports' | 'sampling-runs';

export const EXPENSIVE = Symbol('expensive-route-group');

export const RETRY_AFTER_HEADER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
} as const;

/**
 * Marks a route as one of `group`: at most EXPENSIVE_ROUTE_CONCURRENCY of
 * the group run at once in a process; the next one answers 503 with
 * Retry-After at once instead of queueing for a database connection, so a
 * burst of them cannot take the pool from health checks and decision writes.
 */
export function Expensive(group: ExpensiveGroup): MethodDecorator {
  return applyDecorators(
    SetMetadata(EXPENSIVE, group),
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 503,
      description: `Too many requests of this kind (${group}) are running; try again after Retry-After seconds`,
      headers: RETRY_AFTER_HEADER,
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );
}
