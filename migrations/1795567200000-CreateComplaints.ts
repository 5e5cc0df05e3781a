import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, forAppRole } from './support.js';

/**
 * SPEC §13: complaints, and the reviews a complaint's triage makes outside
 * any sampling run. The complainant's name and contact are sealed like case
 * personal data; what a complaint says is fixed when it is recorded, and its
 * triage happens once (the database holds both).
 */
export class CreateComplaints1795567200000 implements MigrationInterface {
  name = 'CreateComplaints1795567200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('phone', 'email', 'letter', 'visit', 'web')),
        anonymous boolean NOT NULL,
        complainant_relationship text
          CHECK (complainant_relationship IN ('victim', 'representative', 'ngo', 'official', 'other')),
        -- { name?, contact? } sealed with AES-256-GCM (context complaint:<id>), the key id beside it for rotation.
        complainant_ciphertext bytea,
        complainant_key_id text,
        summary text NOT NULL,
        agency_ids uuid[] NOT NULL CHECK (cardinality(agency_ids) > 0),
        case_ids uuid[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('received', 'triaged')),
        version integer NOT NULL CHECK (version >= 1),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        triage_outcome text CHECK (triage_outcome IN ('investigate', 'refer_to_review', 'no_action')),
        triage_reason text,
        triaged_by uuid,
        triaged_at timestamptz,
        investigation_id uuid REFERENCES investigations (id),
        -- An anonymous complaint carries no complainant at all; a named one has one.
        CONSTRAINT complaints_anonymous CHECK (anonymous = (complainant_relationship IS NULL)),
        CONSTRAINT complaints_anonymous_sealed CHECK (NOT anonymous OR complainant_ciphertext IS NULL),
        CONSTRAINT complaints_sealed_with_key CHECK ((complainant_ciphertext IS NULL) = (complainant_key_id IS NULL)),
        CONSTRAINT complaints_triage_whole CHECK (
          (state = 'triaged') = (triaged_at IS NOT NULL) AND (triaged_at IS NULL) = (triage_outcome IS NULL)
          AND (triaged_at IS NULL) = (triage_reason IS NULL) AND (triaged_at IS NULL) = (triaged_by IS NULL)),
        CONSTRAINT complaints_investigation CHECK ((triage_outcome = 'investigate') = (investigation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX complaints_state_idx ON complaints (state, id)`);
    await q.query(`CREATE INDEX complaints_agencies_idx ON complaints USING gin (agency_ids)`);
    // The triage clock looks only at complaints still waiting.
    await q.query(`CREATE INDEX complaints_untriaged_idx ON complaints (received_at) WHERE state = 'received'`);
    await q.query(`
      CREATE FUNCTION complaints_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION '% on complaints is refused: a complaint is never removed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The sealed complainant may be re-encrypted under a new key (key rotation), never changed otherwise.
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.received_at IS DISTINCT FROM OLD.received_at
           OR NEW.channel IS DISTINCT FROM OLD.channel OR NEW.anonymous IS DISTINCT FROM OLD.anonymous
           OR NEW.complainant_relationship IS DISTINCT FROM OLD.complainant_relationship
           OR (NEW.complainant_ciphertext IS NULL) <> (OLD.complainant_ciphertext IS NULL)
           OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.agency_ids IS DISTINCT FROM OLD.agency_ids
           OR NEW.case_ids IS DISTINCT FROM OLD.case_ids OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by
           OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at THEN
          RAISE EXCEPTION 'what complaint % says was fixed when it was recorded', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.state = 'triaged' AND (
             NEW.state IS DISTINCT FROM OLD.state OR NEW.version IS DISTINCT FROM OLD.version
             OR NEW.triage_outcome IS DISTINCT FROM OLD.triage_outcome
             OR NEW.triage_reason IS DISTINCT FROM OLD.triage_reason
             OR NEW.triaged_by IS DISTINCT FROM OLD.triaged_by OR NEW.triaged_at IS DISTINCT FROM OLD.triaged_at
             OR NEW.investigation_id IS DISTINCT FROM OLD.investigation_id) THEN
          RAISE EXCEPTION 'complaint % is triaged: a complaint is triaged once', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER complaints_frozen BEFORE UPDATE OR DELETE ON complaints
                     FOR EACH ROW EXECUTE FUNCTION complaints_frozen()`);
    await q.query(`CREATE TRIGGER complaints_no_truncate BEFORE TRUNCATE ON complaints
                     FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`);
    await q.query(`ALTER TABLE complaints ENABLE ALWAYS TRIGGER complaints_frozen`);
    await q.query(`ALTER TABLE complaints ENABLE ALWAYS TRIGGER complaints_no_truncate`);
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON complaints FROM %I'));

    await q.query(`ALTER TABLE investigations ADD CONSTRAINT investigations_complaint_fkey
                     FOREIGN KEY (complaint_id) REFERENCES complaints (id)`);

    // A review is drawn by a sampling run, or made outside any run by a complaint's referral (§5, §13): never
    // both, and only a drawn one has a selection score.
    await q.query(`ALTER TABLE reviews ALTER COLUMN run_id DROP NOT NULL, ALTER COLUMN selection_score DROP NOT NULL,
                     ADD COLUMN complaint_id uuid REFERENCES complaints (id)`);
    await q.query(`ALTER TABLE reviews ADD CONSTRAINT reviews_run_or_complaint
                     CHECK ((run_id IS NULL) = (complaint_id IS NOT NULL)),
                   ADD CONSTRAINT reviews_score_of_a_draw CHECK ((run_id IS NULL) = (selection_score IS NULL))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_frozen_sample() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.run_id IS DISTINCT FROM OLD.run_id OR NEW.decision_record_id IS DISTINCT FROM OLD.decision_record_id
             OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.case_agency_id IS DISTINCT FROM OLD.case_agency_id
             OR NEW.deciding_agency_id IS DISTINCT FROM OLD.deciding_agency_id
             OR NEW.selection_score IS DISTINCT FROM OLD.selection_score
             OR NEW.complaint_id IS DISTINCT FROM OLD.complaint_id THEN
            RAISE EXCEPTION 'a drawn sample is frozen: review % cannot change what it reviews', OLD.id
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% on reviews is refused: a drawn sample is frozen', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Rows come from their run while it runs, or from the triage of a complaint referred to review; each reviews a
    // real record of the case and agencies it names.
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_drawn_by_their_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN sampling_runs r ON r.id = a.run_id AND r.status = 'running'
                    WHERE a.run_id IS NOT NULL AND r.id IS NULL) THEN
          RAISE EXCEPTION 'reviews are added only by their sampling run while it runs'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN complaints c
                     ON c.id = a.complaint_id AND c.triage_outcome = 'refer_to_review'
                    WHERE a.run_id IS NULL AND c.id IS NULL) THEN
          RAISE EXCEPTION 'a review outside a sampling run comes only from a complaint referred to review'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN decision_records d
                     ON d.id = a.decision_record_id AND d.case_id = a.case_id AND d.agency_id = a.case_agency_id
                        AND d.deciding_agency_id = a.deciding_agency_id
                    WHERE d.id IS NULL) THEN
          RAISE EXCEPTION 'a review must name an existing decision record with its case and agencies'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);

    // The reviews a triage referred to: made by it, or already there (a record is never reviewed twice).
    await q.query(`
      CREATE TABLE complaint_reviews (
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        review_id uuid NOT NULL REFERENCES reviews (id),
        -- false: the record already had a review, which the complaint is linked to.
        created boolean NOT NULL,
        PRIMARY KEY (complaint_id, review_id)
      )`);
    await q.query(`CREATE INDEX complaint_reviews_review_idx ON complaint_reviews (review_id)`);
    for (const statement of appendOnly('complaint_reviews')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_reviews`);
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_drawn_by_their_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN sampling_runs r ON r.id = a.run_id AND r.status = 'running'
                    WHERE r.id IS NULL) THEN
          RAISE EXCEPTION 'reviews are added only by their sampling run while it runs'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM added a LEFT JOIN decision_records d
                     ON d.id = a.decision_record_id AND d.case_id = a.case_id AND d.agency_id = a.case_agency_id
                        AND d.deciding_agency_id = a.deciding_agency_id
                    WHERE d.id IS NULL) THEN
          RAISE EXCEPTION 'a review must name an existing decision record with its case and agencies'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_frozen_sample() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.run_id IS DISTINCT FROM OLD.run_id OR NEW.decision_record_id IS DISTINCT FROM OLD.decision_record_id
             OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.case_agency_id IS DISTINCT FROM OLD.case_agency_id
             OR NEW.deciding_agency_id IS DISTINCT FROM OLD.deciding_agency_id
             OR NEW.selection_score IS DISTINCT FROM OLD.selection_score THEN
            RAISE EXCEPTION 'a drawn sample is frozen: review % cannot change what it reviews', OLD.id
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% on reviews is refused: a drawn sample is frozen', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`ALTER TABLE reviews DROP CONSTRAINT reviews_score_of_a_draw, DROP CONSTRAINT reviews_run_or_complaint,
                     DROP COLUMN complaint_id`);
    await q.query(`ALTER TABLE reviews ALTER COLUMN run_id SET NOT NULL, ALTER COLUMN selection_score SET NOT NULL`);
    await q.query(`ALTER TABLE investigations DROP CONSTRAINT investigations_complaint_fkey`);
    await q.query(`DROP TABLE complaints`);
    await q.query(`DROP FUNCTION complaints_frozen()`);
  }
}
