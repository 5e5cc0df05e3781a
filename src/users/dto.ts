import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '../authz/domain/roles.js';

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
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @ApiProperty({ minLength: 12, maxLength: 128, description: 'At least 12 characters.' })
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for every role but admin.' })
  @IsOptional()
  @IsUUID()
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
}
