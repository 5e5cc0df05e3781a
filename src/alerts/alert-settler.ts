import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditActorOf } from '../audit/domain/audit-event.js';
import type { RequestContext } from '../common/request-context.js';
import { AlertWriter } from './alert-writer.js';
import type { UnresolvedAlert } from './domain/alert-diff.js';
import type { Resolution } from './domain/overdue-scan.js';
import { OverdueScanRepository, type ResolvedAlert } from './persistence/overdue-scan.repository.js';

/**
 * Ends a subject's clocks in the transaction of the action that ends them (SPEC §12: a recommendation's response,
 * claim or withdrawal; a complaint's triage), through the writer the scan resolves with, so the audit events are the
 * same whichever gets there first. Which alerts end, and why, is the subject's pure `settle…` function.
 */
@Injectable()
export class AlertSettler {
  constructor(
    private readonly alerts: OverdueScanRepository,
    private readonly writer: AlertWriter,
  ) {}

  async settle(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actor' | 'requestId'>,
    subject: { type: 'recommendation' | 'complaint'; id: string },
    ended: (unresolved: readonly UnresolvedAlert[]) => Resolution[],
    now: Date,
  ): Promise<ResolvedAlert[]> {
    // A scan that read the subject before this action may be raising an alert on it: wait for it, then resolve that
    // one too.
    await this.alerts.waitForScan(manager);
    const unresolved = await this.alerts.unresolvedAlertsAbout(manager, subject.type, subject.id);
    return this.writer.resolve(
      manager,
      { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
      ended(unresolved),
      now,
    );
  }
}
