import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../authz/domain/roles.js';

/** One refresh token of a console session (a family: one sign-in); only SHA-256 of the token is kept. */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('text') role: Role;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('timestamptz', { name: 'signed_in_at' }) signedInAt: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
