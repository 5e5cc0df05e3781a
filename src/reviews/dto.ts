import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { CaseContextResponse, DecisionRecordResponse } from '../cases/dto/case.response.js';
import { PageQueryDto } from '../common/pagination.js';
import { IsTimestamp } from '../common/validators.js';
import { FINDINGS, RESPONSES, REVIEW_STATUSES, type Finding, type ReviewResponse } from './domain/review-workflow.js';

export class CreateSamplingRunDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive), by decision occurredAt.' })
  @IsTimestamp()
  from: string;

  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive).' })
  @IsTimestamp()
  to: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Rate for other decisions (default SAMPLING_RATE).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  rate?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Rate for negative decisions (default SAMPLING_NEGATIVE_RATE).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  negativeRate?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minPerStratum?: number;

  @ApiPropertyOptional({ description: 'Hex seed of 16–64 bytes; a random 256-bit seed otherwise. Keep it secret.' })
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{2}){16,64}$/, { message: 'seed must be 32–128 hex digits' })
  seed?: string;
}

export class StratumResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() decisionType: string;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() negative: boolean;
  @ApiProperty() rate: number;
  @ApiProperty() population: number;
  @ApiProperty() sampled: number;
}

export class SamplingRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() rate: number;
  @ApiProperty() negativeRate: number;
  @ApiProperty() minPerStratum: number;
  @ApiPropertyOptional({ description: 'Hex; the commissioner only.' }) seed?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) failure: string | null;
  @ApiProperty({ nullable: true, type: Number }) populationCount: number | null;
  @ApiProperty({ nullable: true, type: Number }) sampleCount: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Σ SHA-256(id) mod 2^256 over the population (hex).' })
  populationDigest: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The same over the sample.' }) sampleDigest: string | null;
  @ApiPropertyOptional({ type: [StratumResponse] }) strata?: StratumResponse[];
}

export class ListReviewsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedReviewerId?: string;
}

export class AssignReviewDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reviewerId: string;
}

export class AutoAssignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this run’s pending reviews (all pending otherwise).' })
  @IsOptional()
  @IsUUID()
  runId?: string;
}

export class ConcludeReviewDto {
  @ApiProperty({ enum: FINDINGS })
  @IsIn(FINDINGS)
  finding: Finding;

  @ApiProperty({ minLength: 20, maxLength: 8000 })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  rationale: string;
}

export class RespondReviewDto {
  @ApiProperty({ enum: RESPONSES })
  @IsIn(RESPONSES)
  response: ReviewResponse;

  @ApiProperty({
    // Not `required` in the schema while the deprecated `text` may stand in for it.
    required: false,
    minLength: 10,
    maxLength: 8000,
    description: 'The agency’s answer, as the review shows it. Required (unless the deprecated `text` is sent).',
  })
  // Required unless the deprecated `text` carries it.
  @ValidateIf((o: RespondReviewDto) => o.text === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  responseText?: string;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 8000,
    deprecated: true,
    description: 'Deprecated alias of `responseText`, accepted for one release. Send one of the two, not both.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  @ValidateBy({
    name: 'notWithResponseText',
    validator: {
      validate: (_value: unknown, args) => (args?.object as RespondReviewDto).responseText === undefined,
      defaultMessage: () => 'text is a deprecated alias of responseText; send only responseText',
    },
  })
  text?: string;
}

export class WithdrawReviewDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) decisionRecordId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() decisionType: string;
  @ApiProperty({ nullable: true, type: String }) decisionOutcome: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Commissioner staff only.' })
  assignedReviewerId?: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) assignedAt: string | null;
  @ApiProperty({ enum: FINDINGS, nullable: true, type: String }) finding: string | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) concludedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) responseDueAt: string | null;
  @ApiProperty({ enum: RESPONSES, nullable: true, type: String }) response: string | null;
  @ApiProperty({ nullable: true, type: String }) responseText: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ enum: ['assign', 'conclude', 'respond', 'withdraw'], isArray: true }) allowedCommands: string[];
  @ApiProperty({ type: DecisionRecordResponse, description: 'The record reviewed: who decided what, and why.' })
  decisionRecord: DecisionRecordResponse;
  @ApiProperty({
    type: CaseContextResponse,
    description: 'The case without PII (state, indicators, encounter, detention episodes): enough to conclude.',
  })
  case: CaseContextResponse;
}

export class AutoAssignResponse {
  @ApiProperty() assigned: number;
  @ApiProperty({ type: [String], description: 'Reviews no reviewer without a conflict could take.' })
  unassignable: string[];
}
