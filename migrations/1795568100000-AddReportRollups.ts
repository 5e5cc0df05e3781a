import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forAppRole } from './support.js';

/**
 * SPEC §14, issue "Consistency" item 4: the report figures that scan every case and decision record come from
 * rollups instead — counts per measure × UTC day × agency, kept by triggers in the transaction of the write itself,
 * so a rolled-back write leaves no trace and no writer path (API, seed, a session in replica mode) can skip them.
 *
 * Writers never update a shared counter: each write appends ±1 lines to `report_rollup_deltas` (no row lock for two
 * decisions of one agency on one day to queue on, no deadlock between a state leaving one row and entering another),
 * and `compact_report_rollups()` (the worker, every minute) folds them into `report_rollups`. A reader sums both
 * in one snapshot, so compaction never changes an answer.
 *
 * Measures (`agency_id` the agency that owns the case; `other_agency_id` the deciding agency for decisions, the owner
 * again otherwise; `''` where a key or detail has no value):
 * - `decision`: decision records by `occurred_at` day, key = type, detail = outcome;
 * - `case`: cases by `encounter_at` day, key = the state they are in now;
 * - `detained_case`: cases by `encounter_at` day with at least one `detain` record;
 * - `step`: the three steps of `case_steps` by the day they ended, key = step, detail = its length in whole days.
 *
 * `case_steps` holds one row per case and completed step (first referral, first reasonable-grounds decision, first
 * conclusive-grounds decision after a first positive RG), its end and its length in days exactly as the report's
 * ground truth computes it; the report walks its index to the middle row for an exact median.
 *
 * The functions are SECURITY DEFINER so that the application role may read these tables and call the compaction,
 * but never write a count itself.
 */
