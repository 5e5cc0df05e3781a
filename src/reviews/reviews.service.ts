import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { auditActorOf, chains } from '../audit/domain/audit-event.js';
import { subjectOf, type AppAbility } from '../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../authz/domain/rules-to-sql.js';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../common/domain-errors.js';
import { isUuid } from '../common/ids.js';
import { decodeCursor, pageSize, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { autoAssign } from './domain/auto-assign.js';
import {
  allowedReviewCommands,
  transitionReview,
  type Finding,
  type ReviewActor,
  type ReviewCommand,
  type ReviewRejection,
  type ReviewResponse,
  type ReviewSnapshot,
  type ReviewStatus,
} from './domain/review-workflow.js';
import type { AutoAssignResponse, ListReviewsQuery, ReviewResponseDto } from './dto.js';

/** How CASL's Review attributes map to SQL over `reviews r`. */
const COLUMNS: SqlColumns<'Review'> = {
  agencyId: 'r.agency_id',
  concluded: '(r.concluded_at IS NOT NULL)',
  assignedReviewerId: 'r.assigned_reviewer_id',
};

interface ReviewRow {
  id: string;
  run_id: string;
  decision_record_id: string;
  case_id: string;
  agency_id: string;
  decision_type: string;
  decision_outcome: string | null;
  status: ReviewStatus;
  version: number;
  assigned_reviewer_id: string | null;
  assigned_at: Date | null;
  finding: Finding | null;
  rationale: string | null;
  concluded_at: Date | null;
  response_due_at: Date | null;
  response: ReviewResponse | null;
  response_text: string | null;
  responded_at: Date | null;
  withdrawn_at: Date | null;
}

/** The review workflow: load, ask the pure state machine, write with a version check, audit. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, q: ListReviewsQuery): Promise<Page<ReviewResponseDto>> {
    const limit = pageSize(q);
    const after = decodeCursor(q.cursor, ['id'] as const, (p) => isUuid(p.id));
    const params = new SqlParams();
    const where = [accessibleSql(ctx.ability, 'read', 'Review', COLUMNS, params)];
    if (q.status) where.push(`r.status = ${params.add(q.status)}`);
    if (q.runId) where.push(`r.run_id = ${params.add(q.runId)}`);
    if (q.agencyId) where.push(`r.agency_id = ${params.add(q.agencyId)}`);
    if (q.caseId) where.push(`r.case_id = ${params.add(q.caseId)}`);
    if (q.assignedReviewerId) where.push(`r.assigned_reviewer_id = ${params.add(q.assignedReviewerId)}`);
    if (after) where.push(`r.id > ${params.add(after.id)}`);
    const rows = await this.db.query<ReviewRow[]>(
      `SELECT r.* FROM reviews r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(
      rows,
      limit,
      (r) => this.present(ctx, r),
      (r) => ({ id: r.id }),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<ReviewResponseDto> {
    return this.present(ctx, await this.findReadable(this.db.manager, ctx, id));
  }

  async assign(ctx: RequestContext, id: string, reviewerId: string): Promise<ReviewResponseDto> {
    // Looked up only once the caller may assign this review, and an id of no user answers exactly as one of a user
    // who is not a reviewer: the route cannot be used to learn which user ids exist.
    return this.command(ctx, id, 'assign', async (manager) => {
      const [reviewer] = await manager.query<{ role: string; conflict_agency_ids: string[] }[]>(
        `SELECT role, conflict_agency_ids FROM users WHERE id = $1`,
        [reviewerId],
      );
      return {
        type: 'assign',
        reviewer: {
          id: reviewerId,
          role: reviewer?.role ?? 'none',
          conflictAgencyIds: reviewer?.conflict_agency_ids ?? [],
        },
      };
    });
  }

  conclude(ctx: RequestContext, id: string, finding: Finding, rationale: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'conclude', { type: 'conclude', finding, rationale });
  }

  respond(ctx: RequestContext, id: string, response: ReviewResponse, text: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'respond', { type: 'respond', response, text });
  }

  withdraw(ctx: RequestContext, id: string, reason: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'withdraw', { type: 'withdraw', reason });
  }

  /** Balanced over reviewers by open load, never to one with a conflict with the reviewed agency. */
  async autoAssign(ctx: RequestContext, runId: string | undefined): Promise<AutoAssignResponse> {
    if (!ctx.ability.can('assign', 'Review')) throw new Forbidden('Only the commissioner assigns reviews.');
    return this.db.transaction(async (manager) => {
      const pending = await manager.query<{ id: string; agency_id: string; version: number }[]>(
        `SELECT id, agency_id, version FROM reviews
          WHERE status = 'pending' AND ($1::uuid IS NULL OR run_id = $1) ORDER BY id FOR UPDATE`,
        [runId ?? null],
      );
      const reviewers = await manager.query<{ id: string; conflict_agency_ids: string[]; open_load: number }[]>(
        `SELECT u.id, u.conflict_agency_ids,
                (SELECT count(*)::int FROM reviews r WHERE r.assigned_reviewer_id = u.id AND r.status = 'assigned') AS open_load
           FROM users u WHERE u.role = 'reviewer' ORDER BY u.id`,
      );
      const { assignments, unassignable } = autoAssign(
        pending.map((p) => ({ id: p.id, agencyId: p.agency_id })),
        reviewers.map((r) => ({ id: r.id, conflictAgencyIds: r.conflict_agency_ids, openLoad: r.open_load })),
      );
      if (assignments.length > 0) {
        await manager.query(
          `UPDATE reviews r SET status = 'assigned', assigned_reviewer_id = a.reviewer_id, assigned_at = now(),
                                version = r.version + 1, updated_at = now()
             FROM unnest($1::uuid[], $2::uuid[]) AS a(review_id, reviewer_id)
            WHERE r.id = a.review_id AND r.status = 'pending'`,
          [assignments.map((a) => a.reviewId), assignments.map((a) => a.reviewerId)],
        );
        await this.audit.appendMany(
          manager,
          { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
          assignments.map((a) => ({
            chainId: chains.of('review', a.reviewId),
            action: 'review.assigned',
            subject: { type: 'review', id: a.reviewId },
            payload: { reviewerId: a.reviewerId, automatic: true },
          })),
        );
      }
      return { assigned: assignments.length, unassignable };
    });
  }

  private async command(
    ctx: RequestContext,
    id: string,
    action: 'assign' | 'conclude' | 'respond' | 'withdraw',
    commandOrLookup: ReviewCommand | ((manager: EntityManager) => Promise<ReviewCommand>),
  ): Promise<ReviewResponseDto> {
    return this.db.transaction(async (manager) => {
      const row = await this.findReadable(manager, ctx, id);
      if (!ctx.ability.can(action, reviewSubject(row))) {
        throw new Forbidden(`You may not ${action} this review.`);
      }
      const command = typeof commandOrLookup === 'function' ? await commandOrLookup(manager) : commandOrLookup;
      const now = new Date();
      const result = transitionReview(snapshotOf(row), command, reviewActor(ctx), now, {
        reviewResponseDays: this.config.sampling.reviewResponseDays,
      });
      if (!result.ok) throw rejectionError(result.rejection);
      const next = result.next;
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE reviews SET status = $3, assigned_reviewer_id = $4, assigned_at = CASE WHEN $5 THEN now() ELSE assigned_at END,
                finding = $6, rationale = coalesce($7, rationale), concluded_by = coalesce($8, concluded_by),
                concluded_at = $9, response_due_at = $10, response = $11, response_text = coalesce($12, response_text),
                responded_by = coalesce($13, responded_by), responded_at = coalesce($14, responded_at),
                withdrawn_reason = coalesce($15, withdrawn_reason), withdrawn_at = coalesce($16, withdrawn_at),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [
          id,
          row.version,
          next.status,
          next.assignedReviewerId,
          command.type === 'assign',
          next.finding,
          command.type === 'conclude' ? command.rationale.trim() : null,
          command.type === 'conclude' ? ctx.actor.id : null,
          next.concludedAt,
          next.responseDueAt,
          next.response,
          command.type === 'respond' ? command.text.trim() : null,
          command.type === 'respond' ? ctx.actor.id : null,
          command.type === 'respond' ? now : null,
          command.type === 'withdraw' ? command.reason.trim() : null,
          command.type === 'withdraw' ? now : null,
        ],
      );
      if (changed !== 1)
        throw new Conflict('version-conflict', 'The review changed meanwhile; reload it and try again.');
      await this.audit.append(
        manager,
        { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
        {
          chainId: chains.of('review', id),
          action: `review.${pastTense(command.type)}`,
          subject: { type: 'review', id },
          payload: auditPayload(command),
        },
      );
      return this.present(ctx, await this.findReadable(manager, ctx, id));
    });
  }

  /** Whether the review exists and the caller may read it (the same filter as every read). */
  async readable(ability: AppAbility, id: string): Promise<boolean> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Review', COLUMNS, params);
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM reviews r WHERE r.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return rows.length > 0;
  }

  private async findReadable(manager: EntityManager, ctx: RequestContext, id: string): Promise<ReviewRow> {
    const params = new SqlParams();
    const access = accessibleSql(ctx.ability, 'read', 'Review', COLUMNS, params);
    const [row] = await manager.query<ReviewRow[]>(
      `SELECT r.* FROM reviews r WHERE r.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    if (!row) throw new NotFound('The review');
    return row;
  }

  private present(ctx: RequestContext, r: ReviewRow): ReviewResponseDto {
    // Agencies learn the finding, not who on the commissioner's staff reached it.
    const staff = ['commissioner', 'reviewer', 'analyst'].includes(ctx.actor.role);
    const allowed = allowedReviewCommands(snapshotOf(r), reviewActor(ctx)).filter((c) =>
      ctx.ability.can(c, reviewSubject(r)),
    );
    return {
      id: r.id,
      runId: r.run_id,
      decisionRecordId: r.decision_record_id,
      caseId: r.case_id,
      agencyId: r.agency_id,
      decisionType: r.decision_type,
      decisionOutcome: r.decision_outcome,
      status: r.status,
      version: r.version,
      ...(staff ? { assignedReviewerId: r.assigned_reviewer_id } : {}),
      assignedAt: staff ? (r.assigned_at?.toISOString() ?? null) : null,
      finding: r.finding,
      rationale: r.rationale,
      concludedAt: r.concluded_at?.toISOString() ?? null,
      responseDueAt: r.response_due_at?.toISOString() ?? null,
      response: r.response,
      responseText: r.response_text,
      respondedAt: r.responded_at?.toISOString() ?? null,
      withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
      allowedCommands: allowed,
    };
  }
}

function snapshotOf(r: ReviewRow): ReviewSnapshot {
  return {
    status: r.status,
    agencyId: r.agency_id,
    assignedReviewerId: r.assigned_reviewer_id,
    finding: r.finding,
    concludedAt: r.concluded_at,
    responseDueAt: r.response_due_at,
    response: r.response,
  };
}

function reviewSubject(r: ReviewRow) {
  return subjectOf('Review', {
    agencyId: r.agency_id,
    concluded: r.concluded_at !== null,
    assignedReviewerId: r.assigned_reviewer_id,
  });
}

function reviewActor(ctx: RequestContext): ReviewActor {
  const a = ctx.actor;
  return { id: a.id, role: a.role, agencyId: a.agencyId, conflictAgencyIds: a.conflictAgencyIds };
}

function rejectionError(r: ReviewRejection): Error {
  switch (r.kind) {
    case 'not_permitted':
      return new Forbidden(r.reason);
    case 'not_allowed_from_status':
      return new Conflict(
        'review-command-not-allowed',
        `${r.command} is not allowed while the review is ${r.status}.`,
        {
          reviewStatus: r.status,
          allowedCommands: r.allowed,
        },
      );
    case 'missing_field':
      return new Unprocessable('missing-field', r.message, [{ field: r.field, message: r.message }]);
    case 'guard_failed':
      return new Unprocessable('guard-failed', r.message, r.field ? [{ field: r.field, message: r.message }] : [], {
        guard: r.guard,
      });
  }
}

function pastTense(command: ReviewCommand['type']): string {
  return { assign: 'assigned', conclude: 'concluded', respond: 'responded', withdraw: 'withdrawn' }[command];
}

function auditPayload(c: ReviewCommand): Record<string, string> {
  switch (c.type) {
    case 'assign':
      return { reviewerId: c.reviewer.id };
    case 'conclude':
      return { finding: c.finding, rationale: c.rationale.trim() };
    case 'respond':
      return { response: c.response, text: c.text.trim() };
    case 'withdraw':
      return { reason: c.reason.trim() };
  }
}
