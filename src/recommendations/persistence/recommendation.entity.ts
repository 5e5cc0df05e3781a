import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Priority, RecommendationState, SourceKind, Theme } from '../domain/recommendation-workflow.js';

/**
 * One recommendation of the register (SPEC §12): its current state, a
 * projection of its history with a version per history line. Schema only:
 * the code reads and writes this table in SQL; the class exists so
 * test/e2e/schema.e2e-spec.ts holds the migration to these columns.
 */
@Entity({ name: 'recommendations' })
export class RecommendationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'source_kind' }) sourceKind: SourceKind;
  @Column('uuid', { name: 'source_id', nullable: true }) sourceId: string | null;
  @Column('text') theme: Theme;
  @Column('text') priority: Priority;
  @Column('text') text: string;
  @Column('uuid', { name: 'repeat_of', nullable: true }) repeatOf: string | null;
  @Column('text') state: RecommendationState;
  @Column('text', { name: 'claimed_from', nullable: true }) claimedFrom: 'accepted' | 'partially_accepted' | null;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;
  @Column('timestamptz', { name: 'response_due_at' }) responseDueAt: Date;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;
  /** A UTC calendar date, read as text (`YYYY-MM-DD`) so no time zone can shift it. */
  @Column('date', { name: 'target_date', nullable: true }) targetDate: string | null;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
