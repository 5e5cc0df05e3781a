import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { CaseState, CloseOutcome, NegativeState } from '../domain/identification.js';

/**
 * The projection of a case's decision stream (see migrations/…-CreateCases.ts for constraints and indexes).
 * Schema only: the code reads and writes this table in SQL; the class exists so test/e2e/schema.e2e-spec.ts holds
 * the migrations to these columns.
 */
@Entity({ name: 'cases' })
@Unique(['agencyId', 'externalRef'])
@Index('cases_updated_idx', { synchronize: false })
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('text') state: CaseState;
  @Column('integer') version: number;
  @Column('text') pseudonym: string;
  @Column('text') sex: string;
  @Column('integer', { name: 'birth_year', nullable: true }) birthYear: number | null;
  @Column('text', { nullable: true }) nationality: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) languages: string[];
  @Column('boolean', { name: 'is_child' }) isChild: boolean;
  /** AES-256-GCM envelope of the PII fields; see src/pii/envelope.ts. */
  @Column('bytea', { name: 'pii_ciphertext', nullable: true }) piiCiphertext: Buffer | null;
  @Column('text', { name: 'pii_key_id', nullable: true }) piiKeyId: string | null;
  @Column('timestamptz', { name: 'encounter_at' }) encounterAt: Date;
  @Column('text', { name: 'encounter_location' }) encounterLocation: string;
  @Column('text', { name: 'encounter_kind' }) encounterKind: string;
  @Column('text', { array: true, default: () => "'{}'" }) indicators: string[];
  @Column('boolean', { name: 'ever_referred', default: false }) everReferred: boolean;
  @Column('timestamptz', { name: 'referred_at', nullable: true }) referredAt: Date | null;
  @Column('timestamptz', { name: 'rg_positive_at', nullable: true }) rgPositiveAt: Date | null;
  @Column('text', { name: 'reconsideration_from', nullable: true }) reconsiderationFrom: NegativeState | null;
  @Column('timestamptz', { name: 'state_entered_at' }) stateEnteredAt: Date;
  @Column('timestamptz', { name: 'detained_since', nullable: true }) detainedSince: Date | null;
  @Column('text', { name: 'closed_outcome', nullable: true }) closedOutcome: CloseOutcome | null;
  /** Head of the case's audit chain: the version check orders its writers. */
  @Column('integer', { name: 'audit_seq' }) auditSeq: number;
  @Column('bytea', { name: 'audit_hash' }) auditHash: Buffer;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
