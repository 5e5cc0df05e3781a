// `npm run docs:walkthrough`: regenerates the README's "A newcomer's first run" from a real run. It needs
// PostgreSQL and Redis (as `npm start` does), creates a scratch database next to DATABASE_URL's, seeds the demo
// into it, sends every request in-process, writes the section between the walkthrough markers, and drops the
// database again.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createHttpApp } from '../../src/bootstrap/http-app.js';
import { prepareProcess, runOrExit } from '../../src/bootstrap/prepare-process.js';
import { withDatabase } from '../../src/database/connection.js';
import { DEMO_ADMIN } from '../../seed/demo-cast.js';
import { replaceSection } from './render.js';
import { produceWalkthrough } from './walkthrough.js';

const README = 'README.md';

runOrExit(async () => {
  const configured = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/oversight';
  const scratch = `oversight_walkthrough_${randomBytes(4).toString('hex')}`;
  const admin = { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password };
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: withDatabase(configured, scratch),
    QUEUE_PREFIX: scratch,
    WORKERS_ENABLED: 'false',
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_ENCRYPTION_KEYS: `walkthrough:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    SMTP_URL: '',
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'oversight-walkthrough-mail-')),
  });
  const config = await prepareProcess();
  try {
    const app = await createHttpApp(config, { workers: false, api: true });
    try {
      await app.init();
      const section = await produceWalkthrough(app, admin);
      writeFileSync(README, replaceSection(readFileSync(README, 'utf8'), 'walkthrough', section));
    } finally {
      await app.close();
    }
  } finally {
    const client = new pg.Client({ connectionString: withDatabase(configured, 'postgres') });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await client.end();
    await clearQueues(config.redis.url, scratch);
  }
  process.stdout.write('README.md updated (A newcomer’s first run)\n');
}, 'The walkthrough failed');

/** The scratch run's BullMQ keys (queued e-mails and the like, under its own prefix). */
async function clearQueues(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
