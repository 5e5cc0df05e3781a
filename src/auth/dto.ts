import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from '../authz/domain/roles.js';

export class LoginDto {
  @ApiProperty({ example: 'commissioner@oversight.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
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
