import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SamplingRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * A draw of decisions for independent review; its seed is secret and encrypted at rest.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'sampling_runs' })
export class SamplingRunEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') status: SamplingRunStatus;
  @Column('text') trigger: 'manual' | 'schedule';
  @Column('text', { name: 'schedule_key', nullable: true, unique: true }) scheduleKey: string | null;
  @Column('timestamptz', { name: 'period_from' }) periodFrom: Date;
  @Column('timestamptz', { name: 'period_to' }) periodTo: Date;
  @Column('double precision') rate: number;
  @Column('double precision', { name: 'negative_rate' }) negativeRate: number;
  @Column('integer', { name: 'min_per_stratum' }) minPerStratum: number;
  @Column('bytea', { name: 'seed_ciphertext' }) seedCiphertext: Buffer;
  @Column('text', { name: 'seed_key_id' }) seedKeyId: string;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('text', { nullable: true }) failure: string | null;
  @Column('integer', { name: 'population_count', nullable: true }) populationCount: number | null;
  @Column('integer', { name: 'sample_count', nullable: true }) sampleCount: number | null;
  @Column('text', { name: 'population_digest', nullable: true }) populationDigest: string | null;
  @Column('text', { name: 'sample_digest', nullable: true }) sampleDigest: string | null;
  /** Records recorded before this instant (taken under the draw lock) formed the population. */
  @Column('timestamptz', { name: 'population_cutoff', nullable: true }) populationCutoff: Date | null;
  /** Whose agency the strata are keyed by: `deciding` since decisions are credited to their maker. */
  @Column('text', { name: 'strata_agency', nullable: true }) strataAgency: 'case' | 'deciding' | null;
}
