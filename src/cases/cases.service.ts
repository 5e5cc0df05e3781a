import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { AuditVerifier } from '../audit/audit-verifier.js';
import { auditActorOf, chains, sealEvent } from '../audit/domain/audit-event.js';
import { GENESIS_HASH } from '../audit/domain/hash-chain.js';
import { CASE_PII_FIELDS, subjectOf } from '../authz/domain/abilities.js';
import { sqlState, UNIQUE_VIOLATION } from '../common/database-errors.js';
import { Conflict, Forbidden, orNotFound, Unprocessable, ValidationFailed } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { pick } from '../common/pick.js';
import { decodeCursor, decodeTimeIdCursor, pageSize, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { Idempotency, type IdempotentResult } from '../idempotency/idempotency.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { PlacesRepository } from '../places/persistence/places.repository.js';
import { caseDetail, caseSummary, decisionResponse, rowAfter, snapshotOf, type CasePii } from './case-presenter.js';
import {
  allowedFromState,
  decide,
  NO_REVIEWS,
  type DecisionRequest,
  type DecisionType,
  type Rejection,
} from './domain/identification.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';
import type {
  CaseResponse,
  CaseSummaryResponse,
  CaseVerificationResponse,
  DecisionRecordResponse,
  RecordDecisionResponse,
} from './dto/case.response.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';
import { DECISION_FIELDS, type RecordDecisionDto } from './dto/record-decision.dto.js';
import { CasesRepository, type CaseRow, type DecisionRow } from './persistence/cases.repository.js';
import { DecisionRecordsRepository } from './persistence/decision-records.repository.js';
import { hiddenReviewIds, ReviewFactsReader } from './persistence/review-facts.reader.js';
import { AlertWriter } from '../alerts/alert-writer.js';
import { NotificationSender } from '../alerts/notification-sender.js';

const PII_KEYS = ['name', 'dateOfBirth', 'documentNumber', 'contact'] as const;

/**
 * Orchestrates cases: load, ask the state machine (domain/identification.ts),
 * write the record, the projection and the audit event in one transaction.
 * It decides nothing itself.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CasesRepository,
    private readonly records: DecisionRecordsRepository,
    private readonly reviewFacts: ReviewFactsReader,
    private readonly audit: AuditLog,
    private readonly cipher: PiiCipher,
    private readonly idempotency: Idempotency,
    private readonly config: AppConfig,
    private readonly alerts: AlertWriter,
    private readonly places: PlacesRepository,
    private readonly notifications: NotificationSender,
    private readonly verifier: AuditVerifier,
  ) {}

  async open(
    ctx: RequestContext,
    dto: CreateCaseDto,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<CaseResponse>> {
    const { actor, ability } = ctx;
    const agencyId = actor.agencyId;
    if (!agencyId || !ability.can('create', subjectOf('Case', { agencyId, everReferred: false, state: 'screening' }))) {
      throw new Forbidden('Only officers of a frontline agency open cases, for their own agency.');
    }
    const now = new Date();
    const encounterAt = new Date(dto.encounter.at);
    if (encounterAt.getTime() > now.getTime()) {
      throw new Unprocessable('guard-failed', 'The encounter may not be in the future.', [
        { field: 'encounter.at', message: 'may not be in the future' },
      ]);
    }
    const owed: string[] = [];
    const result = await this.db.transaction((manager) =>
      this.idempotency.run(manager, actor.id, idempotencyKey, { route: 'POST /cases', body: dto }, async () => {
        const id = newId();
        const pii = pickPii(dto.subject);
        const subject = {
          pseudonym: dto.subject.pseudonym,
          sex: dto.subject.sex,
          birthYear: dto.subject.birthYear ?? null,
          nationality: dto.subject.nationality ?? null,
          languages: dto.subject.languages,
          isChild: dto.subject.isChild,
        };
        const opening = sealEvent(
          { seq: 0, hash: GENESIS_HASH },
          {
            chainId: chains.case(id),
            action: 'case.opened',
            subject: { type: 'case', id },
            payload: {
              agencyId,
              externalRef: dto.externalRef,
              subject,
              // Which PII fields were given, never their values (those exist only encrypted).
              piiFields: Object.keys(pii),
              encounter: { at: encounterAt.toISOString(), location: dto.encounter.location, kind: dto.encounter.kind },
              indicators: dto.indicators,
            },
          },
          auditActorOf(actor),
          ctx.requestId,
          newId(),
          now,
        );
        await this.cases
          .insertCase(manager, {
            id,
            agencyId,
            externalRef: dto.externalRef,
            subject,
            pii: Object.keys(pii).length > 0 ? this.cipher.sealJson(pii, piiContext(id)) : null,
            encounter: { at: encounterAt, location: dto.encounter.location, kind: dto.encounter.kind },
            indicators: dto.indicators,
            opening,
            now,
          })
          .catch((err: unknown) => {
            if (sqlState(err) === UNIQUE_VIOLATION) {
              throw new Conflict('duplicate-external-ref', `Your agency already has a case ${dto.externalRef}.`);
            }
            throw err;
          });
        await this.audit.insert(manager, [opening]);
        if (dto.detention) {
          const row = (await this.cases.findReadable(manager, ability, id))!;
          await this.writeDecision(
            manager,
            ctx,
            row,
            {
              type: 'detain',
              occurredAt: new Date(dto.detention.at),
              at: new Date(dto.detention.at),
              facility: dto.detention.facility ?? null,
              placeId: dto.detention.placeId ?? null,
              legalBasis: dto.detention.legalBasis,
            },
            0,
            owed,
          );
        }
        const row = (await this.cases.findReadable(manager, ability, id))!;
        const snapshot = snapshotOf(row);
        return caseDetail(row, pii, this.allowedFor(ctx, row, snapshot), await this.cases.episodes(id, manager));
      }),
    );
    await this.notifications.enqueueNew(owed);
    return result;
  }

  async recordDecision(
    ctx: RequestContext,
    caseId: string,
    dto: RecordDecisionDto,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<RecordDecisionResponse>> {
    const request = toDecisionRequest(dto);
    const owed: string[] = [];
    const result = await this.db.transaction((manager) =>
      this.idempotency.run(
        manager,
        ctx.actor.id,
        idempotencyKey,
        { route: `POST /cases/${caseId}/decisions`, body: dto },
        async () => {
          const row = orNotFound(await this.cases.findReadable(manager, ctx.ability, caseId), 'The case');
          const { record, next } = await this.writeDecision(manager, ctx, row, request, dto.expectedVersion, owed);
          const after = rowAfter(row, next, record.recorded_at);
          return {
            decision: decisionResponse(record),
            case: caseSummary(after),
            allowedDecisions: this.allowedFor(ctx, after, snapshotOf(after)),
          };
        },
      ),
    );
    // E-mails owed by the decision (removal during a review) go out after commit; the outbox covers a Redis outage.
    await this.notifications.enqueueNew(owed);
    return result;
  }

  /** Checks and writes one decision on a row the caller may read, inside `manager`'s transaction. */
  private async writeDecision(
    manager: EntityManager,
    ctx: RequestContext,
    row: CaseRow,
    request: DecisionRequest,
    expectedVersion: number,
    owedNotifications: string[],
  ) {
    const { actor, ability } = ctx;
    // Who may decide is CASL's alone; the state machine below only knows states and guards.
    if (!ability.can(request.type, caseSubject(row))) {
      throw new Forbidden(`You may not record ${request.type} decisions on this case.`);
    }
    if (row.version !== expectedVersion) throw this.versionConflict(ctx, row);
    if (request.placeId) request = await this.atPlace(manager, row, request);
    const snapshot = snapshotOf(row);
    const reviews =
      request.type === 'close' || request.type === 'request_reconsideration'
        ? await this.reviewFacts.forCase(manager, row.id)
        : NO_REVIEWS;
    const now = new Date();
    const decided = decide(snapshot, reviews, request, now, {
      recoveryPeriodDays: this.config.cases.recoveryPeriodDays,
    });
    if (!decided.ok) throw this.rejectionError(ctx, row, decided.rejection);

    const record: DecisionRow = {
      id: newId(),
      caseId: row.id,
      sequence: decided.next.version,
      type: request.type,
      outcome: request.outcome ?? null,
      reason: request.reason ?? null,
      payload: decisionPayload(request),
      agencyId: row.agency_id,
      actor: { type: actor.kind, id: actor.id, role: actor.role, agencyId: actor.agencyId },
      reviewId: request.reviewId ?? null,
      stateBefore: row.state,
      stateAfter: decided.next.state,
      occurredAt: request.occurredAt,
      recordedAt: now,
    };
    const event = sealEvent(
      { seq: row.audit_seq, hash: row.audit_hash },
      {
        chainId: chains.case(row.id),
        action: 'case.decision_recorded',
        subject: { type: 'case', id: row.id },
        payload: {
          decisionId: record.id,
          sequence: record.sequence,
          type: record.type,
          outcome: record.outcome,
          reason: record.reason,
          details: record.payload as Record<string, string | string[]>,
          reviewId: record.reviewId,
          occurredAt: record.occurredAt.toISOString(),
          // With the event's own actor, time, case and id, the seal covers every column of the record.
          agencyId: record.agencyId,
        },
      },
      auditActorOf(actor),
      ctx.requestId,
      newId(),
      now,
    );
    const written = await this.cases.appendDecision(manager, expectedVersion, decided.next, record, event, {
      open: decided.effects.includes('detention_opened')
        ? {
            id: newId(),
            detainedAt: request.at!,
            facility: request.facility!,
            placeId: request.placeId ?? null,
            legalBasis: request.legalBasis!,
          }
        : undefined,
      close: decided.effects.includes('detention_closed')
        ? { releasedAt: request.at!, reason: request.reason! }
        : undefined,
    });
    if (!written) throw this.versionConflict(ctx, row);
    if (decided.effects.includes('removal_during_review')) {
      // Recorded, not refused: a refusal would tell the agency a review it may not see yet exists.
      const reviewIds = await hiddenReviewIds(manager, row.id);
      const { notificationIds } = await this.alerts.raise(
        manager,
        { actor: auditActorOf(actor), requestId: ctx.requestId },
        reviewIds.map((reviewId) => ({
          rule: 'removal_during_review',
          subjectType: 'review',
          subjectId: reviewId,
          caseId: row.id,
          agencyId: row.agency_id,
          since: request.occurredAt,
          thresholds: {},
        })),
        now,
      );
      owedNotifications.push(...notificationIds);
    }
    // Read back as every representation shows it (who, with agency code and display name).
    const [writtenRecord] = await this.records.byIds(ability, [record.id], manager);
    return { record: writtenRecord, next: decided.next };
  }

  async list(ctx: RequestContext, query: ListCasesQuery): Promise<Page<CaseSummaryResponse>> {
    const limit = pageSize(query);
    const after = decodeTimeIdCursor(query.cursor, 'updatedAt');
    const rows = await this.cases.listReadable(ctx.ability, {
      ...pick(query, [
        'state',
        'agencyId',
        'detained',
        'externalRef',
        'closedOutcome',
        'encounterKind',
        'indicator',
        'isChild',
      ]),
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      after,
      limit,
    });
    return toPage(rows, limit, caseSummary, (r) => ({ updatedAt: r.updated_at.toISOString(), id: r.id }));
  }

  /** PII only when asked for (`includePii`): reading a case to decide or review needs none, and is not audited. */
  async get(ctx: RequestContext, id: string, includePii: boolean): Promise<CaseResponse> {
    const row = orNotFound(await this.cases.findReadable(this.db, ctx.ability, id), 'The case');
    let pii: CasePii | undefined;
    if (includePii && row.pii_ciphertext && row.pii_key_id && this.mayReadPii(ctx, row)) {
      pii = this.cipher.openJson<CasePii>(
        { ciphertext: row.pii_ciphertext, keyId: row.pii_key_id },
        piiContext(row.id),
      );
      // The read is on record before the data leaves: no audit event, no PII.
      await this.db.transaction((manager) =>
        this.audit.appendFor(manager, ctx, {
          chainId: chains.piiReadsBy(ctx.actor.id),
          action: 'case.pii_read',
          subject: { type: 'case', id: row.id },
          payload: { fields: Object.keys(pii!) },
        }),
      );
    }
    return caseDetail(row, pii, this.allowedFor(ctx, row, snapshotOf(row)), await this.cases.episodes(row.id));
  }

  async verification(ctx: RequestContext, id: string): Promise<CaseVerificationResponse> {
    orNotFound(await this.cases.findReadable(this.db, ctx.ability, id), 'The case');
    const report = await this.verifier.verifyChain(chains.case(id));
    return { caseId: id, ...report, verifiedAt: new Date().toISOString() };
  }

  async decisions(
    ctx: RequestContext,
    id: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<DecisionRecordResponse>> {
    orNotFound(await this.cases.findReadable(this.db, ctx.ability, id), 'The case');
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, ['sequence'] as const, (p) => /^\d{1,9}$/.test(p.sequence));
    const records = await this.records.ofCase(ctx.ability, id, after ? Number(after.sequence) : 0, limit);
    return toPage(records, limit, decisionResponse, (r) => ({ sequence: String(r.sequence) }));
  }

  private mayReadPii(ctx: RequestContext, row: CaseRow): boolean {
    const subject = caseSubject(row);
    return CASE_PII_FIELDS.every((field) => ctx.ability.can('read', subject, field));
  }

  private allowedFor(ctx: RequestContext, row: CaseRow, snapshot: ReturnType<typeof snapshotOf>): DecisionType[] {
    const subject = caseSubject(row);
    return allowedFromState(snapshot).filter((type) => ctx.ability.can(type, subject));
  }

  /**
   * A detention at a place (SPEC §11): the place must be active and run by the case's agency; its name stands in
   * for a facility left out. The share lock keeps the place from being deactivated before this commits.
   */
  private async atPlace(manager: EntityManager, row: CaseRow, request: DecisionRequest): Promise<DecisionRequest> {
    const place = await this.places.activeOfAgency(manager, request.placeId!, row.agency_id);
    if (!place) {
      throw new Unprocessable('unknown-place', 'The place is unknown, inactive or run by another agency.', [
        { field: 'placeId', message: 'must be an active place of the case’s agency' },
      ]);
    }
    return { ...request, facility: request.facility ?? place.name };
  }

  private versionConflict(ctx: RequestContext, row: CaseRow): Conflict {
    return new Conflict(
      'version-conflict',
      `The case has moved on to version ${row.version}; reload it and decide again.`,
      {
        currentVersion: row.version,
        state: row.state,
        allowedDecisions: this.allowedFor(ctx, row, snapshotOf(row)),
      },
    );
  }

  private rejectionError(ctx: RequestContext, row: CaseRow, rejection: Rejection): Error {
    switch (rejection.kind) {
      case 'not_allowed_from_state':
        return new Conflict('decision-not-allowed', rejection.message, {
          state: rejection.state,
          allowedDecisions: this.allowedFor(ctx, row, snapshotOf(row)),
        });
      case 'missing_field':
        return new Unprocessable('missing-field', rejection.message, [
          { field: rejection.field, message: rejection.message },
        ]);
      case 'guard_failed':
        return new Unprocessable(
          'guard-failed',
          rejection.message,
          [{ field: rejection.field, message: rejection.message }],
          {
            guard: rejection.guard,
          },
        );
    }
  }
}

