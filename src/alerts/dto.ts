import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import { Trimmed } from '../common/validation.js';
import { OptionalUuid, Text } from '../common/validators.js';
import { ALERT_RULES, type AlertRule } from './domain/alert-rules.js';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

export class ListAlertsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: (typeof ALERT_STATUSES)[number];

  @ApiPropertyOptional({ enum: ALERT_RULES })
  @IsOptional()
  @IsIn(ALERT_RULES)
  rule?: AlertRule;

  @ApiPropertyOptional({ enum: ['high', 'critical'] })
  @IsOptional()
  @IsIn(['high', 'critical'])
  severity?: 'high' | 'critical';

  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  caseId?: string;
}

export class AcknowledgeAlertDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 2000,
    example: 'Called the facility; screening interview booked for 14:00.',
    description: 'What was done or decided; stored with the alert and in the audit log. Trimmed.',
  })
  @IsOptional()
  @Trimmed()
  @Text(1, 2000)
  note?: string;
}

export class NotificationResponse {
  @ApiProperty({ enum: ['raised', 'escalation'] }) kind: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'] }) status: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The last delivery error; commissioner staff only.',
  })
  lastError?: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Commissioner staff only.' }) recipients?: string[];
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_RULES }) rule: AlertRule;
  @ApiProperty({ enum: ['high', 'critical'] }) severity: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The rule’s basis in plain words, with the thresholds it was raised under.' })
  basis: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) thresholds: Record<string, number>;
  @ApiProperty({ format: 'date-time', description: 'When the condition began to hold.' }) since: string;
  @ApiProperty({ enum: ['detention_episode', 'review', 'visit', 'recommendation', 'complaint'] })
  subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null for an alert about a visit, a recommendation or a complaint.',
  })
  caseId: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acknowledgedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The `note` given when the alert was acknowledged.' })
  note: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedReason: string | null;
  @ApiProperty({ type: [NotificationResponse], description: 'E-mail delivery status.' })
  notifications: NotificationResponse[];
}

export class ScanResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) scannedDetentions: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) raisedCount: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) resolvedCount: number;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        rule: { type: 'string' },
        caseId: { type: 'string', nullable: true },
        agencyId: { type: 'string' },
      },
    },
  })
  /** Empty for callers who may not read alerts (administrators); see raisedCount. */
  raised: { id: string; rule: string; caseId: string | null; agencyId: string }[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { id: { type: 'string' }, rule: { type: 'string' }, reason: { type: 'string' } },
    },
  })
  resolved: { id: string; rule: string; reason: string }[];
  @ApiProperty({ type: 'integer', minimum: 0 }) escalated: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) durationMs: number;
}
