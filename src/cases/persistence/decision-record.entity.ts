import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DecisionType } from '../domain/identification.js';

/**
 * One decision in a case's stream. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'decision_records' })
@Unique(['caseId', 'sequence'])
export class DecisionRecordEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('integer') sequence: number;
  @Column('text') type: DecisionType;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'actor_type' }) actorType: 'user' | 'api_key';
  @Column('uuid', { name: 'actor_id' }) actorId: string;
  @Column('text', { name: 'actor_role' }) actorRole: string;
  @Column('uuid', { name: 'actor_agency_id', nullable: true }) actorAgencyId: string | null;
  /** The agency that made the decision (the actor's); `agencyId` is the agency that owns the case. */
  @Column('uuid', { name: 'deciding_agency_id' }) decidingAgencyId: string;
  @Column('uuid', { name: 'review_id', nullable: true }) reviewId: string | null;
  @Column('text', { name: 'state_before' }) stateBefore: string;
  @Column('text', { name: 'state_after' }) stateAfter: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('uuid', { name: 'audit_event_id' }) auditEventId: string;
  @Column('bytea', { name: 'audit_hash' }) auditHash: Buffer;
}