function caseSubject(row: CaseRow) {
  return subjectOf('Case', { agencyId: row.agency_id, everReferred: row.ever_referred, state: row.state });
}

export function piiContext(caseId: string): string {
  return `case:${caseId}`;
}

function pickPii(subject: CreateCaseDto['subject']): CasePii {
  const pii: CasePii = {};
  for (const key of PII_KEYS) if (subject[key] !== undefined) pii[key] = subject[key];
  return pii;
}

/** Parses dates and refuses fields that do not belong to the decision type (400). */
function toDecisionRequest(dto: RecordDecisionDto): DecisionRequest {
  const accepted = new Set<string>(['type', 'expectedVersion', 'occurredAt', ...DECISION_FIELDS[dto.type]]);
  const foreign = Object.keys(dto).filter(
    (k) => (dto as unknown as Record<string, unknown>)[k] !== undefined && !accepted.has(k),
  );
  if (foreign.length > 0) {
    throw new ValidationFailed(foreign.map((field) => ({ field, message: `is not a field of ${dto.type} decisions` })));
  }
  const at = dto.at ? new Date(dto.at) : null;
  const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : (at ?? new Date());
  return {
    type: dto.type,
    occurredAt,
    reason: dto.reason ?? null,
    outcome: dto.outcome ?? null,
    at,
    facility: dto.facility ?? null,
    placeId: dto.placeId?.toLowerCase() ?? null,
    legalBasis: dto.legalBasis ?? null,
    riskAssessmentRef: dto.riskAssessmentRef ?? null,
    indicatorsConsidered: dto.indicatorsConsidered ?? null,
    reviewId: dto.reviewId?.toLowerCase() ?? null,
  };
}

/** The type-specific fields kept in the record's payload (reason, outcome and reviewId have columns). */
function decisionPayload(r: DecisionRequest): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (r.at) payload.at = r.at.toISOString();
  if (r.facility) payload.facility = r.facility;
  if (r.placeId) payload.placeId = r.placeId;
  if (r.legalBasis) payload.legalBasis = r.legalBasis;
  if (r.riskAssessmentRef) payload.riskAssessmentRef = r.riskAssessmentRef;
  if (r.indicatorsConsidered) payload.indicatorsConsidered = [...r.indicatorsConsidered];
  return payload;
}
