import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { CaseContextResponse, DecisionRecordResponse } from '../cases/dto/case.response.js';
import { PageQueryDto } from '../common/pagination.js';
import { IsTimestamp, OptionalUuid, Text } from '../common/validators.js';
import {
  FINDINGS,
  RESPONSES,
  REVIEW_COMMANDS,
  REVIEW_STATUSES,
  type Finding,
  type ReviewResponse,
} from './domain/review-workflow.js';
import { SAMPLE_DIFFERENCE_KINDS } from './domain/draw-verification.js';

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

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000 })
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
  @ApiProperty({
    format: 'uuid',
    description: 'The stratum’s agency: the deciding agency (see the run’s strataAgency).',
  })
  agencyId: string;
  @ApiProperty() decisionType: string;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() negative: boolean;
  @ApiProperty() rate: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) population: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) sampled: number;
}

export class SamplingRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() rate: number;
  @ApiProperty() negativeRate: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) minPerStratum: number;
  @ApiPropertyOptional({ description: 'Hex; the commissioner only.' }) seed?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) failure: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) populationCount: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) sampleCount: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Σ SHA-256(id) mod 2^256 over the population (hex).' })
  populationDigest: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The same over the sample.' }) sampleDigest: string | null;
  @ApiProperty({
    enum: ['deciding', 'case'],
    nullable: true,
    type: String,
    description:
      'Whose agency keys the strata: `deciding` (the agency that made the decision); `case` for runs drawn before ' +
      'decisions were credited to their maker; null until drawn.',
  })
  strataAgency: 'deciding' | 'case' | null;
  @ApiPropertyOptional({ type: [StratumResponse] }) strata?: StratumResponse[];
}

export class StratumCountsDto {
  @ApiProperty() population: number;
  @ApiProperty() sampled: number;
}

export class StratumDifferenceDto {
  @ApiProperty({ format: 'uuid', description: 'The stratum’s agency (see the run’s strata).' }) agencyId: string;
  @ApiProperty() decisionType: string;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ type: StratumCountsDto, nullable: true, description: 'As the run stored it; null if it did not.' })
  stored: StratumCountsDto | null;
  @ApiProperty({ type: StratumCountsDto, nullable: true, description: 'As recomputed; null if not in the population.' })
  recomputed: StratumCountsDto | null;
}

export class SampleDifferenceDto {
  @ApiProperty({ format: 'uuid' }) decisionRecordId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The run’s review of it, if any.' })
  reviewId: string | null;
  @ApiProperty({
    enum: SAMPLE_DIFFERENCE_KINDS,
    description:
      '`missing`: selected by the seed, no review of the run; `unexpected`: reviewed by the run, not selected; ' +
      '`altered`: selected and reviewed, but the review’s case, agencies, type, outcome or score differ.',
  })
  kind: string;
}

export class StoredAndRecomputedDto {
  @ApiProperty({ nullable: true, type: Number }) stored: number | null;
  @ApiProperty() recomputed: number;
}

export class DrawVerificationResponse {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ description: 'True only when both digests, every stratum and every review agree.' })
  verified: boolean;
  @ApiProperty({ description: 'The recomputed population digests to what the run stored.' })
  populationDigestMatches: boolean;
  @ApiProperty({ description: 'The recomputed sample digests to what the run stored.' }) sampleDigestMatches: boolean;
  @ApiProperty() strataMatch: boolean;
  @ApiProperty({ type: StoredAndRecomputedDto }) population: StoredAndRecomputedDto;
  @ApiProperty({ type: StoredAndRecomputedDto }) sample: StoredAndRecomputedDto;
  @ApiProperty({ type: [StratumDifferenceDto] }) strataDifferences: StratumDifferenceDto[];
  @ApiProperty({ type: [SampleDifferenceDto], description: 'The first 1,000 differing records, by record id.' })
  differences: SampleDifferenceDto[];
  @ApiProperty({ description: 'How many records differ in all.' }) differenceCount: number;
}

export class ListReviewsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'The review’s state (its `status` field).' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  state?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATUSES, deprecated: true, description: 'Older name of `state`.' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: FINDINGS })
  @IsOptional()
  @IsIn(FINDINGS)
  finding?: string;

  @ApiPropertyOptional({
    enum: ['accepted', 'rejected'],
    description: 'How the agency answered: `accepted` (response `accept`) or `rejected` (response `reject`).',
  })
  @IsOptional()
  @IsIn(['accepted', 'rejected'])
  response?: 'accepted' | 'rejected';

  @OptionalUuid()
  runId?: string;

  @OptionalUuid('The deciding agency: the one whose decision is reviewed.')
  agencyId?: string;

  @OptionalUuid()
  caseId?: string;

  @OptionalUuid()
  assignedReviewerId?: string;
}

export class AssignReviewDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reviewerId: string;
}

export class AutoAssignDto {
  @OptionalUuid('Only this run’s pending reviews (all pending otherwise).')
  runId?: string;
}

export class ConcludeReviewDto {
  @ApiProperty({ enum: FINDINGS })
  @IsIn(FINDINGS)
  finding: Finding;

  @ApiProperty({ minLength: 20, maxLength: 8000 })
  @Text(1, 8000)
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
  @Text(1, 8000)
  responseText?: string;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 8000,
    deprecated: true,
    description: 'Deprecated alias of `responseText`, accepted for one release. Send one of the two, not both.',
  })
  @IsOptional()
  @Text(1, 8000)
  @ValidateBy({
    name: 'notWithResponseText',
    validator: {
      validate: (_value: unknown, args) => (args?.object as RespondReviewDto).responseText === undefined,
      defaultMessage: () => 'text is a deprecated alias of responseText; send only responseText',
    },
  })
  text?: string;
}

export class CloseReviewDto {
  @ApiProperty({ minLength: 20, maxLength: 8000, description: 'Why the dispute is closed; on record for the agency.' })
  @Text(1, 8000)
  note: string;
}

export class WithdrawReviewDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Text(1, 2000)
  reason: string;
}

export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'Commissioner staff only: the run that drew it, or null for a review made outside any run (a complaint ' +
      'referred to review, §13). Agencies are not told how a review came about.',
  })
  runId?: string | null;
  @ApiProperty({ format: 'uuid' }) decisionRecordId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The deciding agency (whose decision is reviewed): it responds, and sees the review once concluded.',
  })
  agencyId: string;
  @ApiProperty({ format: 'uuid', description: 'The agency that owns the case.' }) caseAgencyId: string;
  @ApiProperty() decisionType: string;
  @ApiProperty({ nullable: true, type: String }) decisionOutcome: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) version: number;
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
  @ApiProperty({ nullable: true, type: String, description: 'The commissioner’s note closing a dispute.' })
  disputeNote: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disputeClosedAt: string | null;
  @ApiProperty({ enum: REVIEW_COMMANDS, isArray: true }) allowedCommands: string[];
  @ApiProperty({ type: DecisionRecordResponse, description: 'The record reviewed: who decided what, and why.' })
  decisionRecord: DecisionRecordResponse;
  @ApiProperty({
    type: CaseContextResponse,
    description: 'The case without PII (state, indicators, encounter, detention episodes): enough to conclude.',
  })
  case: CaseContextResponse;
}

export class AutoAssignResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) assigned: number;
  @ApiProperty({ type: [String], description: 'Reviews no reviewer without a conflict could take.' })
  unassignable: string[];
}
