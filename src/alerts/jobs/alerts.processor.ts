import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { idFrom, idsFrom, JOBS, QUEUES } from '../../jobs/queues.js';
import { NotificationSender } from '../notification-sender.js';
import { OverdueScanner } from '../overdue-scanner.js';

@Processor(QUEUES.alerts)
export class AlertsProcessor extends WorkerHost {
  constructor(private readonly scanner: OverdueScanner) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.overdueScan: {
        const r = await this.scanner.scan();
        return { raised: r.raised.length, resolved: r.resolved.length, escalated: r.escalated };
      }
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.alerts}`);
    }
  }
}

@Processor(QUEUES.notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly sender: NotificationSender) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.sendNotification:
        return this.sender.deliver(idFrom(job.data, 'notificationId'));
      case JOBS.sendNotifications:
        return this.sender.deliverAll(idsFrom(job.data, 'notificationIds'));
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.notifications}`);
    }
  }
}
