import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { caseContext, decisionResponse } from '../cases/case-presenter.js';
import { CasesRepository } from '../cases/persistence/cases.repository.js';
import { DecisionRecordsRepository } from '../cases/persistence/decision-records.repository.js';
import { auditActorOf, ownChain } from '../audit/domain/audit-event.js';
import { subjectOf, type AppAbility } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { decodeIdCursor, type Page, pageSize, toIdPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { autoAssign } from './domain/auto-assign.js';
import { SAMPLED_DECISION_TYPES } from './domain/sampling.js';
import {
  allowedReviewCommands,
  transitionReview,
  type Finding,
  type ReviewActor,
  type ReviewCommand,
  type ReviewRejection,
  type ReviewResponse,
  type ReviewSnapshot,
} from './domain/review-workflow.js';
import type { AutoAssignResponse, ListReviewsQuery, ReviewResponseDto } from './dto.js';
import { ReviewsRepository, type ReviewRow } from './persistence/reviews.repository.js';

/** The review workflow: load, ask the pure state machine, write with a version check, audit. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: DataSource,
    private readonly reviews: ReviewsRepository,
    private readonly records: DecisionRecordsRepository,
    private readonly cases: CasesRepository,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, q: ListReviewsQuery): Promise<Page<ReviewResponseDto>> {
    const limit = pageSize(q);
    const after = decodeIdCursor(q.cursor);
    if (q.state && q.status && q.state !== q.status) {
      throw new Unprocessable('conflicting-filters', 'state and its older name status disagree.', [
        { field: 'status', message: 'must equal state when both are given' },
      ]);
    }
    const rows = await this.reviews.listReadable(ctx.ability, {
      status: q.state ?? q.status,
      finding: q.finding,
      response: q.response === undefined ? undefined : RESPONSE_FILTER[q.response],
      runId: q.runId,
      agencyId: q.agencyId,
      caseId: q.caseId,
      assignedReviewerId: q.assignedReviewerId,
      afterId: after?.id,
      limit,
    });
    const page = toIdPage(rows, limit);
    return { items: await this.present(ctx, page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<ReviewResponseDto> {
    return this.presentOne(ctx, await this.findReadable(this.db.manager, ctx, id));
  }

  async assign(ctx: RequestContext, id: string, reviewerId: string): Promise<ReviewResponseDto> {
    // Looked up only once the caller may assign this review, and an id of no user answers exactly as one of a user
    // who is not a reviewer: the route cannot be used to learn which user ids exist.
    return this.command(ctx, id, 'assign', async (manager) => ({
      type: 'assign',
      reviewer: (await this.reviews.assignee(manager, reviewerId)) ?? {
        id: reviewerId,
        role: null,
        conflictAgencyIds: [],
      },
    }));
  }

  conclude(ctx: RequestContext, id: string, finding: Finding, rationale: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'conclude', { type: 'conclude', finding, rationale });
  }

  /** `sentAs`: the request field the text came in, so a refusal names what the client sent. */
  respond(
    ctx: RequestContext,
    id: string,
    response: ReviewResponse,
    text: string,
    sentAs: 'responseText' | 'text' = 'responseText',
  ): Promise<ReviewResponseDto> {
    const rename = sentAs === 'text' ? { from: 'responseText', to: 'text' } : undefined;
    return this.command(ctx, id, 'respond', { type: 'respond', response, text }, rename);
  }

  withdraw(ctx: RequestContext, id: string, reason: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'withdraw', { type: 'withdraw', reason });
  }

  /** Ends a dispute (the agency rejected a concern or disagreement) with the commissioner's note. */
  close(ctx: RequestContext, id: string, note: string): Promise<ReviewResponseDto> {
    return this.command(ctx, id, 'close', { type: 'close', note });
  }

  /** Balanced over reviewers by open load, never to one with a conflict with the reviewed agency. */
  async autoAssign(ctx: RequestContext, runId: string | undefined): Promise<AutoAssignResponse> {
    if (!ctx.ability.can('assign', 'Review')) throw new Forbidden('Only the commissioner assigns reviews.');
    return this.db.transaction(async (manager) => {
      const pending = await this.reviews.lockPending(manager, runId);
      const reviewers = await this.reviews.reviewersWithOpenLoad(manager);
      const { assignments, unassignable } = autoAssign(pending, reviewers);
      if (assignments.length > 0) {
        await this.reviews.assignPending(manager, assignments);
        await this.audit.appendMany(
          manager,
          { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
          assignments.map((a) => ({
            ...ownChain('review', a.reviewId),
            action: 'review.assigned',
            payload: { reviewerId: a.reviewerId, automatic: true },
          })),
        );
      }
      return { assigned: assignments.length, unassignable };
    });
  }

  /**
   * SPEC §13 `refer_to_review`: for each case, a review of its latest decision record of a §5 type, outside any
   * sampling run, in the triage's transaction — or, when that record already has a review, that review (a record
   * is never reviewed twice). A case with no such record refuses the whole referral (422 naming it). Returns the
   * review of each case in order, and which of them this referral made.
   */
  async referForComplaint(
    manager: EntityManager,
    ctx: RequestContext,
    complaintId: string,
    caseIds: readonly string[],
  ): Promise<{ reviewId: string; created: boolean }[]> {
    await this.reviews.lockAgainstDraws(manager);
    const records = await this.reviews.latestReviewableRecords(manager, [...caseIds]);
    const without = caseIds.filter((c) => !records.some((r) => r.case_id === c));
    if (without.length > 0) {
      const message = `has no decision record of a type reviews cover (${SAMPLED_DECISION_TYPES.join(', ')})`;
      throw new Unprocessable('no-reviewable-decision', `Case ${without.join(', ')} ${message}.`, [
        { field: 'caseIds', message: `case ${without.join(', ')} ${message}` },
      ]);
    }
    const existing = await this.reviews.reviewsOfRecords(
      manager,
      records.map((r) => r.id),
    );
    const fresh = records.filter((r) => !existing.has(r.id));
    const made = await this.reviews.createOutsideRuns(manager, complaintId, fresh);
    await this.audit.appendMany(
      manager,
      { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
      fresh.map((r, i) => ({
        ...ownChain('review', made[i]),
        action: 'review.created',
        payload: { decisionRecordId: r.id, caseId: r.case_id, complaintId },
      })),
    );
    return caseIds.map((caseId) => {
      const record = records.find((r) => r.case_id === caseId)!;
      const i = fresh.indexOf(record);
      return i >= 0 ? { reviewId: made[i], created: true } : { reviewId: existing.get(record.id)!, created: false };
    });
  }

  private async command(
    ctx: RequestContext,
    id: string,
    action: ReviewCommand['type'],
    commandOrLookup: ReviewCommand | ((manager: EntityManager) => Promise<ReviewCommand>),
    rename?: FieldRename,
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
      if (!result.ok) throw rejectionError(rename ? renamed(result.rejection, rename) : result.rejection);
      const written = await this.reviews.applyTransition(manager, {
        id,
        expectedVersion: row.version,
        command,
        next: result.next,
        actorId: ctx.actor.id,
        now,
      });
      if (!written) throw new Conflict('version-conflict', 'The review changed meanwhile; reload it and try again.');
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('review', id),
        action: `review.${pastTense(command.type)}`,
        payload: auditPayload(command),
      });
      return this.presentOne(ctx, await this.findReadable(manager, ctx, id));
    });
  }

  /** Whether the review exists and the caller may read it (the same filter as every read). */
  async readable(ability: AppAbility, id: string): Promise<boolean> {
    return (await this.reviews.findReadable(this.db.manager, ability, id)) !== undefined;
  }

  private async findReadable(manager: EntityManager, ctx: RequestContext, id: string): Promise<ReviewRow> {
    const row = orNotFound(await this.reviews.findReadable(manager, ctx.ability, id), 'The review');
    return row;
  }

  private async presentOne(ctx: RequestContext, r: ReviewRow): Promise<ReviewResponseDto> {
    const [presented] = await this.present(ctx, [r]);
    return presented;
  }

  /**
   * Each review with the record it reviews and its case's non-PII context, loaded for the whole page at once.
   * Reading the review grants them: no PII is in either, so a reviewer concludes without a PII read.
   */
  private async present(ctx: RequestContext, rows: ReviewRow[]): Promise<ReviewResponseDto[]> {
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    const [records, cases, episodes] = await Promise.all([
      this.records.byIds(
        ctx.ability,
        rows.map((r) => r.decision_record_id),
      ),
      this.cases.byIds(caseIds),
      this.cases.episodesOfCases(caseIds),
    ]);
    return rows.map((r) =>
      this.presentWith(ctx, r, {
        decisionRecord: decisionResponse(records.find((d) => d.id === r.decision_record_id)!),
        case: caseContext(
          cases.find((c) => c.id === r.case_id)!,
          episodes.filter((e) => e.case_id === r.case_id),
        ),
      }),
    );
  }

  private presentWith(
    ctx: RequestContext,
    r: ReviewRow,
    context: Pick<ReviewResponseDto, 'decisionRecord' | 'case'>,
  ): ReviewResponseDto {
    // Agencies learn the finding, not who on the commissioner's staff reached it.
    const staff = ['commissioner', 'reviewer', 'analyst'].includes(ctx.actor.role);
    const allowed = allowedReviewCommands(snapshotOf(r), reviewActor(ctx)).filter((c) =>
      ctx.ability.can(c, reviewSubject(r)),
    );
    return {
      id: r.id,
      // Whether a run drew it or a complaint's referral made it would tell an agency a complaint exists (§13).
      ...(staff ? { runId: r.run_id } : {}),
      decisionRecordId: r.decision_record_id,
      caseId: r.case_id,
      agencyId: r.deciding_agency_id,
      caseAgencyId: r.case_agency_id,
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
      disputeNote: r.dispute_note,
      disputeClosedAt: r.dispute_closed_at?.toISOString() ?? null,
      allowedCommands: allowed,
      ...context,
    };
  }
}

