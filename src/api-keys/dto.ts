import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../common/validation.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'case-management system', description: 'What the key is for.' })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class IssuedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key. Shown this once; only its hash is kept.' }) key: string;
}
