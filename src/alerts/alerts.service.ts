import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { subjectOf } from '../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../authz/domain/rules-to-sql.js';
import { Conflict, Forbidden, NotFound } from '../common/domain-errors.js';
import { decodeTimeIdCursor, pageSize, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { RULES, type AlertRule } from './domain/alert-rules.js';
import type { AlertResponse, ListAlertsQuery } from './dto.js';
import { OverdueScanner, type ScanResult } from './overdue-scanner.js';

const COLUMNS: SqlColumns<'Alert'> = { agencyId: 'a.agency_id', commissionerOnly: 'a.commissioner_only' };

interface AlertRow {
  id: string;
  rule: AlertRule;
  severity: string;
  status: string;
  basis: string;
  thresholds: Record<string, number>;
  since: Date;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  agency_id: string;
  commissioner_only: boolean;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_note: string | null;
  resolved_at: Date | null;
  resolved_reason: string | null;
  notifications: {
    kind: string;
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: string | null;
    recipients: string[];
  }[];
}

const SELECT = `SELECT a.*, coalesce((SELECT json_agg(json_build_object('kind', n.kind, 'status', n.status,
                  'attempts', n.attempts, 'last_error', n.last_error, 'sent_at', n.sent_at, 'recipients', n.recipients)
                  ORDER BY n.created_at) FROM alert_notifications n WHERE n.alert_id = a.id), '[]') AS notifications
                  FROM alerts a`;

@Injectable()
export class AlertsService {
  constructor(
    private readonly db: DataSource,
    private readonly scanner: OverdueScanner,
    private readonly audit: AuditLog,
  ) {}

  async list(ctx: RequestContext, q: ListAlertsQuery): Promise<Page<AlertResponse>> {
    const limit = pageSize(q);
    const after = decodeTimeIdCursor(q.cursor, 'raisedAt');
    const params = new SqlParams();
    const where = [accessibleSql(ctx.ability, 'read', 'Alert', COLUMNS, params)];
    if (q.status) where.push(`a.status = ${params.add(q.status)}`);
    if (q.rule) where.push(`a.rule = ${params.add(q.rule)}`);
    if (q.severity) where.push(`a.severity = ${params.add(q.severity)}`);
    if (q.agencyId) where.push(`a.agency_id = ${params.add(q.agencyId)}`);
    if (q.caseId) where.push(`a.case_id = ${params.add(q.caseId)}`);
    if (after)
      where.push(`(a.raised_at, a.id) < (${params.add(after.raisedAt)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = await this.db.query<AlertRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.raised_at DESC, a.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const present = presenterFor(ctx);
    return toPage(rows, limit, present, (r) => ({ raisedAt: r.raised_at.toISOString(), id: r.id }));
  }

  /** One alert, where an alert e-mail links to; 404 for one the caller may not read. */
  async get(ctx: RequestContext, id: string): Promise<AlertResponse> {
    return presenterFor(ctx)(await this.findReadable(ctx, id));
  }

  async acknowledge(ctx: RequestContext, id: string, note: string | null): Promise<AlertResponse> {
    const alert = await this.findReadable(ctx, id);
    if (
      !ctx.ability.can(
        'acknowledge',
        subjectOf('Alert', { agencyId: alert.agency_id, commissionerOnly: alert.commissioner_only }),
      )
    ) {
      throw new Forbidden('You may read this alert but not acknowledge it.');
    }
    await this.db.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2, acknowledged_note = $3
          WHERE id = $1 AND status = 'open'`,
        [id, ctx.actor.id, note],
      );
      if (changed !== 1) {
        throw new Conflict('alert-not-open', `The alert is ${alert.status}; only open alerts are acknowledged.`, {
          alertStatus: alert.status,
        });
      }
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('alert', id),
        action: 'alert.acknowledged',
        payload: note === null ? {} : { note },
      });
    });
    return presenterFor(ctx)(await this.findReadable(ctx, id));
  }

  async scanNow(ctx: RequestContext): Promise<ScanResult & { raisedCount: number; resolvedCount: number }> {
    if (!ctx.ability.can('run', 'Job')) throw new Forbidden('Only the commissioner and administrators run scans.');
    const result = await this.scanner.scan();
    const counts = { raisedCount: result.raised.length, resolvedCount: result.resolved.length };
    // Administrators may run scans but read no alerts (SPEC §2): they get the counts, not which cases.
    if (!ctx.ability.can('read', 'Alert')) return { ...result, raised: [], resolved: [], ...counts };
    return { ...result, ...counts };
  }

  private async findReadable(ctx: RequestContext, id: string): Promise<AlertRow> {
    const params = new SqlParams();
    const access = accessibleSql(ctx.ability, 'read', 'Alert', COLUMNS, params);
    const [row] = await this.db.query<AlertRow[]>(
      `${SELECT} WHERE a.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    if (!row) throw new NotFound('The alert');
    return row;
  }
}

/**
 * Who the e-mail went to and why a delivery failed are the office's business: an agency sees that its alert
 * was mailed, never the office's address, another recipient or the SMTP server's words.
 */
const SEES_DELIVERY_DETAILS: readonly string[] = ['commissioner', 'reviewer', 'analyst'];

function presenterFor(ctx: RequestContext): (r: AlertRow) => AlertResponse {
  const details = SEES_DELIVERY_DETAILS.includes(ctx.actor.role);
  return (r) => toResponse(r, details);
}

function toResponse(r: AlertRow, deliveryDetails: boolean): AlertResponse {
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    title: RULES[r.rule].title,
    basis: r.basis,
    thresholds: r.thresholds,
    since: r.since.toISOString(),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    caseId: r.case_id,
    agencyId: r.agency_id,
    raisedAt: r.raised_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
    note: r.acknowledged_note,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedReason: r.resolved_reason,
    notifications: r.notifications.map((n) => ({
      kind: n.kind,
      status: n.status,
      attempts: n.attempts,
      sentAt: n.sent_at ? new Date(n.sent_at).toISOString() : null,
      ...(deliveryDetails ? { lastError: n.last_error, recipients: n.recipients } : {}),
    })),
  };
}
