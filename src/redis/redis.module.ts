import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { failFastConnection } from './redis-connection.js';

/**
 * The application's own Redis connection (rate limits, health), failing
 * fast like the job producers' (redis-connection.ts); BullMQ keeps its own
 * connections.
 */
export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        // Errors are reported by health checks, not as unhandled events.
        new Redis(failFastConnection(config.redis.url)).on('error', () => undefined),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
