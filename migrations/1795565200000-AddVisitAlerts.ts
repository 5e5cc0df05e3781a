import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = `'screening_overdue', 'rg_decision_overdue', 'victim_detained', 'detention_limit_exceeded',
               'review_response_overdue', 'removal_during_review'`;

export class AddVisitAlerts1795565200000 implements MigrationInterface {
  name = 'AddVisitAlerts1795565200000';

  async up(q: QueryRunner): Promise<void> {
    // The visit clocks (SPEC §12 table): an alert about a visit concerns no case.
    await q.query(`ALTER TABLE alerts ALTER COLUMN case_id DROP NOT NULL`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check
         CHECK (rule IN (${RULES}, 'visit_overdue', 'visit_report_overdue'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check
         CHECK (subject_type IN ('detention_episode', 'review', 'visit'))`,
    );
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_case_unless_visit CHECK (case_id IS NOT NULL OR subject_type = 'visit')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM alerts WHERE subject_type = 'visit'`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_case_unless_visit`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check CHECK (subject_type IN ('detention_episode', 'review'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check CHECK (rule IN (${RULES}))`);
    await q.query(`ALTER TABLE alerts ALTER COLUMN case_id SET NOT NULL`);
  }
}
