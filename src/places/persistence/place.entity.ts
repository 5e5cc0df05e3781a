import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlaceKind } from '../domain/place.js';

@Entity({ name: 'places' })
export class PlaceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') name: string;
  @Column('text') kind: PlaceKind;
  @Column('text') region: string;
  @Column('integer', { nullable: true }) capacity: number | null;
  @Column('boolean', { default: true }) active: boolean;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
