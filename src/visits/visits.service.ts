import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains, ownChain } from '../audit/domain/audit-event.js';
import type { JsonValue } from '../audit/domain/hash-chain.js';
import { CASE_PII_FIELDS, subjectOf, type AppAbility } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, NotFound, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { decodeIdCursor, type Page, type PageQueryDto, pageSize, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { Idempotency, type IdempotentResult } from '../idempotency/idempotency.js';
import type { CasePii } from '../cases/case-presenter.js';
import { piiContext } from '../cases/cases.service.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { isDate, planVisits } from './domain/visit-plan.js';
import { actionsFrom, decideVisit, type VisitAction } from './domain/visit-workflow.js';
import type {
  AssignTeamDto,
  CancelVisitDto,
  CreateVisitDto,
  CreateVisitPlanDto,
  ListVisitsQuery,
  RecordFindingDto,
  ReportVisitDto,
  RollEntryResponse,
  RollQuery,
  RollResponse,
  StartVisitDto,
  VisitPlanResponse,
  VisitPlanSummaryResponse,
  VisitResponse,
} from './dto.js';
import {
  detentionRoll,
  VisitsRepository,
  type FindingRow,
  type PlanRow,
  type VisitRow,
} from './persistence/visits.repository.js';

export function planSeedContext(planId: string): string {
  return `visit-plan:${planId}`;
}

type Command =
  | { action: 'assign_team'; dto: AssignTeamDto }
  | { action: 'start'; dto: StartVisitDto }
  | { action: 'record_findings'; dto: RecordFindingDto }
  | { action: 'report'; dto: ReportVisitDto }
  | { action: 'cancel'; dto: CancelVisitDto };

/** Visit plans and visits (SPEC §11). Deciding is the domain's (visit-plan.ts, visit-workflow.ts) and CASL's. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly db: DataSource,
    private readonly visits: VisitsRepository,
    private readonly audit: AuditLog,
    private readonly cipher: PiiCipher,
    private readonly idempotency: Idempotency,
  ) {}

  async createPlan(
    ctx: RequestContext,
    dto: CreateVisitPlanDto,
    key: string | undefined,
  ): Promise<IdempotentResult<VisitPlanResponse>> {
    if (!ctx.ability.can('create', 'VisitPlan')) throw new Forbidden('Only the commissioner makes visit plans.');
    return this.db.transaction((manager) =>
      this.idempotency.run(manager, ctx.actor.id, key, { route: 'POST /visit-plans', body: dto }, async () => {
        const id = newId();
        const now = new Date();
        const seed = dto.seed ? Buffer.from(dto.seed, 'hex') : randomBytes(32);
        const places = await this.visits.riskInputs(manager, now);
        const outcome = planVisits({ planId: id, seed, from: dto.from, to: dto.to, count: dto.count, places });
        if (!outcome.ok) {
          const { code, field, message } = outcome.rejection;
          throw new Unprocessable(code, message, [{ field, message }]);
        }
        const { plan } = outcome;
        const sealed = this.cipher.sealJson(seed.toString('hex'), planSeedContext(id));
        const row: PlanRow = {
          id,
          from_day: dto.from,
          to_day: dto.to,
          count: dto.count,
          seed_ciphertext: sealed.ciphertext,
          seed_key_id: sealed.keyId,
          digest: plan.digest,
          places: plan.considered,
          created_by: ctx.actor.id,
          created_at: now,
        };
        await this.visits.insertPlan(manager, row);
        const agencies = await this.visits.agenciesOf(
          manager,
          plan.visits.map((v) => v.placeId),
        );
        const visits: VisitRow[] = plan.visits.map((v) => ({
          ...newVisit(v.placeId, agencies.get(v.placeId)!, v.day, now),
          plan_id: id,
        }));
        await this.visits.insertVisits(manager, visits);
        // The digest in the log, in the plan's own chain: the office can later show the plan was not changed.
        await this.audit.appendFor(manager, ctx, {
          chainId: chains.of('visit-plan', id),
          action: 'visit_plan.created',
          subject: { type: 'visit_plan', id },
          payload: {
            from: dto.from,
            to: dto.to,
            count: dto.count,
            digest: plan.digest,
            visits: visits.map((v) => ({ visitId: v.id, placeId: v.place_id, day: v.day })),
          },
        });
        return this.planResponse(ctx, row, visits, []);
      }),
    );
  }

  async listPlans(ctx: RequestContext, query: PageQueryDto): Promise<Page<VisitPlanSummaryResponse>> {
    if (!ctx.ability.can('read', 'VisitPlan')) return { items: [], nextCursor: null };
    const limit = pageSize(query);
    const after = decodeIdCursor(query.cursor);
    const rows = await this.visits.listPlans(after?.id, limit);
    return toPage(
      rows,
      limit,
      (p) => ({
        id: p.id,
        from: p.from_day,
        to: p.to_day,
        count: p.count,
        digest: p.digest,
        createdAt: iso(p.created_at),
      }),
      (p) => ({ id: p.id }),
    );
  }

  async getPlan(ctx: RequestContext, id: string): Promise<VisitPlanResponse> {
    const plan = ctx.ability.can('read', 'VisitPlan') ? await this.visits.findPlan(id) : undefined;
    if (!plan) throw new NotFound('The visit plan');
    const visits = await this.visits.listReadable(ctx.ability, ctx.actor.id, { planId: id, limit: 10_000 });
    const findings = await this.visits.findings(visits.map((v) => v.id));
    return this.planResponse(ctx, plan, visits, findings);
  }

  async createVisit(
    ctx: RequestContext,
    dto: CreateVisitDto,
    key: string | undefined,
  ): Promise<IdempotentResult<VisitResponse>> {
    if (!ctx.ability.can('create', 'Visit')) throw new Forbidden('Only the commissioner arranges visits.');
    if (!isDate(dto.day)) {
      throw new Unprocessable('invalid-day', 'day is no calendar date.', [{ field: 'day', message: 'is no date' }]);
    }
    return this.db.transaction((manager) =>
      this.idempotency.run(manager, ctx.actor.id, key, { route: 'POST /visits', body: dto }, async () => {
        const place = await this.visits.placeForVisit(manager, dto.placeId);
        if (!place?.active) {
          throw new Unprocessable('unknown-place', 'The place is unknown or inactive.', [
            { field: 'placeId', message: 'must be an active place' },
          ]);
        }
        const visit = newVisit(dto.placeId, place.agency_id, dto.day, new Date());
        await this.visits.insertVisits(manager, [visit]);
        await this.record(manager, ctx, visit.id, 'visit.created', { placeId: visit.place_id, day: visit.day });
        return this.visitResponse(ctx.ability, ctx.actor.id, visit, []);
      }),
    );
  }

  async list(ctx: RequestContext, query: ListVisitsQuery): Promise<Page<VisitResponse>> {
    const limit = pageSize(query);
    const after = decodeIdCursor(query.cursor);
    const rows = await this.visits.listReadable(ctx.ability, ctx.actor.id, {
      state: query.state,
      placeId: query.placeId,
      agencyId: query.agencyId,
      afterId: after?.id,
      limit,
    });
    const findings = await this.visits.findings(rows.slice(0, limit).map((v) => v.id));
    return toPage(
      rows,
      limit,
      (v) => this.visitResponse(ctx.ability, ctx.actor.id, v, findings),
      (v) => ({ id: v.id }),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<VisitResponse> {
    const visit = orNotFound(await this.visits.findReadable(ctx.ability, ctx.actor.id, id), 'The visit');
    return this.visitResponse(ctx.ability, ctx.actor.id, visit, await this.visits.findings([id]));
  }

  /**
   * The inspector's list of detainees (SPEC §11): who is detained at the visited place now. With include=pii,
   * the personal data the reader may read, and one audit event naming the reader, the visit and every case
   * whose data is shown, written before the data leaves.
   */
  async roll(ctx: RequestContext, id: string, query: RollQuery): Promise<RollResponse> {
    const visit = orNotFound(await this.visits.findReadable(ctx.ability, ctx.actor.id, id), 'The visit');
    if (!ctx.ability.can('read_roll', visitSubject(visit, ctx.actor.id))) {
      throw new Forbidden('Only the commissioner and the visit’s team read the roll.');
    }
    if (visit.state !== 'in_progress') {
      throw new Conflict('visit-not-in-progress', 'The roll is read while the visit is in progress.', {
        state: visit.state,
      });
    }
    const now = new Date();
    const rows = await detentionRoll(this.db, visit.place_id, query.include === 'pii');
    const shown: string[] = [];
    const detained: RollEntryResponse[] = rows.map((r) => {
      const entry: RollEntryResponse = {
        caseId: r.case_id,
        externalRef: r.external_ref,
        state: r.state,
        detainedSince: iso(r.detained_at),
        hoursDetained: Math.floor((now.getTime() - r.detained_at.getTime()) / 3_600_000),
        openAlerts: r.open_alerts,
        legalBasis: r.legal_basis,
      };
      const subject = subjectOf('Case', { agencyId: r.agency_id, everReferred: r.ever_referred, state: r.state });
      if (r.pii_ciphertext && r.pii_key_id && CASE_PII_FIELDS.every((f) => ctx.ability.can('read', subject, f))) {
        entry.subject = this.cipher.openJson<CasePii>(
          { ciphertext: r.pii_ciphertext, keyId: r.pii_key_id },
          piiContext(r.case_id),
        );
        shown.push(r.case_id);
      }
      return entry;
    });
    if (shown.length > 0) {
      await this.db.transaction((manager) =>
        this.audit.appendFor(manager, ctx, {
          chainId: chains.piiReadsBy(ctx.actor.id),
          action: 'visit.roll_pii_read',
          subject: { type: 'visit', id },
          payload: { visitId: id, placeId: visit.place_id, caseIds: shown },
        }),
      );
    }
    return { visitId: id, placeId: visit.place_id, takenAt: iso(now), detained };
  }

  start(ctx: RequestContext, id: string, dto: StartVisitDto): Promise<VisitResponse> {
    return this.act(ctx, id, { action: 'start', dto });
  }

  assignTeam(ctx: RequestContext, id: string, dto: AssignTeamDto): Promise<VisitResponse> {
    return this.act(ctx, id, { action: 'assign_team', dto });
  }

  recordFinding(ctx: RequestContext, id: string, dto: RecordFindingDto): Promise<VisitResponse> {
    return this.act(ctx, id, { action: 'record_findings', dto });
  }

  report(ctx: RequestContext, id: string, dto: ReportVisitDto): Promise<VisitResponse> {
    return this.act(ctx, id, { action: 'report', dto });
  }

  cancel(ctx: RequestContext, id: string, dto: CancelVisitDto): Promise<VisitResponse> {
    return this.act(ctx, id, { action: 'cancel', dto });
  }

  /** One action: read (404 if unreadable) → may (403) → the state machine (409) → checks (422) → conditional write. */
  private act(ctx: RequestContext, id: string, command: Command): Promise<VisitResponse> {
    return this.db.transaction(async (manager) => {
      const visit = orNotFound(await this.visits.findReadable(ctx.ability, ctx.actor.id, id, manager), 'The visit');
      if (!ctx.ability.can(command.action, visitSubject(visit, ctx.actor.id))) {
        throw new Forbidden(`You may not ${command.action.replace('_', ' ')} on this visit.`);
      }
      const decided = decideVisit(visit, command.action, command.dto.expectedVersion);
      if (!decided.ok) {
        const r = decided.rejection;
        if (r.kind === 'stale') {
          throw new Conflict('version-conflict', r.message, { currentVersion: r.currentVersion, state: visit.state });
        }
        throw new Conflict('action-not-allowed', r.message, { state: r.state });
      }
      const now = new Date();
      const next: VisitRow = { ...visit, state: decided.next.state, version: decided.next.version, updated_at: now };
      let payload: Record<string, JsonValue> = {};
      let finding: FindingRow | undefined;
      switch (command.action) {
        case 'assign_team':
          await this.checkTeam(manager, command.dto.reviewerIds, visit.agency_id);
          next.team = command.dto.reviewerIds.map((r) => r.toLowerCase());
          payload = { team: next.team };
          break;
        case 'start':
          next.started_at = now;
          break;
        case 'record_findings': {
          const caseIds = (command.dto.caseIds ?? []).map((c) => c.toLowerCase());
          await this.checkCases(manager, caseIds, visit);
          finding = {
            id: newId(),
            visit_id: id,
            text: command.dto.text,
            severity: command.dto.severity,
            case_ids: caseIds,
            recorded_by: ctx.actor.id,
            recorded_at: now,
          };
          payload = { findingId: finding.id, severity: finding.severity, text: finding.text, caseIds };
          break;
        }
        case 'report':
          next.reported_at = now;
          next.summary = command.dto.summary;
          payload = { summary: next.summary };
          break;
        case 'cancel':
          next.cancelled_at = now;
          next.cancel_reason = command.dto.reason;
          payload = { reason: next.cancel_reason };
          break;
      }
      if (!(await this.visits.update(manager, visit.version, next))) {
        throw new Conflict('version-conflict', 'The visit moved on meanwhile; read it again.', {});
      }
      if (finding) await this.visits.insertFinding(manager, finding);
      await this.record(manager, ctx, id, `visit.${command.action}`, { version: next.version, ...payload });
      return this.visitResponse(ctx.ability, ctx.actor.id, next, await this.visits.findings([id], manager));
    });
  }

  /** SPEC §11: the team is reviewers, none with a conflict with the operating agency. */
  private async checkTeam(manager: EntityManager, reviewerIds: string[], agencyId: string): Promise<void> {
    const reviewers = await this.visits.reviewers(manager, reviewerIds);
    const unknown = reviewerIds.filter((r) => !reviewers.has(r.toLowerCase()));
    if (unknown.length > 0) {
      throw new Unprocessable('unknown-reviewer', 'Every team member must be a reviewer.', [
        { field: 'reviewerIds', message: `not reviewers: ${unknown.join(', ')}` },
      ]);
    }
    const conflicted = reviewerIds.filter((r) => reviewers.get(r.toLowerCase())!.includes(agencyId));
    if (conflicted.length > 0) {
      throw new Unprocessable('conflict-of-interest', 'A reviewer on the team has a conflict with the agency.', [
        { field: 'reviewerIds', message: `conflicted with the operating agency: ${conflicted.join(', ')}` },
      ]);
    }
  }

  private async checkCases(manager: EntityManager, caseIds: string[], visit: VisitRow): Promise<void> {
    if (caseIds.length === 0) return;
    const allowed = await this.visits.casesOfPlace(manager, caseIds, visit.place_id, visit.agency_id);
    const foreign = caseIds.filter((c) => !allowed.has(c));
    if (foreign.length > 0) {
      throw new Unprocessable('case-not-at-place', 'A finding names only cases at the place or of its agency.', [
        { field: 'caseIds', message: `neither detained at the place nor of its agency: ${foreign.join(', ')}` },
      ]);
    }
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    visitId: string,
    action: string,
    payload: Record<string, JsonValue>,
  ): Promise<void> {
    await this.audit.appendFor(manager, ctx, {
      ...ownChain('visit', visitId),
      action,
      payload,
    });
  }

  private planResponse(ctx: RequestContext, plan: PlanRow, visits: VisitRow[], findings: FindingRow[]) {
    const response: VisitPlanResponse = {
      id: plan.id,
      from: plan.from_day,
      to: plan.to_day,
      count: plan.count,
      digest: plan.digest,
      createdAt: iso(plan.created_at),
      visits: visits.map((v) => this.visitResponse(ctx.ability, ctx.actor.id, v, findings)),
      places: plan.places,
    };
    if (ctx.ability.can('read', 'VisitPlan', 'seed')) {
      response.seed = this.cipher.openJson<string>(
        { ciphertext: plan.seed_ciphertext, keyId: plan.seed_key_id },
        planSeedContext(plan.id),
      );
    }
    return response;
  }

  /** A visit as the caller may see it: fields CASL keeps from them are left out, not emptied. */
  private visitResponse(ability: AppAbility, actorId: string, v: VisitRow, findings: FindingRow[]): VisitResponse {
    const subject = visitSubject(v, actorId);
    const response: VisitResponse = {
      id: v.id,
      placeId: v.place_id,
      agencyId: v.agency_id,
      day: v.day,
      state: v.state,
      version: v.version,
      startedAt: v.started_at && iso(v.started_at),
      reportedAt: v.reported_at && iso(v.reported_at),
      cancelledAt: v.cancelled_at && iso(v.cancelled_at),
      allowedActions: actionsFrom(v.state).filter((a: VisitAction) => ability.can(a, subject)),
    };
    if (ability.can('read', subject, 'planId')) response.planId = v.plan_id;
    if (ability.can('read', subject, 'team')) {
      response.team = v.team;
      response.cancelReason = v.cancel_reason;
    }
    if (ability.can('read', subject, 'findings')) {
      response.summary = v.summary;
      response.findings = findings
        .filter((f) => f.visit_id === v.id)
        .map((f) => ({
          id: f.id,
          text: f.text,
          severity: f.severity,
          caseIds: f.case_ids,
          recordedAt: iso(f.recorded_at),
        }));
    }
    return response;
  }
}

function visitSubject(v: VisitRow, actorId: string) {
  return subjectOf('Visit', {
    agencyId: v.agency_id,
    started: v.started_at !== null,
    reported: v.state === 'reported',
    onTeam: v.team.includes(actorId),
  });
}

function newVisit(placeId: string, agencyId: string, day: string, now: Date): VisitRow {
  return {
    id: newId(),
    plan_id: null,
    place_id: placeId,
    agency_id: agencyId,
    day,
    state: 'planned',
    version: 0,
    team: [],
    started_at: null,
    reported_at: null,
    cancelled_at: null,
    cancel_reason: null,
    summary: null,
    created_at: now,
    updated_at: now,
  };
}

function iso(d: Date): string {
  return d.toISOString();
}
