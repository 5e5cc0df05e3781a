import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { waitUntil } from './wait.js';

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM by default: it writes its append-only file first) and waits until it has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /**
   * Starts it again on the same port: with the data it had (as a Redis with
   * persistence comes back) or `empty` (as after a crash without persistence
   * or a failover to a fresh replica).
   */
  start: (options?: { empty?: boolean }) => Promise<void>;
  running: () => boolean;
  /** Stops it and removes its data folder. */
  remove: () => Promise<void>;
}

const started = new Set<ChildProcess>();

/**
 * A redis-server of the test's own on a free port, for fault tests: the
 * shared Redis on 6379 is never stopped or flushed. Its data lives in a
 * temporary folder (append-only file, no RDB snapshots) so a test chooses
 * whether a restart keeps the queues or loses them.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oversight-redis-'));
  let child: ChildProcess | undefined;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const start = async ({ empty = false }: { empty?: boolean } = {}) => {
    if (running()) throw new Error('redis-server is running already');
    if (empty) {
      await rm(dir, { recursive: true, force: true });
      mkdirSync(dir);
    }
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    child = proc;
    started.add(proc);
    proc.once('exit', () => started.delete(proc));
    await waitUntil(`redis-server on port ${port}`, () => ping(port), { timeoutMs: 10_000 });
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || !running()) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    running,
    remove: async () => {
      await stop('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Kills every redis-server this helper started and that still runs (for afterAll, even after a failure). */
export async function killOwnRedisServers(): Promise<void> {
  await Promise.all(
    [...started].map(
      (proc) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          proc.once('exit', () => resolve());
          proc.kill('SIGKILL');
        }),
    ),
  );
}

async function ping(port: number): Promise<boolean> {
  const redis = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
