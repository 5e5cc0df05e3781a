import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { ALERT_RULES } from '../alerts/domain/alert-rules.js';
import { CASE_STATES, DECISION_TYPES } from '../cases/domain/identification.js';
import { RECOMMENDATION_STATES } from '../recommendations/domain/recommendation-workflow.js';
import { ACCEPTED_FORMS, DEFAULT_MONTHS, parseReportInstant } from './domain/report-period.js';

/** A date (00:00 UTC) or a timestamp with an offset; the problem says which parameter and which forms. */
function IsReportInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isReportInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseReportInstant(value) !== null,
      defaultMessage: () => `$property must be ${ACCEPTED_FORMS}`,
    },
  });
}

const INSTANT = {
  // No `format`: `date-time` would refuse the date-only form a client may send.
  type: String,
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  example: '2026-09-01',
} as const;

export class ReportPeriodQuery {
  @ApiPropertyOptional({
    ...INSTANT,
    description:
      `Start of the period (inclusive): ${ACCEPTED_FORMS}. Without it, ${DEFAULT_MONTHS} months before \`to\`. ` +
      `With neither \`from\` nor \`to\`, the report covers the ${DEFAULT_MONTHS} months up to now.`,
  })
  @IsOptional()
  @IsReportInstant()
  from?: string;

  @ApiPropertyOptional({
    ...INSTANT,
    description:
      `End of the period (exclusive), after \`from\`: ${ACCEPTED_FORMS}. ` +
      `Without it, ${DEFAULT_MONTHS} months after \`from\`, or now when \`from\` is not given either.`,
  })
  @IsOptional()
  @IsReportInstant()
  to?: string;
}

export class AnonymisedExportQuery {
  @ApiPropertyOptional({
    ...INSTANT,
    description: `Cases encountered at or after this instant: ${ACCEPTED_FORMS}. Without it, from the first case.`,
  })
  @IsOptional()
  @IsReportInstant()
  from?: string;

  @ApiPropertyOptional({
    ...INSTANT,
    description: `Cases encountered before this instant: ${ACCEPTED_FORMS}. Without it, up to now.`,
  })
  @IsOptional()
  @IsReportInstant()
  to?: string;
}

const countsOf = (keys: readonly string[], description: string): ApiPropertyOptions => ({
  type: 'object',
  description,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer' as const }])),
  required: [...keys],
});

export class ReportAgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['frontline', 'competent_authority', 'commissioner_office'] }) kind: string;
}

export class IntervalDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Median in days, two decimals; null when n is 0.' })
  medianDays: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Cases that completed this step in the period.' }) n: number;
}

export class DurationsDto {
  @ApiProperty({ type: IntervalDto, description: 'Encounter → first `refer`, for referrals in the period.' })
  screeningToReferral: IntervalDto;
  @ApiProperty({ type: IntervalDto, description: 'First `refer` → first reasonable-grounds decision in the period.' })
  referralToReasonableGrounds: IntervalDto;
  @ApiProperty({
    type: IntervalDto,
    description: 'First positive RG → first conclusive-grounds decision in the period.',
  })
  reasonableGroundsToConclusiveGrounds: IntervalDto;
}

export class DetentionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'People in an open detention episode when the report was made.',
  })
  detainedNow: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Days, two decimals; null when no one is detained.' })
  longestCurrentDays: number | null;
}

export class ProportionDto {
  @ApiProperty({ description: 'Three decimals.' }) share: number;
  @ApiProperty({ description: 'Lower bound of the 95% Wilson score interval, three decimals.' }) lower: number;
  @ApiProperty({ description: 'Upper bound of the 95% Wilson score interval, three decimals.' }) upper: number;
}

export class ReviewsSummaryDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Reviews of decisions this agency made, concluded in the period.',
  })
  concluded: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) concern: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) disagree: number;
  @ApiProperty({ type: ProportionDto, nullable: true, description: 'Null when no review was concluded.' })
  concernOrDisagree: ProportionDto | null;
}

export class ResponseTimeDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Median in days, two decimals; null when n is 0.' })
  medianDays: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Recommendations of the period the agency has answered.' })
  n: number;
}

export class RecommendationFiguresDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Recommendations to this agency issued in the period.' })
  issuedInPeriod: number;
  @ApiProperty(
    countsOf(
      RECOMMENDATION_STATES,
      'Those recommendations by their state now. `issued`: not yet answered; `implementation_claimed`: the agency ' +
        'reports it done and the office has not verified it yet (counted as open).',
    ),
  )
  byState: Record<string, number>;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Not in a final state: issued, accepted, partially accepted or implementation claimed.',
  })
  open: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Response overdue or target date missed at `generatedAt`: what `GET /recommendations?overdue=true` lists.',
  })
  overdue: number;
  @ApiProperty({ type: ResponseTimeDto, description: 'Issue → the agency’s response (accepted, partially, rejected).' })
  daysToRespond: ResponseTimeDto;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Those that repeat an earlier recommendation (`repeatOf`).',
  })
  repeats: number;
}

export class AgencyReportDto {
  @ApiProperty({ type: ReportAgencyDto }) agency: ReportAgencyDto;
  @ApiProperty(
    countsOf(
      CASE_STATES,
      'Cases this agency owns (the agency that opened them), first encountered in the period, by current state.',
    ),
  )
  casesOwnedByState: Record<string, number>;
  @ApiProperty(
    countsOf(
      DECISION_TYPES,
      'Decision records this agency made (the actor’s agency, e.g. the competent authority for RG/CG), ' +
        'by type, that occurred in the period — whoever owns the case.',
    ),
  )
  decisionsMadeByType: Record<string, number>;
  @ApiProperty({ type: DurationsDto }) durations: DurationsDto;
  @ApiProperty({ type: DetentionDto }) detention: DetentionDto;
  @ApiProperty(countsOf(ALERT_RULES, 'Alerts raised in the period that the caller may read.'))
  alertsByRule: Record<string, number>;
  @ApiProperty({ type: ReviewsSummaryDto }) reviews: ReviewsSummaryDto;
  @ApiProperty({
    type: RecommendationFiguresDto,
    description: 'SPEC §12: what became of the period’s recommendations.',
  })
  recommendations: RecommendationFiguresDto;
}

export class ReportPeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period used (inclusive).' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'End of the period used (exclusive).' }) to: string;
  @ApiProperty({
    description: `True when \`from\`, \`to\` or both were not given and were derived (${DEFAULT_MONTHS} months apart).`,
  })
  defaulted: boolean;
}

export class AgenciesReportResponse {
  @ApiProperty({ format: 'date-time', description: 'The same as `period.from`.' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'The same as `period.to`.' }) to: string;
  @ApiProperty({ type: ReportPeriodDto, description: 'The period the figures cover, and whether it was defaulted.' })
  period: ReportPeriodDto;
  @ApiProperty({ format: 'date-time', description: 'The time "now" in the detention figures.' }) generatedAt: string;
  @ApiProperty({ type: [AgencyReportDto], description: 'Agencies the caller may read reports for, by code.' })
  agencies: AgencyReportDto[];
}
