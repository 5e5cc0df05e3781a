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
import { conformanceFor, type OpenApiConformance } from './openapi-conformance.js';
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
  const api = options.api ?? true;
  const app = await createHttpApp(config, { workers: options.workers ?? false, api });
  const conformance = api ? recordConformance(app) : undefined;
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await conformance?.load();
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
      conformance?.assertNone();
    },
  };
}

/**
 * Every response the app sends in a test (through supertest, `inject` or a real socket) is checked against the
 * OpenAPI document the app serves (test/support/openapi-conformance.ts); `close()` — every spec's afterAll —
 * fails with the list of responses that break it, each with the test that received it.
 */
function recordConformance(app: NestFastifyApplication): { load: () => Promise<void>; assertNone: () => void } {
  let checker: OpenApiConformance | undefined;
  const violations: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (!checker) return payload;
      let found: string[];
      try {
        found = checker.check({
          method: request.method,
          route: request.routeOptions.url,
          status: reply.statusCode,
          headers: reply.getHeaders(),
          body: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : payload == null ? '' : undefined,
        });
      } catch (err) {
        // A checker fault (e.g. a schema Ajv cannot compile) must fail the spec, not turn this response into a 500.
        found = [
          `${request.method} ${request.routeOptions.url} → ${reply.statusCode}: the check failed: ${String(err)}`,
        ];
      }
      if (found.length > 0) {
        const test = (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState()
          .currentTestName;
        violations.push(...found.map((v) => `${v}  [in: ${test ?? 'a hook'}]`));
      }
      return payload;
    });
  return {
    load: async () => {
      const res = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`GET /docs/openapi.json answered ${res.statusCode}`);
      checker = conformanceFor(res.body);
    },
    assertNone: () => {
      if (violations.length === 0) return;
      const shown = [...new Set(violations)];
      throw new Error(
        `${shown.length} response(s) do not conform to the OpenAPI document:\n  ${shown.slice(0, 50).join('\n  ')}` +
          (shown.length > 50 ? `\n  … and ${shown.length - 50} more` : ''),
      );
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
