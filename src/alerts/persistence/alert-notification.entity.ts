import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * The outbox: an e-mail the database says is owed, until it is sent (or given up after MAIL_MAX_ATTEMPTS).
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'alert_notifications' })
@Unique('alert_notifications_alert_kind_key', ['alertId', 'kind'])
export class AlertNotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'alert_id' }) alertId: string;
  @Column('text') kind: 'raised' | 'escalation';
  @Column('text', { array: true }) recipients: string[];
  @Column('text') status: NotificationStatus;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @Column('text', { name: 'message_id' }) messageId: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
}
