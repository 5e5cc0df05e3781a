import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureAppLogin } from '../../src/database/app-login.js';
import { freePort } from '../support/redis-server.js';
import { testEnv } from '../support/test-app.js';
import {
  adminQuery,
  createTestDatabase,
  databaseUrl,
  dropTestDatabase,
  TEST_SERVER_URL,
} from '../support/test-database.js';
import { buildWorker, killWorkerProcesses, startApiProcess, type WorkerBuild } from '../support/worker-process.js';

/** `node <apiEntry>` until it exits by itself (a refusal), with what it printed. */
function runUntilExit(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function loginUrl(database: string, login: string, password: string): string {
  const u = new URL(databaseUrl(database));
  u.username = login;
  u.password = password;
  return u.toString();
}

describe('the database login of the running app', () => {
  let build: WorkerBuild;
  let database: string;
  const login = `oversight_api_${randomBytes(4).toString('hex')}`;
  const owner = `oversight_owner_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  let appUrl: string;
  const production = () => ({
    ...testEnv(database),
    NODE_ENV: 'production',
    LOG_FILE: '',
    LOG_LEVEL: 'info',
    WORKERS_ENABLED: 'false',
    // The owner (here the test server's superuser) applies migrations; the app never connects as it.
    MIGRATION_DATABASE_URL: databaseUrl(database),
  });

  beforeAll(async () => {
    [build, database] = await Promise.all([buildWorker(), createTestDatabase()]);
    appUrl = loginUrl(database, login, password);
    await ensureAppLogin(databaseUrl(database), appUrl, 'oversight_app');
  });
  afterAll(async () => {
    await killWorkerProcesses();
    await dropTestDatabase(database);
    await adminQuery(`DROP ROLE IF EXISTS ${login}`);
    await adminQuery(`DROP ROLE IF EXISTS ${owner}`);
    await build.remove();
  });

  it('gives the app a login that SET ROLE NONE cannot turn into more rights', async () => {
    const client = new pg.Client({ connectionString: appUrl, options: '-c role=oversight_app' });
    await client.connect();
    try {
      expect((await client.query('SELECT current_user AS r')).rows[0].r).toBe('oversight_app');
      await client.query('SET ROLE NONE');
      expect((await client.query('SELECT current_user AS r')).rows[0].r).toBe(login);
      // As itself (NOINHERIT, owning nothing) the login may not even read, let alone rewrite history.
      await expect(client.query('SELECT count(*) FROM audit_events')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(client.query('DROP TABLE audit_events')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
    // Running it again (every compose start does) changes nothing and keeps the password working.
    await ensureAppLogin(databaseUrl(database), appUrl, 'oversight_app');
    const [role] = await adminQuery<{ rolsuper: boolean; rolinherit: boolean }>(
      'SELECT rolsuper, rolinherit FROM pg_roles WHERE rolname = $1',
      [login],
    );
    expect(role).toEqual({ rolsuper: false, rolinherit: false });
    // A session that does not ask for the role (through a pooler that drops startup options) still gets it.
    const plain = new pg.Client({ connectionString: appUrl });
    await plain.connect();
    expect((await plain.query('SELECT current_user AS r')).rows[0].r).toBe('oversight_app');
    await plain.end();
  });

  it('starts in production as a member of oversight_app that owns nothing', async () => {
    const port = await freePort();
    const api = await startApiProcess(build.apiEntry, database, {
      ...production(),
      DATABASE_URL: appUrl,
      PORT: String(port),
    });
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(api.output()).not.toContain('privileged_database_login');
    await api.kill('SIGTERM');
  });

  it('refuses to start in production as a superuser, in one line', async () => {
    expect(new URL(TEST_SERVER_URL).username || 'postgres').toBe('postgres');
    const { code, output } = await runUntilExit(build.apiEntry, {
      ...production(),
      DATABASE_URL: databaseUrl(database),
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(
      /^Refusing to start: the database login "postgres" is a superuser.*ALLOW_PRIVILEGED_DATABASE_LOGIN/,
    );
  });

  it('refuses to start in production as a login that owns the tables', async () => {
    await adminQuery(`CREATE ROLE ${owner} LOGIN`);
    await adminQuery(`GRANT oversight_app TO ${owner}`);
    // Reassigned in a database of its own, so the other tests' tables keep their owner.
    const other = await createTestDatabase();
    try {
      const c = new pg.Client({ connectionString: databaseUrl(other) });
      await c.connect();
      await c.query(`ALTER TABLE cases OWNER TO ${owner}`);
      await c.end();
      const { code, output } = await runUntilExit(build.apiEntry, {
        ...production(),
        ...testEnv(other),
        NODE_ENV: 'production',
        LOG_FILE: '',
        MIGRATION_DATABASE_URL: databaseUrl(other),
        DATABASE_URL: loginUrl(other, owner, ''),
        PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toMatch(/^Refusing to start: the database login "oversight_owner_\w+" owns .* 1 tables/);
    } finally {
      await dropTestDatabase(other);
    }
  });

  it('starts as a superuser when ALLOW_PRIVILEGED_DATABASE_LOGIN=true, with a loud warning', async () => {
    const port = await freePort();
    const api = await startApiProcess(build.apiEntry, database, {
      ...production(),
      DATABASE_URL: databaseUrl(database),
      ALLOW_PRIVILEGED_DATABASE_LOGIN: 'true',
      PORT: String(port),
    });
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    const warning = api
      .output()
      .split('\n')
      .find((l) => l.includes('privileged_database_login'));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, msg: expect.stringMatching(/is a superuser/) });
    await api.kill('SIGTERM');
  });
});
