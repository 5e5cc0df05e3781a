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
  httpToRawP99?: number;
  agencyReport: { ms: number; coldMs?: number };
  analytics?: {
    consistency: Record<string, { ms: number; coldMs: number }>;
    dashboard: { ms: number; coldMs: number };
  };
  decisionSearch?: Record<string, { ms: number; items: number }>;
  visits?: { places: number; planMs: number; planColdMs: number; rollDetained: number; rollWarmMs: number };
  recommendations?: {
    load: { recommendations: number };
    register: Record<string, { ms: number; items: number }>;
    report: { ms: number; figuresMs: number; addedShare: number };
  };
  consolePaint?: { screens: Record<string, { ms: number; coldMs: number }> };
  scaleOut: { reqPerSec: number; p50Ms: number; p99Ms: number; vsOneApi: number };
  targets: Record<string, { target: string; met: boolean }>;
}

const slowest = (r: Record<string, { ms: number }>) => Object.entries(r).reduce((a, b) => (b[1].ms > a[1].ms ? b : a));

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
    `| (a)/(b) | ${b.httpToRawRatio}; p99 ${b.httpDecisions.p99Ms} ms against ${b.rawBaseline.p99Ms} ms (${b.httpToRawP99 ?? '?'}×) | ≥ 0.6; HTTP p99 ≤ 1.5 × raw p99 | ${met('httpToRaw')} |`,
    `| (c) overdue scan, ${n(b.overdueScan.openDetentions)} open detentions | first ${n(b.overdueScan.firstScan.scanMs)} ms (raised ${n(b.overdueScan.firstScan.raised)}), then ${b.overdueScan.steadyScan.scanMs} ms; open-episode index used: ${b.overdueScan.usesOpenEpisodeIndex} | first ≤ 2 s, steady ≤ 500 ms | ${met('overdueScan')} |`,
    `| (d) sampling run over ${n(b.sampling.decisionRecords)} records | ${(b.sampling.ms / 1000).toFixed(1)} s, peak RSS ${b.sampling.maxRssMb} MB (population ${n(b.sampling.population)}, sample ${n(b.sampling.sample)}) | ≤ 10 s, ≤ 300 MB | ${met('sampling')} |`,
    `| (e) audit verification | ${n(b.auditVerify.eventsPerSec)} events/s (${n(b.auditVerify.events)} events in ${(b.auditVerify.ms / 1000).toFixed(1)} s, ok: ${b.auditVerify.ok}); signing the checkpoint took ${(b.auditVerify.checkpointMs / 1000).toFixed(1)} s | ≥ 200,000 events/s | ${met('auditVerify')} |`,
    `| (f) agency report | ${b.agencyReport.ms} ms warm${b.agencyReport.coldMs === undefined ? '' : ` (${b.agencyReport.coldMs} ms cold)`} | ≤ 500 ms | ${met('agencyReport')} |`,
    ...(b.analytics
      ? [
          `| (j) consistency report, slowest metric | ${slowest(b.analytics.consistency)[0]} ${slowest(b.analytics.consistency)[1].ms} ms | ≤ 300 ms each | ${met('consistencyReport')} |`,
          `| (j) dashboard counts | ${b.analytics.dashboard.ms} ms warm | ≤ 100 ms | ${met('dashboard')} |`,
        ]
      : []),
    ...(b.consolePaint
      ? [
          `| (k) console, slowest first meaningful paint | ${slowest(b.consolePaint.screens)[0]} ${slowest(b.consolePaint.screens)[1].ms} ms | ≤ 1 s | ${met('consolePaint')} |`,
        ]
      : []),
    ...(b.decisionSearch
      ? [
          `| (g) decision-record search, slowest filtered first page | ${slowest(b.decisionSearch)[0]} ${slowest(b.decisionSearch)[1].ms} ms | ≤ 100 ms | ${met('decisionSearch')} |`,
        ]
      : []),
    ...(b.visits
      ? [
          `| (h) visit plan over ${n(b.visits.places)} places; roll of ${n(b.visits.rollDetained)} detained | ${b.visits.planMs} ms warm (${b.visits.planColdMs} cold); ${b.visits.rollWarmMs} ms warm | ≤ 1 s; ≤ 100 ms | ${met('visitPlan')}; ${met('detentionRoll')} |`,
        ]
      : []),
    ...(b.recommendations
      ? [
          `| (i) register at ${n(b.recommendations.load.recommendations)} recommendations, slowest filtered first page | ${slowest(b.recommendations.register)[0]} ${slowest(b.recommendations.register)[1].ms} ms | ≤ 50 ms | ${met('recommendationRegister')} |`,
          `| (i) what the recommendation figures add to the agency report | ${b.recommendations.report.figuresMs} ms of ${b.recommendations.report.ms} ms (adds ${Math.round(b.recommendations.report.addedShare * 100)} %) | ≤ 10 % | ${met('recommendationReportFigures')} |`,
        ]
      : []),
    `| scale-out: 2 API processes + 1 worker | ${n(b.scaleOut.reqPerSec)} req/s, p50 ${b.scaleOut.p50Ms} ms, p99 ${b.scaleOut.p99Ms} ms (${b.scaleOut.vsOneApi}× one API process) | | |`,
  ].join('\n');
}

