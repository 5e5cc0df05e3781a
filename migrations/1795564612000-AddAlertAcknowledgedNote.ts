import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAlertAcknowledgedNote1795564612000 implements MigrationInterface {
  name = 'AddAlertAcknowledgedNote1795564612000';

  async up(q: QueryRunner): Promise<void> {
    // What the person who acknowledged an alert said about it (optional); the audit event carries it too.
    await q.query(`ALTER TABLE alerts ADD COLUMN acknowledged_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP COLUMN acknowledged_note`);
  }
}
