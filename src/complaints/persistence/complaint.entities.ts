import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, ComplaintState, Relationship, TriageOutcome } from '../domain/complaint-workflow.js';

/**
 * Schema only: the code reads and writes these tables in SQL (complaints.repository.ts); the classes exist so
 * test/e2e/schema.e2e-spec.ts holds the migrations to these columns.
 */
@Entity({ name: 'complaints' })
export class ComplaintEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('text') channel: Channel;
  @Column('boolean') anonymous: boolean;
  @Column('text', { name: 'complainant_relationship', nullable: true }) complainantRelationship: Relationship | null;
  @Column('bytea', { name: 'complainant_ciphertext', nullable: true }) complainantCiphertext: Buffer | null;
  @Column('text', { name: 'complainant_key_id', nullable: true }) complainantKeyId: string | null;
  @Column('text') summary: string;
  @Column('uuid', { name: 'agency_ids', array: true }) agencyIds: string[];
  @Column('uuid', { name: 'case_ids', array: true, default: () => "'{}'" }) caseIds: string[];
  @Column('text') state: ComplaintState;
  @Column('integer') version: number;
  @Column('uuid', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('text', { name: 'triage_outcome', nullable: true }) triageOutcome: TriageOutcome | null;
  @Column('text', { name: 'triage_reason', nullable: true }) triageReason: string | null;
  @Column('uuid', { name: 'triaged_by', nullable: true }) triagedBy: string | null;
  @Column('timestamptz', { name: 'triaged_at', nullable: true }) triagedAt: Date | null;
  @Column('uuid', { name: 'investigation_id', nullable: true }) investigationId: string | null;
}

@Entity({ name: 'complaint_reviews' })
export class ComplaintReviewEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId: string;
  @PrimaryColumn('uuid', { name: 'review_id' }) reviewId: string;
  @Column('boolean') created: boolean;
}
