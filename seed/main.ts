import 'reflect-metadata';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { createHttpApp } from '../src/bootstrap/http-app.js';
import { prepareProcess, runOrExit } from '../src/bootstrap/prepare-process.js';
import { StartupError } from '../src/common/startup-error.js';
import type { AppConfig } from '../src/config/app-config.js';
import { describeDatabaseUrl } from '../src/database/connection.js';
import { DEMO_ADMIN } from './demo-cast.js';
import { seedDemo } from './seed-demo.js';

// `npm run seed:demo`: agencies, users, places, ~225 cases, alerts, reviews, visits and recommendations for a
// newcomer to explore, written through the public HTTP API (in-process). Run it again and it only prints what is
// there.
runOrExit(async () => {
  // Request logs would bury the summary: warnings only, unless LOG_LEVEL is set in the environment (a .env file
  // never overrides a variable already set, so its LOG_LEVEL=info from .env.example does not count).
  process.env.LOG_LEVEL ??= 'warn';
  // The same .env the process would read (prepareProcess reads it too), so NODE_ENV set there counts.
  if (existsSync('.env')) process.loadEnvFile('.env');
  refuseProduction(process.env.NODE_ENV);
  const prepared = await prepareProcess();
  refuseProduction(prepared.env);
  const db = describeDatabaseUrl(prepared.database.url);
  process.stdout.write(`Database ${db.database} on ${db.host}:${db.port} is ready; Redis answers.\n`);

  const { config, admin, note } = await chooseAdmin(prepared);
  if (note) process.stdout.write(`${note}\n`);
  // The seed is one local caller driving hundreds of requests a minute through the API; the per-caller rate limit
  // and the expensive routes' concurrency limit guard a shared server, not this.
  const unlimited = { ...config, http: { ...config.http, rateLimitPerMinute: 1_000_000, expensiveConcurrency: 100 } };
  const app = await createHttpApp(unlimited, { workers: false, api: true });
  try {
    await app.init();
    await seedDemo(app, { admin });
  } finally {
    await app.close();
  }
}, 'The demo seed failed');

function refuseProduction(env: string | undefined): void {
  if (env === 'production') {
    throw new StartupError(
      'npm run seed:demo refuses to run with NODE_ENV=production: it creates users whose passwords are published.',
    );
  }
}

/**
 * Only the bootstrap mechanism creates a first admin. With BOOTSTRAP_ADMIN_*
 * set, that admin is used (and created by it if the database has no users);
 * with an empty database, the demo admin is bootstrapped; otherwise the demo
 * admin of an earlier seed signs in, or nobody can (the seed then explains).
 */
async function chooseAdmin(
  config: AppConfig,
): Promise<{ config: AppConfig; admin: { email: string; password: string } | undefined; note?: string }> {
  const configured = config.auth.bootstrapAdmin;
  if (configured) return { config, admin: configured };
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: number; demo_admin: boolean }>(
      `SELECT (SELECT count(*)::int FROM users) AS users, EXISTS (SELECT 1 FROM users WHERE email = $1) AS demo_admin`,
      [DEMO_ADMIN.email],
    );
    const demo = { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password };
    if (rows[0].users === 0) {
      return {
        config: { ...config, auth: { ...config.auth, bootstrapAdmin: demo } },
        admin: demo,
        note: `No users yet: the first admin is bootstrapped as ${demo.email}.`,
      };
    }
    return { config, admin: rows[0].demo_admin ? demo : undefined };
  } finally {
    await client.end();
  }
}
