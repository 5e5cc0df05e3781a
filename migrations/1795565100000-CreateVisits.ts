import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forAppRole } from './support.js';

export class CreateVisits1795565100000 implements MigrationInterface {
  name = 'CreateVisits1795565100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE visit_plans (
        id uuid PRIMARY KEY,
        from_day date NOT NULL,
        to_day date NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        -- The seed, sealed like sampling seeds: whoever reads the table cannot predict or recompute the plan.
        seed_ciphertext bytea NOT NULL,
        seed_key_id text NOT NULL,
        digest text NOT NULL,
        -- Every active place considered, with the figures its risk came from: what a recomputation needs.
        places jsonb NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (to_day >= from_day)
      )`);
    await q.query(`CREATE INDEX visit_plans_created_idx ON visit_plans (created_at DESC, id DESC)`);
    // A plan is evidence that the draw was not changed afterwards: never updated, never deleted.
    await q.query(forAppRole('REVOKE UPDATE, DELETE, TRUNCATE ON visit_plans FROM %I'));

    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY,
        plan_id uuid REFERENCES visit_plans (id),
        place_id uuid NOT NULL REFERENCES places (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        day date NOT NULL,
        state text NOT NULL CHECK (state IN ('planned', 'in_progress', 'reported', 'cancelled')),
        version integer NOT NULL DEFAULT 0,
        team uuid[] NOT NULL DEFAULT '{}',
        started_at timestamptz,
        reported_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        summary text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((state = 'planned') = (started_at IS NULL AND cancelled_at IS NULL)),
        CHECK ((state = 'reported') = (reported_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX visits_agency_idx ON visits (agency_id, state, id)`);
    await q.query(`CREATE INDEX visits_place_idx ON visits (place_id, started_at DESC)`);
    await q.query(`CREATE INDEX visits_plan_idx ON visits (plan_id)`);
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON visits FROM %I'));

    await q.query(`
      CREATE TABLE visit_findings (
        id uuid PRIMARY KEY,
        visit_id uuid NOT NULL REFERENCES visits (id),
        text text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('info', 'concern', 'serious')),
        case_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX visit_findings_visit_idx ON visit_findings (visit_id, recorded_at, id)`);
    // Findings are written once; once their visit is reported none may be added either (SPEC §11). The database
    // holds this, not the application, so no code path or manual fix can rewrite what the office reported.
    await q.query(`
      CREATE FUNCTION visit_findings_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'visit findings are append-only' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM visits WHERE id = NEW.visit_id AND state <> 'in_progress') THEN
          RAISE EXCEPTION 'findings are recorded only while the visit is in progress'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER visit_findings_frozen BEFORE INSERT OR UPDATE OR DELETE ON visit_findings
        FOR EACH ROW EXECUTE FUNCTION visit_findings_frozen()`);
    await q.query(`
      CREATE TRIGGER visit_findings_no_truncate BEFORE TRUNCATE ON visit_findings
        FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`);
    await q.query(`ALTER TABLE visit_findings ENABLE ALWAYS TRIGGER visit_findings_frozen`);
    await q.query(`ALTER TABLE visit_findings ENABLE ALWAYS TRIGGER visit_findings_no_truncate`);
    await q.query(forAppRole('REVOKE UPDATE, DELETE, TRUNCATE ON visit_findings FROM %I'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE visit_findings`);
    await q.query(`DROP FUNCTION visit_findings_frozen()`);
    await q.query(`DROP TABLE visits, visit_plans`);
  }
}
