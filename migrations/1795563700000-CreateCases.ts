import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly } from './support.js';

export class CreateCases1795563700000 implements MigrationInterface {
  name = 'CreateCases1795563700000';

  async up(q: QueryRunner): Promise<void> {
    // The case row is the projection of its decision stream; `version` counts the records.
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        external_ref text NOT NULL,
        state text NOT NULL CHECK (state IN ('screening', 'referred', 'not_referred', 'recovery_period', 'rg_negative',
                                             'identified_victim', 'cg_negative', 'reconsideration', 'closed')),
        version integer NOT NULL CHECK (version >= 0),
        pseudonym text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        nationality text CHECK (nationality ~ '^[A-Z]{3}$'),
        languages text[] NOT NULL DEFAULT '{}',
        is_child boolean NOT NULL,
        pii_ciphertext bytea,
        pii_key_id text,
        encounter_at timestamptz NOT NULL,
        encounter_location text NOT NULL,
        encounter_kind text NOT NULL CHECK (encounter_kind IN ('border_entry', 'border_exit', 'inland',
                                                               'workplace_inspection', 'other')),
        indicators text[] NOT NULL DEFAULT '{}',
        ever_referred boolean NOT NULL DEFAULT false,
        referred_at timestamptz,
        rg_positive_at timestamptz,
        reconsideration_from text CHECK (reconsideration_from IN ('not_referred', 'rg_negative', 'cg_negative')),
        state_entered_at timestamptz NOT NULL,
        detained_since timestamptz,
        closed_outcome text,
        audit_seq integer NOT NULL,
        audit_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (agency_id, external_ref),
        CHECK ((pii_ciphertext IS NULL) = (pii_key_id IS NULL))
      )`);
    await q.query(`CREATE INDEX cases_updated_idx ON cases (updated_at, id)`);
    await q.query(`CREATE INDEX cases_agency_updated_idx ON cases (agency_id, updated_at, id)`);
    await q.query(`CREATE INDEX cases_referred_updated_idx ON cases (updated_at, id) WHERE ever_referred`);
    await q.query(`CREATE INDEX cases_state_idx ON cases (state, updated_at, id)`);
    await q.query(`CREATE INDEX cases_pii_key_idx ON cases (pii_key_id) WHERE pii_key_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE decision_records (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        sequence integer NOT NULL CHECK (sequence > 0),
        type text NOT NULL CHECK (type IN ('refer', 'decline_referral', 'reasonable_grounds', 'conclusive_grounds',
                                           'request_reconsideration', 'reconsider', 'close', 'detain', 'release')),
        outcome text,
        reason text,
        payload jsonb NOT NULL,
        agency_id uuid NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        actor_agency_id uuid,
        review_id uuid,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        audit_event_id uuid NOT NULL,
        audit_hash bytea NOT NULL,
        UNIQUE (case_id, sequence)
      )`);
    // Sampling streams a period's population; reports count per agency and type.
    await q.query(`CREATE INDEX decision_records_occurred_idx ON decision_records (occurred_at, id)`);
    await q.query(`CREATE INDEX decision_records_agency_type_idx ON decision_records (agency_id, type, occurred_at)`);
    for (const sql of appendOnly('decision_records')) await q.query(sql);

    await q.query(`
      CREATE TABLE detention_episodes (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        agency_id uuid NOT NULL,
        detained_at timestamptz NOT NULL,
        facility text NOT NULL,
        legal_basis text NOT NULL,
        detain_record_id uuid NOT NULL,
        released_at timestamptz,
        release_reason text,
        release_record_id uuid,
        CHECK (released_at IS NULL OR released_at >= detained_at)
      )`);
    // At most one open episode per case, whatever the application does.
    await q.query(
      `CREATE UNIQUE INDEX detention_episodes_one_open ON detention_episodes (case_id) WHERE released_at IS NULL`,
    );
    // The overdue scan reads open episodes only: its cost follows the people detained, not the cases.
    await q.query(
      `CREATE INDEX detention_episodes_open_idx ON detention_episodes (detained_at) WHERE released_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX detention_episodes_open_agency_idx ON detention_episodes (agency_id, detained_at) WHERE released_at IS NULL`,
    );
    await q.query(`CREATE INDEX detention_episodes_case_idx ON detention_episodes (case_id, detained_at)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        actor_id uuid NOT NULL,
        key text NOT NULL,
        request_hash bytea NOT NULL,
        status_code integer,
        response_ciphertext bytea,
        response_key_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys, detention_episodes, decision_records, cases`);
  }
}
