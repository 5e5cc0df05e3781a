import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRecommendationReportIndexes1795566300000 implements MigrationInterface {
  name = 'AddRecommendationReportIndexes1795566300000';

  async up(q: QueryRunner): Promise<void> {
    // The agency report's response time joins each recommendation to its respond line. `respond` leaves `issued` and
    // nothing leads back there, so there is at most one; the index holds that and serves the join.
    await q.query(`CREATE UNIQUE INDEX recommendation_history_response_key ON recommendation_history (recommendation_id)
                     WHERE action = 'respond'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX recommendation_history_response_key`);
  }
}
