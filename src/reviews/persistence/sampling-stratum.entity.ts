import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per stratum of a run: how many records there were and how many were drawn.
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'sampling_strata' })
export class SamplingStratumEntity {
  @PrimaryColumn('uuid', { name: 'run_id' }) runId: string;
  @PrimaryColumn('text', { name: 'stratum_key' }) stratumKey: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'decision_type' }) decisionType: string;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('boolean') negative: boolean;
  @Column('double precision') rate: number;
  @Column('integer') population: number;
  @Column('integer') sampled: number;
}
