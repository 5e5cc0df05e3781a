import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = `'screening_overdue', 'rg_decision_overdue', 'victim_detained', 'detention_limit_exceeded',
               'review_response_overdue', 'removal_during_review', 'visit_overdue', 'visit_report_overdue',
               'recommendation_response_overdue', 'recommendation_target_missed'`;
const SUBJECTS = `'detention_episode', 'review', 'visit', 'recommendation'`;

/**
 * SPEC §12, §13: the complaint clock. An alert about a complaint concerns no
 * case, and is the office's alone (commissioner-only, like the visit clocks).
 */
export class AddComplaintAlerts1795567300000 implements MigrationInterface {
  name = 'AddComplaintAlerts1795567300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check CHECK (rule IN (${RULES}, 'complaint_triage_overdue'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check CHECK (subject_type IN (${SUBJECTS}, 'complaint'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_case_unless_no_case_subject`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_case_unless_no_case_subject
         CHECK (case_id IS NOT NULL OR subject_type IN ('visit', 'recommendation', 'complaint'))`,
    );
    // The complaint clock's alert is the office's alone, whatever a writer says.
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_complaint_office_only
         CHECK (subject_type <> 'complaint' OR commissioner_only)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM alert_notifications WHERE alert_id IN (SELECT id FROM alerts WHERE subject_type = 'complaint')`,
    );
    await q.query(`DELETE FROM alerts WHERE subject_type = 'complaint'`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_complaint_office_only`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_case_unless_no_case_subject`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_case_unless_no_case_subject
         CHECK (case_id IS NOT NULL OR subject_type IN ('visit', 'recommendation'))`,
    );
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check CHECK (subject_type IN (${SUBJECTS}))`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check CHECK (rule IN (${RULES}))`);
  }
}
