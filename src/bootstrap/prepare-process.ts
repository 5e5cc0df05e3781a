import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { readSecretFiles } from '../config/read-secret-files.js';
import { resolveSecrets } from '../config/resolve-secrets.js';
import { StartupError } from '../common/startup-error.js';
import { loginPrivileges, privilegedLoginProblem } from '../database/login-privileges.js';
import { prepareDatabase, reason } from '../database/prepare-database.js';

/**
 * Everything a process checks before Nest starts: configuration, PostgreSQL
 * (database created and migrated), Redis. Each failure is a StartupError
 * with one line saying what, where and how to fix it.
 */
export async function prepareProcess(): Promise<AppConfig> {
  // A .env file fills in what the environment does not set (the environment wins).
  if (existsSync('.env')) process.loadEnvFile('.env');
  // NAME_FILE variables (Docker secrets) first, so that a secret read from a file counts as set.
  const { env, fromFile } = resolveSecrets(readSecretFiles(process.env));
  const config = loadConfig(env);
  const log = pino({
    level: config.log.level,
    base: { context: 'Startup' },
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });
  if (fromFile.length > 0) {
    log.warn(
      { secrets: fromFile, file: env.DEV_SECRETS_FILE ?? 'var/dev-secrets.json' },
      'development secrets taken from a local file; set them in the environment for production',
    );
  }
  const applied = await prepareDatabase(config.database);
  if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
  if (config.env === 'production') await refusePrivilegedLogin(config, log);
  await ensureRedis(config.redis.url);
  return config;
}

/**
 * In production the app's own login must be no more than a member of the
 * restricted role: `SET ROLE NONE` gives any statement the login's rights.
 */
async function refusePrivilegedLogin(config: AppConfig, log: pino.Logger): Promise<void> {
  const problem = privilegedLoginProblem(await loginPrivileges(config.database.url));
  if (problem === undefined) return;
  if (!config.database.allowPrivilegedLogin) {
    throw new StartupError(
      `Refusing to start: ${problem}, so any statement could SET ROLE NONE and escape ${config.database.appRole}. ` +
        `Connect DATABASE_URL as a login that is a member of ${config.database.appRole} and owns nothing, and ` +
        'apply migrations as the owner with MIGRATION_DATABASE_URL (README, "Production database setup"); ' +
        'or set ALLOW_PRIVILEGED_DATABASE_LOGIN=true to start anyway.',
    );
  }
  log.warn(
    { event: 'privileged_database_login' },
    `ALLOW_PRIVILEGED_DATABASE_LOGIN=true: starting although ${problem}. The append-only tables, their ` +
      'triggers and the audit log are open to change by this process (SET ROLE NONE).',
  );
}

export async function ensureRedis(url: string): Promise<void> {
  const u = new URL(url);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new StartupError(
      `Cannot reach Redis at ${u.hostname}:${u.port || 6379} (${reason(err)}). Start it (on this machine: ` +
        'redis-server --daemonize yes --bind 127.0.0.1 --port 6379; with Docker: docker compose up -d redis) or set REDIS_URL.',
    );
  } finally {
    redis.disconnect();
  }
}

/** Runs `main`; on failure prints one line (no stack trace) and exits non-zero. */
export function runOrExit(main: () => Promise<void>, what = 'Oversight failed to start'): void {
  main().catch((err: unknown) => {
    const line =
      err instanceof StartupError ? err.message : `${what}: ${reason(err)}. Run with LOG_LEVEL=debug for details.`;
    process.stderr.write(`${line}\n`);
    if (!(err instanceof StartupError) && process.env.LOG_LEVEL === 'debug')
      process.stderr.write(`${String((err as Error)?.stack)}\n`);
    process.exit(1);
  });
}

/** SIGTERM drains in-flight work through Nest's shutdown hooks; this bounds how long that may take. */
export function exitAfterGrace(config: AppConfig): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${config.processes.shutdownGraceMs} ms; exiting.\n`);
        process.exit(1);
      }, config.processes.shutdownGraceMs).unref();
    });
  }
}
