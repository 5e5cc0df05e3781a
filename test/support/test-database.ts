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

/**
 * Drops a test database once its connections have gone. `pg.Pool#end()` (and so TypeORM's `destroy()`) resolves
 * as soon as it has *asked* its clients to close, not when they have: a `DROP … WITH (FORCE)` right after it
 * terminated those backends mid-goodbye, and the FATAL 57P01 reached a pool that had no `error` listener — an
 * unhandled error in whichever suite was closing (sampling-sql, seed-demo). So wait for the server to see no
 * backend on the database; FORCE only removes what is still there after that (a connection a test leaked), and
 * that is named so the leak gets fixed.
 */
export async function dropTestDatabase(name: string, waitMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    const deadline = Date.now() + waitMs;
    let holders: { application_name: string; n: number }[] = [];
    for (;;) {
      ({ rows: holders } = await client.query<{ application_name: string; n: number }>(
        `SELECT application_name, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1`,
        [name],
      ));
      if (holders.length === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    if (holders.length > 0) {
      process.stderr.write(
        `dropTestDatabase: ${name} still had connections after ${waitMs} ms (${holders
          .map((h) => `${h.application_name || '(no application_name)'} × ${h.n}`)
          .join(', ')}); terminating them.\n`,
      );
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A superuser pool on a test database. Its `error` listener keeps an idle client's death (a fault test stopping
 * the server, a test terminating backends on purpose) from becoming an unhandled 'error' event that kills the
 * suite; the next query on the pool still fails loudly.
 */
export function testPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (err: Error & { code?: string }) => {
    process.stderr.write(`test pool: idle client lost (${err.code ?? err.message})\n`);
  });
  return pool;
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
    pool = testPool(databaseUrl(database), max);
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
