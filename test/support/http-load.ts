import { caseBody } from '../factories/cases.js';
import { sleep } from './wait.js';

/** One request the load made, as the client saw it. */
export interface Sample {
  client: number;
  op: 'open' | 'decide' | 'read' | 'list';
  /** An HTTP status, or what happened instead: the client timeout fired, or the connection failed. */
  status: number | 'timeout' | 'network';
  startedAt: number;
  endedAt: number;
  ms: number;
  contentType: string | null;
  retryAfter: string | null;
  /** The problem's `type` for non-2xx answers (short, for failure messages). */
  problemType?: string;
  error?: string;
}

export interface CaseLoad {
  samples: Sample[];
  /** What the API acknowledged (2xx) and must therefore still be there afterwards. */
  acknowledged: { cases: string[]; decisions: string[] };
  /** Stops every client after its current request (each bounded by the client timeout). */
  stop: () => Promise<void>;
}

export interface CaseLoadOptions {
  baseUrl: string;
  /** `Authorization` of a frontline officer who may open cases and refer them. */
  auth: string;
  clients?: number;
  /** Per-request client timeout: a request that takes longer counts as hung. */
  timeoutMs?: number;
  /** Pause after a failed request, so an outage is not a busy loop. */
  pauseAfterFailureMs?: number;
}

/**
 * A few concurrent clients, each repeatedly opening a case, referring it
 * (a decision record, an audit event) and reading it and the case list back.
 * Every answer is recorded with its latency; a request never waits longer
 * than the client timeout (fetch with an abort signal), so a hang shows up
 * as a `timeout` sample instead of a stuck test.
 */
export function startCaseLoad(options: CaseLoadOptions): CaseLoad {
  const { baseUrl, auth, clients = 4, timeoutMs = 10_000, pauseAfterFailureMs = 50 } = options;
  const samples: Sample[] = [];
  const acknowledged = { cases: [] as string[], decisions: [] as string[] };
  let stopped = false;

  const call = async (
    client: number,
    op: Sample['op'],
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ sample: Sample; json: Record<string, unknown> | undefined }> => {
    const startedAt = Date.now();
    const done = (s: Omit<Sample, 'client' | 'op' | 'startedAt' | 'endedAt' | 'ms'>) => {
      const endedAt = Date.now();
      const sample: Sample = { client, op, startedAt, endedAt, ms: endedAt - startedAt, ...s };
      samples.push(sample);
      return sample;
    };
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const sample = done({
        status: res.status,
        contentType: res.headers.get('content-type'),
        retryAfter: res.headers.get('retry-after'),
        ...(res.ok ? {} : { problemType: typeof json?.type === 'string' ? json.type : text.slice(0, 120) }),
      });
      return { sample, json };
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      const sample = done({
        status: timedOut ? 'timeout' : 'network',
        contentType: null,
        retryAfter: null,
        error: err instanceof Error ? `${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}` : '',
      });
      return { sample, json: undefined };
    }
  };

  const ok = (s: Sample) => typeof s.status === 'number' && s.status >= 200 && s.status < 300;

  const loop = async (client: number) => {
    while (!stopped) {
      const opened = await call(client, 'open', 'POST', '/api/v1/cases', caseBody());
      if (!ok(opened.sample)) {
        await sleep(pauseAfterFailureMs);
        continue;
      }
      const caseId = opened.json?.id as string;
      acknowledged.cases.push(caseId);
      if (stopped) break;
      const decided = await call(client, 'decide', 'POST', `/api/v1/cases/${caseId}/decisions`, {
        type: 'refer',
        expectedVersion: 0,
        reason: 'Indicators of deception and debt bondage',
      });
      if (ok(decided.sample)) {
        acknowledged.decisions.push((decided.json?.decision as { id: string }).id);
      } else {
        await sleep(pauseAfterFailureMs);
      }
      if (stopped) break;
      const read = await call(client, 'read', 'GET', `/api/v1/cases/${caseId}`);
      if (!ok(read.sample)) await sleep(pauseAfterFailureMs);
      if (stopped) break;
      const list = await call(client, 'list', 'GET', '/api/v1/cases?limit=20');
      if (!ok(list.sample)) await sleep(pauseAfterFailureMs);
    }
  };

  const running = Array.from({ length: clients }, (_, i) => loop(i));
  return {
    samples,
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** Samples whose request started or ended inside [from, to]. */
export function samplesBetween(samples: Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.endedAt >= from && s.startedAt <= to);
}

export function isSuccess(s: Sample): boolean {
  return typeof s.status === 'number' && s.status >= 200 && s.status < 300;
}

/** A short account of the samples for a failure message: counts by op and status. */
export function summarise(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    const key = `${s.op} ${s.status}${s.problemType ? ` ${s.problemType}` : ''}${s.error ? ` ${s.error}` : ''}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The p-th percentile (0–100) of the numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
