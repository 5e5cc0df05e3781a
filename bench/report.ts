/** The README's performance table, rendered from one bench JSON (npm run docs). */
interface BenchJson {
  machine: { cores: number; cpu?: string; memoryGiB: number; node: string };
  versions: Record<string, string>;
  settings: { cases: number; clients: number; secondsPerLoadPhase: number };
  at: string;
  load: { cases: number; decisionRecords: number; auditEvents: number; openDetentions: number; ms: number };
  httpDecisions: { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number; non2xx: number };
  rawBaseline: { txPerSec: number; p50Ms: number; p99Ms: number };
  httpToRawRatio: number;
  overdueScan: {
    openDetentions: number;
    firstScan: { raised: number; scanMs: number };
    steadyScan: { scanMs: number };
    usesOpenEpisodeIndex: boolean;
  };
  sampling: { decisionRecords: number; population: number; sample: number; ms: number; maxRssMb: number };
  auditVerify: { ok: boolean; events: number; ms: number; eventsPerSec: number; checkpointMs: number };
  agencyReport: { ms: number };
  scaleOut: { reqPerSec: number; p50Ms: number; p99Ms: number; vsOneApi: number };
  targets: Record<string, { target: string; met: boolean }>;
}

export function renderPerformanceTable(b: BenchJson, source: string): string {
  const met = (key: string) => (b.targets[key]?.met ? 'met' : '**missed**');
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `Measured ${b.at.slice(0, 16).replace('T', ' ')} UTC by \`BENCH_CASES=${b.settings.cases} npm run bench\` on ` +
      `${b.machine.cores} cores (${b.machine.cpu ?? 'unknown CPU'}), ${b.machine.memoryGiB} GiB, Node ${b.machine.node}, ` +
      `${b.versions.postgres}; PostgreSQL, Redis, the service and the load generator on the same machine. ` +
      `Data set: ${n(b.load.cases)} cases, ${n(b.load.decisionRecords)} decision records, ${n(b.load.auditEvents)} audit events, ` +
      `${n(b.load.openDetentions)} open detentions, loaded with COPY in ${Math.round(b.load.ms / 1000)} s. Source: \`${source}\`.`,
    '',
    '| what | measured | target | |',
    '|---|---|---|---|',
    `| (a) decisions via HTTP, ${b.settings.clients} clients | ${n(b.httpDecisions.reqPerSec)} req/s, p50 ${b.httpDecisions.p50Ms} ms, p99 ${b.httpDecisions.p99Ms} ms (${n(b.httpDecisions.requests)} requests, ${b.httpDecisions.non2xx} non-2xx) | | |`,
    `| (b) same work in raw \`pg\`, ${b.settings.clients} clients | ${n(b.rawBaseline.txPerSec)} tx/s, p50 ${b.rawBaseline.p50Ms} ms, p99 ${b.rawBaseline.p99Ms} ms | | |`,
    `| (a)/(b) | ${b.httpToRawRatio} (p99 ${b.httpDecisions.p99Ms} ms) | ≥ 0.5, p99 ≤ 50 ms | ${met('httpToRaw')} |`,
    `| (c) overdue scan, ${n(b.overdueScan.openDetentions)} open detentions | first ${b.overdueScan.firstScan.scanMs} ms (raised ${n(b.overdueScan.firstScan.raised)}), then ${b.overdueScan.steadyScan.scanMs} ms; open-episode index used: ${b.overdueScan.usesOpenEpisodeIndex} | ≤ 1 s | ${met('overdueScan')} |`,
    `| (d) sampling run over ${n(b.sampling.decisionRecords)} records | ${(b.sampling.ms / 1000).toFixed(1)} s, peak RSS ${b.sampling.maxRssMb} MB (population ${n(b.sampling.population)}, sample ${n(b.sampling.sample)}) | ≤ 10 s, ≤ 300 MB | ${met('sampling')} |`,
    `| (e) audit verification | ${n(b.auditVerify.eventsPerSec)} events/s (${n(b.auditVerify.events)} events in ${(b.auditVerify.ms / 1000).toFixed(1)} s, ok: ${b.auditVerify.ok}); signing the checkpoint took ${(b.auditVerify.checkpointMs / 1000).toFixed(1)} s | ≥ 100,000 events/s | ${met('auditVerify')} |`,
    `| (f) agency report | ${b.agencyReport.ms} ms | ≤ 2 s | ${met('agencyReport')} |`,
    `| scale-out: 2 API processes + 1 worker | ${n(b.scaleOut.reqPerSec)} req/s, p50 ${b.scaleOut.p50Ms} ms, p99 ${b.scaleOut.p99Ms} ms (${b.scaleOut.vsOneApi}× one API process) | | |`,
  ].join('\n');
}
