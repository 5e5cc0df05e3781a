import pg from 'pg';
import { runMigrations } from '../../src/database/prepare-database.js';

/** The server tests use; a superuser (tests inspect raw rows and disable triggers on purpose). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Databases of one test run share this prefix, so teardown drops exactly them. */
export function runPrefix(): string {
  const run = process.env.OVERSIGHT_TEST_RUN;
  if (!run) throw new Error('OVERSIGHT_TEST_RUN is not set: run e2e tests through jest (global setup).');
  return `oversight_test_${run}`;
}

export function templateName(): string {
  return `${runPrefix()}_template`;
}

/**
 * The run's template: created once, by whichever test file gets the lock
 * first, with the real migrations (never synchronize).
 */
async function ensureTemplate(): Promise<void> {
  const template = templateName();
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate`, [template]);
    if (found.rowCount === 0) {
      await client.query(`DROP DATABASE IF EXISTS ${template}`);
      await client.query(`CREATE DATABASE ${template}`);
      await runMigrations({ url: databaseUrl(template), appRole: 'oversight_app' });
      await client.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    await client.end();
  }
}

/** A fresh database with the real migrations applied (cloned from the run's template). */
export async function createTestDatabase(): Promise<string> {
  await ensureTemplate();
  const name = `${runPrefix()}_${Math.random().toString(36).slice(2, 10)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
      return name;
    } catch (err) {
      // Two clones of one template at the same instant collide; take turns.
      if (attempt < 20 && /being accessed by other users/.test(String(err))) {
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        continue;
      }
      throw err;
    }
  }
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * A migrated database of its own for the enclosing describe block, with a
 * pool on it; created before its tests, dropped after them.
 */
export function useTestDatabase(max = 1): { readonly sql: pg.Pool } {
  let database: string | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: databaseUrl(database), max });
  });
  afterAll(async () => {
    await pool?.end();
    if (database) await dropTestDatabase(database);
  });
  return {
    get sql(): pg.Pool {
      if (!pool) throw new Error('useTestDatabase: the database exists only while its describe block runs');
      return pool;
    },
  };
}
