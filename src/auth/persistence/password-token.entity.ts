import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PasswordTokenPurpose = 'invitation' | 'reset';

/** A one-time set-password link: only SHA-256 of its random token is kept. */
@Entity({ name: 'password_tokens' })
export class PasswordTokenEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') purpose: PasswordTokenPurpose;
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
}
