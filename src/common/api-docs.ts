import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'reason' }) field: string;
  @ApiProperty({ example: 'reason must be at least 20 characters' }) message: string;
}

/** RFC 9457 problem details (`application/problem+json`). */
export class ProblemDto {
  @ApiProperty({ example: '/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'Echoes the X-Request-Id response header.' }) requestId?: string;
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request, unknown field or failed validation',
  401: 'Missing, invalid or expired credentials',
  403: 'Readable, but this action is not permitted',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'Content type is not JSON',
  422: 'Understood, but a rule refuses it',
  429: 'Too many requests or attempts; try again after Retry-After seconds',
};

/** Problem responses with their schema, for the statuses a route can produce. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...[...new Set([400, ...statuses])].map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

/** A route that needs a bearer JWT or an agency API key (and counts against the caller's rate limit: 429). */
export function ApiAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiProblems(401),
    ApiResponse({
      status: 429,
      description: 'The caller sent more than RATE_LIMIT_PER_MINUTE requests this minute',
      headers: { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } } },
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );
}

/** `{ items: T[], nextCursor }` with T's schema. */
export function ApiPage(item: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiResponse({
      status: 200,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    }),
  );
}
