import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../support/test-app.js';
import { createTestDatabase, dropTestDatabase } from '../support/test-database.js';

/** The `no_user` warnings an app wrote while it started and closed, read from a log file of its own. */
async function noUserWarnings(
  env: Record<string, string>,
  database: string,
): Promise<{ level: number; msg: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oversight-first-start-'));
  const file = join(dir, 'app.log');
  try {
    const t = await startTestApp({ database, env: { LOG_FILE: file, LOG_LEVEL: 'info', ...env } });
    await t.close();
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"no_user"'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('first start', () => {
  let database: string;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => dropTestDatabase(database));

  const noBootstrap = { BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: '' };

  it('warns once, naming the variables, when no user exists and no bootstrap admin is configured', async () => {
    const warnings = await noUserWarnings(noBootstrap, database);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].level).toBe(40);
    expect(warnings[0].msg).toMatch(/BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD/);
    expect(warnings[0].msg).toMatch(/BOOTSTRAP_ADMIN_PASSWORD_FILE/);
  });

  it('does not warn when the bootstrap admin is configured (and creates it)', async () => {
    expect(await noUserWarnings({}, database)).toEqual([]);
  });

  it('does not warn once a user exists, bootstrap variables or not', async () => {
    expect(await noUserWarnings(noBootstrap, database)).toEqual([]);
  });
});
