import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from './queues.js';
import { producerConnection, workerConnection } from './redis-connection.js';
import { JobQueues } from './job-queues.js';

const queues = Object.values(QUEUES);

/** BullMQ for every process: queues (producers) here; processors live in WorkersModule. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: workerConnection(config.redis.url),
        prefix: config.redis.queuePrefix,
      }),
    }),
    BullModule.registerQueueAsync(
      ...queues.map((name) => ({
        name,
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({
          connection: producerConnection(config.redis.url),
          prefix: config.redis.queuePrefix,
          defaultJobOptions: { removeOnComplete: { count: 1_000 }, removeOnFail: { count: 5_000 } },
        }),
      })),
    ),
  ],
  providers: [JobQueues],
  exports: [BullModule, JobQueues],
})
export class JobsModule {}
