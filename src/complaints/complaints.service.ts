import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notOverseen } from '../agencies/domain/overseen.js';
import { agencyKinds } from '../agencies/persistence/agency-kinds.js';
import { AlertSettler } from '../alerts/alert-settler.js';
import { settleComplaint } from '../alerts/domain/complaint-clocks.js';
import { triageDueAt } from '../alerts/domain/complaint-clocks.js';
import { AuditLog } from '../audit/audit-log.js';
import { chains, ownChain } from '../audit/domain/audit-event.js';
import type { JsonValue } from '../audit/domain/hash-chain.js';
import { COMPLAINANT_PII_FIELDS, subjectOf } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { decodeIdCursor, type Page, pageSize, toIdPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { Idempotency, type IdempotentResult } from '../idempotency/idempotency.js';
import { InvestigationsService } from '../investigations/investigations.service.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import {
  COMPLAINT_TRANSITIONS,
  decideTriage,
  intakeRejection,
  type ComplaintRejection,
} from './domain/complaint-workflow.js';
import type { ComplaintResponse, CreateComplaintDto, ListComplaintsQuery, TriageComplaintDto } from './dto.js';
import { ComplaintsRepository, type ComplaintRow } from './persistence/complaints.repository.js';

/** The complainant's personal data as sealed: only what was given. */
interface ComplainantPii {
  name?: string;
  contact?: string;
}

export function complainantContext(complaintId: string): string {
  return `complaint:${complaintId}`;
}

