import { ApiProperty } from '@nestjs/swagger';

const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;

export class DashboardAlerts {
  @ApiProperty(count('Open (not acknowledged, not resolved) critical alerts the caller may read.')) critical: number;
  @ApiProperty(count('Open high alerts the caller may read.')) high: number;
}

export class DashboardDetentions {
  @ApiProperty(count('People detained now, still in screening, for longer than SCREENING_MAX_HOURS.'))
  pastScreeningLimit: number;
  @ApiProperty(count('People detained now for longer than MAX_DETENTION_DAYS.')) pastMaxDetention: number;
}

export class DashboardReviews {
  @ApiProperty(
    count('Reviews pending or assigned, not yet concluded (zero for agencies, which see only concluded ones).'),
  )
  awaitingConclusion: number;
  @ApiProperty(count("Concluded reviews waiting for the deciding agency's response.")) awaitingResponse: number;
}

export class DashboardRecommendations {
  @ApiProperty(count('Recommendations issued and not yet answered.')) awaitingResponse: number;
  @ApiProperty(count('Accepted (in whole or part) recommendations whose target date has passed.')) pastTarget: number;
}

export class DashboardVisits {
  @ApiProperty(count('Planned visits whose day has come and that have not started.')) due: number;
}

export class DashboardResponse {
  @ApiProperty({ format: 'date-time', description: 'The instant every count was taken at.' }) asOf: string;
  @ApiProperty({ type: DashboardAlerts }) alerts: DashboardAlerts;
  @ApiProperty({
    type: DashboardDetentions,
    nullable: true,
    description: 'Over the cases the caller may read; null for a role that reads no case.',
  })
  detentions: DashboardDetentions | null;
  @ApiProperty({ type: DashboardReviews }) reviews: DashboardReviews;
  @ApiProperty({ type: DashboardRecommendations }) recommendations: DashboardRecommendations;
  @ApiProperty({
    type: DashboardVisits,
    nullable: true,
    description: "The commissioner's office only; null for everyone else (planned visits are sealed from agencies).",
  })
  visits: DashboardVisits | null;
}
