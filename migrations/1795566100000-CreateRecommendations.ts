import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, forAppRole } from './support.js';

/**
 * SPEC §12: the recommendations register. The row holds the current state as
 * a projection with a version (one per history line, checked by a
 * conditional UPDATE); the history is append-only, one line per version.
 */
export class CreateRecommendations1795566100000 implements MigrationInterface {
  name = 'CreateRecommendations1795566100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        source_kind text NOT NULL CHECK (source_kind IN ('review', 'visit', 'investigation', 'own_initiative')),
        -- A review, visit or investigation id; the kinds live in different tables, so no foreign key.
        source_id uuid,
        theme text NOT NULL
          CHECK (theme IN ('identification', 'referral', 'detention', 'removal', 'training', 'data', 'other')),
        priority text NOT NULL CHECK (priority IN ('normal', 'urgent')),
        text text NOT NULL,
        repeat_of uuid REFERENCES recommendations (id),
        state text NOT NULL CHECK (state IN ('issued', 'accepted', 'partially_accepted', 'rejected',
                                             'implementation_claimed', 'implemented', 'withdrawn')),
        -- Where a claim of implementation came from: a refused verification returns there.
        claimed_from text CHECK (claimed_from IN ('accepted', 'partially_accepted')),
        version integer NOT NULL CHECK (version >= 1),
        issued_at timestamptz NOT NULL,
        response_due_at timestamptz NOT NULL,
        responded_at timestamptz,
        target_date date,
        created_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT recommendations_source_id_presence CHECK ((source_kind = 'own_initiative') = (source_id IS NULL)),
        CONSTRAINT recommendations_claim_matches_state
          CHECK ((state = 'implementation_claimed') = (claimed_from IS NOT NULL))
      )`);
    // The register pages by id within the caller's agencies and filters.
    await q.query(`CREATE INDEX recommendations_agency_idx ON recommendations (agency_id, id)`);
    await q.query(`CREATE INDEX recommendations_state_idx ON recommendations (state, id)`);
    await q.query(`CREATE INDEX recommendations_source_idx ON recommendations (source_kind, source_id)`);
    await q.query(
      `CREATE INDEX recommendations_repeat_of_idx ON recommendations (repeat_of) WHERE repeat_of IS NOT NULL`,
    );
    // The two clocks (response overdue, target missed) look only at rows that can still be late.
    await q.query(
      `CREATE INDEX recommendations_response_due_idx ON recommendations (response_due_at) WHERE state = 'issued'`,
    );
    await q.query(`CREATE INDEX recommendations_target_idx ON recommendations (target_date)
                     WHERE state IN ('accepted', 'partially_accepted')`);
    // A recommendation is never deleted: the register is the record of what was asked.
    await q.query(forAppRole('REVOKE DELETE, TRUNCATE ON recommendations FROM %I'));

    await q.query(`
      CREATE TABLE recommendation_history (
        id uuid PRIMARY KEY,
        recommendation_id uuid NOT NULL REFERENCES recommendations (id),
        version integer NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL CHECK (action IN ('issue', 'respond', 'progress', 'verify', 'withdraw')),
        actor_id uuid NOT NULL,
        -- Agencies see that the office acted, not which member of its staff (as with review findings).
        actor_role text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        details jsonb NOT NULL,
        -- One line per version: a second writer of the same version fails here even if it passed the version check.
        CONSTRAINT recommendation_history_version_key UNIQUE (recommendation_id, version)
      )`);
    for (const statement of appendOnly('recommendation_history')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recommendation_history`);
    await q.query(`DROP TABLE recommendations`);
  }
}