function snapshotOf(r: ReviewRow): ReviewSnapshot {
  return {
    status: r.status,
    agencyId: r.deciding_agency_id,
    caseAgencyId: r.case_agency_id,
    assignedReviewerId: r.assigned_reviewer_id,
    finding: r.finding,
    concludedAt: r.concluded_at,
    responseDueAt: r.response_due_at,
    response: r.response,
  };
}

function reviewSubject(r: ReviewRow) {
  return subjectOf('Review', {
    agencyId: r.deciding_agency_id,
    caseAgencyId: r.case_agency_id,
    concluded: r.concluded_at !== null,
    assignedReviewerId: r.assigned_reviewer_id,
  });
}

function reviewActor(ctx: RequestContext): ReviewActor {
  const a = ctx.actor;
  return { id: a.id, role: a.role, agencyId: a.agencyId, conflictAgencyIds: a.conflictAgencyIds };
}

interface FieldRename {
  from: string;
  to: string;
}

/** The rejection as it reads when the field came under another (alias) name. */
function renamed(r: ReviewRejection, { from, to }: FieldRename): ReviewRejection {
  if (r.kind !== 'missing_field' && r.kind !== 'guard_failed') return r;
  if (r.field !== from) return r;
  const word = new RegExp(`\\b${from}\\b`, 'g');
  const message = r.message.replace(word, to);
  return r.kind === 'guard_failed'
    ? { ...r, field: to, message, guard: r.guard.startsWith(`${from}_`) ? to + r.guard.slice(from.length) : r.guard }
    : { ...r, field: to, message };
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
  return {
    assign: 'assigned',
    conclude: 'concluded',
    respond: 'responded',
    withdraw: 'withdrawn',
    close: 'dispute_closed',
  }[command];
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
    case 'close':
      return { note: c.note.trim() };
  }
}

/** The filter speaks of what the agency did; the column stores its answer. */
const RESPONSE_FILTER = { accepted: 'accept', rejected: 'reject' } as const satisfies Record<string, ReviewResponse>;
