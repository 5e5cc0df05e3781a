import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditActorOf } from '../audit/domain/audit-event.js';
import type { RequestContext } from '../common/request-context.js';
import { AlertWriter } from './alert-writer.js';
import { settleComplaint } from './domain/complaint-clocks.js';
import { OverdueScanRepository, type ResolvedAlert } from './persistence/overdue-scan.repository.js';

/**
 * Ends a complaint's triage clock in the triage's own transaction (SPEC §12), through the writer the scan resolves
 * with, so the audit events are the same whichever gets there first.
 */
@Injectable()
export class ComplaintAlerts {
  constructor(
    private readonly alerts: OverdueScanRepository,
    private readonly writer: AlertWriter,
  ) {}

  async settle(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actor' | 'requestId'>,
    complaintId: string,
    now: Date,
  ): Promise<ResolvedAlert[]> {
    // A scan that read the complaint before the triage may be raising its alert: wait for it, then resolve that too.
    await this.alerts.waitForScan(manager);
    const unresolved = await this.alerts.unresolvedAlertsAbout(manager, 'complaint', complaintId);
    return this.writer.resolve(
      manager,
      { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
      settleComplaint(complaintId, unresolved),
      now,
    );
  }
}
