import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsTimestamp, OptionalUuid, Text } from '../../common/validators.js';
import { DECISION_TYPES, type DecisionType } from '../domain/identification.js';
import { INDICATOR_CODES } from '../domain/indicators.js';

export class RecordDecisionDto {
  @ApiProperty({ enum: DECISION_TYPES })
  @IsIn(DECISION_TYPES)
  type: DecisionType;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The case version this decision was taken on; 409 if the case moved on.',
  })
  @IsInt()
  @Min(0)
  expectedVersion: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened; not in the future. Defaults to now.' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Text(1, 4000)
  reason?: string;

  @ApiPropertyOptional({
    description:
      'reasonable_grounds / conclusive_grounds: positive | negative; reconsider: upheld | overturned; ' +
      'close: support_provided | assisted_return | removed | released | lost_contact | transferred',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  outcome?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'detain / release: when it began or ended.' })
  @IsOptional()
  @IsTimestamp()
  at?: string;

  @ApiPropertyOptional({ description: 'detain; may be left out with a placeId (the place’s name is taken)' })
  @IsOptional()
  @Text(1, 200)
  facility?: string;

  @OptionalUuid('detain: an active place of the case’s agency (else 422)')
  placeId?: string;

  @ApiPropertyOptional({ description: 'detain' })
  @IsOptional()
  @Text(1, 500)
  legalBasis?: string;

  @ApiPropertyOptional({ description: 'close with removed / assisted_return: the non-refoulement risk assessment' })
  @IsOptional()
  @Text(1, 200)
  riskAssessmentRef?: string;

  @ApiPropertyOptional({ enum: INDICATOR_CODES, isArray: true, description: 'decline_referral' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INDICATOR_CODES.length)
  @ArrayUnique()
  @IsIn(INDICATOR_CODES, { each: true })
  indicatorsConsidered?: string[];

  @OptionalUuid('request_reconsideration: the review that prompted it')
  reviewId?: string;
}

/** Fields each decision type accepts besides type, expectedVersion and occurredAt; others are refused (400). */
export const DECISION_FIELDS: Record<DecisionType, readonly (keyof RecordDecisionDto)[]> = {
  refer: ['reason'],
  decline_referral: ['reason', 'indicatorsConsidered'],
  reasonable_grounds: ['outcome', 'reason'],
  conclusive_grounds: ['outcome', 'reason'],
  request_reconsideration: ['reason', 'reviewId'],
  reconsider: ['outcome', 'reason'],
  close: ['outcome', 'reason', 'riskAssessmentRef'],
  detain: ['at', 'facility', 'placeId', 'legalBasis', 'reason'],
  release: ['at', 'reason'],
};
