import pg from 'pg';
import { describeDatabaseUrl } from './connection.js';

/**
 * Makes the login of `appUrl` (its user and password) exist as the app's
 * login: LOGIN, no other attribute, a member of `appRole` and of nothing
 * else this creates. NOINHERIT: the login itself has no table rights at all,
 * only `SET ROLE appRole` (which every app session does at connect) has, so
 * `SET ROLE NONE` leaves a session with less, not more. Run by the owner
 * (`ownerUrl`) after the migrations, which create `appRole`; safe to repeat
 * (the password is set again, so rotating it is: change the file, rerun).
 */
export async function ensureAppLogin(ownerUrl: string, appUrl: string, appRole: string): Promise<string> {
  const login = describeDatabaseUrl(appUrl).user;
  const password = decodeURIComponent(new URL(appUrl).password);
  if (login === describeDatabaseUrl(ownerUrl).user) {
    throw new Error(`DATABASE_URL and MIGRATION_DATABASE_URL name the same login ("${login}"); give the app its own`);
  }
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const role = pg.escapeIdentifier(login);
    // No password in the URL (a .pgpass, PGPASSWORD, certificates): whatever the login has is left alone.
    const secret = password === '' ? '' : ` PASSWORD ${pg.escapeLiteral(password)}`;
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
    if (found.rowCount === 0) {
      await client.query(`CREATE ROLE ${role} LOGIN NOINHERIT${secret}`).catch((err: { code?: string }) => {
        if (err.code !== '42710') throw err; // created meanwhile by another run
      });
    }
    await client.query(`ALTER ROLE ${role} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE${secret}`);
    await client.query(`GRANT ${pg.escapeIdentifier(appRole)} TO ${role}`);
    // The restricted role even where the startup option `-c role=` is not forwarded (PgBouncer drops it).
    await client.query(`ALTER ROLE ${role} SET role = ${pg.escapeLiteral(appRole)}`);
    return login;
  } finally {
    await client.end().catch(() => undefined);
  }
}