/** The part-two phases, run on the kept 1M data set (`BENCH_DATABASE=… BENCH_ONLY=f,g,h,i npm run bench`). */
interface PartTwoJson {
  machine: { cores: number; cpu?: string; memoryGiB: number; node: string };
  settings: { cases: number };
  at: string;
  agencyReport: { ms: number };
  decisionSearch: Record<string, { ms: number; items: number }>;
  visits: {
    places: number;
    planColdMs: number;
    planMs: number;
    rollDetained: number;
    rollColdMs: number;
    rollWarmMs: number;
  };
  recommendations: {
    load: { recommendations: number; historyLines: number };
    register: Record<string, { ms: number; items: number }>;
    report: { ms: number; figuresMs: number; addedShare: number };
  };
  targets: Record<string, { target: string; met: boolean }>;
}

export function renderPartTwoTable(b: PartTwoJson, source: string): string {
  const met = (key: string) => (b.targets[key]?.met ? 'met' : '**missed**');
  const n = (x: number) => x.toLocaleString('en-US');
  const each = (r: Record<string, { ms: number; items: number }>) =>
    Object.entries(r)
      .map(([name, q]) => `${name} ${q.ms} ms (${q.items} items)`)
      .join(', ');
  const v = b.visits;
  const k = b.recommendations;
  return [
    `Measured ${b.at.slice(0, 16).replace('T', ' ')} UTC on a ${n(b.settings.cases)}-case data set made by the same ` +
      `generator and seed as above (\`BENCH_CASES=${b.settings.cases} BENCH_KEEP_DATABASE=true BENCH_ONLY=g,h npm run ` +
      `bench\`, then \`BENCH_DATABASE=… BENCH_ONLY=f,g,h,i npm run bench\` on the kept database), on ` +
      `${b.machine.cores} cores, Node ${b.machine.node}. Warm figures are the median of five (the plan: of three) after ` +
      `one cold request. Source: \`${source}\`.`,
    '',
    '| what | measured | target | |',
    '|---|---|---|---|',
    `| (f) agency report, with the recommendation figures | ${n(b.agencyReport.ms)} ms | ≤ 2 s | ${met('agencyReport')} |`,
    `| (g) decision-record search, filtered first page | ${each(b.decisionSearch)} | ≤ 100 ms each | ${met('decisionSearch')} |`,
    `| (h) visit plan over ${n(v.places)} places | ${v.planMs} ms warm (${v.planColdMs} ms cold) | ≤ 1 s | ${met('visitPlan')} |`,
    `| (h) detention roll, ${n(v.rollDetained)} people at one place | ${v.rollWarmMs} ms warm (${v.rollColdMs} ms cold) | ≤ 100 ms warm | ${met('detentionRoll')} |`,
    `| (i) register at ${n(k.load.recommendations)} recommendations (${n(k.load.historyLines)} history lines), filtered first page | ${each(k.register)} | ≤ 50 ms each | ${met('recommendationRegister')} |`,
    `| (i) what the recommendation figures add to the agency report | ${k.report.figuresMs} ms of ${n(k.report.ms)} ms (${(k.report.addedShare * 100).toFixed(1)} %) | ≤ 10 % | ${met('recommendationReportFigures')} |`,
  ].join('\n');
}

/** Issue 18's analytics targets, on the kept 1M data set after the rollup migration (`BENCH_ONLY=f,j`). */
interface AnalyticsJson {
  machine: { cores: number; node: string };
  settings: { cases: number };
  at: string;
  agencyReport: { ms: number; coldMs: number };
  analytics: {
    consistency: Record<string, { ms: number; coldMs: number }>;
    dashboard: { ms: number; coldMs: number };
  };
  targets: Record<string, { target: string; met: boolean }>;
}

export function renderAnalyticsTable(b: AnalyticsJson, source: string): string {
  const met = (key: string) => (b.targets[key]?.met ? 'met' : '**missed**');
  const n = (x: number) => x.toLocaleString('en-US');
  const consistency = Object.entries(b.analytics.consistency)
    .map(([metric, c]) => `${metric} ${c.ms} ms (${c.coldMs} cold)`)
    .join(', ');
  return [
    `Measured ${b.at.slice(0, 16).replace('T', ' ')} UTC on the ${n(b.settings.cases)}-case data set above, after ` +
      `the rollup migration's backfill (\`BENCH_DATABASE=… BENCH_ONLY=f,j npm run bench\`), on ${b.machine.cores} ` +
      `cores, Node ${b.machine.node}; the whole history as the period. Warm: the median of three (the dashboard: of ` +
      `five) after one cold request. Source: \`${source}\`.`,
    '',
    '| what | measured | target | |',
    '|---|---|---|---|',
    `| (f) agency report | ${n(b.agencyReport.ms)} ms warm (${n(b.agencyReport.coldMs)} ms cold) | ≤ 500 ms | ${met('agencyReport')} |`,
    `| (j) consistency report, each metric | ${consistency} | ≤ 300 ms each | ${met('consistencyReport')} |`,
    `| (j) dashboard counts | ${b.analytics.dashboard.ms} ms warm (${b.analytics.dashboard.coldMs} ms cold) | ≤ 100 ms | ${met('dashboard')} |`,
  ].join('\n');
}
