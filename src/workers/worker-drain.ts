import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';

/**
 * On shutdown, stops taking jobs and lets the running ones finish before
 * anything they use goes away. @nestjs/bullmq closes its workers in
 * `onApplicationShutdown`, in the same round as TypeORM closes the
 * DataSource and the queues close their Redis connections, in an order
 * that depends on module distance: a delivery could lose its database in
 * the middle and leave its row `sending` until the lease expires.
 * `beforeApplicationShutdown` runs before that round, while everything is
 * still open. `Worker.close()` waits for the active jobs and is idempotent,
 * so BullMQ's own close later finds nothing left to do. A job that outlasts
 * SHUTDOWN_GRACE_MS dies with the process; its claim lease expires and the
 * outbox sweeper hands it to another worker.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost<Worker> => instance instanceof WorkerHost)
      .map((host) => host.worker);
    const started = Date.now();
    await Promise.all(workers.map((worker) => worker.close()));
    this.logger.log({ event: 'workers_drained', workers: workers.length, ms: Date.now() - started }, 'workers drained');
  }
}
