import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsTimestamp } from '../../common/validators.js';
import { CASE_STATES, type CaseState } from '../domain/identification.js';

export class ListCasesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only people detained now (true) or not (false).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  detained?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only cases changed at or after this time.' })
  @IsOptional()
  @IsTimestamp()
  updatedSince?: string;
}
