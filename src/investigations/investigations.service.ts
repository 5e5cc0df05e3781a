import { notOverseen } from '../agencies/domain/overseen.js';
import { agencyKinds } from '../agencies/persistence/agency-kinds.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import type { JsonValue } from '../audit/domain/hash-chain.js';
import { subjectOf } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, NotFound, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { decodeIdCursor, type Page, pageSize, toIdPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { Idempotency, type IdempotentResult } from '../idempotency/idempotency.js';
import { RecommendationsService } from '../recommendations/recommendations.service.js';
import { gate, investigationAttributes } from './domain/investigation-access.js';
import {
  actionsOpenAt,
  decide,
  INVESTIGATION_TRANSITIONS,
  open,
  type InvestigationAction,
  type InvestigationRejection,
  type InvestigationSnapshot,
  type Origin,
} from './domain/investigation-workflow.js';
import type { CreateInvestigationDto, InvestigationResponse, ListInvestigationsQuery } from './dto.js';
import {
  InvestigationsRepository,
  type CommentRow,
  type EvidenceRow,
  type InvestigationRow,
} from './persistence/investigations.repository.js';

/** What an investigation is opened on: by the commissioner (POST /investigations), or by triaging a complaint. */
export interface Opening {
  title: string;
  origin: Origin;
  complaintId: string | null;
  agencyIds: string[];
  placeIds: string[];
  termsOfReference: string;
}

const PAST_TENSE: Record<InvestigationAction['type'], string> = {
  assign_investigators: 'investigators_assigned',
  add_evidence: 'evidence_added',
  draft: 'drafted',
  comment: 'commented',
  publish: 'published',
  close_without_findings: 'closed',
};

/** Investigations (SPEC §13): load, ask CASL (`gate`) then the pure state machine, write with a version check, audit. */
@Injectable()
export class InvestigationsService {
  constructor(
    private readonly db: DataSource,
    private readonly investigations: InvestigationsRepository,
    private readonly recommendations: RecommendationsService,
    private readonly audit: AuditLog,
    private readonly idempotency: Idempotency,
    private readonly config: AppConfig,
  ) {}

  async create(
    ctx: RequestContext,
    dto: CreateInvestigationDto,
    key: string | undefined,
  ): Promise<IdempotentResult<InvestigationResponse>> {
    if (!ctx.ability.can('create', 'Investigation')) throw new Forbidden('Only the commissioner opens investigations.');
    const request = { route: 'POST /investigations', body: dto };
    return this.db.transaction((manager) =>
      this.idempotency.run(manager, ctx.actor.id, key, request, async () => {
        const agencyIds = dto.scope.agencyIds.map((a) => a.toLowerCase());
        const placeIds = (dto.scope.placeIds ?? []).map((p) => p.toLowerCase());
        await this.checkScope(manager, agencyIds, placeIds);
        const id = await this.openIn(manager, ctx, {
          title: dto.title,
          origin: dto.origin,
          complaintId: null,
          agencyIds,
          placeIds,
          termsOfReference: dto.termsOfReference,
        });
        return this.presentOne(manager, ctx, await this.findReadable(manager, ctx, id));
      }),
    );
  }

  /**
   * Opens an investigation in the caller's transaction, with its first audit event in its own chain. The scope
   * must already be checked (agencies the office oversees, places they run).
   */
  async openIn(manager: EntityManager, ctx: RequestContext, o: Opening): Promise<string> {
    const id = newId();
    const now = new Date();
    const snapshot = open(o.agencyIds);
    await this.investigations.insert(manager, {
      id,
      title: o.title,
      origin: o.origin,
      complaint_id: o.complaintId,
      agency_ids: o.agencyIds,
      place_ids: o.placeIds,
      terms_of_reference: o.termsOfReference,
      investigators: [],
      opened_by: ctx.actor.id,
      opened_at: now,
      draft_text: null,
      proposed_recommendations: null,
      final_text: null,
      close_reason: null,
      updated_at: now,
      ...decidedColumns(snapshot),
    });
    await this.audit.appendFor(manager, ctx, {
      ...ownChain('investigation', id),
      action: 'investigation.opened',
      payload: {
        version: snapshot.version,
        title: o.title,
        origin: o.origin,
        complaintId: o.complaintId,
        scope: { agencyIds: o.agencyIds, placeIds: o.placeIds },
        termsOfReference: o.termsOfReference,
      },
    });
    return id;
  }

  async list(ctx: RequestContext, q: ListInvestigationsQuery): Promise<Page<InvestigationResponse>> {
    const limit = pageSize(q);
    const after = decodeIdCursor(q.cursor);
    const manager = this.db.manager;
    const rows = await this.investigations.listReadable(manager, ctx.ability, ctx.actor, {
      state: q.state,
      agencyId: q.agencyId?.toLowerCase(),
      afterId: after?.id,
      limit,
    });
    const page = toIdPage(rows, limit);
    return { items: await this.present(manager, ctx, page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<InvestigationResponse> {
    const manager = this.db.manager;
    return this.presentOne(manager, ctx, await this.findReadable(manager, ctx, id));
  }

  /** Whether the investigation exists and the caller may read it (the same filter as every read). */
  async readable(ctx: Pick<RequestContext, 'ability' | 'actor'>, id: string): Promise<boolean> {
    return (await this.investigations.findReadable(this.db.manager, ctx.ability, ctx.actor, id)) !== undefined;
  }

  /**
   * One action on one version: 404 unless readable, 403 unless CASL allows it on this investigation, 409 when the
   * version moved on (checked again by the conditional UPDATE), then the state machine's 409/422 and the checks
   * only the database can make (422).
   */
  async act(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: InvestigationAction,
  ): Promise<InvestigationResponse> {
    return this.db.transaction(async (manager) => {
      const row = await this.findReadable(manager, ctx, id);
      const judged = gate(ctx.ability, investigationAttributes(partiesOf(row), ctx.actor), action.type);
      if (judged === 'not_found') throw new NotFound('The investigation');
      if (judged === 'forbidden') {
        throw new Forbidden(`You may not ${INVESTIGATION_TRANSITIONS[action.type].route.replaceAll('_', ' ')} here.`);
      }
      if (row.version !== expectedVersion) throw this.versionConflict(ctx, row);
      const now = new Date();
      const result = decide(snapshotOf(row), action, now, this.config.investigations);
      if (!result.ok) throw this.rejectionError(ctx, row, result.rejection);
      const next: InvestigationRow = { ...row, ...decidedColumns(result.next), updated_at: now };
      let payload: Record<string, JsonValue> = {};
      let evidence: EvidenceRow | undefined;
      let comment: CommentRow | undefined;
      switch (action.type) {
        case 'assign_investigators':
          next.investigators = action.reviewerIds.map((r) => r.toLowerCase());
          await this.checkInvestigators(manager, next.investigators, row.agency_ids);
          payload = { investigators: next.investigators };
          break;
        case 'add_evidence':
          evidence = {
            investigation_id: id,
            kind: action.kind,
            record_id: action.id.toLowerCase(),
            note: action.note,
            added_by: ctx.actor.id,
            added_at: now,
          };
          await this.checkEvidence(manager, row, evidence);
          payload = { kind: evidence.kind, id: evidence.record_id, note: evidence.note };
          break;
        case 'draft': {
          const proposals = action.proposedRecommendations.map((p) => ({
            agencyId: p.agencyId.toLowerCase(),
            theme: p.theme,
            priority: p.priority,
            text: p.text,
          }));
          next.draft_text = action.text;
          next.proposed_recommendations = proposals;
          payload = {
            text: action.text,
            proposedRecommendations: proposals,
            commentsCloseAt: next.comments_close_at!.toISOString(),
          };
          break;
        }
        case 'comment':
          comment = {
            id: newId(),
            investigation_id: id,
            // gate let only a supervisor or decision maker of an agency in scope this far: it has an agency.
            agency_id: ctx.actor.agencyId!,
            author_id: ctx.actor.id,
            author_role: ctx.actor.role,
            text: action.text,
            at: now,
          };
          payload = { commentId: comment.id, agencyId: comment.agency_id, text: comment.text };
          break;
        case 'publish':
          next.final_text = action.text;
          payload = { text: action.text };
          break;
        case 'close_without_findings':
          next.close_reason = action.reason;
          payload = { reason: action.reason };
          break;
      }
      if (!(await this.investigations.update(manager, expectedVersion, next))) {
        throw this.versionConflict(ctx, await this.findReadable(manager, ctx, id));
      }
      if (evidence) await this.investigations.insertEvidence(manager, newId(), evidence);
      if (comment) await this.investigations.insertComment(manager, comment);
      if (action.type === 'publish') {
        payload.recommendationIds = await this.recommendations.issueForInvestigation(
          manager,
          ctx,
          id,
          row.proposed_recommendations ?? [],
        );
      }
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('investigation', id),
        action: `investigation.${PAST_TENSE[action.type]}`,
        payload: { version: next.version, fromState: row.state, toState: next.state, ...payload },
      });
      return this.presentOne(manager, ctx, await this.findReadable(manager, ctx, id));
    });
  }

  /** SPEC §13: the agencies the office oversees (not the office itself), and places that agencies in scope run. */
  async checkScope(manager: EntityManager, agencyIds: string[], placeIds: string[]): Promise<void> {
    const refused = notOverseen('scope.agencyIds', agencyIds, await agencyKinds(manager, agencyIds));
    if (refused) {
      throw new Unprocessable('invalid-scope', 'The scope names agencies the office does not oversee.', [refused]);
    }
    const operators = await this.investigations.placeOperators(manager, placeIds);
    const foreign = placeIds.filter((p) => !agencyIds.includes(operators.get(p) ?? ''));
    if (foreign.length > 0) {
      throw new Unprocessable('invalid-scope', 'The scope names places no agency in scope runs.', [
        { field: 'scope.placeIds', message: `must be places run by an agency in scope: ${foreign.join(', ')}` },
      ]);
    }
  }

  /** SPEC §13: investigators are reviewers, none with a conflict with an agency in scope. */
  private async checkInvestigators(manager: EntityManager, reviewerIds: string[], agencyIds: string[]): Promise<void> {
    const reviewers = await this.investigations.reviewers(manager, reviewerIds);
    const unknown = reviewerIds.filter((r) => !reviewers.has(r));
    if (unknown.length > 0) {
      throw new Unprocessable('unknown-reviewer', 'Every investigator must be a reviewer.', [
        { field: 'reviewerIds', message: `not reviewers: ${unknown.join(', ')}` },
      ]);
    }
    const conflicted = reviewerIds.filter((r) => reviewers.get(r)!.some((a) => agencyIds.includes(a)));
    if (conflicted.length > 0) {
      throw new Unprocessable('conflict-of-interest', 'An investigator has a conflict with an agency in scope.', [
        { field: 'reviewerIds', message: `conflicted with an agency in scope: ${conflicted.join(', ')}` },
      ]);
    }
  }

  /** SPEC §13: evidence links a record of an agency or place in scope, once. */
  private async checkEvidence(manager: EntityManager, row: InvestigationRow, e: EvidenceRow): Promise<void> {
    if (!(await this.investigations.recordInScope(manager, e.kind, e.record_id, row.agency_ids, row.place_ids))) {
      throw new Unprocessable('evidence-out-of-scope', `The ${e.kind.replace('_', ' ')} is not in scope.`, [
        { field: 'id', message: `must name a ${e.kind.replace('_', ' ')} of an agency or place in scope` },
      ]);
    }
    if (await this.investigations.isEvidence(manager, row.id, e.kind, e.record_id)) {
      throw new Unprocessable('evidence-already-linked', 'The record is already evidence in this investigation.', [
        { field: 'id', message: 'is already linked' },
      ]);
    }
  }

  private async findReadable(manager: EntityManager, ctx: RequestContext, id: string): Promise<InvestigationRow> {
    return orNotFound(await this.investigations.findReadable(manager, ctx.ability, ctx.actor, id), 'The investigation');
  }

  private allowedActions(ctx: RequestContext, row: InvestigationRow, now: Date): string[] {
    const attributes = investigationAttributes(partiesOf(row), ctx.actor);
    return actionsOpenAt(snapshotOf(row), now).filter((a) => gate(ctx.ability, attributes, a) === 'allowed');
  }

  private versionConflict(ctx: RequestContext, row: InvestigationRow): Conflict {
    return new Conflict(
      'version-conflict',
      `The investigation has moved on to version ${row.version}; reload it and act again.`,
      { currentVersion: row.version, state: row.state, allowedActions: this.allowedActions(ctx, row, new Date()) },
    );
  }

  private rejectionError(ctx: RequestContext, row: InvestigationRow, r: InvestigationRejection): Error {
    if (r.kind === 'not_allowed_from_state') {
      return new Conflict('investigation-action-not-allowed', r.message, {
        state: r.state,
        allowedActions: this.allowedActions(ctx, row, new Date()),
      });
    }
    return new Unprocessable(
      r.guard === 'comment_period_closed' ? 'comment-period-closed' : 'guard-failed',
      r.message,
      r.field === null ? [] : [{ field: r.field, message: r.message }],
      { guard: r.guard, ...(r.closedAt ? { commentsCloseAt: r.closedAt.toISOString() } : {}) },
    );
  }

  private async presentOne(
    manager: EntityManager,
    ctx: RequestContext,
    row: InvestigationRow,
  ): Promise<InvestigationResponse> {
    const [presented] = await this.present(manager, ctx, [row]);
    return presented;
  }

  /**
   * Investigations as the caller may see them (SPEC §13): what CASL keeps from the caller is left out, not emptied,
   * and an agency in scope sees of the proposals, comments and recommendations only those of its own agency.
   */
  private async present(
    manager: EntityManager,
    ctx: RequestContext,
    rows: InvestigationRow[],
  ): Promise<InvestigationResponse[]> {
    const ids = rows.map((r) => r.id);
    const evidence = await this.investigations.evidenceOf(manager, ids);
    const comments = await this.investigations.commentsOf(manager, ids);
    const recommendations = await this.investigations.recommendationsOf(manager, ids);
    const now = new Date();
    return rows.map((r) => {
      const subject = subjectOf('Investigation', investigationAttributes(partiesOf(r), ctx.actor));
      const may = (field: string) => ctx.ability.can('read', subject, field);
      const concerns = (agencyId: string) => may('otherAgencies') || agencyId === ctx.actor.agencyId;
      return {
        id: r.id,
        title: r.title,
        state: r.state,
        version: r.version,
        ...(may('origin') ? { origin: r.origin } : {}),
        ...(may('complaintId') ? { complaintId: r.complaint_id } : {}),
        ...(may('scope') ? { scope: { agencyIds: r.agency_ids, placeIds: r.place_ids } } : {}),
        ...(may('termsOfReference') ? { termsOfReference: r.terms_of_reference } : {}),
        ...(may('investigators') ? { investigators: r.investigators } : {}),
        ...(may('evidence')
          ? {
              evidence: evidence
                .filter((e) => e.investigation_id === r.id)
                .map((e) => ({
                  kind: e.kind,
                  id: e.record_id,
                  note: e.note,
                  addedBy: e.added_by,
                  addedAt: e.added_at.toISOString(),
                })),
            }
          : {}),
        ...(may('openedAt') ? { openedAt: r.opened_at.toISOString() } : {}),
        draft:
          r.drafted_at === null
            ? null
            : {
                text: r.draft_text!,
                proposedRecommendations: (r.proposed_recommendations ?? []).filter((p) => concerns(p.agencyId)),
                at: r.drafted_at.toISOString(),
              },
        commentsCloseAt: r.comments_close_at?.toISOString() ?? null,
        ...(may('comments')
          ? {
              comments: comments
                .filter((c) => c.investigation_id === r.id && concerns(c.agency_id))
                .map((c) => ({
                  id: c.id,
                  agencyId: c.agency_id,
                  by: { id: c.author_id, role: c.author_role },
                  text: c.text,
                  at: c.at.toISOString(),
                })),
            }
          : {}),
        finalText: r.final_text,
        publishedAt: r.published_at?.toISOString() ?? null,
        ...(may('closedAt') ? { closedAt: r.closed_at?.toISOString() ?? null } : {}),
        ...(may('closeReason') ? { closeReason: r.close_reason } : {}),
        recommendationIds: recommendations
          .filter((x) => x.source_id === r.id && concerns(x.agency_id))
          .map((x) => x.id),
        allowedActions: this.allowedActions(ctx, r, now),
      };
    });
  }
}

function partiesOf(r: InvestigationRow) {
  return { state: r.state, agencyIds: r.agency_ids, investigators: r.investigators };
}

function snapshotOf(r: InvestigationRow): InvestigationSnapshot {
  return {
    state: r.state,
    version: r.version,
    agencyIds: r.agency_ids,
    draftedAt: r.drafted_at,
    commentsCloseAt: r.comments_close_at,
    publishedAt: r.published_at,
    closedAt: r.closed_at,
  };
}

/** The columns the state machine decides, for a row about to be written. */
function decidedColumns(s: InvestigationSnapshot) {
  return {
    state: s.state,
    version: s.version,
    drafted_at: s.draftedAt,
    comments_close_at: s.commentsCloseAt,
    published_at: s.publishedAt,
    closed_at: s.closedAt,
  };
}
