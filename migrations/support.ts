/**
 * SQL helpers shared by migrations. The application role's name is a session
 * setting (`oversight.app_role`) set by the migration runner, so grants work
 * whatever DATABASE_APP_ROLE is.
 */
const APP_ROLE = `coalesce(nullif(current_setting('oversight.app_role', true), ''), 'oversight_app')`;

/** Runs `statement` (a format() string with one %I for the role) against the app role. */
export function forAppRole(statement: string): string {
  return `DO $$ BEGIN EXECUTE format(${quote(statement)}, ${APP_ROLE}); END $$;`;
}

/** The app may read and add rows, never change or remove them. */
export function appendOnly(table: string): string[] {
  return [
    forAppRole(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM %I`),
    forAppRole(`GRANT SELECT, INSERT ON ${table} TO %I`),
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION reject_modification()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION reject_modification()`,
    // ALWAYS: fires under session_replication_role = replica too.
    `ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_append_only`,
    `ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_no_truncate`,
  ];
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
