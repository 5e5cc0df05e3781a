import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppAbility } from '../../authz/domain/abilities.js';
import type { Role } from '../../authz/domain/roles.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import { newId } from '../../common/ids.js';
import type { AssignableReview, AutoAssignment } from '../domain/auto-assign.js';
import { OUTCOME_KEY_SQL, SAMPLED_TYPES } from './keyed-selection.js';
import { SAMPLING_LOCK } from './sampling-draw.repository.js';
import type {
  Finding,
  ReviewCommand,
  ReviewResponse,
  ReviewSnapshot,
  ReviewStatus,
} from '../domain/review-workflow.js';

/** How CASL's Review attributes map to SQL over `reviews r`. */
export const REVIEW_COLUMNS: SqlColumns<'Review'> = {
  agencyId: 'r.deciding_agency_id',
  caseAgencyId: 'r.case_agency_id',
  concluded: '(r.concluded_at IS NOT NULL)',
  assignedReviewerId: 'r.assigned_reviewer_id',
};

export interface ReviewRow {
  id: string;
  /** Null for a review made outside any run (a complaint's referral). */
  run_id: string | null;
  decision_record_id: string;
  case_id: string;
  deciding_agency_id: string;
  case_agency_id: string;
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
  dispute_note: string | null;
  dispute_closed_at: Date | null;
}

export interface ReviewListFilter {
  status?: string;
  finding?: string;
  response?: ReviewResponse;
  runId?: string;
  /** The deciding agency. */
  agencyId?: string;
  caseId?: string;
  assignedReviewerId?: string;
  afterId?: string;
  limit: number;
}

/** A decision record a complaint's referral may review: the latest of a §5 population type of its case. */
export interface ReviewableRecord {
  case_id: string;
  id: string;
  case_agency_id: string;
  deciding_agency_id: string;
  type: string;
  outcome: string | null;
}

/** One step of the workflow as the service decided it: the command, the state it leads to, who and when. */
export interface ReviewTransition {
  id: string;
  expectedVersion: number;
  command: ReviewCommand;
  next: ReviewSnapshot;
  actorId: string;
  now: Date;
}

