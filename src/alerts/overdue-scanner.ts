import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { AppConfig } from '../config/app-config.js';
import { AlertWriter, type AlertCandidate, type RaisedAlert } from './alert-writer.js';
import { DETENTION_RULES, type AlertRule } from './domain/alert-rules.js';
import { diffAlerts } from './domain/alert-diff.js';
import { evaluateDetention, isResponseOverdue } from './domain/overdue-rules.js';
import { NotificationSender } from './notification-sender.js';

export interface ScanResult {
  scannedDetentions: number;
  raised: RaisedAlert[];
  resolved: { id: string; rule: AlertRule; reason: string }[];
  escalated: number;
  durationMs: number;
}

const SCAN_LOCK = 7_270_004;
/** Rules a scan maintains (raises and resolves); removal_during_review is raised by the decision itself. */
const SCANNED_RULES: AlertRule[] = [...DETENTION_RULES, 'review_response_overdue'];

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
    private readonly writer: AlertWriter,
    private readonly sender: NotificationSender,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async scan(now = new Date()): Promise<ScanResult> {
    const started = Date.now();
    const thresholds = this.writer.thresholds();
    const outcome = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SCAN_LOCK]);
      const detentions = await manager.query<
        {
          id: string;
          case_id: string;
          agency_id: string;
          detained_at: Date;
          state: string;
          state_entered_at: Date;
          referred_at: Date | null;
        }[]
      >(
        `SELECT e.id, e.case_id, e.agency_id, e.detained_at, c.state, c.state_entered_at, c.referred_at
           FROM detention_episodes e JOIN cases c ON c.id = e.case_id
          WHERE e.released_at IS NULL`,
      );
      const candidates: AlertCandidate[] = [];
      for (const d of detentions) {
        for (const hit of evaluateDetention(
          {
            episodeId: d.id,
            caseId: d.case_id,
            agencyId: d.agency_id,
            detainedAt: d.detained_at,
            state: d.state,
            stateEnteredAt: d.state_entered_at,
            referredAt: d.referred_at,
          },
          now,
          thresholds,
        )) {
          candidates.push({
            rule: hit.rule,
            subjectType: 'detention_episode',
            subjectId: d.id,
            caseId: d.case_id,
            agencyId: d.agency_id,
            since: hit.since,
            thresholds: hit.thresholds,
          });
        }
      }
      const awaiting = await manager.query<{ id: string; case_id: string; agency_id: string; response_due_at: Date }[]>(
        `SELECT id, case_id, agency_id, response_due_at FROM reviews
          WHERE status = 'awaiting_response' AND response_due_at < $1`,
        [now],
      );
      for (const r of awaiting.filter((r) => isResponseOverdue(r.response_due_at, now))) {
        candidates.push({
          rule: 'review_response_overdue',
          subjectType: 'review',
          subjectId: r.id,
          caseId: r.case_id,
          agencyId: r.agency_id,
          since: r.response_due_at,
          thresholds: { reviewResponseDays: thresholds.reviewResponseDays },
        });
      }

      // Steady state is "nothing changed": diff the candidates against the unresolved alerts here, so the database
      // only sees the few alerts to raise and the few to resolve rather than every candidate on every tick.
      const unresolved = await manager.query<{ id: string; rule: AlertRule; subject_id: string }[]>(
        `SELECT id, rule, subject_id FROM alerts WHERE status <> 'resolved' AND rule = ANY($1)`,
        [SCANNED_RULES],
      );
      const { toRaise, toResolve } = diffAlerts(
        candidates,
        unresolved.map((a) => ({ id: a.id, rule: a.rule, subjectId: a.subject_id })),
      );

      const author = { actor: SYSTEM_ACTOR, requestId: null };
      const { raised, notificationIds } = await this.writer.raise(manager, author, toRaise, now);

      // TypeORM answers an UPDATE with [rows, affected count], not with the rows alone.
      const [resolved] = toResolve.length
        ? await manager.query<[{ id: string; rule: AlertRule; reason: string }[], number]>(
            `UPDATE alerts a
                SET status = 'resolved', resolved_at = $2,
                    resolved_reason = CASE
                      WHEN a.subject_type = 'detention_episode' AND EXISTS (
                        SELECT 1 FROM detention_episodes e WHERE e.id = a.subject_id AND e.released_at IS NOT NULL)
                      THEN 'detention_ended'
                      WHEN a.subject_type = 'review' THEN 'response_received'
                      ELSE 'condition_no_longer_holds' END
              WHERE a.id = ANY($1) AND a.status <> 'resolved'
              RETURNING a.id, a.rule, a.resolved_reason AS reason`,
            [toResolve, now],
          )
        : [[]];
      await this.audit.appendMany(
        manager,
        author,
        resolved.map((r) => ({
          chainId: chains.of('alert', r.id),
          action: 'alert.resolved',
          subject: { type: 'alert', id: r.id },
          payload: { reason: r.reason },
        })),
      );

      const unacknowledged = await manager.query<{ id: string; rule: AlertRule; case_id: string; agency_id: string }[]>(
        `SELECT a.id, a.rule, a.case_id, a.agency_id FROM alerts a
          WHERE a.status = 'open' AND a.raised_at <= $1::timestamptz - make_interval(hours => $2)
            AND NOT EXISTS (SELECT 1 FROM alert_notifications n WHERE n.alert_id = a.id AND n.kind = 'escalation')`,
        [now, this.config.alerts.escalateAfterHours],
      );
      const escalations = await this.writer.queueEmails(
        manager,
        unacknowledged.map((a) => ({ id: a.id, rule: a.rule, caseId: a.case_id, agencyId: a.agency_id })),
        'escalation',
        now,
      );
      return {
        scannedDetentions: detentions.length,
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