/**
 * Complaints (SPEC §13): recorded and read by the office only — agencies learn nothing of them — and triaged once,
 * the triage opening an investigation or referring cases to review in its own transaction.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly db: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly investigations: InvestigationsService,
    private readonly reviews: ReviewsService,
    private readonly audit: AuditLog,
    private readonly cipher: PiiCipher,
    private readonly idempotency: Idempotency,
    private readonly alerts: AlertSettler,
    private readonly config: AppConfig,
  ) {}

  async create(
    ctx: RequestContext,
    dto: CreateComplaintDto,
    key: string | undefined,
  ): Promise<IdempotentResult<ComplaintResponse>> {
    if (!ctx.ability.can('create', 'Complaint'))
      throw new Forbidden('Only the commissioner’s office records complaints.');
    const now = new Date();
    const receivedAt = new Date(dto.receivedAt);
    const refused = intakeRejection(
      { receivedAt, anonymous: dto.anonymous, hasComplainant: dto.complainant !== undefined },
      now,
    );
    if (refused) throw rejectionError(refused);
    // Only a hash of the request is kept with an Idempotency-Key, and the stored response is sealed: no plaintext.
    const request = { route: 'POST /complaints', body: dto };
    return this.db.transaction((manager) =>
      this.idempotency.run(manager, ctx.actor.id, key, request, async () => {
        const agencyIds = dto.agencyIds.map((a) => a.toLowerCase());
        const caseIds = (dto.caseIds ?? []).map((c) => c.toLowerCase());
        await this.checkSubjects(manager, agencyIds, caseIds);
        const id = newId();
        const pii: ComplainantPii = {};
        if (dto.complainant?.name !== undefined) pii.name = dto.complainant.name;
        if (dto.complainant?.contact !== undefined) pii.contact = dto.complainant.contact;
        const sealed = Object.keys(pii).length > 0 ? this.cipher.sealJson(pii, complainantContext(id)) : null;
        const row: ComplaintRow = {
          id,
          received_at: receivedAt,
          channel: dto.channel,
          anonymous: dto.anonymous,
          complainant_relationship: dto.complainant?.relationship ?? null,
          complainant_ciphertext: sealed?.ciphertext ?? null,
          complainant_key_id: sealed?.keyId ?? null,
          summary: dto.summary,
          agency_ids: agencyIds,
          case_ids: caseIds,
          state: 'received',
          version: 1,
          recorded_by: ctx.actor.id,
          recorded_at: now,
          triage_outcome: null,
          triage_reason: null,
          triaged_by: null,
          triaged_at: null,
          investigation_id: null,
        };
        await this.complaints.insert(manager, row);
        await this.audit.appendFor(manager, ctx, {
          ...ownChain('complaint', id),
          action: 'complaint.recorded',
          payload: {
            version: 1,
            receivedAt: receivedAt.toISOString(),
            channel: dto.channel,
            anonymous: dto.anonymous,
            relationship: row.complainant_relationship,
            // Which personal data was given, never what it says.
            complainantFields: Object.keys(pii),
            summary: dto.summary,
            agencyIds,
            caseIds,
          },
        });
        return (await this.present(manager, ctx, [row], undefined))[0];
      }),
    );
  }

  async list(ctx: RequestContext, q: ListComplaintsQuery): Promise<Page<ComplaintResponse>> {
    const limit = pageSize(q);
    const after = decodeIdCursor(q.cursor);
    const manager = this.db.manager;
    const rows = await this.complaints.listReadable(manager, ctx.ability, {
      state: q.state,
      agencyId: q.agencyId?.toLowerCase(),
      afterId: after?.id,
      limit,
    });
    const page = toIdPage(rows, limit);
    return { items: await this.present(manager, ctx, page.items, undefined), nextCursor: page.nextCursor };
  }

  /**
   * One complaint; with `includePii`, the complainant for a reader who may read personal data, the read written
   * to the reader's audit chain before the data leaves.
   */
  async get(ctx: RequestContext, id: string, includePii: boolean): Promise<ComplaintResponse> {
    const manager = this.db.manager;
    const mayReadPii = COMPLAINANT_PII_FIELDS.every((f) => ctx.ability.can('read', subjectOf('Complaint', {}), f));
    const row = orNotFound(
      await this.complaints.findReadable(manager, ctx.ability, id, includePii && mayReadPii),
      'The complaint',
    );
    let pii: ComplainantPii | undefined;
    if (row.complainant_ciphertext && row.complainant_key_id) {
      pii = this.cipher.openJson<ComplainantPii>(
        { ciphertext: row.complainant_ciphertext, keyId: row.complainant_key_id },
        complainantContext(row.id),
      );
      await this.db.transaction((m) =>
        this.audit.appendFor(m, ctx, {
          chainId: chains.piiReadsBy(ctx.actor.id),
          action: 'complaint.pii_read',
          subject: { type: 'complaint', id: row.id },
          payload: { fields: Object.keys(pii!) },
        }),
      );
    }
    const showComplainant = includePii && mayReadPii && !row.anonymous;
    return (await this.present(manager, ctx, [row], showComplainant ? (pii ?? {}) : undefined))[0];
  }

  /** Whether the complaint exists and the caller may read it (the same filter as every read). */
  async readable(ctx: Pick<RequestContext, 'ability'>, id: string): Promise<boolean> {
    return (await this.complaints.findReadable(this.db.manager, ctx.ability, id)) !== undefined;
  }

  /**
   * SPEC §13's triage, once: 404 unless readable, 403 unless CASL allows it, 409 when the version moved on or the
   * complaint is triaged, 422 for the outcome's rules; then, in the same transaction, the investigation it opens or
   * the reviews it refers to.
   */
  async triage(ctx: RequestContext, id: string, dto: TriageComplaintDto): Promise<ComplaintResponse> {
    return this.db.transaction(async (manager) => {
      const row = orNotFound(await this.complaints.findReadable(manager, ctx.ability, id), 'The complaint');
      if (!ctx.ability.can('triage', subjectOf('Complaint', {}))) {
        throw new Forbidden('Only the commissioner triages complaints.');
      }
      if (row.version !== dto.expectedVersion) throw versionConflict(row);
      const decided = decideTriage(
        { state: row.state, version: row.version, caseIds: row.case_ids },
        { outcome: dto.outcome, reason: dto.reason, title: dto.title, termsOfReference: dto.termsOfReference },
      );
      if (!decided.ok) throw rejectionError(decided.rejection);
      const next: ComplaintRow = {
        ...row,
        state: decided.next.state,
        version: decided.next.version,
        triage_outcome: dto.outcome,
        triage_reason: dto.reason,
        triaged_by: ctx.actor.id,
        triaged_at: new Date(),
      };
      const payload: Record<string, JsonValue> = {
        version: next.version,
        outcome: dto.outcome,
        reason: dto.reason,
      };
      if (dto.outcome === 'investigate') {
        next.investigation_id = await this.investigations.openIn(manager, ctx, {
          title: dto.title!,
          origin: 'complaint',
          complaintId: id,
          agencyIds: row.agency_ids,
          placeIds: [],
          termsOfReference: dto.termsOfReference!,
        });
        payload.investigationId = next.investigation_id;
      }
      // Before the reviews: the database takes a review outside a run only from a complaint referred to review.
      if (!(await this.complaints.triage(manager, row.version, next))) throw versionConflict(row);
      if (dto.outcome === 'refer_to_review') {
        const links = await this.reviews.referForComplaint(manager, ctx, id, row.case_ids);
        await this.complaints.linkReviews(manager, id, links);
        payload.reviews = links.map((l) => ({ reviewId: l.reviewId, created: l.created }));
      }
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('complaint', id),
        action: 'complaint.triaged',
        payload,
      });
      // The triage ends the complaint's clock (SPEC §12): resolved here, not at the next scan.
      const triagedAt = next.triaged_at!;
      await this.alerts.settle(manager, ctx, { type: 'complaint', id }, (u) => settleComplaint(id, u), triagedAt);
      return (await this.present(manager, ctx, [next], undefined))[0];
    });
  }

  /** SPEC §13: a complaint is about agencies the office oversees, and names cases that exist. */
  private async checkSubjects(manager: EntityManager, agencyIds: string[], caseIds: string[]): Promise<void> {
    const refused = notOverseen('agencyIds', agencyIds, await agencyKinds(manager, agencyIds));
    if (refused) {
      throw new Unprocessable('invalid-complaint', 'The complaint names agencies the office does not oversee.', [
        refused,
      ]);
    }
    const found = await this.complaints.existingCases(manager, caseIds);
    const unknown = caseIds.filter((c) => !found.has(c));
    if (unknown.length > 0) {
      throw new Unprocessable('invalid-complaint', 'The complaint names cases that do not exist.', [
        { field: 'caseIds', message: `no such case: ${unknown.join(', ')}` },
      ]);
    }
  }

  /** Complaints as the caller may see them; `complainant` only where the caller asked for it and may read it. */
  private async present(
    manager: EntityManager,
    ctx: RequestContext,
    rows: ComplaintRow[],
    complainant: ComplainantPii | undefined,
  ): Promise<ComplaintResponse[]> {
    const reviews = await this.complaints.reviewsOf(
      manager,
      rows.map((r) => r.id),
    );
    const mayTriage = ctx.ability.can('triage', subjectOf('Complaint', {}));
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      version: r.version,
      receivedAt: r.received_at.toISOString(),
      triageDueAt: triageDueAt(r.received_at, this.config.complaints.triageWorkingDays).toISOString(),
      channel: r.channel,
      anonymous: r.anonymous,
      ...(complainant !== undefined && r.complainant_relationship !== null
        ? { complainant: { ...complainant, relationship: r.complainant_relationship } }
        : {}),
      summary: r.summary,
      agencyIds: r.agency_ids,
      caseIds: r.case_ids,
      triage:
        r.triaged_at === null
          ? null
          : { outcome: r.triage_outcome!, reason: r.triage_reason!, at: r.triaged_at.toISOString() },
      investigationId: r.investigation_id,
      reviewIds: reviews.filter((x) => x.complaint_id === r.id).map((x) => x.review_id),
      allowedActions:
        mayTriage && (COMPLAINT_TRANSITIONS.triage.from as readonly string[]).includes(r.state) ? ['triage'] : [],
    }));
  }
}

function versionConflict(row: ComplaintRow): Conflict {
  return new Conflict(
    'version-conflict',
    `The complaint has moved on to version ${row.version}; reload it and act again.`,
    { currentVersion: row.version, state: row.state },
  );
}

function rejectionError(r: ComplaintRejection): Error {
  switch (r.kind) {
    case 'not_allowed_from_state':
      return new Conflict('complaint-already-triaged', r.message, { state: r.state });
    case 'missing_field':
      return new Unprocessable('missing-field', r.message, [{ field: r.field, message: r.message }]);
    case 'guard_failed':
      return new Unprocessable('guard-failed', r.message, [{ field: r.field, message: r.message }], {
        guard: r.guard,
      });
  }
}
