import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forAppRole } from './support.js';

/**
 * SPEC §13: the office's own investigations. The row holds the current state
 * with a version (checked by a conditional UPDATE); evidence and the agencies'
 * comments are append-only rows. The database holds what the office may not
 * rewrite: a draft once sent to the agencies, a published report, evidence
 * once the file is drafted, comments after their period.
 */
export class CreateInvestigations1795567100000 implements MigrationInterface {
  name = 'CreateInvestigations1795567100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE investigations (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('own_initiative', 'review_pattern', 'visit', 'complaint')),
        -- The complaint whose triage opened it (§13); the complaints table adds the foreign key.
        complaint_id uuid,
        agency_ids uuid[] NOT NULL CHECK (cardinality(agency_ids) > 0),
        place_ids uuid[] NOT NULL DEFAULT '{}',
        terms_of_reference text NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'factual_accuracy', 'published', 'closed')),
        version integer NOT NULL CHECK (version >= 1),
        investigators uuid[] NOT NULL DEFAULT '{}',
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        draft_text text,
        -- [{ agencyId, theme, priority, text }]: issued as recommendations when the report is published.
        proposed_recommendations jsonb,
        drafted_at timestamptz,
        comments_close_at timestamptz,
        final_text text,
        published_at timestamptz,
        closed_at timestamptz,
        close_reason text,
        updated_at timestamptz NOT NULL,
        CONSTRAINT investigations_complaint_origin CHECK ((origin = 'complaint') = (complaint_id IS NOT NULL)),
        CONSTRAINT investigations_open_undrafted CHECK ((state = 'open') = (drafted_at IS NULL AND closed_at IS NULL)),
        CONSTRAINT investigations_draft_whole CHECK (
          (drafted_at IS NULL) = (draft_text IS NULL) AND (drafted_at IS NULL) = (proposed_recommendations IS NULL)
          AND (drafted_at IS NULL) = (comments_close_at IS NULL)),
        CONSTRAINT investigations_published CHECK (
          (state = 'published') = (published_at IS NOT NULL) AND (published_at IS NULL) = (final_text IS NULL)),
        CONSTRAINT investigations_closed CHECK (
          (state = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (close_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX investigations_state_idx ON investigations (state, id)`);
    // An agency's list: the investigations whose scope holds it (`agency_ids @> ARRAY[$1]`).
    await q.query(`CREATE INDEX investigations_agencies_idx ON investigations USING gin (agency_ids)`);
    await q.query(
      `CREATE UNIQUE INDEX investigations_complaint_key ON investigations (complaint_id) WHERE complaint_id IS NOT NULL`,
    );
    // What the agencies were shown, and the published report, can no longer change: not by the application, not by
    // a manual fix. A final investigation (published or closed) is frozen whole.
    await q.query(`
      CREATE FUNCTION investigations_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION '% on investigations is refused: an investigation is never removed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state IN ('published', 'closed') THEN
          RAISE EXCEPTION 'investigation % is %: it is final and frozen', OLD.id, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.title IS DISTINCT FROM OLD.title
           OR NEW.origin IS DISTINCT FROM OLD.origin OR NEW.complaint_id IS DISTINCT FROM OLD.complaint_id
           OR NEW.agency_ids IS DISTINCT FROM OLD.agency_ids OR NEW.place_ids IS DISTINCT FROM OLD.place_ids
           OR NEW.terms_of_reference IS DISTINCT FROM OLD.terms_of_reference
           OR NEW.opened_by IS DISTINCT FROM OLD.opened_by OR NEW.opened_at IS DISTINCT FROM OLD.opened_at THEN
          RAISE EXCEPTION 'what investigation % examines was fixed when it was opened', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.drafted_at IS NOT NULL AND (
             NEW.draft_text IS DISTINCT FROM OLD.draft_text
             OR NEW.proposed_recommendations IS DISTINCT FROM OLD.proposed_recommendations
             OR NEW.drafted_at IS DISTINCT FROM OLD.drafted_at
             OR NEW.comments_close_at IS DISTINCT FROM OLD.comments_close_at
             OR NEW.investigators IS DISTINCT FROM OLD.investigators) THEN
          RAISE EXCEPTION 'the draft of investigation % went to the agencies: it is frozen', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER investigations_frozen BEFORE UPDATE OR DELETE ON investigations
                     FOR EACH ROW EXECUTE FUNCTION investigations_frozen()`);
    await q.query(`CREATE TRIGGER investigations_no_truncate BEFORE TRUNCATE ON investigations
                     FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`);
    await q.query(`ALTER TABLE investigations ENABLE ALWAYS TRIGGER investigations_frozen`);
    await q.query(`ALTER TABLE investigations ENABLE ALWAYS TRIGGER investigations_no_truncate`);
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON investigations FROM %I'));

    await q.query(`
      CREATE TABLE investigation_evidence (
        id uuid PRIMARY KEY,
        investigation_id uuid NOT NULL REFERENCES investigations (id),
        kind text NOT NULL CHECK (kind IN ('case', 'decision_record', 'review', 'visit', 'alert')),
        -- A case, decision record, review, visit or alert; the kinds live in different tables, so no foreign key.
        record_id uuid NOT NULL,
        note text NOT NULL,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL,
        CONSTRAINT investigation_evidence_record_key UNIQUE (investigation_id, kind, record_id)
      )`);
    await q.query(`
      CREATE TABLE investigation_comments (
        id uuid PRIMARY KEY,
        investigation_id uuid NOT NULL REFERENCES investigations (id),
        -- The agency the comment speaks for: each agency in scope reads its own comments only.
        agency_id uuid NOT NULL REFERENCES agencies (id),
        author_id uuid NOT NULL,
        author_role text NOT NULL,
        text text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX investigation_comments_idx ON investigation_comments (investigation_id, at, id)`);
    // Append-only, and written only while the file is in the state that takes them: evidence while open, comments
    // during the factual-accuracy period.
    const guards = {
      investigation_evidence: `
        IF NOT EXISTS (SELECT 1 FROM investigations WHERE id = NEW.investigation_id AND state = 'open') THEN
          RAISE EXCEPTION 'evidence is added only while the investigation is open'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;`,
      investigation_comments: `
        IF NOT EXISTS (SELECT 1 FROM investigations
                        WHERE id = NEW.investigation_id AND state = 'factual_accuracy' AND NEW.at <= comments_close_at) THEN
          RAISE EXCEPTION 'comments are taken only during the factual-accuracy period'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;`,
    };
    for (const [table, guard] of Object.entries(guards)) {
      await q.query(`
        CREATE FUNCTION ${table}_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            RAISE EXCEPTION '% on ${table} is refused: the table is append-only', TG_OP
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;${guard}
          RETURN NEW;
        END $$`);
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE INSERT OR UPDATE OR DELETE ON ${table}
                       FOR EACH ROW EXECUTE FUNCTION ${table}_guard()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
                       FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`);
      await q.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_append_only`);
      await q.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_no_truncate`);
      await q.query(forAppRole(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM %I`));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE investigation_comments, investigation_evidence`);
    await q.query(`DROP TABLE investigations`);
    await q.query(
      `DROP FUNCTION investigation_comments_guard(), investigation_evidence_guard(), investigations_frozen()`,
    );
  }
}
