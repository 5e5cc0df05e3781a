import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsideredPlace } from '../domain/visit-plan.js';
import type { VisitState } from '../domain/visit-workflow.js';

/**
 * Schema only: the code reads and writes these tables in SQL (visits.repository.ts); the classes exist so
 * test/e2e/schema.e2e-spec.ts holds the migrations to these columns.
 */
@Entity({ name: 'visit_plans' })
export class VisitPlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('date', { name: 'from_day' }) fromDay: string;
  @Column('date', { name: 'to_day' }) toDay: string;
  @Column('integer') count: number;
  @Column('bytea', { name: 'seed_ciphertext' }) seedCiphertext: Buffer;
  @Column('text', { name: 'seed_key_id' }) seedKeyId: string;
  @Column('text') digest: string;
  @Column('jsonb') places: ConsideredPlace[];
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'visits' })
export class VisitEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'plan_id', nullable: true }) planId: string | null;
  @Column('uuid', { name: 'place_id' }) placeId: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('date') day: string;
  @Column('text') state: VisitState;
  @Column('integer', { default: 0 }) version: number;
  @Column('uuid', { array: true, default: () => "'{}'" }) team: string[];
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'reported_at', nullable: true }) reportedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'visit_findings' })
export class VisitFindingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'visit_id' }) visitId: string;
  @Column('text') text: string;
  @Column('text') severity: 'info' | 'concern' | 'serious';
  @Column('uuid', { name: 'case_ids', array: true, default: () => "'{}'" }) caseIds: string[];
  @Column('uuid', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
