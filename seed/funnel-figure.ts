import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { API_PREFIX, createHttpApp } from '../src/bootstrap/http-app.js';
import { prepareProcess, runOrExit } from '../src/bootstrap/prepare-process.js';
import { DemoApi } from './demo-api.js';
import { DEMO_USERS } from './demo-cast.js';

// `npm run docs:funnel`: the README's funnel plot, drawn by the API itself from a database the demo seed filled
// (run `npm run seed:demo` on the same DATABASE_URL first). It writes docs/funnel-<metric>.svg for every metric.
const METRICS = ['referral_rate', 'review_disagreement_rate'] as const;

runOrExit(async () => {
  process.env.LOG_LEVEL ??= 'warn';
  const config = await prepareProcess();
  const app = await createHttpApp(config, { workers: false, api: true });
  try {
    await app.init();
    const commissioner = DEMO_USERS.find((u) => u.key === 'commissioner')!;
    const as = await new DemoApi(app).login('commissioner', commissioner.email, commissioner.password);
    mkdirSync('docs', { recursive: true });
    for (const metric of METRICS) {
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/${API_PREFIX}/reports/consistency?metric=${metric}`,
          headers: { authorization: as.auth, accept: 'image/svg+xml' },
        });
      if (res.statusCode !== 200) throw new Error(`${metric}: ${res.statusCode} ${res.body}`);
      writeFileSync(`docs/funnel-${metric.replaceAll('_', '-')}.svg`, res.body);
      process.stdout.write(`docs/funnel-${metric.replaceAll('_', '-')}.svg\n`);
    }
  } finally {
    await app.close();
  }
}, 'The funnel figure failed');
