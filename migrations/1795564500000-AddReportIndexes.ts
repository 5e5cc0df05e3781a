import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportIndexes1795564500000 implements MigrationInterface {
  name = 'AddReportIndexes1795564500000';

  async up(q: QueryRunner): Promise<void> {
    // The agency report counts each agency's cases first encountered in a period and its reviews concluded in it;
    // without these it reads every case and every review whatever the period.
    await q.query(`CREATE INDEX cases_agency_encounter_idx ON cases (agency_id, encounter_at)`);
    await q.query(
      `CREATE INDEX reviews_agency_concluded_idx ON reviews (agency_id, concluded_at) WHERE concluded_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reviews_agency_concluded_idx`);
    await q.query(`DROP INDEX cases_agency_encounter_idx`);
  }
}
