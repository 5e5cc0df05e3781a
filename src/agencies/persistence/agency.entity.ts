import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgencyKind } from '../../authz/domain/roles.js';

@Entity({ name: 'agencies' })
@Index('agencies_code_key', { synchronize: false })
export class AgencyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') code: string;
  @Column('text') kind: AgencyKind;
  @Column('text', { name: 'alert_email', nullable: true }) alertEmail: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
