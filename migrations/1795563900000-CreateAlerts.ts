import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1795563900000 implements MigrationInterface {
  name = 'CreateAlerts1795563900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        rule text NOT NULL CHECK (rule IN ('screening_overdue', 'rg_decision_overdue', 'victim_detained',
                                           'detention_limit_exceeded', 'review_response_overdue', 'removal_during_review')),
        severity text NOT NULL CHECK (severity IN ('high', 'critical')),
        subject_type text NOT NULL CHECK (subject_type IN ('detention_episode', 'review')),
        subject_id uuid NOT NULL,
        case_id uuid NOT NULL REFERENCES cases (id),
        agency_id uuid NOT NULL,
        commissioner_only boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
        since timestamptz NOT NULL,
        basis text NOT NULL,
        thresholds jsonb NOT NULL,
        raised_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        resolved_at timestamptz,
        resolved_reason text,
        -- Each (subject, rule) raises at most one alert, whatever happens: retries, restarts, two workers.
        CONSTRAINT alerts_rule_subject_key UNIQUE (rule, subject_id)
      )`);
    await q.query(`CREATE INDEX alerts_raised_idx ON alerts (raised_at DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_agency_idx ON alerts (agency_id, raised_at DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_case_idx ON alerts (case_id)`);
    await q.query(
      `CREATE INDEX alerts_unresolved_idx ON alerts (subject_type, rule, subject_id) WHERE status <> 'resolved'`,
    );
    await q.query(`CREATE INDEX alerts_open_raised_idx ON alerts (raised_at) WHERE status = 'open'`);

    // The outbox: the database decides what must be sent; queues only carry the ids.
    await q.query(`
      CREATE TABLE alert_notifications (
        id uuid PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts (id),
        kind text NOT NULL CHECK (kind IN ('raised', 'escalation')),
        recipients text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL,
        locked_until timestamptz,
        message_id text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT alert_notifications_alert_kind_key UNIQUE (alert_id, kind)
      )`);
    await q.query(
      `CREATE INDEX alert_notifications_due_idx ON alert_notifications (next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_notifications, alerts`);
  }
}
