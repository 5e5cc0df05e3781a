import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type {
  EvidenceKind,
  InvestigationState,
  Origin,
  ProposedRecommendation,
} from '../domain/investigation-workflow.js';

/**
 * Schema only: the code reads and writes these tables in SQL (investigations.repository.ts); the classes exist so
 * test/e2e/schema.e2e-spec.ts holds the migrations to these columns.
 */
@Entity({ name: 'investigations' })
export class InvestigationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') origin: Origin;
  @Column('uuid', { name: 'complaint_id', nullable: true }) complaintId: string | null;
  @Column('uuid', { name: 'agency_ids', array: true }) agencyIds: string[];
  @Column('uuid', { name: 'place_ids', array: true, default: () => "'{}'" }) placeIds: string[];
  @Column('text', { name: 'terms_of_reference' }) termsOfReference: string;
  @Column('text') state: InvestigationState;
  @Column('integer') version: number;
  @Column('uuid', { array: true, default: () => "'{}'" }) investigators: string[];
  @Column('uuid', { name: 'opened_by' }) openedBy: string;
  @Column('timestamptz', { name: 'opened_at' }) openedAt: Date;
  @Column('text', { name: 'draft_text', nullable: true }) draftText: string | null;
  @Column('jsonb', { name: 'proposed_recommendations', nullable: true })
  proposedRecommendations: ProposedRecommendation[] | null;
  @Column('timestamptz', { name: 'drafted_at', nullable: true }) draftedAt: Date | null;
  @Column('timestamptz', { name: 'comments_close_at', nullable: true }) commentsCloseAt: Date | null;
  @Column('text', { name: 'final_text', nullable: true }) finalText: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'investigation_evidence' })
@Unique('investigation_evidence_record_key', ['investigationId', 'kind', 'recordId'])
export class InvestigationEvidenceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'investigation_id' }) investigationId: string;
  @Column('text') kind: EvidenceKind;
  @Column('uuid', { name: 'record_id' }) recordId: string;
  @Column('text') note: string;
  @Column('uuid', { name: 'added_by' }) addedBy: string;
  @Column('timestamptz', { name: 'added_at' }) addedAt: Date;
}

@Entity({ name: 'investigation_comments' })
export class InvestigationCommentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'investigation_id' }) investigationId: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text', { name: 'author_role' }) authorRole: string;
  @Column('text') text: string;
  @Column('timestamptz') at: Date;
}
