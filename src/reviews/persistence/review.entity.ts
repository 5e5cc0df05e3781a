import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { Finding, ReviewResponse, ReviewStatus } from '../domain/review-workflow.js';

/**
 * One sampled decision under independent review. What it reviews is frozen by a trigger.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'reviews' })
@Unique('reviews_decision_record_key', ['decisionRecordId'])
export class ReviewEntity {
  @PrimaryColumn('uuid') id: string;
  /** The run that drew it; null for a review made outside any run by a complaint's referral (SPEC §5, §13). */
  @Column('uuid', { name: 'run_id', nullable: true }) runId: string | null;
  @Column('uuid', { name: 'complaint_id', nullable: true }) complaintId: string | null;
  @Column('uuid', { name: 'decision_record_id' }) decisionRecordId: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  /** The agency whose decision is reviewed: it responds, and sees the review once concluded. */
  @Column('uuid', { name: 'deciding_agency_id' }) decidingAgencyId: string;
  /** The agency that owns the case (a reviewer's conflict with it counts too). */
  @Column('uuid', { name: 'case_agency_id' }) caseAgencyId: string;
  @Column('text', { name: 'decision_type' }) decisionType: string;
  @Column('text', { name: 'decision_outcome', nullable: true }) decisionOutcome: string | null;
  @Column('double precision', { name: 'selection_score', nullable: true }) selectionScore: number | null;
  @Column('text') status: ReviewStatus;
  @Column('integer', { default: 0 }) version: number;
  @Column('uuid', { name: 'assigned_reviewer_id', nullable: true }) assignedReviewerId: string | null;
  @Column('timestamptz', { name: 'assigned_at', nullable: true }) assignedAt: Date | null;
  @Column('text', { nullable: true }) finding: Finding | null;
  @Column('text', { nullable: true }) rationale: string | null;
  @Column('uuid', { name: 'concluded_by', nullable: true }) concludedBy: string | null;
  @Column('timestamptz', { name: 'concluded_at', nullable: true }) concludedAt: Date | null;
  @Column('timestamptz', { name: 'response_due_at', nullable: true }) responseDueAt: Date | null;
  @Column('text', { nullable: true }) response: ReviewResponse | null;
  @Column('text', { name: 'response_text', nullable: true }) responseText: string | null;
  @Column('uuid', { name: 'responded_by', nullable: true }) respondedBy: string | null;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true }) withdrawnReason: string | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column('text', { name: 'dispute_note', nullable: true }) disputeNote: string | null;
  @Column('uuid', { name: 'dispute_closed_by', nullable: true }) disputeClosedBy: string | null;
  @Column('timestamptz', { name: 'dispute_closed_at', nullable: true }) disputeClosedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
