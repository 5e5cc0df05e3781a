import pg from 'pg';
import type { DatabaseConfig } from '../config/app-config.js';
import { StartupError } from '../common/startup-error.js';
import { describeDatabaseUrl, withDatabase } from './connection.js';
import { ownerDataSource } from './data-source.js';

const MIGRATION_LOCK = 7_270_001; // any constant; only migration runs take it

/**
 * Reaches PostgreSQL, creates the database when asked to, and applies pending
 * migrations under an advisory lock so that several processes starting at
 * once apply each migration exactly once. Returns the names it applied.
 * Creating and migrating are the owner's work (MIGRATION_DATABASE_URL, which
 * defaults to DATABASE_URL); the app's own login only has to be reachable.
 */
export async function prepareDatabase(db: DatabaseConfig): Promise<string[]> {
  await ensureReachable(db.url, describeDatabaseUrl(db.url));
  const owner = describeDatabaseUrl(db.migrationUrl);
  const ownerWork = db.createIfMissing || db.runMigrations;
  if (ownerWork && db.migrationUrl !== db.url) await ensureReachable(db.migrationUrl, owner);
  if (db.createIfMissing) await createDatabaseIfMissing(db.migrationUrl, owner.database);
  return db.runMigrations ? runMigrations({ url: db.migrationUrl, appRole: db.appRole }) : [];
}

export async function runMigrations(db: Pick<DatabaseConfig, 'url' | 'appRole'>): Promise<string[]> {
  const lock = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 5_000 });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ds = ownerDataSource(db);
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

async function ensureReachable(url: string, where: ReturnType<typeof describeDatabaseUrl>): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new StartupError(
      `Cannot reach PostgreSQL at ${where.host}:${where.port} as "${where.user}" (${reason(err)}). ` +
        'Start it (on this machine: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start; ' +
        'with Docker: docker compose up -d postgres) or set DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created meanwhile by another process
      });
    }
  } catch (err) {
    throw new StartupError(
      `Cannot create database "${database}" (${reason(err)}). Create it by hand or fix DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function reason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code && /^[A-Z]/.test(e.code)) return e.code;
  return e?.message?.split('\n')[0] ?? String(err);
}
