import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import { Trimmed } from '../common/validation.js';
import { IsTimestamp, OptionalUuid, Text } from '../common/validators.js';
import {
  CHANNELS,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATES,
  RELATIONSHIPS,
  TRIAGE_OUTCOMES,
  type Channel,
  type ComplaintState,
  type Relationship,
  type TriageOutcome,
} from './domain/complaint-workflow.js';

const TEXT_MAX = 8000;
const SUMMARY_MAX = 20_000;

export class ComplainantDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Personal data: encrypted, read only with include=pii.',
  })
  @IsOptional()
  @Trimmed()
  @Text(1, 200)
  name?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    description: 'Personal data (telephone, address, e-mail): encrypted, read only with include=pii.',
  })
  @IsOptional()
  @Trimmed()
  @Text(1, 500)
  contact?: string;

  @ApiProperty({ enum: RELATIONSHIPS })
  @IsIn(RELATIONSHIPS)
  relationship: Relationship;
}

export class CreateComplaintDto {
  @ApiProperty({ format: 'date-time', description: 'When the office received it; not in the future.' })
  @IsTimestamp()
  receivedAt: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'An anonymous complaint has no complainant at all.' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ type: ComplainantDto, description: 'Required unless anonymous; absent when anonymous.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;

  @ApiProperty({ minLength: 1, maxLength: SUMMARY_MAX, description: 'What the complaint says.' })
  @Trimmed()
  @Text(1, SUMMARY_MAX)
  summary: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 20,
    description: 'The frontline agencies or competent authority complained about.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  agencyIds: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'Cases the complaint is about.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  caseIds?: string[];
}

export class ListComplaintsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATES })
  @IsOptional()
  @IsIn(COMPLAINT_STATES)
  state?: ComplaintState;

  @OptionalUuid('An agency the complaint is about.')
  agencyId?: string;
}

export class ComplaintQuery {
  @ApiPropertyOptional({
    enum: ['pii'],
    description: 'pii: add the complainant, for a reader who may read personal data (audited).',
  })
  @IsOptional()
  @IsIn(['pii'])
  include?: 'pii';
}

export class TriageComplaintDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The complaint version this triage was made on; 409 if it moved on.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ApiProperty({ enum: TRIAGE_OUTCOMES })
  @IsIn(TRIAGE_OUTCOMES)
  outcome: TriageOutcome;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @Trimmed()
  @Text(1, TEXT_MAX)
  reason: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500, description: 'investigate only (required): its title.' })
  @IsOptional()
  @Trimmed()
  @Text(1, 500)
  title?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100_000,
    description: 'investigate only (required): its terms of reference.',
  })
  @IsOptional()
  @Trimmed()
  @Text(1, 100_000)
  termsOfReference?: string;
}

export class ComplainantResponse {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() contact?: string;
  @ApiProperty({ enum: RELATIONSHIPS }) relationship: string;
}

export class TriageResponse {
  @ApiProperty({ enum: TRIAGE_OUTCOMES }) outcome: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMPLAINT_STATES }) state: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'COMPLAINT_TRIAGE_WORKING_DAYS working days (Monday–Friday, UTC) after receipt; untriaged after it, the ' +
      'office is alerted (complaint_triage_overdue).',
  })
  triageDueAt: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty() anonymous: boolean;
  @ApiPropertyOptional({
    type: ComplainantResponse,
    description: 'Only with include=pii, to a reader who may read personal data; never for an anonymous complaint.',
  })
  complainant?: ComplainantResponse;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], format: 'uuid' }) agencyIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) caseIds: string[];
  @ApiProperty({ type: TriageResponse, nullable: true }) triage: TriageResponse | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'investigate: the investigation opened.' })
  investigationId: string | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'refer_to_review: the review of each named case (made by the triage, or the one it already had).',
  })
  reviewIds: string[];
  @ApiProperty({ enum: COMPLAINT_ACTIONS, isArray: true, description: 'What the caller may do now.' })
  allowedActions: string[];
}
