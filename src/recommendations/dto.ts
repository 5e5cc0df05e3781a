import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import {
  MIN_REASON,
  PRIORITIES,
  PROGRESS_STATUSES,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATES,
  RESPONSES,
  SOURCE_KINDS,
  THEMES,
  VERIFY_OUTCOMES,
  type Priority,
  type ProgressStatus,
  type RecommendationResponse,
  type RecommendationState,
  type SourceKind,
  type Theme,
  type VerifyOutcome,
} from './domain/recommendation-workflow.js';
import { Text, NestedObject } from '../common/validators.js';

const TEXT_MAX = 8000;

export class RecommendationSourceDto {
  @ApiProperty({
    enum: SOURCE_KINDS,
    description:
      '`review`: a concluded review with finding concern or disagree of a decision the agency made; ' +
      '`visit`: a reported visit of one of the agency’s places; `own_initiative`: no id. ' +
      '`investigation` is set by publishing one only.',
  })
  @IsIn(SOURCE_KINDS)
  kind: SourceKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The review (visit, investigation); none for own_initiative.' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'The addressed agency: frontline or competent authority.' })
  @IsUUID()
  agencyId: string;

  @NestedObject(RecommendationSourceDto)
  source: RecommendationSourceDto;

  @ApiProperty({ enum: THEMES })
  @IsIn(THEMES)
  theme: Theme;

  @ApiProperty({ enum: PRIORITIES, description: 'Response due in 28 days, urgent in 7 (configurable).' })
  @IsIn(PRIORITIES)
  priority: Priority;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'What the office asks the agency to change.' })
  @Text(1, TEXT_MAX)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An earlier recommendation to the same agency it repeats.' })
  @IsOptional()
  @IsUUID()
  repeatOf?: string;
}

abstract class VersionedActionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The recommendation version this action was taken on; 409 if it moved on.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

const DATE_DESCRIPTION = 'A UTC calendar date, YYYY-MM-DD, today or later.';

export class RespondRecommendationDto extends VersionedActionDto {
  @ApiProperty({ enum: RESPONSES })
  @IsIn(RESPONSES)
  response: RecommendationResponse;

  @ApiPropertyOptional({ format: 'date', description: `Required when accepted in whole or part. ${DATE_DESCRIPTION}` })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  targetDate?: string;

  @ApiPropertyOptional({
    minLength: MIN_REASON,
    maxLength: TEXT_MAX,
    description: 'Required when partially accepted or rejected.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reason?: string;
}

export class ProgressRecommendationDto extends VersionedActionDto {
  @ApiProperty({ enum: PROGRESS_STATUSES, description: '`implemented` claims implementation (the office verifies).' })
  @IsIn(PROGRESS_STATUSES)
  status: ProgressStatus;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX)
  note: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Required with `implemented`: what shows it was done.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  evidence?: string;
}

export class VerifyRecommendationDto extends VersionedActionDto {
  @ApiProperty({ enum: VERIFY_OUTCOMES, description: '`not_verified` returns it to the state it was claimed from.' })
  @IsIn(VERIFY_OUTCOMES)
  outcome: VerifyOutcome;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'At least 20 characters when not verified.' })
  @IsString()
  @MaxLength(TEXT_MAX)
  note: string;

  @ApiPropertyOptional({
    format: 'date',
    description: `The new target; required when not verified. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  targetDate?: string;
}

export class WithdrawRecommendationDto extends VersionedActionDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class ListRecommendationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The addressed agency.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_STATES })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATES)
  state?: RecommendationState;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  sourceKind?: SourceKind;

  @ApiPropertyOptional({
    type: Boolean,
    description: '`true`: only those whose response is overdue or whose target date passed, now.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class RecommendationActorDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Who acted; null for the office’s staff when an agency reads (it sees the role only).',
  })
  id: string | null;
  @ApiProperty() role: string;
}

export class RecommendationHistoryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['issue', ...RECOMMENDATION_ACTIONS] }) action: string;
  @ApiProperty({ type: RecommendationActorDto }) by: RecommendationActorDto;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version this line made.' }) version: number;
  @ApiProperty({ enum: RECOMMENDATION_STATES, nullable: true, type: String }) fromState: string | null;
  @ApiProperty({ enum: RECOMMENDATION_STATES }) toState: string;
  @ApiPropertyOptional({ enum: ['normal', 'urgent'] }) priority?: string;
  @ApiPropertyOptional({ enum: RESPONSES }) response?: string;
  @ApiPropertyOptional({ enum: PROGRESS_STATUSES }) status?: string;
  @ApiPropertyOptional({ enum: VERIFY_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ format: 'date' }) targetDate?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() evidence?: string;
}

export class RecommendationSourceResponse {
  @ApiProperty({ enum: SOURCE_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
}

export class RecommendationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ type: RecommendationSourceResponse }) source: RecommendationSourceResponse;
  @ApiProperty({ enum: THEMES }) theme: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) repeatOf: string | null;
  @ApiProperty({ enum: RECOMMENDATION_STATES }) state: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) responseDueAt: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) targetDate: string | null;
  @ApiPropertyOptional({
    type: [RecommendationHistoryDto],
    description: 'Oldest first. In `GET /recommendations/{id}` and after an action; not in lists.',
  })
  history?: RecommendationHistoryDto[];
  @ApiProperty({ enum: RECOMMENDATION_ACTIONS, isArray: true, description: 'What the caller may do now.' })
  allowedActions: string[];
}
