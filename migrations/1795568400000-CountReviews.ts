import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forAppRole } from './support.js';

const KEY = 'status, deciding_agency_id, case_agency_id, assigned_reviewer_id, concluded';

/** The upsert of the net change in counts from rows given as `(…key columns…, n)`. */
const upsertCounts = (rows: string) => `
        INSERT INTO review_counts AS rc (${KEY}, n)
        SELECT ${KEY}, sum(n) FROM (${rows}) d
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (${KEY}) DO UPDATE SET n = rc.n + EXCLUDED.n;`;

const rowsOf = (table: string, n: number) =>
  `SELECT status, deciding_agency_id, case_agency_id, assigned_reviewer_id, concluded_at IS NOT NULL AS concluded,
          ${n} AS n FROM ${table}`;

/**
 * SPEC §15: the dashboard counts the reviews awaiting a conclusion or a response. After a sampling run the first is
 * the whole sample (430,000 at a million cases): counting it took 120–200 ms by any scan. `review_counts` keeps the
 * number of reviews per status and per value of every column the Review read rules look at, so the dashboard sums a
 * few hundred rows through the same rules.
 *
 * Kept by statement-level triggers with transition tables, in the writing statement's transaction: a sampling run's
 * one INSERT of its whole sample is one grouped upsert, a review's assignment or conclusion a −1 and a +1. Rows are
 * upserted in key order, so two statements never take the counters' locks in opposite orders.
 */
export class CountReviews1795568400000 implements MigrationInterface {
  name = 'CountReviews1795568400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_counts (
        status text NOT NULL,
        -- Nullable like nothing in reviews today: the counts mirror whatever the rows hold, even mid-migration.
        deciding_agency_id uuid,
        case_agency_id uuid,
        assigned_reviewer_id uuid,
        concluded boolean NOT NULL,
        n bigint NOT NULL,
        UNIQUE NULLS NOT DISTINCT (${KEY}))`);
    // A statement only plans the branch it runs, so each refers only to the transition tables its event has.
    await q.query(`
      CREATE FUNCTION count_reviews() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsertCounts(rowsOf('changed_new', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${upsertCounts(rowsOf('changed_old', -1))}
        ELSE
          ${upsertCounts(`${rowsOf('changed_new', 1)} UNION ALL ${rowsOf('changed_old', -1)}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER reviews_counted_insert AFTER INSERT ON reviews
                     REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION count_reviews()`);
    await q.query(`CREATE TRIGGER reviews_counted_update AFTER UPDATE ON reviews
                     REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
                     FOR EACH STATEMENT EXECUTE FUNCTION count_reviews()`);
    await q.query(`CREATE TRIGGER reviews_counted_delete AFTER DELETE ON reviews
                     REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION count_reviews()`);
    for (const t of ['insert', 'update', 'delete']) {
      await q.query(`ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_counted_${t}`);
    }
    await q.query(`INSERT INTO review_counts (${KEY}, n) SELECT ${KEY}, count(*) FROM (${rowsOf('reviews', 1)}) r
                     GROUP BY 1, 2, 3, 4, 5`);
    await q.query(forAppRole(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON review_counts FROM %I`));
    await q.query(forAppRole(`GRANT SELECT ON review_counts TO %I`));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER reviews_counted_${t} ON reviews`);
    await q.query(`DROP FUNCTION count_reviews()`);
    await q.query(`DROP TABLE review_counts`);
  }
}