/** Reviews and the reviewers they go to. Every read for a caller filters by the caller's rules in SQL. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly db: DataSource) {}

  /** Up to `limit + 1` reviews the caller may read, in id order (the extra row tells whether a next page exists). */
  async listReadable(ability: AppAbility, filter: ReviewListFilter): Promise<ReviewRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Review', REVIEW_COLUMNS, params)];
    if (filter.status) where.push(`r.status = ${params.add(filter.status)}`);
    if (filter.finding) where.push(`r.finding = ${params.add(filter.finding)}`);
    if (filter.response) where.push(`r.response = ${params.add(filter.response)}`);
    if (filter.runId) where.push(`r.run_id = ${params.add(filter.runId)}`);
    if (filter.agencyId) where.push(`r.deciding_agency_id = ${params.add(filter.agencyId)}`);
    if (filter.caseId) where.push(`r.case_id = ${params.add(filter.caseId)}`);
    if (filter.assignedReviewerId) where.push(`r.assigned_reviewer_id = ${params.add(filter.assignedReviewerId)}`);
    if (filter.afterId) where.push(`r.id > ${params.add(filter.afterId)}`);
    return this.db.query<ReviewRow[]>(
      `SELECT r.* FROM reviews r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  async findReadable(manager: EntityManager, ability: AppAbility, id: string): Promise<ReviewRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Review', REVIEW_COLUMNS, params);
    const [row] = await manager.query<ReviewRow[]>(
      `SELECT r.* FROM reviews r WHERE r.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return row;
  }

  /** The user a review would be assigned to, with what the workflow checks about them. */
  async assignee(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; role: Role; conflictAgencyIds: string[] } | undefined> {
    const [user] = await manager.query<{ id: string; role: Role; conflict_agency_ids: string[] }[]>(
      `SELECT id, role, conflict_agency_ids FROM users WHERE id = $1`,
      [id],
    );
    return user && { id: user.id, role: user.role, conflictAgencyIds: user.conflict_agency_ids };
  }

  /**
   * Waits for any sampling draw in progress and keeps the next from starting until the transaction ends, so a
   * referral and a draw never both review one record, and every run's cutoff orders it against each referral.
   */
  async lockAgainstDraws(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SAMPLING_LOCK]);
  }

  /** Of each case, its latest decision record of a type sampling draws from (SPEC §5); a case with none is absent. */
  async latestReviewableRecords(manager: EntityManager, caseIds: string[]): Promise<ReviewableRecord[]> {
    return manager.query<ReviewableRecord[]>(
      `SELECT DISTINCT ON (d.case_id) d.case_id, d.id, d.agency_id AS case_agency_id, d.deciding_agency_id, d.type,
              ${OUTCOME_KEY_SQL} AS outcome
         FROM decision_records d
        WHERE d.case_id = ANY($1::uuid[]) AND d.type = ANY($2)
        ORDER BY d.case_id, d.sequence DESC`,
      [caseIds, SAMPLED_TYPES],
    );
  }

  /** The review each of `recordIds` already has, by record (one at most: a record is never reviewed twice). */
  async reviewsOfRecords(manager: EntityManager, recordIds: string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; decision_record_id: string }[]>(
      `SELECT id, decision_record_id FROM reviews WHERE decision_record_id = ANY($1::uuid[])`,
      [recordIds],
    );
    return new Map(rows.map((r) => [r.decision_record_id, r.id]));
  }

  /**
   * Pending reviews of `records`, outside any run, made by the complaint's referral; their ids, in that order.
   * Dated by the clock (not the transaction's start) under the draw lock: after every cutoff taken before.
   */
  async createOutsideRuns(manager: EntityManager, complaintId: string, records: ReviewableRecord[]): Promise<string[]> {
    const ids = records.map(() => newId());
    if (records.length === 0) return ids;
    await manager.query(
      `INSERT INTO reviews (id, run_id, complaint_id, decision_record_id, case_id, deciding_agency_id, case_agency_id,
                            decision_type, decision_outcome, selection_score, status, created_at, updated_at)
       SELECT r.id, NULL, $1, r.record_id, r.case_id, r.deciding_agency_id, r.case_agency_id, r.type, r.outcome, NULL,
              'pending', clock_timestamp(), clock_timestamp()
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[])
              AS r(id, record_id, case_id, deciding_agency_id, case_agency_id, type, outcome)`,
      [
        complaintId,
        ids,
        records.map((r) => r.id),
        records.map((r) => r.case_id),
        records.map((r) => r.deciding_agency_id),
        records.map((r) => r.case_agency_id),
        records.map((r) => r.type),
        records.map((r) => r.outcome),
      ],
    );
    return ids;
  }

  /** Pending reviews (of one run, or all), locked until the transaction ends so two auto-assignments cannot race. */
  async lockPending(manager: EntityManager, runId: string | undefined): Promise<AssignableReview[]> {
    const rows = await manager.query<{ id: string; deciding_agency_id: string; case_agency_id: string }[]>(
      `SELECT id, deciding_agency_id, case_agency_id FROM reviews
          WHERE status = 'pending' AND ($1::uuid IS NULL OR run_id = $1) ORDER BY id FOR UPDATE`,
      [runId ?? null],
    );
    return rows.map((p) => ({ id: p.id, agencyIds: [p.deciding_agency_id, p.case_agency_id] }));
  }

  /** Every reviewer with the number of reviews assigned to them and not yet concluded. */
  async reviewersWithOpenLoad(
    manager: EntityManager,
  ): Promise<{ id: string; conflictAgencyIds: string[]; openLoad: number }[]> {
    const rows = await manager.query<{ id: string; conflict_agency_ids: string[]; open_load: number }[]>(
      `SELECT u.id, u.conflict_agency_ids,
                (SELECT count(*)::int FROM reviews r WHERE r.assigned_reviewer_id = u.id AND r.status = 'assigned') AS open_load
           FROM users u WHERE u.role = 'reviewer' ORDER BY u.id`,
    );
    return rows.map((r) => ({ id: r.id, conflictAgencyIds: r.conflict_agency_ids, openLoad: r.open_load }));
  }

  /** Assigns each review that is still pending to its reviewer, in one statement. */
  async assignPending(manager: EntityManager, assignments: readonly AutoAssignment[]): Promise<void> {
    if (assignments.length === 0) return;
    await manager.query(
      `UPDATE reviews r SET status = 'assigned', assigned_reviewer_id = a.reviewer_id, assigned_at = now(),
                                version = r.version + 1, updated_at = now()
             FROM unnest($1::uuid[], $2::uuid[]) AS a(review_id, reviewer_id)
            WHERE r.id = a.review_id AND r.status = 'pending'`,
      [assignments.map((a) => a.reviewId), assignments.map((a) => a.reviewerId)],
    );
  }

  /**
   * Writes the next state and what the command records (rationale, response,
   * withdrawal reason, who and when) if the review is still at the version it
   * was decided on; false, having written nothing, when it moved on.
   */
  async applyTransition(manager: EntityManager, t: ReviewTransition): Promise<boolean> {
    const { command, next, now } = t;
    const [, changed] = await manager.query<[unknown[], number]>(
      `UPDATE reviews SET status = $3, assigned_reviewer_id = $4, assigned_at = CASE WHEN $5 THEN now() ELSE assigned_at END,
                finding = $6, rationale = coalesce($7, rationale), concluded_by = coalesce($8, concluded_by),
                concluded_at = $9, response_due_at = $10, response = $11, response_text = coalesce($12, response_text),
                responded_by = coalesce($13, responded_by), responded_at = coalesce($14, responded_at),
                withdrawn_reason = coalesce($15, withdrawn_reason), withdrawn_at = coalesce($16, withdrawn_at),
                dispute_note = coalesce($17, dispute_note), dispute_closed_by = coalesce($18, dispute_closed_by),
                dispute_closed_at = coalesce($19, dispute_closed_at), version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
      [
        t.id,
        t.expectedVersion,
        next.status,
        next.assignedReviewerId,
        command.type === 'assign',
        next.finding,
        command.type === 'conclude' ? command.rationale.trim() : null,
        command.type === 'conclude' ? t.actorId : null,
        next.concludedAt,
        next.responseDueAt,
        next.response,
        command.type === 'respond' ? command.text.trim() : null,
        command.type === 'respond' ? t.actorId : null,
        command.type === 'respond' ? now : null,
        command.type === 'withdraw' ? command.reason.trim() : null,
        command.type === 'withdraw' ? now : null,
        command.type === 'close' ? command.note.trim() : null,
        command.type === 'close' ? t.actorId : null,
        command.type === 'close' ? now : null,
      ],
    );
    return changed === 1;
  }
}