export class AddReportRollups1795568100000 implements MigrationInterface {
  name = 'AddReportRollups1795568100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_rollups (
        measure text NOT NULL CHECK (measure IN ('decision', 'case', 'detained_case', 'step')),
        day date NOT NULL,
        agency_id uuid NOT NULL,
        other_agency_id uuid NOT NULL,
        key text NOT NULL,
        detail text NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (measure, day, agency_id, other_agency_id, key, detail))`);
    await q.query(`
      CREATE TABLE report_rollup_deltas (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        measure text NOT NULL,
        day date NOT NULL,
        agency_id uuid NOT NULL,
        other_agency_id uuid NOT NULL,
        key text NOT NULL,
        detail text NOT NULL,
        n integer NOT NULL)`);
    // A consistency metric reads one or two decision types over the period: by key first, from the index alone.
    await q.query(
      `CREATE INDEX report_rollups_key_idx ON report_rollups (measure, key, day) INCLUDE (agency_id, other_agency_id, detail, n)`,
    );
    await q.query(`CREATE INDEX report_rollup_deltas_measure_day_idx ON report_rollup_deltas (measure, day)`);
    await q.query(`
      CREATE TABLE case_steps (
        case_id uuid NOT NULL REFERENCES cases(id),
        step text NOT NULL CHECK (step IN ('screening_to_referral', 'referral_to_rg', 'rg_to_cg')),
        agency_id uuid NOT NULL,
        ended_at timestamptz NOT NULL,
        days float8 NOT NULL,
        whole_days integer GENERATED ALWAYS AS (floor(days)::integer) STORED,
        PRIMARY KEY (case_id, step))`);
    // The median walk: one agency's step in order of length from a whole-day bucket on, the period checked from the
    // index alone.
    await q.query(
      `CREATE INDEX case_steps_walk_idx ON case_steps (agency_id, step, whole_days, days) INCLUDE (ended_at)`,
    );
    // The period's edges (part days), counted from the tables themselves; decision records have theirs already.
    await q.query(`CREATE INDEX case_steps_ended_idx ON case_steps (ended_at) INCLUDE (agency_id, step)`);
    await q.query(`CREATE INDEX cases_encounter_idx ON cases (encounter_at) INCLUDE (agency_id, state)`);

    await q.query(`
      CREATE FUNCTION report_rollup_add(p_measure text, p_at timestamptz, p_agency uuid, p_other uuid,
                                        p_key text, p_detail text, p_n integer) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO report_rollup_deltas (measure, day, agency_id, other_agency_id, key, detail, n)
        VALUES (p_measure, (p_at AT TIME ZONE 'UTC')::date, p_agency, p_other, p_key, coalesce(p_detail, ''), p_n)
      $$`);

    // A case's steps recomputed from its own decision records (a handful of rows, by the case's index): a record
    // entered late with an earlier occurred_at moves a step, and the delta lines follow the row.
    await q.query(`
      CREATE FUNCTION refresh_case_steps(p_case uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        r record;
      BEGIN
        FOR r IN
          WITH m AS (
            SELECT min(d.occurred_at) FILTER (WHERE d.type = 'refer') AS referred_at,
                   min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds') AS rg_at,
                   min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds' AND d.outcome = 'positive') AS rg_positive_at,
                   min(d.occurred_at) FILTER (WHERE d.type = 'conclusive_grounds') AS cg_at
              FROM decision_records d
             WHERE d.case_id = p_case AND d.type IN ('refer', 'reasonable_grounds', 'conclusive_grounds')),
          wanted AS (
            SELECT 'screening_to_referral' AS step, c.agency_id, m.referred_at AS ended_at,
                   (extract(epoch FROM (m.referred_at - c.encounter_at)) / 86400.0)::float8 AS days
              FROM m, cases c WHERE c.id = p_case AND m.referred_at IS NOT NULL
            UNION ALL
            SELECT 'referral_to_rg', c.agency_id, m.rg_at,
                   (extract(epoch FROM (m.rg_at - m.referred_at)) / 86400.0)::float8
              FROM m, cases c WHERE c.id = p_case AND m.rg_at IS NOT NULL AND m.referred_at IS NOT NULL
            UNION ALL
            SELECT 'rg_to_cg', c.agency_id, m.cg_at,
                   (extract(epoch FROM (m.cg_at - m.rg_positive_at)) / 86400.0)::float8
              FROM m, cases c WHERE c.id = p_case AND m.cg_at IS NOT NULL AND m.rg_positive_at IS NOT NULL)
          SELECT coalesce(w.step, s.step) AS step, w.agency_id AS new_agency, w.ended_at AS new_end, w.days AS new_days,
                 s.agency_id AS old_agency, s.ended_at AS old_end, s.days AS old_days
            FROM wanted w FULL JOIN (SELECT * FROM case_steps WHERE case_id = p_case) s ON s.step = w.step
           WHERE (w.agency_id, w.ended_at, w.days) IS DISTINCT FROM (s.agency_id, s.ended_at, s.days)
        LOOP
          IF r.old_end IS NOT NULL THEN
            DELETE FROM case_steps WHERE case_id = p_case AND step = r.step;
            PERFORM report_rollup_add('step', r.old_end, r.old_agency, r.old_agency, r.step,
                                      floor(r.old_days)::integer::text, -1);
          END IF;
          IF r.new_end IS NOT NULL THEN
            INSERT INTO case_steps (case_id, step, agency_id, ended_at, days)
            VALUES (p_case, r.step, r.new_agency, r.new_end, r.new_days);
            PERFORM report_rollup_add('step', r.new_end, r.new_agency, r.new_agency, r.step,
                                      floor(r.new_days)::integer::text, 1);
          END IF;
        END LOOP;
      END $$`);

    await q.query(`
      CREATE FUNCTION report_rollups_on_decision() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        c record;
      BEGIN
        PERFORM report_rollup_add('decision', NEW.occurred_at, NEW.agency_id, NEW.deciding_agency_id,
                                  NEW.type, NEW.outcome, 1);
        IF NEW.type IN ('detain', 'refer', 'reasonable_grounds', 'conclusive_grounds') THEN
          -- "First detain" and the case's steps read the case's other records: two transactions writing the same
          -- case must take turns, or each would miss the other's (the service already locks the case this way;
          -- NO KEY UPDATE does not wait for the foreign-key checks' KEY SHARE locks, so it cannot deadlock on them).
          -- Each statement after the lock sees what the other committed.
          PERFORM 1 FROM cases WHERE id = NEW.case_id FOR NO KEY UPDATE;
        END IF;
        IF NEW.type = 'detain' AND NOT EXISTS (
             SELECT 1 FROM decision_records d WHERE d.case_id = NEW.case_id AND d.type = 'detain' AND d.id <> NEW.id) THEN
          SELECT agency_id, encounter_at INTO c FROM cases WHERE id = NEW.case_id;
          PERFORM report_rollup_add('detained_case', c.encounter_at, c.agency_id, c.agency_id, '', '', 1);
        END IF;
        IF NEW.type IN ('refer', 'reasonable_grounds', 'conclusive_grounds') THEN
          PERFORM refresh_case_steps(NEW.case_id);
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE FUNCTION report_rollups_on_case() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF (OLD.agency_id, OLD.encounter_at, OLD.state) IS NOT DISTINCT FROM (NEW.agency_id, NEW.encounter_at, NEW.state) THEN
            RETURN NULL;
          END IF;
          PERFORM report_rollup_add('case', OLD.encounter_at, OLD.agency_id, OLD.agency_id, OLD.state, '', -1);
          IF (OLD.agency_id, OLD.encounter_at) IS DISTINCT FROM (NEW.agency_id, NEW.encounter_at) THEN
            IF EXISTS (SELECT 1 FROM decision_records d WHERE d.case_id = NEW.id AND d.type = 'detain') THEN
              PERFORM report_rollup_add('detained_case', OLD.encounter_at, OLD.agency_id, OLD.agency_id, '', '', -1);
              PERFORM report_rollup_add('detained_case', NEW.encounter_at, NEW.agency_id, NEW.agency_id, '', '', 1);
            END IF;
            PERFORM refresh_case_steps(NEW.id);
          END IF;
        END IF;
        PERFORM report_rollup_add('case', NEW.encounter_at, NEW.agency_id, NEW.agency_id, NEW.state, '', 1);
        RETURN NULL;
      END $$`);

    // ALWAYS: a write in a replica-mode session still counts (the bench loader turns them off by name, and rebuilds).
    await q.query(`
      CREATE TRIGGER decision_records_report_rollups AFTER INSERT ON decision_records
        FOR EACH ROW EXECUTE FUNCTION report_rollups_on_decision()`);
    await q.query(`ALTER TABLE decision_records ENABLE ALWAYS TRIGGER decision_records_report_rollups`);
    await q.query(`
      CREATE TRIGGER cases_report_rollups AFTER INSERT OR UPDATE OF state, agency_id, encounter_at ON cases
        FOR EACH ROW EXECUTE FUNCTION report_rollups_on_case()`);
    await q.query(`ALTER TABLE cases ENABLE ALWAYS TRIGGER cases_report_rollups`);

    // Folds the pending lines into the rollups, at most p_limit of them per call (a backlog never makes one huge
    // transaction). One compactor at a time; readers see the rows before or after, with the same sums.
    await q.query(`
      CREATE FUNCTION compact_report_rollups(p_limit integer DEFAULT 100000) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        folded integer;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('compact_report_rollups')) THEN
          RETURN 0;
        END IF;
        WITH moved AS (
          DELETE FROM report_rollup_deltas
           WHERE id IN (SELECT id FROM report_rollup_deltas ORDER BY id LIMIT p_limit)
          RETURNING measure, day, agency_id, other_agency_id, key, detail, n),
        summed AS (
          SELECT measure, day, agency_id, other_agency_id, key, detail, sum(n) AS n, count(*) AS lines
            FROM moved GROUP BY 1, 2, 3, 4, 5, 6),
        upserted AS (
          INSERT INTO report_rollups AS r (measure, day, agency_id, other_agency_id, key, detail, n)
          SELECT measure, day, agency_id, other_agency_id, key, detail, n FROM summed
          ON CONFLICT (measure, day, agency_id, other_agency_id, key, detail) DO UPDATE SET n = r.n + EXCLUDED.n)
        SELECT coalesce(sum(lines), 0) INTO folded FROM summed;
        RETURN folded;
      END $$`);

    // Every rollup recomputed from the tables themselves: the backfill of existing data, and the bench loader's last
    // step (it loads with these triggers off). Locks the counted tables against writers while it runs.
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        LOCK TABLE cases, decision_records IN SHARE MODE;
        TRUNCATE report_rollups, report_rollup_deltas, case_steps;
        INSERT INTO report_rollups (measure, day, agency_id, other_agency_id, key, detail, n)
        SELECT 'decision', (occurred_at AT TIME ZONE 'UTC')::date, agency_id, deciding_agency_id, type,
               coalesce(outcome, ''), count(*)
          FROM decision_records GROUP BY 2, 3, 4, 5, 6;
        INSERT INTO report_rollups (measure, day, agency_id, other_agency_id, key, detail, n)
        SELECT 'case', (encounter_at AT TIME ZONE 'UTC')::date, agency_id, agency_id, state, '', count(*)
          FROM cases GROUP BY 2, 3, 4, 5;
        INSERT INTO report_rollups (measure, day, agency_id, other_agency_id, key, detail, n)
        SELECT 'detained_case', (c.encounter_at AT TIME ZONE 'UTC')::date, c.agency_id, c.agency_id, '', '', count(*)
          FROM cases c WHERE EXISTS (SELECT 1 FROM decision_records d WHERE d.case_id = c.id AND d.type = 'detain')
         GROUP BY 2, 3, 4;
        INSERT INTO case_steps (case_id, step, agency_id, ended_at, days)
        WITH m AS (
          SELECT d.case_id,
                 min(d.occurred_at) FILTER (WHERE d.type = 'refer') AS referred_at,
                 min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds') AS rg_at,
                 min(d.occurred_at) FILTER (WHERE d.type = 'reasonable_grounds' AND d.outcome = 'positive') AS rg_positive_at,
                 min(d.occurred_at) FILTER (WHERE d.type = 'conclusive_grounds') AS cg_at
            FROM decision_records d
           WHERE d.type IN ('refer', 'reasonable_grounds', 'conclusive_grounds')
           GROUP BY d.case_id)
        SELECT m.case_id, s.step, c.agency_id, s.ended_at, s.days
          FROM m JOIN cases c ON c.id = m.case_id
          CROSS JOIN LATERAL (VALUES
            ('screening_to_referral', m.referred_at,
             CASE WHEN m.referred_at IS NOT NULL
                  THEN (extract(epoch FROM (m.referred_at - c.encounter_at)) / 86400.0)::float8 END),
            ('referral_to_rg', CASE WHEN m.referred_at IS NOT NULL THEN m.rg_at END,
             (extract(epoch FROM (m.rg_at - m.referred_at)) / 86400.0)::float8),
            ('rg_to_cg', CASE WHEN m.rg_positive_at IS NOT NULL THEN m.cg_at END,
             (extract(epoch FROM (m.cg_at - m.rg_positive_at)) / 86400.0)::float8)
          ) AS s(step, ended_at, days)
         WHERE s.ended_at IS NOT NULL;
        INSERT INTO report_rollups (measure, day, agency_id, other_agency_id, key, detail, n)
        SELECT 'step', (ended_at AT TIME ZONE 'UTC')::date, agency_id, agency_id, step, whole_days::text, count(*)
          FROM case_steps GROUP BY 2, 3, 4, 5, 6;
      END $$`);
    await q.query(`SELECT rebuild_report_rollups()`);

    for (const table of ['report_rollups', 'report_rollup_deltas', 'case_steps']) {
      // The schema's default privileges gave the app role every write; counts are the triggers' alone.
      await q.query(forAppRole(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${table} FROM %I`));
      await q.query(forAppRole(`GRANT SELECT ON ${table} TO %I`));
    }
    await q.query(forAppRole(`GRANT EXECUTE ON FUNCTION compact_report_rollups(integer) TO %I`));
    for (const fn of [
      'report_rollup_add(text, timestamptz, uuid, uuid, text, text, integer)',
      'refresh_case_steps(uuid)',
      'rebuild_report_rollups()',
    ]) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cases_report_rollups ON cases`);
    await q.query(`DROP TRIGGER decision_records_report_rollups ON decision_records`);
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(`DROP FUNCTION compact_report_rollups(integer)`);
    await q.query(`DROP FUNCTION report_rollups_on_case()`);
    await q.query(`DROP FUNCTION report_rollups_on_decision()`);
    await q.query(`DROP FUNCTION refresh_case_steps(uuid)`);
    await q.query(`DROP FUNCTION report_rollup_add(text, timestamptz, uuid, uuid, text, text, integer)`);
    await q.query(`DROP INDEX cases_encounter_idx`);
    await q.query(`DROP TABLE case_steps`);
    await q.query(`DROP TABLE report_rollup_deltas`);
    await q.query(`DROP TABLE report_rollups`);
  }
}
