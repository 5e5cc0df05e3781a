import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = `'screening_overdue', 'rg_decision_overdue', 'victim_detained', 'detention_limit_exceeded',
               'review_response_overdue', 'removal_during_review', 'visit_overdue', 'visit_report_overdue'`;

/**
 * SPEC §12: the recommendation clocks. An alert about a recommendation
 * concerns no case, and a missed target date is keyed by the date as well as
 * the recommendation: a new target date (after a claim that was not
 * verified) may be missed again, and that is a new alert.
 */
export class AddRecommendationAlerts1795566230000 implements MigrationInterface {
  name = 'AddRecommendationAlerts1795566230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check
         CHECK (rule IN (${RULES}, 'recommendation_response_overdue', 'recommendation_target_missed'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check
         CHECK (subject_type IN ('detention_episode', 'review', 'visit', 'recommendation'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_case_unless_visit`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_case_unless_no_case_subject
         CHECK (case_id IS NOT NULL OR subject_type IN ('visit', 'recommendation'))`,
    );
    // '' where the subject alone is the key; no default, so every writer says which.
    await q.query(`ALTER TABLE alerts ADD COLUMN subject_key text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE alerts ALTER COLUMN subject_key DROP DEFAULT`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_key_shape
         CHECK (subject_key = '' OR (rule = 'recommendation_target_missed' AND subject_key ~ '^\\d{4}-\\d{2}-\\d{2}$'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_subject_key`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_rule_subject_key UNIQUE (rule, subject_id, subject_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM alert_notifications WHERE alert_id IN (SELECT id FROM alerts WHERE subject_type = 'recommendation')`,
    );
    await q.query(`DELETE FROM alerts WHERE subject_type = 'recommendation'`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_subject_key`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_rule_subject_key UNIQUE (rule, subject_id)`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_key_shape`);
    await q.query(`ALTER TABLE alerts DROP COLUMN subject_key`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_case_unless_no_case_subject`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_case_unless_visit CHECK (case_id IS NOT NULL OR subject_type = 'visit')`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check
         CHECK (subject_type IN ('detention_episode', 'review', 'visit'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check CHECK (rule IN (${RULES}))`);
  }
}
