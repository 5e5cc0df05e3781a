import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §15's dashboard counts the people detained past a limit now from the cases themselves (`detained_since` is the
 * open episode's start): a small partial index of the detained, with what the read rules and the screening rule
 * look at, answers both counts from the index alone, without visiting an episode or a case row.
 */
export class AddDashboardIndexes1795568200000 implements MigrationInterface {
  name = 'AddDashboardIndexes1795568200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX cases_detained_since_idx ON cases (detained_since) INCLUDE (agency_id, state, ever_referred)
         WHERE detained_since IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_detained_since_idx`);
  }
}
