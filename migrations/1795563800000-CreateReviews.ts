import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forAppRole } from './support.js';

export class CreateReviews1795563800000 implements MigrationInterface {
  name = 'CreateReviews1795563800000';

  async up(q: QueryRunner): Promise<void> {
    // HMAC-SHA256 inside PostgreSQL: a sampling run scores millions of records where they are (keyed-selection.ts).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE sampling_runs (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        schedule_key text UNIQUE,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        rate double precision NOT NULL CHECK (rate BETWEEN 0 AND 1),
        negative_rate double precision NOT NULL CHECK (negative_rate BETWEEN 0 AND 1),
        min_per_stratum integer NOT NULL CHECK (min_per_stratum >= 0),
        -- The seed is a secret (agencies must not predict the draw): encrypted like personal data.
        seed_ciphertext bytea NOT NULL,
        seed_key_id text NOT NULL,
        requested_by uuid,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        failure text,
        population_count integer,
        sample_count integer,
        population_digest text,
        sample_digest text,
        CHECK (period_to > period_from)
      )`);
    await q.query(`CREATE INDEX sampling_runs_created_idx ON sampling_runs (created_at, id)`);

    await q.query(`
      CREATE TABLE sampling_strata (
        run_id uuid NOT NULL REFERENCES sampling_runs (id),
        stratum_key text NOT NULL,
        agency_id uuid NOT NULL,
        decision_type text NOT NULL,
        outcome text,
        negative boolean NOT NULL,
        rate double precision NOT NULL,
        population integer NOT NULL,
        sampled integer NOT NULL,
        PRIMARY KEY (run_id, stratum_key)
      )`);

    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        -- No foreign keys: a run writes hundreds of thousands of rows at once, and per-row key checks (which also lock
        -- every referenced record) dominated the draw; the statement-level trigger below checks each batch instead.
        run_id uuid NOT NULL,
        decision_record_id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        decision_type text NOT NULL,
        decision_outcome text,
        selection_score double precision NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'assigned', 'awaiting_response', 'closed', 'withdrawn')),
        version integer NOT NULL DEFAULT 0,
        assigned_reviewer_id uuid,
        assigned_at timestamptz,
        finding text CHECK (finding IN ('concur', 'concern', 'disagree')),
        rationale text,
        concluded_by uuid,
        concluded_at timestamptz,
        response_due_at timestamptz,
        response text CHECK (response IN ('accept', 'reject')),
        response_text text,
        responded_by uuid,
        responded_at timestamptz,
        withdrawn_reason text,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- A decision record is never sampled twice, however runs overlap.
        CONSTRAINT reviews_decision_record_key UNIQUE (decision_record_id)
      )`);
    await q.query(`CREATE INDEX reviews_run_idx ON reviews (run_id, id)`);
    await q.query(`CREATE INDEX reviews_case_idx ON reviews (case_id)`);
    // Only assigned reviews are looked up by reviewer: a fresh sample of hundreds of thousands adds nothing here.
    await q.query(
      `CREATE INDEX reviews_reviewer_idx ON reviews (assigned_reviewer_id, status) WHERE assigned_reviewer_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX reviews_response_due_idx ON reviews (response_due_at) WHERE status = 'awaiting_response'`,
    );

    // A drawn sample is frozen: no one (the app included) can move a review to another record or delete it.
    await q.query(`
      CREATE FUNCTION reviews_frozen_sample() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.run_id IS DISTINCT FROM OLD.run_id OR NEW.decision_record_id IS DISTINCT FROM OLD.decision_record_id
             OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.agency_id IS DISTINCT FROM OLD.agency_id
             OR NEW.selection_score IS DISTINCT FROM OLD.selection_score THEN
            RAISE EXCEPTION 'a drawn sample is frozen: review % cannot change what it reviews', OLD.id
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% on reviews is refused: a drawn sample is frozen', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER reviews_frozen BEFORE UPDATE OR DELETE ON reviews
                   FOR EACH ROW EXECUTE FUNCTION reviews_frozen_sample()`);
    // Rows come only from their run while it runs, and each reviews a real record of the case and agency it names:
    // checked once per statement over all the rows it added.
    await q.query(`
      CREATE FUNCTION reviews_drawn_by_their_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN sampling_runs r ON r.id = a.run_id AND r.status = 'running'
                    WHERE r.id IS NULL) THEN
          RAISE EXCEPTION 'reviews are added only by their sampling run while it runs'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN decision_records d
                     ON d.id = a.decision_record_id AND d.case_id = a.case_id AND d.agency_id = a.agency_id
                    WHERE d.id IS NULL) THEN
          RAISE EXCEPTION 'a review must name an existing decision record with its case and agency'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER reviews_drawn AFTER INSERT ON reviews REFERENCING NEW TABLE AS added
                   FOR EACH STATEMENT EXECUTE FUNCTION reviews_drawn_by_their_run()`);
    await q.query(`CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
                   FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`);
    await q.query(`ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_frozen`);
    await q.query(`ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_drawn`);
    await q.query(`ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_no_truncate`);
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON reviews FROM %I'));
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON sampling_strata FROM %I'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reviews, sampling_strata, sampling_runs`);
    await q.query(`DROP FUNCTION reviews_frozen_sample(), reviews_drawn_by_their_run()`);
  }
}
