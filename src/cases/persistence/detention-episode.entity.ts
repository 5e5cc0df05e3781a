import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A period in detention, opened by a detain record and closed by a release record.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'detention_episodes' })
export class DetentionEpisodeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('timestamptz', { name: 'detained_at' }) detainedAt: Date;
  @Column('text') facility: string;
  /** Null for episodes recorded before places existed, or without one. */
  @Column('uuid', { name: 'place_id', nullable: true }) placeId: string | null;
  @Column('text', { name: 'legal_basis' }) legalBasis: string;
  @Column('uuid', { name: 'detain_record_id' }) detainRecordId: string;
  @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt: Date | null;
  @Column('text', { name: 'release_reason', nullable: true }) releaseReason: string | null;
  @Column('uuid', { name: 'release_record_id', nullable: true }) releaseRecordId: string | null;
}
