import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../authz/domain/roles.js';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  /** Null until the user sets a password through the link e-mailed to them. */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('text') role: Role;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('uuid', { name: 'conflict_agency_ids', array: true, default: () => "'{}'" }) conflictAgencyIds: string[];
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true }) tokensValidAfter: Date | null;
}
