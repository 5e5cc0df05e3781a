import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import { IsTimestamp, OptionalUuid } from '../common/validators.js';

export class ListAuditEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  subjectType?: string;

  @OptionalUuid()
  subjectId?: string;

  @ApiPropertyOptional({ example: 'case.decision_recorded' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,60}$/)
  action?: string;

  @ApiPropertyOptional({ example: 'case:0194…' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chainId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({
    description:
      'Root (hex) of a checkpoint kept outside this system, e.g. from an earlier GET /audit/checkpoints: ' +
      'verification fails with checkpoint_head_missing if the log no longer holds it (cut back to an earlier checkpoint).',
    pattern: '^[0-9a-f]{64}$',
    example: '5f0c3b7e9a1d4c2b8e6f0a3d5c7b9e1f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'head must be the 64 lowercase hex digits of a checkpoint root' })
  head?: string;
}

export class AuditActorResponse {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) type: string;
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() chainId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) seq: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: AuditActorResponse }) actor: AuditActorResponse;
  @ApiProperty() action: string;
  @ApiProperty({ type: 'object', properties: { type: { type: 'string' }, id: { type: 'string', nullable: true } } })
  subject: { type: string; id: string | null };
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: unknown;
  @ApiProperty({ description: 'hex' }) prevHash: string;
  @ApiProperty({ description: 'hex: SHA-256(prevHash ‖ JCS(event))' }) hash: string;
}

export class VerifyResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events whose hashes were recomputed.' }) checked: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Signed checkpoints verified.' }) checkpoints: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) firstInvalidEventId: string | null;
  @ApiPropertyOptional() chainId?: string;
  @ApiPropertyOptional({
    enum: [
      'sequence_gap',
      'broken_link',
      'hash_mismatch',
      'checkpoint_mismatch',
      'chain_truncated',
      'decision_record_altered',
      'detention_episode_altered',
      'case_projection_altered',
      'checkpoint_missing',
      'checkpoint_altered',
      'checkpoint_signature_invalid',
      'checkpoint_key_unknown',
      'checkpoint_head_missing',
    ],
  })
  reason?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      'The checkpoint at fault; for checkpoint_head_missing the last checkpoint the log still holds (0: none).',
  })
  checkpointSeq?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'Cases whose projection or detention episodes differ from their decision records (first 100).',
  })
  caseIds?: string[];
  @ApiProperty({ type: 'integer', minimum: 0 }) durationMs: number;
}

export class CheckpointResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) seq: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Transaction-id watermark: the checkpoint covers events of transactions below it.' })
  watermark: string;
  @ApiProperty({ description: 'hex' }) prevRoot: string;
  @ApiProperty({ description: 'hex: SHA-256 over JCS({createdAt, heads, prevRoot, seq, watermark})' }) root: string;
  @ApiProperty({ description: 'base64 Ed25519 signature of the root' }) signature: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) chainCount: number;
}

export class VerifyKeyResponse {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Ed25519 public key, PEM' }) publicKeyPem: string;
  @ApiProperty({ description: 'the raw 32-byte public key, base64 (as AUDIT_VERIFY_KEYS takes it)' })
  publicKey: string;
}

export class CheckpointExportResponse {
  @ApiProperty({ description: 'Ed25519 public key (PEM) of the current signing key.' }) publicKeyPem: string;
  @ApiProperty({ description: 'Id of the current signing key.' }) keyId: string;
  @ApiProperty({
    type: [VerifyKeyResponse],
    description: 'Every key checkpoints are verified with (current and retired); each checkpoint names its keyId.',
  })
  verifyKeys: VerifyKeyResponse[];
  @ApiProperty({ type: [CheckpointResponse] }) items: CheckpointResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
