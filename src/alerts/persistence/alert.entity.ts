import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { AlertRule, Severity } from '../domain/alert-rules.js';
import type { AlertSubjectType } from '../domain/overdue-scan.js';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * One alert per (rule, subject, key) ever: the unique constraint is what makes scans safe to repeat.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'alerts' })
@Unique('alerts_rule_subject_key', ['rule', 'subjectId', 'subjectKey'])
export class AlertEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') rule: AlertRule;
  @Column('text') severity: Severity;
  @Column('text', { name: 'subject_type' }) subjectType: AlertSubjectType;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  /** Besides the subject, what tells this rule's alerts apart: a missed target date; '' where the subject alone does. */
  @Column('text', { name: 'subject_key' }) subjectKey: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('boolean', { name: 'commissioner_only' }) commissionerOnly: boolean;
  @Column('text') status: AlertStatus;
  @Column('timestamptz') since: Date;
  @Column('text') basis: string;
  @Column('jsonb') thresholds: Record<string, number>;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { name: 'acknowledged_by', nullable: true }) acknowledgedBy: string | null;
  @Column('text', { name: 'acknowledged_note', nullable: true }) acknowledgedNote: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('text', { name: 'resolved_reason', nullable: true }) resolvedReason: string | null;
}
