import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../authz/domain/roles.js';
import { OptionalUuid, Text } from '../common/validators.js';

export class CreateUserDto {
  @ApiProperty({ example: 'a.officer@bp-north.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 120,
    description: 'The name decision records credit this user under (default: the e-mail’s local part).',
  })
  @IsOptional()
  @Text(1, 120)
  displayName?: string;

  @ApiPropertyOptional({
    minLength: 12,
    maxLength: 128,
    description:
      'Only for roles that cannot read case personal data (admin, analyst), at least 12 characters. Every other ' +
      'account, and these when it is left out, is e-mailed a one-time link (valid 72 hours) to set its own.',
  })
  @IsOptional()
  @Text(12, 128)
  password?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @OptionalUuid('Required for every role but admin.')
  agencyId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Agencies this user must not review.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  conflictAgencyIds?: string[];
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) conflictAgencyIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while the user is disabled.' })
  disabledAt: string | null;
}
