import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, forAppRole } from './support.js';

export class CreatePlatform1795563600000 implements MigrationInterface {
  name = 'CreatePlatform1795563600000';

  async up(q: QueryRunner): Promise<void> {
    // The restricted role the application switches to (SET ROLE at connect).
    await q.query(`
      DO $$
      DECLARE r text := coalesce(nullif(current_setting('oversight.app_role', true), ''), 'oversight_app');
      BEGIN
        BEGIN
          EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT %I TO %I', r, current_user);
        END IF;
      END $$`);
    await q.query(forAppRole('GRANT USAGE ON SCHEMA public TO %I'));
    await q.query(
      forAppRole('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I'),
    );
    await q.query(forAppRole('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I'));

    await q.query(`
      CREATE FUNCTION reject_modification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('frontline', 'competent_authority', 'commissioner_office')),
        alert_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX agencies_code_key ON agencies (lower(code))`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'commissioner', 'reviewer', 'analyst',
                                           'agency_officer', 'agency_supervisor', 'decision_maker')),
        agency_id uuid REFERENCES agencies (id),
        conflict_agency_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'admin' OR agency_id IS NOT NULL),
        CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        name text NOT NULL,
        secret_hash bytea NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_agency_idx ON api_keys (agency_id)`);

    // Audit log: one hash chain per subject, appended in the writer's transaction.
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY,
        chain_id text NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        created_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        recorded_at timestamptz NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        actor_role text,
        actor_agency_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid,
        request_id text,
        payload json NOT NULL,
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL,
        UNIQUE (chain_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_xid_idx ON audit_events (created_xid)`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, recorded_at)`);
    await q.query(`CREATE INDEX audit_events_recorded_idx ON audit_events (recorded_at, id)`);
    for (const sql of appendOnly('audit_events')) await q.query(sql);

    // Heads of the chains that are not case chains (case heads live on the case row).
    await q.query(`
      CREATE TABLE audit_chains (
        chain_id text PRIMARY KEY,
        head_seq integer NOT NULL,
        head_hash bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE audit_checkpoints (
        seq integer PRIMARY KEY CHECK (seq > 0),
        created_at timestamptz NOT NULL,
        watermark xid8 NOT NULL,
        prev_root bytea NOT NULL,
        root bytea NOT NULL,
        signature bytea NOT NULL,
        key_id text NOT NULL,
        chain_count integer NOT NULL
      )`);
    for (const sql of appendOnly('audit_checkpoints')) await q.query(sql);
    await q.query(`
      CREATE TABLE audit_checkpoint_heads (
        checkpoint_seq integer NOT NULL REFERENCES audit_checkpoints (seq),
        chain_id text NOT NULL,
        head_seq integer NOT NULL,
        head_hash bytea NOT NULL,
        PRIMARY KEY (checkpoint_seq, chain_id)
      )`);
    await q.query(`CREATE INDEX audit_checkpoint_heads_chain_idx ON audit_checkpoint_heads (chain_id, head_seq)`);
    for (const sql of appendOnly('audit_checkpoint_heads')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoint_heads, audit_checkpoints, audit_chains, audit_events,
                   api_keys, users, agencies`);
    await q.query(`DROP FUNCTION reject_modification()`);
  }
}
