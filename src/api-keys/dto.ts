import { ApiProperty } from '@nestjs/swagger';
import { Trimmed } from '../common/validation.js';
import { Text } from '../common/validators.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'case-management system', description: 'What the key is for.' })
  @Trimmed()
  @Text(2, 100)
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
