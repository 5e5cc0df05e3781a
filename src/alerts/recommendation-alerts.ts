import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditActorOf } from '../audit/domain/audit-event.js';
import type { RequestContext } from '../common/request-context.js';
import { AlertWriter } from './alert-writer.js';
import { settleRecommendation, type RecommendationClock } from './domain/recommendation-clocks.js';
import { OverdueScanRepository, type ResolvedAlert } from './persistence/overdue-scan.repository.js';

/**
 * Ends a recommendation's clocks in the transaction of the action that ends
 * them (SPEC §12), through the writer the scan resolves with, so the audit
 * events are the same whichever gets there first.
 */
@Injectable()
export class RecommendationAlerts {
  constructor(
    private readonly alerts: OverdueScanRepository,
    private readonly writer: AlertWriter,
  ) {}

  /** Resolves the recommendation's alerts its state after the action (`clock`) no longer holds up. */
  async settle(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actor' | 'requestId'>,
    clock: RecommendationClock,
    now: Date,
  ): Promise<ResolvedAlert[]> {
    // A scan that read the state before this action may be raising an alert on it: wait for it, then resolve that too.
    await this.alerts.waitForScan(manager);
    const unresolved = await this.alerts.unresolvedAlertsAbout(manager, 'recommendation', clock.recommendationId);
    const resolutions = settleRecommendation(clock, unresolved, now);
    return this.writer.resolve(manager, { actor: auditActorOf(ctx.actor), requestId: ctx.requestId }, resolutions, now);
  }
}
