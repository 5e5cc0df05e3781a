import autocannon from 'autocannon';

/** One decision the load sends: which case, its version, what, and as whom. */
export interface DecisionJob {
  caseId: string;
  version: number;
  auth: string;
  body: Record<string, unknown>;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  byType: Record<string, number>;
}

/**
 * Posts decisions at `connections` concurrent clients, each request on a
 * distinct case (so none is refused for a stale version), for `seconds` or
 * until the prepared jobs run out.
 */
export async function postDecisions(
  urls: string[],
  jobs: DecisionJob[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const byType: Record<string, number> = {};
  const perUrl = Math.floor(connections / urls.length);
  const runs = urls.map((url, u) => {
    const mine = jobs.filter((_, i) => i % urls.length === u);
    let k = 0;
    return autocannon({
      url,
      connections: perUrl,
      duration: seconds,
      // Never more requests than prepared cases: a reused case would only measure 409s.
      maxOverallRequests: mine.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const job = mine[k++ % mine.length];
            const type = String(job.body.type);
            byType[type] = (byType[type] ?? 0) + 1;
            return {
              ...req,
              path: `/api/v1/cases/${job.caseId}/decisions`,
              headers: { 'content-type': 'application/json', authorization: job.auth },
              body: JSON.stringify({ ...job.body, expectedVersion: job.version }),
            };
          },
        },
      ],
    });
  });
  const results = await Promise.all(runs);
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const durationS = Math.max(...results.map((r) => r.duration));
  // Latency percentiles of the combined runs: the worst of each (conservative when split over processes).
  return {
    requests,
    durationS,
    reqPerSec: Math.round(requests / durationS),
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    byType,
  };
}
