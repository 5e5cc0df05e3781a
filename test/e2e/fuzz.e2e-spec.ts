import { PasswordLinks } from '../../src/auth/password-links.js';
import { createWorld } from '../factories/world.js';
import { createFixtures } from '../fuzz/fixtures.js';
import { inputOperations, type InputOperation, type OpenApiDocument } from '../fuzz/openapi.js';
import type { FuzzTarget } from '../fuzz/requests.js';
import { ROUTE_CATALOGUE } from '../fuzz/route-catalogue.js';
import { runFuzz, summaryLine, type FuzzReport } from '../fuzz/run-fuzz.js';
import { buildTargets, type Inject } from '../fuzz/targets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Seeded, reproducible requests against every route that takes a body or a
 * query (found in the OpenAPI document): wrong types, missing and unknown
 * fields, prototype keys, huge and deep values, broken JSON, wrong content
 * types, cursor abuse. `FUZZ_REQUESTS` sets how many (10,000 by default),
 * `FUZZ_SEED` the seed, `FUZZ_ONLY=12,345` replays just those requests of a
 * seed's run; `TEST_LOG_FILE= TEST_LOG_LEVEL=error` prints the server's log (a
 * failure's stack) instead of writing it to the run's log file.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_115);
const ONLY = process.env.FUZZ_ONLY ? process.env.FUZZ_ONLY.split(',').map(Number) : undefined;
const SLOW = 120_000;
const SUBJECT = ONLY
  ? `the requests ${ONLY.join(', ')} of FUZZ_SEED=${SEED}`
  : `${REQUESTS} generated requests (FUZZ_SEED=${SEED})`;

describe('fuzzing every route that takes a body or a query', () => {
  let t: TestApp;
  let operations: InputOperation[];
  let targets: FuzzTarget[];

  beforeAll(async () => {
    // Thousands of requests a minute, eight at a time, from a few callers: the per-caller rate limit and the
    // expensive routes' concurrency limit (503 busy) are not what this explores (test/e2e/limits.e2e-spec.ts is).
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', EXPENSIVE_ROUTE_CONCURRENCY: '100' } });
    const fastify = t.app.getHttpAdapter().getInstance();
    const inject: Inject = async ({ method, url, headers }) => {
      const res = await fastify.inject({ method: method as 'GET', url, headers });
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, json };
    };
    const doc = await inject({ method: 'GET', url: '/docs/openapi.json', headers: {} });
    if (doc.status !== 200) throw new Error(`GET /docs/openapi.json answered ${doc.status}`);
    operations = inputOperations(doc.json as OpenApiDocument);
    const fx = await createFixtures(t, await createWorld(t));
    targets = await buildTargets(operations, ROUTE_CATALOGUE, fx, inject);
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  it('knows every route that takes a body or a query, and no route that is gone', () => {
    const documented = operations.map((o) => o.key);
    expect(operations.length).toBeGreaterThan(15);
    expect({
      // A new route: add it to test/fuzz/route-catalogue.ts (who calls it, real ids for its path).
      notInCatalogue: documented.filter((key) => !(key in ROUTE_CATALOGUE)),
      notInOpenApi: Object.keys(ROUTE_CATALOGUE).filter((key) => !documented.includes(key)),
    }).toEqual({ notInCatalogue: [], notInOpenApi: [] });
  });

  it(
    `answers ${SUBJECT} without a 5xx, with problem details for every error, Object.prototype untouched ` +
      'and no row written by a refused request',
    async () => {
      const report: FuzzReport = await runFuzz({
        fastify: t.app.getHttpAdapter().getInstance(),
        sql: t.sql,
        targets,
        requests: REQUESTS,
        seed: SEED,
        only: ONLY,
        concurrency: 8,
        soloEvery: 20,
        settle: () => t.app.get(PasswordLinks).settled(),
      });
      process.stdout.write(summaryLine(report, SEED));
      if (report.failures.length > 0) {
        process.stdout.write(
          `fuzz failures — reproduce with FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS} ` +
            `TEST_LOG_FILE= TEST_LOG_LEVEL=error npm run fuzz (FUZZ_ONLY=<n> for one request):\n${report.failures.join('\n')}\n`,
        );
      }
      expect(report.failures).toEqual([]);
      expect(report.requests).toBe(ONLY?.length ?? REQUESTS);
      // The generators must get past validation on every route, or the services are never fuzzed.
      const starved = Object.entries(report.byTarget)
        .filter(([, s]) => s.requests >= 100 && s.pastValidation === 0)
        .map(([key, s]) => `${key}: ${JSON.stringify(s.statuses)}`);
      expect(starved).toEqual([]);
    },
    Math.max(SLOW, REQUESTS * 30),
  );
});
