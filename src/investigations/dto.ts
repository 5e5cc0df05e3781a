import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
import { NestedObject, OptionalUuid, Text } from '../common/validators.js';
import { PRIORITIES, THEMES, type Priority, type Theme } from '../recommendations/domain/recommendation-workflow.js';
import {
  CLIENT_ORIGINS,
  EVIDENCE_KINDS,
  INVESTIGATION_ACTIONS,
  INVESTIGATION_STATES,
  ORIGINS,
  type EvidenceKind,
  type InvestigationState,
} from './domain/investigation-workflow.js';

const TITLE_MAX = 500;
const TEXT_MAX = 8000;
const REPORT_MAX = 100_000;

export class InvestigationScopeDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 50,
    description: 'Frontline agencies or the competent authority under investigation.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  agencyIds: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 200,
    description: 'Places of detention run by agencies in scope.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  placeIds?: string[];
}

export class CreateInvestigationDto {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX })
  @Trimmed()
  @Text(1, TITLE_MAX)
  title: string;

  @ApiProperty({ enum: CLIENT_ORIGINS, description: '`complaint` is set only by triaging a complaint.' })
  @IsIn(CLIENT_ORIGINS)
  origin: (typeof CLIENT_ORIGINS)[number];

  @NestedObject(InvestigationScopeDto)
  scope: InvestigationScopeDto;

  @ApiProperty({ minLength: 1, maxLength: REPORT_MAX })
  @Trimmed()
  @Text(1, REPORT_MAX)
  termsOfReference: string;
}

export class ListInvestigationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVESTIGATION_STATES })
  @IsOptional()
  @IsIn(INVESTIGATION_STATES)
  state?: InvestigationState;

  @OptionalUuid('An agency in scope.')
  agencyId?: string;
}

abstract class VersionedActionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The investigation version this action was taken on; 409 if it moved on.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

export class AssignInvestigatorsDto extends VersionedActionDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'Reviewers without a conflict with any agency in scope; replaces the investigators.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  reviewerIds: string[];
}

export class AddEvidenceDto extends VersionedActionDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiProperty({ format: 'uuid', description: 'The record, of an agency or place in scope.' })
  @IsUUID()
  id: string;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'Why it matters.' })
  @Trimmed()
  @Text(1, TEXT_MAX)
  note: string;
}

export class ProposedRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'An agency in scope.' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ enum: THEMES })
  @IsIn(THEMES)
  theme: Theme;

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority: Priority;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @Trimmed()
  @Text(1, TEXT_MAX)
  text: string;
}

export class DraftInvestigationDto extends VersionedActionDto {
  @ApiProperty({ minLength: 1, maxLength: REPORT_MAX, description: 'The draft report the agencies comment on.' })
  @Trimmed()
  @Text(1, REPORT_MAX)
  text: string;

  @ApiProperty({
    type: [ProposedRecommendationDto],
    maxItems: 50,
    description: 'Issued as recommendations (source `investigation`) when the report is published.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ProposedRecommendationDto)
  proposedRecommendations: ProposedRecommendationDto[];
}

export class CommentInvestigationDto extends VersionedActionDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'A comment on the facts of the draft.' })
  @Trimmed()
  @Text(1, TEXT_MAX)
  text: string;
}

export class PublishInvestigationDto extends VersionedActionDto {
  @ApiProperty({ minLength: 1, maxLength: REPORT_MAX, description: 'The final report; frozen once published.' })
  @Trimmed()
  @Text(1, REPORT_MAX)
  text: string;
}

export class CloseInvestigationDto extends VersionedActionDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @Trimmed()
  @Text(1, TEXT_MAX)
  reason: string;
}

export class InvestigationScopeResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) agencyIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) placeIds: string[];
}

export class EvidenceResponse {
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid', description: 'The record.' }) id: string;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid' }) addedBy: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class ProposedRecommendationResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ enum: THEMES }) theme: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty() text: string;
}

export class InvestigationDraftResponse {
  @ApiProperty() text: string;
  @ApiProperty({
    type: [ProposedRecommendationResponse],
    description: 'An agency in scope sees those addressed to it only.',
  })
  proposedRecommendations: ProposedRecommendationResponse[];
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CommentAuthorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() role: string;
}

export class InvestigationCommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The agency the comment speaks for.' }) agencyId: string;
  @ApiProperty({ type: CommentAuthorResponse }) by: CommentAuthorResponse;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

const OFFICE = 'The office only.';

export class InvestigationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: INVESTIGATION_STATES }) state: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiPropertyOptional({ enum: ORIGINS, description: OFFICE }) origin?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: `${OFFICE} The complaint whose triage opened it.`,
  })
  complaintId?: string | null;
  @ApiPropertyOptional({ type: InvestigationScopeResponse, description: OFFICE }) scope?: InvestigationScopeResponse;
  @ApiPropertyOptional({ description: OFFICE }) termsOfReference?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: OFFICE }) investigators?: string[];
  @ApiPropertyOptional({ type: [EvidenceResponse], description: OFFICE }) evidence?: EvidenceResponse[];
  @ApiPropertyOptional({ format: 'date-time', description: OFFICE }) openedAt?: string;
  @ApiProperty({ type: InvestigationDraftResponse, nullable: true }) draft: InvestigationDraftResponse | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The end of the factual-accuracy period (INVESTIGATION_COMMENT_DAYS after the draft).',
  })
  commentsCloseAt: string | null;
  @ApiPropertyOptional({
    type: [InvestigationCommentResponse],
    description: 'The office reads all; a supervisor or decision maker in scope those of its own agency.',
  })
  comments?: InvestigationCommentResponse[];
  @ApiProperty({ nullable: true, type: String }) finalText: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: OFFICE })
  closedAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: OFFICE }) closeReason?: string | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Issued on publication; an agency in scope sees those addressed to it only.',
  })
  recommendationIds: string[];
  @ApiProperty({ enum: INVESTIGATION_ACTIONS, isArray: true, description: 'What the caller may do now.' })
  allowedActions: string[];
}
