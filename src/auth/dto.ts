import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from '../authz/domain/roles.js';
import { Text } from '../common/validators.js';

export class LoginDto {
  @ApiProperty({ example: 'commissioner@oversight.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @Text(1, 256)
  password: string;
}

export class SetPasswordDto {
  @ApiProperty({
    description: 'The token from the set-password link (after `#token=`).',
    example: 'nV3k1h6Zb8q0cYk3l2m9A5x7Rt4Ew1Qo6Pz8Ys2Dd0U',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the 43-character token of a set-password link' })
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 128, description: 'The new password, at least 12 characters.' })
  @Text(12, 128)
  password: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'a.officer@bp-north.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seconds until the token expires.', example: 900 })
  expiresIn: number;
}

export class MeAgency {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid', description: 'User id, or API key id.' }) id: string;
  @ApiProperty({ enum: ['user', 'api_key'] }) kind: 'user' | 'api_key';
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ type: MeAgency, nullable: true }) agency: MeAgency | null;
  @ApiProperty({ type: [String], format: 'uuid' }) conflictAgencyIds: string[];
  @ApiProperty({
    description: 'The caller’s permission rules (CASL raw rules), for clients that adapt their UI.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  rules: unknown[];
}
