import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRecommendationReportIndexes1795566300000 implements MigrationInterface {
  name = 'AddRecommendationReportIndexes1795566300000';

  async up(q: QueryRunner): Promise<void> {
    // The agency report's response time joins each recommendation to its respond line. `respond` leaves `issued` and
    // nothing leads back there, so there is at most one; the index holds that, and carries the time so the join
    // reads the index alone, not the history's rows.
    await q.query(`CREATE UNIQUE INDEX recommendation_history_response_key ON recommendation_history (recommendation_id)
                     INCLUDE (at) WHERE action = 'respond'`);
    // An agency's register by state ("what awaits our answer") pages by id: without this, a state that is rare for
    // that agency reads most of its recommendations to fill a page.
    await q.query(`CREATE INDEX recommendations_agency_state_idx ON recommendations (agency_id, state, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX recommendations_agency_state_idx`);
    await q.query(`DROP INDEX recommendation_history_response_key`);
  }
}
