import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ALERT_RULES } from '../alerts/domain/alert-rules.js';
import { CASE_STATES, DECISION_TYPES } from '../cases/domain/identification.js';
import { IsTimestamp } from '../common/validators.js';

export class ReportPeriodQuery {
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive).' })
  @IsTimestamp()
  from: string;

  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive); after `from`.' })
  @IsTimestamp()
  to: string;
}

export class AnonymisedExportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Cases encountered at or after this time.' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases encountered before this time.' })
  @IsOptional()
  @IsTimestamp()
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
  @ApiProperty({ description: 'Cases that completed this step in the period.' }) n: number;
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
  @ApiProperty({ description: 'People in an open detention episode when the report was made.' }) detainedNow: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Days, two decimals; null when no one is detained.' })
  longestCurrentDays: number | null;
}

export class ProportionDto {
  @ApiProperty({ description: 'Three decimals.' }) share: number;
  @ApiProperty({ description: 'Lower bound of the 95% Wilson score interval, three decimals.' }) lower: number;
  @ApiProperty({ description: 'Upper bound of the 95% Wilson score interval, three decimals.' }) upper: number;
}

export class ReviewsSummaryDto {
  @ApiProperty({ description: 'Reviews of decisions this agency made, concluded in the period.' }) concluded: number;
  @ApiProperty() concern: number;
  @ApiProperty() disagree: number;
  @ApiProperty({ type: ProportionDto, nullable: true, description: 'Null when no review was concluded.' })
  concernOrDisagree: ProportionDto | null;
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
}

export class AgenciesReportResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ format: 'date-time', description: 'The time "now" in the detention figures.' }) generatedAt: string;
  @ApiProperty({ type: [AgencyReportDto], description: 'Agencies the caller may read reports for, by code.' })
  agencies: AgencyReportDto[];
}
