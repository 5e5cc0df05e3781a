import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';

/** A readiness check a feature adds (e.g. the job round trip in worker processes). */
export const EXTRA_READINESS_CHECKS = Symbol('EXTRA_READINESS_CHECKS');

@Injectable()
export class ReadinessChecks {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() @Inject(EXTRA_READINESS_CHECKS) private readonly extra: HealthIndicatorFunction[] = [],
  ) {}

  all(): HealthIndicatorFunction[] {
    return [() => this.db.pingCheck('postgres', { timeout: 1_500 }), () => this.redisCheck(), ...(this.extra ?? [])];
  }

  private async redisCheck() {
    const check = this.indicator.check('redis');
    try {
      const answer = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_500).unref()),
      ]);
      return answer === 'PONG' ? check.up() : check.down({ message: 'unexpected answer' });
    } catch (err) {
      return check.down({ message: err instanceof Error ? err.message : 'unreachable' });
    }
  }
}
