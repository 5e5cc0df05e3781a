import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  countChanges,
  pollution,
  prototypeSnapshot,
  responseFault,
  rowCounts,
  type InjectedResponse,
  type RowCounts,
} from './invariants.js';
import { requestsFor, type FuzzRequest, type FuzzTarget } from './requests.js';

export interface FuzzOptions {
  fastify: FastifyInstance;
  sql: pg.Pool;
  targets: readonly FuzzTarget[];
  requests: number;
  seed: number;
  /** Replay only these request numbers (same seed: the same requests). */
  only?: readonly number[];
  /** Requests in flight at once; row counts are compared after each such batch. */
  concurrency: number;
  /** Every n-th request runs alone, with row counts compared right after it. */
  soloEvery: number;
  /**
   * Waits for work a request started but did not finish before it was answered (a password reset answers 202
   * first): row counts are taken after it, so its writes are not blamed on the refused requests that follow.
   */
  settle?: () => Promise<void>;
}

export interface TargetStats {
  requests: number;
  /** Answers that came from past validation (anything but 400, 413, 415, and 401 on routes that need a caller). */
  pastValidation: number;
  statuses: Record<number, number>;
}

export interface FuzzReport {
  requests: number;
  seconds: number;
  statuses: Record<number, number>;
  byTarget: Record<string, TargetStats>;
  failures: string[];
}

const MAX_REPORTED = 25;
const BEFORE_VALIDATION = new Set([400, 401, 413, 415]);

/** Request number `i` of a run: a function of the seed and `i` only, so any request can be replayed alone. */
export function requestSeed(seed: number, index: number): number {
  return (seed + Math.imul(index + 1, 0x9e3779b1)) | 0;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { fastify, sql, targets, seed } = options;
  const otherCursors = targets.flatMap((t) => t.realCursors);
  const publicRoutes = new Set(targets.filter((t) => t.public).map((t) => t.key));
  const arbitrary = fc.oneof(...targets.map((t) => requestsFor(t, otherCursors)));
  const generate = (index: number): FuzzRequest =>
    fc.sample(arbitrary, { seed: requestSeed(seed, index), numRuns: 1 })[0];
  const indices = options.only ?? Array.from({ length: options.requests }, (_, i) => i);

  const report: FuzzReport = { requests: 0, seconds: 0, statuses: {}, byTarget: {}, failures: [] };
  let unreported = 0;
  const fail = (message: string) => {
    if (report.failures.length < MAX_REPORTED) report.failures.push(message);
    else unreported += 1;
  };
  const prototypes = prototypeSnapshot();
  let baseline: RowCounts = await rowCounts(sql);
  const started = process.hrtime.bigint();

  const send = async (index: number): Promise<{ index: number; request: FuzzRequest; status: number }> => {
    let request: FuzzRequest;
    try {
      request = generate(index);
    } catch (err) {
      // A bug of the generators, not of the app: still a failure, with the seed that reproduces it.
      const placeholder = { target: '?', mutation: '?', method: 'GET', url: '?', headers: {} };
      fail(`#${index} could not be generated (FUZZ_SEED=${seed} FUZZ_ONLY=${index}): ${String(err)}`);
      return { index, request: placeholder, status: 0 };
    }
    let res: InjectedResponse;
    try {
      res = await fastify.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.payload,
      });
    } catch (err) {
      fail(`${describe(seed, index, request)}\n  could not be sent: ${String(err)}`);
      return { index, request, status: 0 };
    }
    report.requests += 1;
    report.statuses[res.statusCode] = (report.statuses[res.statusCode] ?? 0) + 1;
    const stats = (report.byTarget[request.target] ??= { requests: 0, pastValidation: 0, statuses: {} });
    stats.requests += 1;
    stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
    if (!BEFORE_VALIDATION.has(res.statusCode) || (res.statusCode === 401 && publicRoutes.has(request.target))) {
      stats.pastValidation += 1;
    }
    const fault = responseFault(res);
    if (fault) fail(`${describe(seed, index, request)}\n  answered ${fault}: ${res.body.slice(0, 400)}`);
    return { index, request, status: res.statusCode };
  };

  /** After a batch: prototypes untouched; no rows if every request in it was refused. */
  const check = async (batch: { index: number; request: FuzzRequest; status: number }[]): Promise<boolean> => {
    const polluted = pollution();
    if (prototypeSnapshot() !== prototypes || polluted.length > 0) {
      fail(
        `prototype pollution after requests ${batch.map((b) => `#${b.index}`).join(', ')} ` +
          `(canaries on {}: ${polluted.join(', ') || 'none'}):\n` +
          batch.map((b) => `  ${describe(seed, b.index, b.request)}`).join('\n'),
      );
      return false;
    }
    await options.settle?.();
    const counts = await rowCounts(sql);
    const changes = countChanges(baseline, counts);
    if (changes && batch.every((b) => b.status >= 400)) {
      fail(
        `rows written although every request was refused (${changes}):\n` +
          batch.map((b) => `  ${describe(seed, b.index, b.request)} → ${b.status}`).join('\n'),
      );
    }
    baseline = counts;
    return true;
  };

  let next = 0;
  while (next < indices.length) {
    const batch: number[] = [];
    if (indices[next] % options.soloEvery === 0) batch.push(indices[next++]);
    else {
      while (batch.length < options.concurrency && next < indices.length && indices[next] % options.soloEvery !== 0) {
        batch.push(indices[next++]);
      }
    }
    const results = await Promise.all(batch.map(send));
    if (!(await check(results))) break;
  }

  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (unreported > 0) report.failures.push(`… and ${unreported} more failures`);
  return report;
}

function describe(seed: number, index: number, request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : request.payload.toString();
  const shown = payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload;
  const url = request.url.length > 200 ? `${request.url.slice(0, 200)}… (${request.url.length} chars)` : request.url;
  const headers = Object.entries(request.headers)
    .filter(([k]) => k !== 'authorization')
    .map(([k, v]) => `${k}: ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`)
    .join(', ');
  return (
    `#${index} ${request.target} [${request.mutation}] (FUZZ_SEED=${seed} FUZZ_ONLY=${index})\n` +
    `    ${request.method} ${url}${headers ? `\n    ${headers}` : ''}` +
    `${request.headers.authorization === undefined ? '\n    (no authorization)' : ''}${shown ? `\n    body: ${shown}` : ''}`
  );
}

/** `10000 requests in 41.2 s (seed 1): 200×812 201×95 400×7020 …` */
export function summaryLine(report: FuzzReport, seed: number): string {
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  return `fuzz: ${report.requests} requests in ${report.seconds.toFixed(1)} s (FUZZ_SEED=${seed}): ${statuses}\n`;
}
