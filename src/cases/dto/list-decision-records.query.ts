import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsTimestamp, OptionalUuid } from '../../common/validators.js';
import { CLOSE_OUTCOMES, DECISION_TYPES, type DecisionType } from '../domain/identification.js';
import { QueryBoolean } from './list-cases.query.js';

/** Every outcome a decision record can carry: grounds decisions, reconsiderations and closures. */
export const DECISION_OUTCOMES = ['positive', 'negative', 'upheld', 'overturned', ...CLOSE_OUTCOMES] as const;

export class ListDecisionRecordsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DECISION_TYPES })
  @IsOptional()
  @IsIn(DECISION_TYPES)
  type?: DecisionType;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: string;

  @OptionalUuid('The agency that made the decision (the actor’s).')
  agencyId?: string;

  @OptionalUuid('The agency that owns the case.')
  caseAgencyId?: string;

  @OptionalUuid('The user or API key that recorded the decision.')
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurredAt at or after this time.' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurredAt before this time (after `from`).' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only records with (true) or without (false) a review you may read.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  sampled?: boolean;
}
