import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONSISTENCY_GROUPINGS, CONSISTENCY_METRICS, METRICS } from './domain/consistency.js';
import type { ConsistencyGrouping, ConsistencyMetric } from './domain/consistency.js';
import { ReportPeriodDto, ReportPeriodQuery } from './dto.js';

const BANDS = ['within', 'above_95', 'above_99_8', 'below_95', 'below_99_8', 'no_data'] as const;

export class ConsistencyQuery extends ReportPeriodQuery {
  @ApiProperty({
    enum: CONSISTENCY_METRICS,
    description: CONSISTENCY_METRICS.map(
      (m) => `\`${m}\`: ${METRICS[m].numerator} ÷ ${METRICS[m].denominator}, by ${METRICS[m].groupings.join(' or ')}`,
    ).join('; '),
  })
  @IsIn(CONSISTENCY_METRICS)
  metric: ConsistencyMetric;

  @ApiPropertyOptional({
    enum: CONSISTENCY_GROUPINGS,
    description:
      'Whose point a decision counts on. Only `rg_positive_rate`, `cg_positive_rate` and ' +
      '`reconsideration_overturn_rate` take `deciding_agency` (the competent authority); any other metric answers ' +
      '400 to a `groupBy` other than its own.',
  })
  @IsOptional()
  @IsIn(CONSISTENCY_GROUPINGS)
  groupBy?: ConsistencyGrouping;

  @ApiPropertyOptional({
    enum: ['auto', 'none'],
    default: 'auto',
    description: '`auto`: widen the limits by the random-effects τ² when the dispersion test says so; `none`: never.',
  })
  @IsOptional()
  @IsIn(['auto', 'none'])
  overdispersion?: 'auto' | 'none';
}

export class FunnelLimitsDto {
  @ApiProperty() lower95: number;
  @ApiProperty() upper95: number;
  @ApiProperty() lower998: number;
  @ApiProperty() upper998: number;
}

export class FunnelCurvePointDto extends FunnelLimitsDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) n: number;
}

export class ConsistencyPointDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Absent on another agency’s point when the caller is an agency.',
  })
  agencyId?: string;
  @ApiPropertyOptional({ description: 'Absent on another agency’s point when the caller is an agency.' })
  code?: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) numerator: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) denominator: number;
  @ApiProperty({ type: Number, nullable: true, description: 'numerator ÷ denominator; null when it is 0.' })
  rate: number | null;
  @ApiProperty({ type: FunnelLimitsDto, nullable: true, description: 'The limits at this n; null when n is 0.' })
  limits: FunnelLimitsDto | null;
  @ApiProperty({ enum: BANDS }) band: string;
}

export class OverdispersionDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Winsorised mean squared z-score φ; null with no point.' })
  phi: number | null;
  @ApiProperty({ description: 'Between-agency variance on the arcsine-square-root scale (0 when not over-dispersed).' })
  tau2: number;
  @ApiProperty({ description: 'Whether the limits were widened by τ².' }) applied: boolean;
}

export class ConsistencyResponse {
  @ApiProperty({ enum: CONSISTENCY_METRICS }) metric: string;
  @ApiProperty({ enum: CONSISTENCY_GROUPINGS }) groupBy: string;
  @ApiProperty({ description: 'What is counted.' }) numerator: string;
  @ApiProperty({ description: 'What it is counted out of.' }) denominator: string;
  @ApiProperty({ type: ReportPeriodDto }) period: ReportPeriodDto;
  @ApiProperty({ type: Number, nullable: true, description: 'The pooled rate Σr/Σn; null when no agency has data.' })
  target: number | null;
  @ApiProperty({ type: OverdispersionDto }) overdispersion: OverdispersionDto;
  @ApiProperty({
    type: [ConsistencyPointDto],
    description:
      'Every compared agency (no_data when its denominator is 0). By code, or — when the caller is an agency and ' +
      'other points are unnamed — by n, so that position does not reveal which agency is which.',
  })
  agencies: ConsistencyPointDto[];
  @ApiProperty({
    type: [FunnelCurvePointDto],
    description: 'The limits at up to 100 values of n over the plotted range.',
  })
  curve: FunnelCurvePointDto[];
}
