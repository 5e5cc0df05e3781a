import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { JobQueues } from './job-queues.js';
import { QueueDepthGauge } from './queue-depth-gauge.js';
import { QueueErrorLogging } from './queue-error-logging.js';
import { QUEUES } from './queues.js';
import { workerConnection } from '../redis/redis-connection.js';

/**
 * BullMQ for every process. The queues registered here are what @Processor
 * workers consume (blocking connections that retry forever); producing goes
 * through JobQueues, whose connections fail fast instead.
 */
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
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [JobQueues, QueueErrorLogging, QueueDepthGauge],
  exports: [BullModule, JobQueues],
})
export class JobsModule {}
