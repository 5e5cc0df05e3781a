import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue scan reads every open detention with its case's state on each tick. Through the partial index on open
 * episodes it fetched each episode's heap row and then its case's by primary key: tens of thousands of random pages
 * at a million cases, most of the steady scan. These two partial indexes carry what the scan reads, so it joins two
 * index-only scans of a few hundred pages each. The cases' index also carries what the dashboard and the agency report
 * count the detained by (SPEC §15: `detained_since` is the open episode's start; agency and referral for the read
 * rules), so those counts never touch a case row either.
 */
export class CoverOpenDetentions1795568300000 implements MigrationInterface {
  name = 'CoverOpenDetentions1795568300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX detention_episodes_open_cover_idx ON detention_episodes (case_id)
                     INCLUDE (id, agency_id, detained_at) WHERE released_at IS NULL`);
    // detained_since is set exactly while the case has an open episode (verification holds it to the episodes).
    await q.query(`CREATE INDEX cases_detained_cover_idx ON cases (id)
                     INCLUDE (state, state_entered_at, referred_at, detained_since, agency_id, ever_referred)
                     WHERE detained_since IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_detained_cover_idx`);
    await q.query(`DROP INDEX detention_episodes_open_cover_idx`);
  }
}
