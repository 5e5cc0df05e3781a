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

/**
 * RFC 9457 problem details (`application/problem+json`), with the extension members a client needs to
 * recover (each present only on the problem types named in its description).
 */
export class ProblemDto {
  @ApiProperty({
    example: '/problems/validation-failed',
    description: 'A relative URI naming the problem, or `about:blank`',
  })
  type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'Echoes the X-Request-Id response header.' }) requestId?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: '`version-conflict` on a case: the version to send as `expectedVersion` after reloading.',
  })
  currentVersion?: number;
  @ApiPropertyOptional({
    description: '`version-conflict` and `decision-not-allowed`: the case’s state now.',
    example: 'screening',
  })
  state?: string;
  @ApiPropertyOptional({
    type: [String],
    description: '`version-conflict` and `decision-not-allowed`: the decisions the caller may record now.',
    example: ['refer', 'decline_referral'],
  })
  allowedDecisions?: string[];
  @ApiPropertyOptional({ description: '`review-command-not-allowed`: the review’s status now.', example: 'open' })
  reviewStatus?: string;
  @ApiPropertyOptional({
    type: [String],
    description: '`review-command-not-allowed`: the commands the review accepts now.',
    example: ['assign', 'withdraw'],
  })
  allowedCommands?: string[];
  @ApiPropertyOptional({
    type: [String],
    description:
      '`recommendation-action-not-allowed`, `investigation-action-not-allowed` and a recommendation’s or ' +
      'investigation’s `version-conflict`: what the caller may do now.',
    example: ['respond'],
  })
  allowedActions?: string[];
  @ApiPropertyOptional({ description: '`alert-not-open`: the alert’s status now.', example: 'acknowledged' })
  alertStatus?: string;
  @ApiPropertyOptional({
    description: 'A sampling run that is not drawn yet (verification): the run’s status now.',
    example: 'queued',
  })
  runStatus?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: '`place-in-use`: how many people are detained at the place now.',
  })
  detained?: number;
  @ApiPropertyOptional({
    format: 'date-time',
    description: '`comment-period-closed`: when the factual-accuracy period of the investigation ended.',
  })
  commentsCloseAt?: string;
  @ApiPropertyOptional({
    description: '`guard-failed`: the rule that refused the request (stable, for programs).',
    example: 'occurred_in_future',
  })
  guard?: string;
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

/** On a creating POST with an Idempotency-Key: the response is the stored one, nothing new was written. */
export const IDEMPOTENT_REPLAYED = {
  'Idempotent-Replayed': {
    description: '`true` when this is the stored response to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
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
