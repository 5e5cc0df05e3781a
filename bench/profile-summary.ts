import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Time with the CPU on the process's own work (all but idle). */
  busyMs: number;
  /** Self time per owner (a package, a source folder, node's own code, GC), largest first. */
  self: { owner: string; ms: number; share: number }[];
  /** Time with the owner anywhere on the stack (nested calls counted once), largest first. */
  inclusive: { owner: string; ms: number; share: number }[];
}

/**
 * Who a stack frame's code belongs to: a package under node_modules (scoped: `@nestjs/core`), a folder of this
 * project's source (`src/cases`), node's own modules (`node:internal`), or V8's pseudo-frames (`(garbage collector)`).
 */
export function ownerOf(frame: { functionName: string; url: string }): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/((?:src|bench)\/[^/]+)\//.exec(url);
  if (own) return own[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return url;
}

/** `fromMs`: leave out the samples of the profile's first milliseconds (the process starting up). */
/** The samples between `fromMs` and `toMs` (from the profile's start), as a profile of its own. */
export function window(profile: CpuProfile, fromMs: number, toMs = Infinity): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = 0;
  let first: number | undefined;
  let last = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < fromMs * 1000 || at > toMs * 1000) return;
    first ??= at - us;
    last = at;
    samples.push(id);
    timeDeltas.push(us);
  });
  return {
    ...profile,
    startTime: profile.startTime + (first ?? 0),
    endTime: profile.startTime + last,
    samples,
    timeDeltas,
  };
}

export function summarise(whole: CpuProfile, fromMs = 0, toMs = Infinity): ProfileSummary {
  const profile = window(whole, fromMs, toMs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const node = byId.get(id);
    if (!node) return;
    const owner = ownerOf(node.callFrame);
    if (owner === '(idle)') {
      idle += us;
      return;
    }
    self.set(owner, (self.get(owner) ?? 0) + us);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame && frame.callFrame.functionName !== '(root)') onStack.add(ownerOf(frame.callFrame));
    }
    for (const o of onStack) inclusive.set(o, (inclusive.get(o) ?? 0) + us);
  });
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([owner, us]) => ({
        owner,
        ms: Math.round(us / 1000),
        share: busy ? Math.round((us / busy) * 1000) / 10 : 0,
      }))
      .sort((a, b) => b.ms - a.ms);
  return {
    totalMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    self: rows(self),
    inclusive: rows(inclusive),
  };
}

/** `node dist/bench/profile-summary.js <file.cpuprofile> [rows] [from-ms] [to-ms]`: the summary as Markdown tables. */
function main(): void {
  const [file, rows = '25', fromMs = '0', toMs] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [rows] [from-ms] [to-ms]');
  const s = summarise(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(fromMs),
    toMs === undefined ? Infinity : Number(toMs),
  );
  const table = (title: string, r: ProfileSummary['self']) =>
    [
      `| ${title} | ms | % of busy |`,
      '|---|---:|---:|',
      ...r.slice(0, Number(rows)).map((x) => `| ${x.owner} | ${x.ms} | ${x.share} |`),
    ].join('\n');
  process.stdout.write(
    `profile ${s.totalMs} ms, busy ${s.busyMs} ms\n\n${table('self time', s.self)}\n\n${table('on the stack', s.inclusive)}\n`,
  );
}

if (process.argv[1]?.endsWith('profile-summary.js')) main();
