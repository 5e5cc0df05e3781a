import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { AppConfig } from '../config/app-config.js';
import { AlertWriter, type RaisedAlert } from './alert-writer.js';
import { escalationCutoff, planScan, SCANNED_RULES, subjectTypeOf } from './domain/overdue-scan.js';
import { NotificationSender } from './notification-sender.js';
import { OverdueScanRepository, type ResolvedAlert } from './persistence/overdue-scan.repository.js';

export interface ScanResult {
  scannedDetentions: number;
  raised: RaisedAlert[];
  resolved: ResolvedAlert[];
  escalated: number;
  durationMs: number;
}

/**
 * One overdue scan: reads open detention episodes (a partial index keeps
 * this proportional to the people detained, not to the cases), asks the pure
 * rules, raises what is new, resolves what no longer holds, escalates what
 * nobody acknowledged — all in one transaction, serialised by an advisory
 * lock so a manual scan and a scheduled one cannot interleave. E-mails are
 * queued after commit; the outbox makes that safe if Redis is away.
 */
@Injectable()
export class OverdueScanner {
  private readonly logger = new Logger(OverdueScanner.name);

  constructor(
    private readonly db: DataSource,
    private readonly scans: OverdueScanRepository,
    private readonly writer: AlertWriter,
    private readonly sender: NotificationSender,
    private readonly config: AppConfig,
  ) {}

  async scan(now = new Date()): Promise<ScanResult> {
    const started = Date.now();
    const thresholds = this.writer.thresholds();
    const outcome = await this.db.transaction(async (manager) => {
      await this.scans.serialiseScans(manager);
      const openDetentions = await this.scans.openDetentions(manager);
      const awaitingResponse = await this.scans.responsesDueBefore(manager, now);
      // Steady state is "nothing changed": the plan diffs the candidates against the unresolved alerts here, so the
      // database only sees the few alerts to raise and the few to resolve rather than every candidate on every tick.
      const openVisits = await this.scans.openVisits(manager);
      const unresolved = await this.scans.unresolvedAlerts(manager, SCANNED_RULES);
      const recommendations = await this.scans.recommendationClocks(
        manager,
        now,
        unresolved.filter((a) => subjectTypeOf(a.rule) === 'recommendation').map((a) => a.subjectId),
      );
      const openComplaints = await this.scans.openComplaints(manager);
      const plan = planScan(
        { openDetentions, awaitingResponse, unresolved, openVisits, recommendations, openComplaints },
        now,
        thresholds,
      );

      const author = { actor: SYSTEM_ACTOR, requestId: null };
      const { raised, notificationIds } = await this.writer.raise(manager, author, plan.toRaise, now);
      const resolved = await this.writer.resolve(manager, author, plan.toResolve, now);

      const unacknowledged = await this.scans.unescalatedOpenAlerts(
        manager,
        escalationCutoff(now, this.config.alerts.escalateAfterHours),
      );
      const escalations = await this.writer.queueEmails(manager, unacknowledged, 'escalation', now);
      return {
        scannedDetentions: openDetentions.length,
        raised,
        resolved,
        escalated: escalations.length,
        notificationIds: [...notificationIds, ...escalations],
      };
    });
    await this.sender.enqueueNew(outcome.notificationIds);
    const result: ScanResult = {
      scannedDetentions: outcome.scannedDetentions,
      raised: outcome.raised,
      resolved: outcome.resolved,
      escalated: outcome.escalated,
      durationMs: Date.now() - started,
    };
    this.logger.log(
      {
        event: 'overdue_scan',
        detentions: result.scannedDetentions,
        raised: result.raised.length,
        resolved: result.resolved.length,
        escalated: result.escalated,
        ms: result.durationMs,
      },
      'overdue scan done',
    );
    return result;
  }
}
