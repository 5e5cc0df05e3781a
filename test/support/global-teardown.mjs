import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const run = process.env.OVERSIGHT_TEST_RUN;
  if (!run) return;
  await dropRunDatabases(run);
  scanLogs(join(tmpdir(), `oversight-test-${run}.log`));
}

async function dropRunDatabases(run) {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `oversight_test_${run}%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Every app of the run logged at debug level into one file (test/support/test-app.ts). No line may contain the
 * seeded personal data of the test cases or complainants, a test password, an access token or an API key.
 */
function scanLogs(file) {
  if (process.env.TEST_LOG_FILE === '' || !existsSync(file)) return;
  const values = JSON.parse(readFileSync(new URL('./sensitive-values.json', import.meta.url), 'utf8'));
  const needles = [
    ...[...Object.values(values.pii), ...Object.values(values.complainantPii)].map((v) => ({
      what: 'personal data',
      test: (line) => line.includes(v),
    })),
    { what: 'the admin password', test: (line) => line.includes(values.adminPassword) },
    { what: 'a user password', test: (line) => new RegExp(values.passwordPattern).test(line) },
    ...values.tokenPatterns.map((p) => ({ what: 'a token or API key', test: (line) => new RegExp(p).test(line) })),
  ];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const leaks = [];
  for (const [i, line] of lines.entries()) {
    for (const n of needles) if (n.test(line)) leaks.push(`line ${i + 1}: ${n.what}`);
  }
  if (leaks.length > 0) {
    // The log file is kept for inspection; the message names lines, never the values.
    throw new Error(
      `${leaks.length} log line(s) of this run contain what must never be logged (${file}):\n${leaks.slice(0, 20).join('\n')}`,
    );
  }
  process.stdout.write(
    `\nLog scan: ${lines.length} log lines of this run, none with personal data, passwords or tokens.\n`,
  );
  rmSync(file, { force: true });
}
