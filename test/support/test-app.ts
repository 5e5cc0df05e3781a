import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import type pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createHttpApp } from '../../src/bootstrap/http-app.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, databaseUrl, dropTestDatabase, testPool } from './test-database.js';

export const ADMIN = {
  email: 'admin@oversight.test',
  password: (
    JSON.parse(readFileSync(new URL('./sensitive-values.json', import.meta.url), 'utf8')) as { adminPassword: string }
  ).adminPassword,
};
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: string;
  /** A supertest agent on the app's HTTP server. */
  http: () => TestAgent;
  /** Superuser pool on the test database, for raw checks the app itself may not do. */
  sql: pg.Pool;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  workers?: boolean;
  api?: boolean;
  /** Reuse a database instead of cloning a fresh one (e.g. a second process on the same data). */
  database?: string;
  /**
   * The full URL of a database on another server (e.g. a PostgreSQL cluster a
   * fault test starts and stops itself). The caller creates and removes it.
   */
  databaseUrl?: string;
}

/** Environment of a test app: fixed shape, fresh secrets, its own database and queue prefix. */
export function testEnv(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    // Every app of the run logs at debug level into one file that the global teardown scans for personal data,
    // passwords and tokens (TEST_LOG_LEVEL=… and TEST_LOG_FILE= empty send logs to stdout instead).
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'debug',
    LOG_FILE:
      process.env.TEST_LOG_FILE ?? join(tmpdir(), `oversight-test-${process.env.OVERSIGHT_TEST_RUN ?? 'run'}.log`),
    DATABASE_URL: databaseUrl(database),
    DATABASE_POOL_SIZE: '10',
    REDIS_URL,
    QUEUE_PREFIX: `t-${database}`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'oversight-mail-')),
    ...extra,
  };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const owned = !options.database && !options.databaseUrl;
  const database =
    options.database ??
    (options.databaseUrl ? decodeURIComponent(new URL(options.databaseUrl).pathname.slice(1)) : undefined) ??
    (await createTestDatabase());
  const config = loadConfig(
    testEnv(database, { ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}), ...options.env }),
  );
  const app = await createHttpApp(config, { workers: options.workers ?? false, api: options.api ?? true });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const sql = testPool(config.database.url, 4);
  return {
    app,
    config,
    database,
    http: () => request(app.getHttpServer()),
    sql,
    close: async () => {
      await app.close();
      await sql.end();
      if (owned) {
        await dropTestDatabase(database);
        await clearRedisPrefix(config.redis.queuePrefix);
      }
    },
  };
}

async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
