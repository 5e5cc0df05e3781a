import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_KINDS, type AgencyKind } from '../authz/domain/roles.js';
import { Trimmed } from '../common/validation.js';
import { Text } from '../common/validators.js';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Border Police, Northern District' })
  @Trimmed()
  @Text(2, 200)
  name: string;

  @ApiProperty({ example: 'BP-N', description: 'Short unique code (letters, digits, - and _), case-insensitive.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, { message: 'code must be 2–32 letters, digits, - or _' })
  code: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiPropertyOptional({ example: 'duty-desk@bp-north.example', description: 'Where overdue-detention alerts go.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  alertEmail?: string;
}

export class AgencyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ nullable: true, type: String }) alertEmail: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
