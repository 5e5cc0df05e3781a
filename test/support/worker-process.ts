import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile, type Options } from '@swc/core';
import { testEnv } from './test-app.js';
import { waitUntil } from './wait.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The same SWC settings jest uses (jest.config.js), so the child runs exactly the code under test. */
const SWC: Options = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export interface WorkerBuild {
  /** The worker entry point to run with node. */
  entry: string;
  /** The API entry point (src/main.ts) of the same build. */
  apiEntry: string;
  remove: () => Promise<void>;
}

/**
 * A worker entry point built from the current sources. `npm run build`
 * (nest build, tsc) takes half a minute here and empties dist/ first, under
 * anyone else running from it; SWC compiles src/ and migrations/ in about a
 * second into a folder of this test file's own, inside the project so
 * node_modules and package.json ("type": "module") resolve as they do for
 * dist/. Set E2E_WORKER_ENTRY (e.g. dist/src/worker.js after a build) to run
 * a given build instead.
 */
export async function buildWorker(): Promise<WorkerBuild> {
  const given = process.env.E2E_WORKER_ENTRY;
  if (given) {
    const entry = resolve(ROOT, given);
    return { entry, apiEntry: join(dirname(entry), 'main.js'), remove: async () => undefined };
  }
  const out = join(ROOT, 'var', 'e2e-worker', `${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const files = [...(await sources(join(ROOT, 'src'))), ...(await sources(join(ROOT, 'migrations')))];
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, { ...SWC, filename: file });
      const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
  return {
    entry: join(out, 'src', 'worker.js'),
    apiEntry: join(out, 'src', 'main.js'),
    remove: () => rm(out, { recursive: true, force: true }),
  };
}

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

export interface WorkerProcess {
  pid: number;
  /** Everything the process wrote (JSON log lines), for assertions and for diagnosing a failure. */
  output: () => string;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<string>;
  kill: (signal: NodeJS.Signals) => Promise<string>;
}

const running = new Set<ChildProcess>();

/**
 * `node <entry>` as a worker-only process (src/worker.ts) on the test's
 * database and queue prefix: the same startup path as production
 * (configuration check, migrations, Redis check, Nest with the processors
 * and the job schedulers). Resolves once it reports it is running.
 */
export function startWorkerProcess(
  entry: string,
  database: string,
  env: Record<string, string>,
): Promise<WorkerProcess> {
  return startNodeProcess(entry, database, env, 'Oversight worker running');
}

/**
 * `node <apiEntry>` (src/main.ts: the API, with the job workers unless
 * WORKERS_ENABLED=false), as deployed. Give it a PORT of its own (see
 * freePort): it logs the address it was told, so 0 would not say where it is.
 */
export function startApiProcess(
  apiEntry: string,
  database: string,
  env: Record<string, string> & { PORT: string },
): Promise<WorkerProcess> {
  return startNodeProcess(apiEntry, database, env, 'Oversight API on');
}

async function startNodeProcess(
  entry: string,
  database: string,
  env: Record<string, string>,
  readyLine: string,
): Promise<WorkerProcess> {
  const base = testEnv(database, { PORT: '0', ...env });
  // The helper reads the child's log (readiness, assertions), so it logs to stdout, at info level at least; the
  // lines still go to the run's log file, which the global teardown scans for personal data and secrets.
  const logFile = base.LOG_FILE;
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...base,
      LOG_FILE: '',
      LOG_LEVEL: ['debug', 'trace'].includes(base.LOG_LEVEL) ? base.LOG_LEVEL : 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const collect = (c: Buffer) => {
    output += c.toString('utf8');
    if (logFile) appendFileSync(logFile, c);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<string>((resolveExit) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolveExit(signal ?? `exit ${code}`);
    }),
  );
  let exit: string | undefined;
  void exited.then((how) => (exit = how));
  await waitUntil(
    `the process (${relative(ROOT, entry)}) to start`,
    () => {
      if (exit !== undefined) throw new Error(`process exited (${exit}) before it ran:\n${output.slice(-3_000)}`);
      return output.includes(readyLine);
    },
    { timeoutMs: 30_000 },
  ).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err instanceof Error ? new Error(`${err.message}\n${output.slice(-3_000)}`) : err;
  });
  return {
    pid: child.pid!,
    output: () => output,
    exited,
    kill: async (signal) => {
      if (exit === undefined) child.kill(signal);
      return exited;
    },
  };
}

/** SIGKILLs every worker process still running (afterAll, whatever happened). */
export async function killWorkerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          child.once('exit', () => resolveExit());
          child.kill('SIGKILL');
        }),
    ),
  );
}
