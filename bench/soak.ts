import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { runMigrations } from '../src/database/prepare-database.js';
import { createPrincipals, PRINCIPAL_PASSWORD } from './principals.js';
import { startService, type Service } from './processes.js';

/**
 * `npm run soak`: a steady mixed workload — case submissions, decisions on
 * them, reads, overdue scans, a sampling run — against one API process and
 * one worker process for SOAK_MINUTES (default 10) at SOAK_RATE requests a
 * second (default 40). It reports errors, latency percentiles, the processes'
 * memory over time (growth after a warm-up) and the busiest the PostgreSQL
 * connection pool ever was, as one JSON object.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 40);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? Math.min(120, MINUTES * 12));
const POOL = 20;
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Sample {
  t: number;
  apiRssMb: number;
  /** V8 heap in use in the API process (from its /metrics): tells a leak from memory the process merely holds. */
  apiHeapUsedMb: number;
  workerRssMb: number;
  connections: number;
  waiting: number;
}

function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const database = `oversight_soak_${Date.now().toString(36)}`;
  const u = new URL(SERVER);
  u.pathname = `/${database}`;
  const url = u.toString();
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const services: Service[] = [];
  try {
    await runMigrations({ url, appRole: 'oversight_app' });
    const p = await createPrincipals(url, 4);
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(POOL),
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `soak-${database}`,
      JWT_SECRET: randomBytes(48).toString('base64'),
      PII_ENCRYPTION_KEYS: `soak1:${randomBytes(32).toString('base64')}`,
      AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
      MAIL_OUTBOX_DIR: `/tmp/${database}-mail`,
      OVERDUE_SCAN_CRON: '*/30 * * * * *',
      AUDIT_CHECKPOINT_CRON: '*/1 * * * *',
      OUTBOX_SWEEP_SECONDS: '10',
      // The bench connects as the test server's superuser, and measures what the service can do, not its limits.
      ALLOW_PRIVILEGED_DATABASE_LOGIN: 'true',
      RATE_LIMIT_PER_MINUTE: '100000000',
      EXPENSIVE_ROUTE_CONCURRENCY: '100',
    };
    const api = await startService('main', { ...env, WORKERS_ENABLED: 'false' });
    const worker = await startService('worker', env);
    services.push(api, worker);
    const login = async (email: string) => {
      const res = await fetch(`${api.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PRINCIPAL_PASSWORD }),
      });
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    };
    let commissioner = await login(p.users.commissioner.email);
    let decisionMaker = await login(p.users.decisionMaker.email);
    const keys = p.frontline.map((a) => `Bearer ${p.keys.get(a.id)!.token}`);

    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const counts: Record<string, number> = {};
    const open: { id: string; version: number; key: string; state: string; detained: boolean }[] = [];
    let n = 0;
    const call = async (kind: string, method: string, path: string, auth: string, body?: unknown) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        counts[kind] = (counts[kind] ?? 0) + 1;
        if (res.status >= 300) {
          errors[`${kind} ${res.status}`] = (errors[`${kind} ${res.status}`] ?? 0) + 1;
          return undefined;
        }
        return JSON.parse(text) as Record<string, unknown>;
      } catch (err) {
        errors[`${kind} ${err instanceof Error ? err.name : 'error'}`] = (errors[`${kind} ${String(err)}`] ?? 0) + 1;
        return undefined;
      }
    };
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const step = async () => {
      const i = n++;
      const key = keys[i % keys.length];
      const pick = i % 10;
      if (pick < 3 || open.length < 20) {
        const detained = i % 7 === 0;
        const body = {
          externalRef: `S-${i}`,
          subject: {
            pseudonym: `SOAK-${i}`,
            sex: 'female',
            birthYear: 1990,
            nationality: 'KHM',
            languages: ['km'],
            isChild: false,
            name: `Soak Person ${i}`,
          },
          encounter: { at: hoursAgo(60), location: 'Soak crossing', kind: 'border_entry' },
          indicators: ['deception'],
          ...(detained
            ? { detention: { at: hoursAgo(50), facility: 'Holding centre', legalBasis: 'Aliens Act' } }
            : {}),
        };
        const c = await call('open case', 'POST', '/api/v1/cases', key, body);
        if (c) open.push({ id: c.id as string, version: c.version as number, key, state: 'screening', detained });
      } else if (pick < 6) {
        const c =
          open.find((x) => x.state === 'screening' && x.key === key) ?? open.find((x) => x.state === 'screening');
        if (!c) return;
        c.state = 'busy';
        const r = await call('refer', 'POST', `/api/v1/cases/${c.id}/decisions`, c.key, {
          type: 'refer',
          expectedVersion: c.version,
          reason: 'Indicators of deception',
        });
        if (r) Object.assign(c, { version: (r.case as { version: number }).version, state: 'referred' });
        else c.state = 'screening';
      } else if (pick < 7) {
        const c = open.find((x) => x.state === 'referred');
        if (!c) return;
        c.state = 'busy';
        const r = await call('reasonable grounds', 'POST', `/api/v1/cases/${c.id}/decisions`, decisionMaker, {
          type: 'reasonable_grounds',
          expectedVersion: c.version,
          outcome: i % 3 === 0 ? 'negative' : 'positive',
          reason: 'Assessment',
        });
        if (r) Object.assign(c, { version: (r.case as { version: number }).version, state: 'decided' });
        else c.state = 'referred';
      } else if (pick < 9) {
        await call('list cases', 'GET', '/api/v1/cases?limit=50', key);
      } else {
        const c = open[i % open.length];
        await call('read case', 'GET', `/api/v1/cases/${c.id}`, c.key);
      }
    };

    const samples: Sample[] = [];
    const pgPoll = new pg.Client({ connectionString: url });
    await pgPoll.connect();
    const sample = async (t: number) => {
      const { rows } = await pgPoll.query<{ total: number; waiting: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting
           FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'oversight'`,
      );
      samples.push({
        t,
        apiRssMb: rssMb(api.child.pid),
        apiHeapUsedMb: await heapUsedMb(api.url),
        workerRssMb: rssMb(worker.child.pid),
        connections: rows[0].total,
        waiting: rows[0].waiting,
      });
    };

    log(`soak: ${MINUTES} min at ${RATE} req/s against ${api.url} (+ worker), warm-up ${WARMUP_S} s`);
    const started = Date.now();
    const end = started + MINUTES * 60_000;
    let nextSample = started;
    let nextScan = started + 30_000;
    let sampled = false;
    let tokensRefreshedAt = started;
    const inflight = new Set<Promise<void>>();
    let tick = 0;
    while (Date.now() < end) {
      const due = started + (tick * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      tick += 1;
      const job = step().finally(() => inflight.delete(job));
      inflight.add(job);
      const now = Date.now();
      if (now >= nextSample) {
        await sample(Math.round((now - started) / 1000));
        nextSample += 10_000;
      }
      if (now >= nextScan) {
        void call('overdue scan', 'POST', '/api/v1/jobs/overdue-scan', commissioner);
        nextScan += 60_000;
      }
      if (!sampled && now > started + (MINUTES * 60_000) / 2) {
        sampled = true;
        void call('sampling run', 'POST', '/api/v1/sampling-runs', commissioner, {
          from: new Date(started - 3_600_000).toISOString(),
          to: new Date().toISOString(),
        });
      }
      if (now - tokensRefreshedAt > 10 * 60_000 - 60_000) {
        commissioner = await login(p.users.commissioner.email);
        decisionMaker = await login(p.users.decisionMaker.email);
        tokensRefreshedAt = now;
      }
    }
    await Promise.all(inflight);
    await sample(Math.round((Date.now() - started) / 1000));
    const verify = await call('verify', 'GET', '/api/v1/audit/verify', commissioner);
    await pgPoll.end();

    latencies.sort((a, b) => a - b);
    const pct = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] * 10) / 10;
    const after = samples.filter((s) => s.t >= WARMUP_S);
    const firstMinute = after.filter((s) => s.t < WARMUP_S + 60);
    const lastMinute = after.filter((s) => s.t >= after[after.length - 1].t - 60);
    const avg = (xs: Sample[], f: (s: Sample) => number) => xs.reduce((a, s) => a + f(s), 0) / Math.max(1, xs.length);
    const growth = (f: (s: Sample) => number) =>
      Math.round(((avg(lastMinute, f) - avg(firstMinute, f)) / Math.max(1, avg(firstMinute, f))) * 1000) / 10;
    const result = {
      settings: { minutes: MINUTES, rate: RATE, warmupSeconds: WARMUP_S, poolSize: POOL },
      requests: latencies.length,
      byKind: counts,
      errors,
      errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
      latencyMs: {
        p50: pct(0.5),
        p95: pct(0.95),
        p99: pct(0.99),
        max: Math.round(latencies[latencies.length - 1] ?? 0),
      },
      memory: {
        apiRssMb: {
          afterWarmup: Math.round(avg(firstMinute, (s) => s.apiRssMb)),
          atEnd: Math.round(avg(lastMinute, (s) => s.apiRssMb)),
        },
        workerRssMb: {
          afterWarmup: Math.round(avg(firstMinute, (s) => s.workerRssMb)),
          atEnd: Math.round(avg(lastMinute, (s) => s.workerRssMb)),
        },
        apiHeapUsedMb: {
          afterWarmup: Math.round(avg(firstMinute, (s) => s.apiHeapUsedMb)),
          atEnd: Math.round(avg(lastMinute, (s) => s.apiHeapUsedMb)),
        },
        apiGrowthPercent: growth((s) => s.apiRssMb),
        apiHeapGrowthPercent: growth((s) => s.apiHeapUsedMb),
        workerGrowthPercent: growth((s) => s.workerRssMb),
      },
      database: {
        maxConnectionsOfTheApp: Math.max(...samples.map((s) => s.connections)),
        poolSizePerProcess: POOL,
        poolNeverExhausted: !Object.keys(errors).some((k) => / 503$/.test(k)),
        maxWaitingOnLocks: Math.max(...samples.map((s) => s.waiting)),
      },
      auditVerify: verify ? { ok: verify.ok, checked: verify.checked } : null,
      samples,
    };
    const json = JSON.stringify(result, null, 2);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/soak.json', `${json}\n`);
    process.stdout.write(`${json}\n`);
  } finally {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function heapUsedMb(base: string): Promise<number> {
  try {
    const text = await (await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const m = /^oversight_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return m ? Math.round(Number(m[1]) / 2 ** 20) : 0;
  } catch {
    return 0;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
