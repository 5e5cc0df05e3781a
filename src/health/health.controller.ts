import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/public.decorator.js';
import { ProblemDto } from '../common/api-docs.js';
import { ReadinessChecks } from './readiness-checks.js';

/** Terminus' result: each check by name, `up` or `down`, with what it adds (e.g. a message). */
const CHECKS = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
    // A check adds what it measured (`responseTime`, `roundTripMs`, …).
    additionalProperties: true,
  },
  example: { postgres: { status: 'up' }, redis: { status: 'up' } },
};
const HEALTH_RESULT = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
    info: { ...CHECKS, description: 'The checks that passed' },
    error: { ...CHECKS, description: 'The checks that failed' },
    details: { ...CHECKS, description: 'All checks' },
  },
};

@ApiTags('operations')
@ApiExtraModels(ProblemDto)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: ReadinessChecks,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  @ApiOkResponse({
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis answer (and, in worker processes, a job completes)' })
  @ApiOkResponse({ description: 'Ready', schema: HEALTH_RESULT })
  @ApiResponse({
    status: 503,
    description: 'A dependency is down (the body says which), or the process is shutting down (a problem)',
    content: {
      'application/json': { schema: HEALTH_RESULT },
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } },
    },
    headers: {
      'Retry-After': { description: 'Seconds to wait; sent while shutting down', schema: { type: 'integer' } },
    },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.checks.all());
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      void reply.status(503);
      return err.getResponse() as HealthCheckResult;
    }
  }
}
