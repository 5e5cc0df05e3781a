import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions are credited to the agency that made them (the actor's), not to
 * the agency that owns the case: a competent authority's RG/CG decisions are
 * its own in reports, sampling strata and reviews. Reviews gain the
 * `disputed` state the commissioner closes, and runs record what a later
 * verification needs to reproduce their population exactly.
 */
export class CreditDecidingAgency1795564800000 implements MigrationInterface {
  name = 'CreditDecidingAgency1795564800000';

  async up(q: QueryRunner): Promise<void> {
    // Every role that may decide belongs to an agency (users/domain/user-placement.ts) and API keys act for theirs,
    // so actor_agency_id is set on every real record; the case's agency only stands in should a record lack one.
    await q.query(`ALTER TABLE decision_records ADD COLUMN deciding_agency_id uuid`);
    await q.query(`ALTER TABLE decision_records DISABLE TRIGGER decision_records_append_only`);
    await q.query(`UPDATE decision_records SET deciding_agency_id = coalesce(actor_agency_id, agency_id)`);
    await q.query(`ALTER TABLE decision_records ENABLE ALWAYS TRIGGER decision_records_append_only`);
    await q.query(`ALTER TABLE decision_records ALTER COLUMN deciding_agency_id SET NOT NULL`);
    // The column is a fact about the actor, which the audit event seals: it may never say anything else.
    await q.query(`ALTER TABLE decision_records ADD CONSTRAINT decision_records_deciding_agency_is_actors
                     CHECK (deciding_agency_id = coalesce(actor_agency_id, agency_id))`);
    // Reports count and sampling tops up strata by deciding agency, type and time.
    await q.query(
      `CREATE INDEX decision_records_deciding_type_idx ON decision_records (deciding_agency_id, type, occurred_at)`,
    );

    // A review belongs to the deciding agency; the case's agency stays beside it for reviewers' conflicts.
    await q.query(`ALTER TABLE reviews RENAME COLUMN agency_id TO case_agency_id`);
    await q.query(`ALTER TABLE reviews ADD COLUMN deciding_agency_id uuid`);
    await q.query(`ALTER TABLE reviews DISABLE TRIGGER reviews_frozen`);
    await q.query(`UPDATE reviews r SET deciding_agency_id = d.deciding_agency_id
                     FROM decision_records d WHERE d.id = r.decision_record_id`);
    await q.query(`ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_frozen`);
    await q.query(`ALTER TABLE reviews ALTER COLUMN deciding_agency_id SET NOT NULL`);
    await q.query(`ALTER TABLE reviews DROP CONSTRAINT reviews_status_check`);
    await q.query(`ALTER TABLE reviews ADD CONSTRAINT reviews_status_check
                     CHECK (status IN ('pending', 'assigned', 'awaiting_response', 'disputed', 'closed', 'withdrawn'))`);
    await q.query(`ALTER TABLE reviews ADD COLUMN dispute_note text, ADD COLUMN dispute_closed_by uuid,
                                       ADD COLUMN dispute_closed_at timestamptz`);
    await q.query(`DROP INDEX reviews_agency_concluded_idx`);
    await q.query(`CREATE INDEX reviews_deciding_agency_concluded_idx ON reviews (deciding_agency_id, concluded_at)
                     WHERE concluded_at IS NOT NULL`);
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

    // Verification reproduces a run's population: records recorded before this instant (taken under the draw lock,
    // so it also orders runs), stratified by the agency named here. Runs drawn before this migration were
    // stratified by the case's agency; their start is the best cutoff known for them.
    await q.query(`ALTER TABLE sampling_runs ADD COLUMN population_cutoff timestamptz,
                     ADD COLUMN strata_agency text CHECK (strata_agency IN ('case', 'deciding'))`);
    await q.query(`UPDATE sampling_runs SET population_cutoff = started_at, strata_agency = 'case'
                    WHERE status = 'completed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sampling_runs DROP COLUMN population_cutoff, DROP COLUMN strata_agency`);
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_drawn_by_their_run() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`
      CREATE OR REPLACE FUNCTION reviews_frozen_sample() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`DROP INDEX reviews_deciding_agency_concluded_idx`);
    await q.query(`ALTER TABLE reviews DROP COLUMN dispute_note, DROP COLUMN dispute_closed_by,
                                       DROP COLUMN dispute_closed_at`);
    await q.query(`ALTER TABLE reviews DROP CONSTRAINT reviews_status_check`);
    await q.query(`ALTER TABLE reviews ADD CONSTRAINT reviews_status_check
                     CHECK (status IN ('pending', 'assigned', 'awaiting_response', 'closed', 'withdrawn'))`);
    await q.query(`ALTER TABLE reviews DROP COLUMN deciding_agency_id`);
    await q.query(`ALTER TABLE reviews RENAME COLUMN case_agency_id TO agency_id`);
    await q.query(
      `CREATE INDEX reviews_agency_concluded_idx ON reviews (agency_id, concluded_at) WHERE concluded_at IS NOT NULL`,
    );
    await q.query(`DROP INDEX decision_records_deciding_type_idx`);
    await q.query(`ALTER TABLE decision_records DROP CONSTRAINT decision_records_deciding_agency_is_actors`);
    await q.query(`ALTER TABLE decision_records DROP COLUMN deciding_agency_id`);
  }
}
