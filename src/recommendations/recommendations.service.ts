import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AlertSettler } from '../alerts/alert-settler.js';
import { settleRecommendation } from '../alerts/domain/recommendation-clocks.js';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { subjectOf, type AppAbility } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { decodeIdCursor, type Page, pageSize, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { Idempotency, type IdempotentResult } from '../idempotency/idempotency.js';
import { toCsv, type CsvColumn } from '../reports/domain/csv.js';
import {
  allowedFromState,
  decide,
  issue,
  type RecommendationAction,
  type RecommendationActionType,
  type RecommendationConfig,
  type RecommendationRejection,
  type Priority,
  type SourceKind,
  type Theme,
  visitSourceRefusal,
} from './domain/recommendation-workflow.js';
import type {
  CreateRecommendationDto,
  ListRecommendationsQuery,
  RecommendationHistoryDto,
  RecommendationResponseDto,
} from './dto.js';
import {
  recommendationSnapshotOf,
  RecommendationsRepository,
  type HistoryRow,
  type RecommendationRow,
} from './persistence/recommendations.repository.js';

interface IssuedRecommendation {
  agencyId: string;
  source: { kind: SourceKind; id: string | null };
  theme: Theme;
  priority: Priority;
  text: string;
  repeatOf: string | null;
}

/** Roles of the commissioner's office: agencies see that the office acted, not which of its staff. */
const OFFICE_ROLES: readonly string[] = ['commissioner', 'reviewer', 'analyst'];

const PAST_TENSE: Record<RecommendationActionType, string> = {
  respond: 'responded',
  progress: 'progress_reported',
  verify: 'verified',
  withdraw: 'withdrawn',
};

/** The register (SPEC §12): load, ask CASL then the pure state machine, write with a version check, audit. */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly db: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly audit: AuditLog,
    private readonly idempotency: Idempotency,
    private readonly config: AppConfig,
    private readonly alerts: AlertSettler,
  ) {}

  async create(
    ctx: RequestContext,
    dto: CreateRecommendationDto,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<RecommendationResponseDto>> {
    // UUIDs compare as text below (repeatOf's agency): one spelling throughout.
    const agencyId = dto.agencyId.toLowerCase();
    if (!ctx.ability.can('create', subjectOf('Recommendation', { agencyId }))) {
      throw new Forbidden('Only the commissioner issues recommendations.');
    }
    const request = { route: 'POST /recommendations', body: dto };
    return this.db.transaction((manager) =>
      this.idempotency.run(manager, ctx.actor.id, idempotencyKey, request, async () => {
        await this.checkAddressee(manager, agencyId, dto);
        const id = await this.issueIn(manager, ctx, {
          agencyId,
          source: { kind: dto.source.kind, id: dto.source.id?.toLowerCase() ?? null },
          theme: dto.theme,
          priority: dto.priority,
          text: dto.text,
          repeatOf: dto.repeatOf?.toLowerCase() ?? null,
        });
        return this.presentFull(manager, ctx, await this.findReadable(manager, ctx.ability, id));
      }),
    );
  }

  /**
   * SPEC §13: publishing an investigation issues its proposed recommendations, each with the investigation as its
   * source, in the publishing transaction. The only way an `investigation` source is ever set.
   */
  async issueForInvestigation(
    manager: EntityManager,
    ctx: RequestContext,
    investigationId: string,
    proposals: readonly { agencyId: string; theme: Theme; priority: Priority; text: string }[],
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const p of proposals) {
      ids.push(
        await this.issueIn(manager, ctx, {
          ...p,
          source: { kind: 'investigation', id: investigationId },
          repeatOf: null,
        }),
      );
    }
    return ids;
  }

  /** The issue path every recommendation takes: its opening state, its first history line, its audit event. */
  private async issueIn(manager: EntityManager, ctx: RequestContext, r: IssuedRecommendation): Promise<string> {
    const id = newId();
    const { snapshot, entry } = issue(r.priority, { id: ctx.actor.id }, new Date(), this.workflowConfig());
    await this.recommendations.insert(
      manager,
      {
        id,
        agencyId: r.agencyId,
        source: r.source,
        theme: r.theme,
        text: r.text,
        repeatOf: r.repeatOf,
        snapshot,
        createdBy: ctx.actor.id,
      },
      entry,
      ctx.actor.role,
    );
    await this.audit.appendFor(manager, ctx, {
      ...ownChain('recommendation', id),
      action: 'recommendation.issued',
      payload: {
        version: snapshot.version,
        agencyId: r.agencyId,
        source: r.source,
        theme: r.theme,
        priority: r.priority,
        text: r.text,
        repeatOf: r.repeatOf,
        responseDueAt: snapshot.responseDueAt.toISOString(),
      },
    });
    return id;
  }

  async list(ctx: RequestContext, q: ListRecommendationsQuery): Promise<Page<RecommendationResponseDto>> {
    const limit = pageSize(q);
    const after = decodeIdCursor(q.cursor);
    const rows = await this.recommendations.listReadable(this.db.manager, ctx.ability, {
      agencyId: q.agencyId,
      state: q.state,
      theme: q.theme,
      sourceKind: q.sourceKind,
      overdueAt: q.overdue ? new Date() : undefined,
      afterId: after?.id,
      limit,
    });
    return toPage(
      rows,
      limit,
      (r) => this.present(ctx.ability, r),
      (r) => ({ id: r.id }),
    );
  }

  /** The same page as `list`, as RFC 4180 CSV (formula-injection safe); the next page's cursor beside it. */
  async listCsv(ctx: RequestContext, q: ListRecommendationsQuery): Promise<{ csv: string; nextCursor: string | null }> {
    const page = await this.list(ctx, q);
    return { csv: toCsv(CSV_COLUMNS, page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<RecommendationResponseDto> {
    const manager = this.db.manager;
    return this.presentFull(manager, ctx, await this.findReadable(manager, ctx.ability, id));
  }

  /** Whether the recommendation exists and the caller may read it (the same filter as every read). */
  async readable(ability: AppAbility, id: string): Promise<boolean> {
    return (await this.recommendations.findReadable(this.db.manager, ability, id)) !== undefined;
  }

  /**
   * One action on one version: 404 unless readable, 403 unless CASL allows
   * it on this recommendation, 409 when the version moved on (checked again
   * by the conditional UPDATE, so concurrent writers of one version get one
   * success), then the state machine's 409/422.
   */
  async act(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: RecommendationAction,
  ): Promise<RecommendationResponseDto> {
    return this.db.transaction(async (manager) => {
      const row = await this.findReadable(manager, ctx.ability, id);
      if (!ctx.ability.can(action.type, subjectOf('Recommendation', { agencyId: row.agency_id }))) {
        throw new Forbidden(`You may not ${action.type} this recommendation.`);
      }
      if (row.version !== expectedVersion) throw this.versionConflict(ctx.ability, row);
      const result = decide(
        recommendationSnapshotOf(row),
        action,
        { id: ctx.actor.id },
        new Date(),
        this.workflowConfig(),
      );
      if (!result.ok) throw this.rejectionError(ctx.ability, row, result.rejection);
      const written = await this.recommendations.applyTransition(
        manager,
        id,
        expectedVersion,
        result.next,
        result.entry,
        ctx.actor.role,
      );
      if (!written) throw this.versionConflict(ctx.ability, await this.findReadable(manager, ctx.ability, id));
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('recommendation', id),
        action: `recommendation.${PAST_TENSE[action.type]}`,
        payload: {
          version: result.next.version,
          fromState: result.entry.fromState,
          toState: result.entry.toState,
          ...result.entry.details,
        },
      });
      // A response, a claim or a withdrawal ends a clock: its alert resolves with the action (SPEC §12).
      const clock = { recommendationId: id, agencyId: row.agency_id, snapshot: result.next };
      const at = result.entry.at;
      await this.alerts.settle(
        manager,
        ctx,
        { type: 'recommendation', id },
        (u) => settleRecommendation(clock, u, at),
        at,
      );
      return this.presentFull(manager, ctx, await this.findReadable(manager, ctx.ability, id));
    });
  }

  /** SPEC §12: who may be addressed, from what, repeating what. */
  private async checkAddressee(manager: EntityManager, agencyId: string, dto: CreateRecommendationDto): Promise<void> {
    const refuse = (field: string, message: string): never => {
      throw new Unprocessable('invalid-recommendation', `${field} ${message}.`, [{ field, message }]);
    };
    const kind = await this.recommendations.agencyKind(manager, agencyId);
    if (kind === undefined) refuse('agencyId', 'names no agency');
    if (kind !== 'frontline' && kind !== 'competent_authority') {
      refuse('agencyId', 'must be a frontline agency or the competent authority');
    }
    const sourceId = dto.source.id;
    switch (dto.source.kind) {
      case 'own_initiative':
        if (sourceId !== undefined) refuse('source.id', 'must be absent for an own-initiative recommendation');
        break;
      case 'review':
        if (sourceId === undefined) refuse('source.id', 'is required for a review source');
        if (!(await this.recommendations.isReviewSourceFor(manager, sourceId!.toLowerCase(), agencyId))) {
          refuse(
            'source.id',
            'must be a concluded review with finding concern or disagree of a decision that agency made',
          );
        }
        break;
      case 'visit': {
        if (sourceId === undefined) refuse('source.id', 'is required for a visit source');
        const refusal = visitSourceRefusal(
          await this.recommendations.visitSource(manager, sourceId!.toLowerCase()),
          agencyId,
        );
        if (refusal !== null) refuse('source.id', refusal);
        break;
      }
      case 'investigation':
        refuse('source.kind', 'investigation is set only by publishing an investigation');
        break;
    }
    if (dto.repeatOf !== undefined) {
      const earlier = await this.recommendations.agencyOf(manager, dto.repeatOf.toLowerCase());
      if (earlier !== agencyId) refuse('repeatOf', 'must be an earlier recommendation to the same agency');
    }
  }

  private workflowConfig(): RecommendationConfig {
    return this.config.recommendations;
  }

  private async findReadable(manager: EntityManager, ability: AppAbility, id: string): Promise<RecommendationRow> {
    const row = orNotFound(await this.recommendations.findReadable(manager, ability, id), 'The recommendation');
    return row;
  }

  private allowedActions(ability: AppAbility, r: RecommendationRow): RecommendationActionType[] {
    const subject = subjectOf('Recommendation', { agencyId: r.agency_id });
    return allowedFromState(r.state).filter((action) => ability.can(action, subject));
  }

  private versionConflict(ability: AppAbility, row: RecommendationRow): Conflict {
    return new Conflict(
      'version-conflict',
      `The recommendation has moved on to version ${row.version}; reload it and act again.`,
      { currentVersion: row.version, state: row.state, allowedActions: this.allowedActions(ability, row) },
    );
  }

  private rejectionError(ability: AppAbility, row: RecommendationRow, r: RecommendationRejection): Error {
    switch (r.kind) {
      case 'not_allowed_from_state':
        return new Conflict('recommendation-action-not-allowed', r.message, {
          state: r.state,
          allowedActions: this.allowedActions(ability, row),
        });
      case 'missing_field':
        return new Unprocessable('missing-field', r.message, [{ field: r.field, message: r.message }]);
      case 'guard_failed':
        return new Unprocessable('guard-failed', r.message, [{ field: r.field, message: r.message }], {
          guard: r.guard,
        });
    }
  }

  private present(ability: AppAbility, r: RecommendationRow): RecommendationResponseDto {
    return {
      id: r.id,
      agencyId: r.agency_id,
      source: { kind: r.source_kind, id: r.source_id },
      theme: r.theme,
      priority: r.priority,
      text: r.text,
      repeatOf: r.repeat_of,
      state: r.state,
      version: r.version,
      issuedAt: r.issued_at.toISOString(),
      responseDueAt: r.response_due_at.toISOString(),
      targetDate: r.target_date,
      allowedActions: this.allowedActions(ability, r),
    };
  }

  private async presentFull(
    manager: EntityManager,
    ctx: RequestContext,
    r: RecommendationRow,
  ): Promise<RecommendationResponseDto> {
    const staff = OFFICE_ROLES.includes(ctx.actor.role);
    const history = (await this.recommendations.history(manager, r.id)).map((h) => historyLine(h, staff));
    const { allowedActions, ...rest } = this.present(ctx.ability, r);
    return { ...rest, history, allowedActions };
  }
}

function historyLine(h: HistoryRow, staffReads: boolean): RecommendationHistoryDto {
  return {
    at: h.at.toISOString(),
    action: h.action,
    by: { id: staffReads || !OFFICE_ROLES.includes(h.actor_role) ? h.actor_id : null, role: h.actor_role },
    version: h.version,
    fromState: h.from_state,
    toState: h.to_state,
    ...h.details,
  };
}

const CSV_COLUMNS: CsvColumn<RecommendationResponseDto>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'agencyId', value: (r) => r.agencyId },
  { header: 'sourceKind', value: (r) => r.source.kind },
  { header: 'sourceId', value: (r) => r.source.id },
  { header: 'theme', value: (r) => r.theme },
  { header: 'priority', value: (r) => r.priority },
  { header: 'state', value: (r) => r.state },
  { header: 'version', value: (r) => r.version },
  { header: 'issuedAt', value: (r) => r.issuedAt },
  { header: 'responseDueAt', value: (r) => r.responseDueAt },
  { header: 'targetDate', value: (r) => r.targetDate },
  { header: 'repeatOf', value: (r) => r.repeatOf },
  { header: 'text', value: (r) => r.text },
];
