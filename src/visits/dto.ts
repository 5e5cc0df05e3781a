import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import { Trimmed } from '../common/validation.js';
import { VISIT_ACTIONS, VISIT_STATES, type VisitAction, type VisitState } from './domain/visit-workflow.js';
import { Text } from '../common/validators.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const FINDING_SEVERITIES = ['info', 'concern', 'serious'] as const;

export class CreateVisitPlanDto {
  @ApiProperty({ example: '2026-12-07', description: 'First day of the window (UTC date, inclusive).' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-12-18', description: 'Last day of the window (UTC date, inclusive).' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'How many places to visit; at most the active places.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  count: number;

  @ApiPropertyOptional({ description: 'Hex seed of 16–64 bytes; a random 256-bit seed otherwise. Keep it secret.' })
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{2}){16,64}$/, { message: 'seed must be 32–128 hex digits' })
  seed?: string;
}

export class CreateVisitDto {
  @ApiProperty({ format: 'uuid', description: 'An active place.' })
  @IsUUID()
  placeId: string;

  @ApiProperty({ example: '2026-12-09', description: 'The day of the visit (UTC date).' })
  @Matches(DATE, { message: 'day must be a date YYYY-MM-DD' })
  day: string;
}

export class ListVisitsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: VISIT_STATES })
  @IsOptional()
  @IsIn(VISIT_STATES)
  state?: VisitState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

class VersionedDto {
  @ApiProperty({ minimum: 0, description: 'The visit version this action was taken on; 409 if it moved on.' })
  @IsInt()
  @Min(0)
  expectedVersion: number;
}

export class AssignTeamDto extends VersionedDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Reviewers without a conflict with the operator.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  reviewerIds: string[];
}

export class StartVisitDto extends VersionedDto {}

export class RecordFindingDto extends VersionedDto {
  @ApiProperty({ maxLength: 4000 })
  @Trimmed()
  @Text(1, 4000)
  text: string;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES)
  severity: (typeof FINDING_SEVERITIES)[number];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Cases detained at the place or of its agency.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  caseIds?: string[];
}

export class ReportVisitDto extends VersionedDto {
  @ApiProperty({ maxLength: 20000 })
  @Trimmed()
  @Text(1, 20000)
  summary: string;
}

export class CancelVisitDto extends VersionedDto {
  @ApiProperty({ maxLength: 2000 })
  @Trimmed()
  @Text(1, 2000)
  reason: string;
}

export class RollQuery {
  @ApiPropertyOptional({ enum: ['pii'], description: 'pii: add the personal data the reader may read (audited).' })
  @IsOptional()
  @IsIn(['pii'])
  include?: 'pii';
}

export class RollSubjectResponse {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() dateOfBirth?: string;
  @ApiPropertyOptional() documentNumber?: string;
  @ApiPropertyOptional() contact?: string;
}

export class RollEntryResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() externalRef: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date-time' }) detainedSince: string;
  @ApiProperty() hoursDetained: number;
  @ApiProperty() openAlerts: number;
  @ApiProperty() legalBasis: string;
  @ApiPropertyOptional({ type: RollSubjectResponse, description: 'With include=pii, where the reader may read it.' })
  subject?: RollSubjectResponse;
}

export class RollResponse {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ format: 'uuid' }) placeId: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ type: [RollEntryResponse] }) detained: RollEntryResponse[];
}

export class FindingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity: string;
  @ApiProperty({ type: [String], format: 'uuid' }) caseIds: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class VisitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Not shown to agencies.' })
  planId?: string | null;
  @ApiProperty({ format: 'uuid' }) placeId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: '2026-12-09' }) day: string;
  @ApiProperty({ enum: VISIT_STATES }) state: VisitState;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reportedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The office only.' }) team?: string[];
  @ApiPropertyOptional({ type: [FindingResponse], description: 'Agencies: only once reported.' })
  findings?: FindingResponse[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Agencies: only once reported.' })
  summary?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The office only.' })
  cancelReason?: string | null;
  @ApiProperty({ enum: VISIT_ACTIONS, isArray: true, description: 'What the caller may do now.' })
  allowedActions: VisitAction[];
}

export class RiskInputsResponse {
  @ApiProperty() detainedNow: number;
  @ApiProperty() alertsLast180Days: number;
  @ApiProperty({ nullable: true, type: Number }) daysSinceLastVisit: number | null;
  @ApiProperty() agencyConcernShare: number;
}

export class ConsideredPlaceResponse {
  @ApiProperty({ format: 'uuid' }) placeId: string;
  @ApiProperty({ type: RiskInputsResponse }) inputs: RiskInputsResponse;
  @ApiProperty() risk: number;
  @ApiProperty() weight: number;
}

export class VisitPlanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-12-07' }) from: string;
  @ApiProperty({ example: '2026-12-18' }) to: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the JSON of [placeId, day] pairs sorted by place id.' })
  digest: string;
  @ApiPropertyOptional({ description: 'Hex; the commissioner only.' }) seed?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [VisitResponse] }) visits: VisitResponse[];
  @ApiProperty({ type: [ConsideredPlaceResponse] }) places: ConsideredPlaceResponse[];
}

export class VisitPlanSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() count: number;
  @ApiProperty() digest: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
