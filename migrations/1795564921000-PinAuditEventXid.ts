import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PinAuditEventXid1795564921000 implements MigrationInterface {
  name = 'PinAuditEventXid1795564921000';

  async up(q: QueryRunner): Promise<void> {
    // The checkpointer seals events by the transaction that wrote them. A writer that chose its own created_xid
    // could place an event in a window already sealed, where no checkpoint would ever cover it: the database
    // decides, whatever the INSERT says.
    await q.query(`
      CREATE FUNCTION pin_created_xid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.created_xid := pg_current_xact_id();
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_created_xid BEFORE INSERT ON audit_events
                     FOR EACH ROW EXECUTE FUNCTION pin_created_xid()`);
    // ALWAYS: fires under session_replication_role = replica too.
    await q.query(`ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_created_xid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_created_xid ON audit_events`);
    await q.query(`DROP FUNCTION pin_created_xid()`);
  }
}
