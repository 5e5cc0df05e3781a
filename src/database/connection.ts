import type { DatabaseConfig } from '../config/app-config.js';

/** Splits a PostgreSQL URL into what error messages and admin connections need. */
export function describeDatabaseUrl(url: string): { host: string; port: number; database: string; user: string } {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(u.username || 'postgres'),
  };
}

/** The same server, another database (for CREATE/DROP DATABASE). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * Startup options for every pooled connection of the application. `role`
 * switches to the restricted application role for the whole session, even
 * when the URL names a superuser, so the app can never UPDATE or DELETE the
 * append-only tables; the statement timeout bounds any runaway query.
 */
export function appSessionOptions(db: DatabaseConfig): string {
  return `-c role=${db.appRole} -c statement_timeout=${db.statementTimeoutMs} -c TimeZone=UTC`;
}

/** Migrations run as the connecting (owner) user; they read the app role's name from this setting. */
export function migrationSessionOptions(db: Pick<DatabaseConfig, 'appRole'>): string {
  return `-c oversight.app_role=${db.appRole} -c TimeZone=UTC`;
}
