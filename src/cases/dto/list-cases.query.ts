import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsTimestamp, OptionalUuid } from '../../common/validators.js';
import { CASE_STATES, CLOSE_OUTCOMES, type CaseState } from '../domain/identification.js';
import { INDICATOR_CODES } from '../domain/indicators.js';
import { ENCOUNTER_KINDS, EXTERNAL_REF_MESSAGE, EXTERNAL_REF_PATTERN } from './create-case.dto.js';

/** Query booleans arrive as text; anything but `true`/`false` stays as it came and fails `@IsBoolean`. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListCasesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState;

  @OptionalUuid()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only people detained now (true) or not (false).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  detained?: boolean;

  @ApiPropertyOptional({
    pattern: EXTERNAL_REF_PATTERN.source,
    description: 'The agency’s own reference (as agencies and alert e-mails quote it); exact match.',
  })
  @IsOptional()
  @IsString()
  @Matches(EXTERNAL_REF_PATTERN, { message: EXTERNAL_REF_MESSAGE })
  externalRef?: string;

  @ApiPropertyOptional({ enum: CLOSE_OUTCOMES })
  @IsOptional()
  @IsIn(CLOSE_OUTCOMES)
  closedOutcome?: string;

  @ApiPropertyOptional({ enum: ENCOUNTER_KINDS })
  @IsOptional()
  @IsIn(ENCOUNTER_KINDS)
  encounterKind?: string;

  @ApiPropertyOptional({ enum: INDICATOR_CODES, description: 'Only cases with this indicator recorded.' })
  @IsOptional()
  @IsIn(INDICATOR_CODES)
  indicator?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isChild?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only cases changed at or after this time.' })
  @IsOptional()
  @IsTimestamp()
  updatedSince?: string;
}

export class GetCaseQuery {
  @ApiPropertyOptional({
    enum: ['pii'],
    description: 'pii: add the subject’s personal data (roles allowed to read it); every such read is audited.',
  })
  @IsOptional()
  @IsIn(['pii'])
  include?: 'pii';
}
