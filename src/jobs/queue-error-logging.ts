import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from './queues.js';

/**
 * The queues BullMQ's workers consume emit `error` while Redis is away;
 * unheard, BullMQ prints raw stack traces past the logger. They are logged
 * here, once per outage per queue, as structured warnings.
 */
@Injectable()
export class QueueErrorLogging implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private readonly failing = new Set<string>();

  constructor(
    @InjectQueue(QUEUES.alerts) private readonly alerts: Queue,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
    @InjectQueue(QUEUES.sampling) private readonly sampling: Queue,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
  ) {}

  onModuleInit(): void {
    for (const queue of [this.alerts, this.notifications, this.sampling, this.maintenance]) {
      queue.on('error', (err: Error) => {
        if (this.failing.has(queue.name)) return;
        this.failing.add(queue.name);
        this.logger.warn({ event: 'queue_error', queue: queue.name, reason: err.message }, 'queue connection error');
      });
    }
    // Forget past outages every minute so a new one is reported again.
    setInterval(() => this.failing.clear(), 60_000).unref();
  }
}
