import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { runMigrations } from '../../src/database/prepare-database.js';
import { freePort } from './redis-server.js';

const run = promisify(execFile);

/** The PostgreSQL binaries the machine's own server runs (override with TEST_PG_BIN). */
const BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** PostgreSQL refuses to run as root; the cluster belongs to this OS user. */
const OS_USER = process.env.TEST_PG_OS_USER ?? 'postgres';

export interface OwnPostgres {
  port: number;
  /** URL of `database` on this cluster, as the superuser (trust authentication). */
  url: (database: string) => string;
  /** Creates a database and applies the real migrations. */
  createDatabase: (name: string) => Promise<string>;
  /** `pg_ctl stop -m <mode>`; `immediate` is a crash: no checkpoint, every backend killed at once. */
  stop: (mode?: 'immediate' | 'fast' | 'smart') => Promise<void>;
  /** Starts it again on the same port and data (after `immediate`, with crash recovery); resolves once it accepts. */
  start: () => Promise<void>;
  running: () => boolean;
  /** Stops it whatever state it is in and removes its folder. */
  destroy: () => Promise<void>;
}

const clusters = new Set<{ destroy: () => Promise<void> }>();

/**
 * A PostgreSQL cluster of the test's own, on a free port, for fault tests
 * that stop the database: the machine's shared server (5432) is never
 * touched. initdb with trust authentication, in a temporary folder owned by
 * the postgres OS user; the socket goes there too. fsync is off (the OS
 * keeps what was written; only the server is crashed, never the machine),
 * but synchronous_commit stays on: a commit the client saw acknowledged is
 * in the WAL the kernel holds, so it must survive `-m immediate`.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oversight-pg-'));
  const data = join(dir, 'data');
  const { uid, gid } = await osUser(OS_USER);
  chownSync(dir, uid, gid);
  const asPostgres = (cmd: string, args: string[], timeoutMs = 60_000) =>
    run('runuser', ['-u', OS_USER, '--', join(BIN, cmd), ...args], { timeout: timeoutMs, cwd: dir });
  let up = false;

  const start = async () => {
    await asPostgres('pg_ctl', [
      'start',
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]).catch((err: unknown) => {
      throw new Error(`pg_ctl start failed: ${String(err)}\n${serverLog()}`);
    });
    up = true;
  };
  const stop = async (mode: 'immediate' | 'fast' | 'smart' = 'fast') => {
    if (!existsSync(join(data, 'postmaster.pid'))) {
      up = false;
      return;
    }
    await asPostgres('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
    up = false;
  };
  const serverLog = () => {
    try {
      return readFileSync(join(dir, 'server.log'), 'utf8').slice(-3_000);
    } catch {
      return '';
    }
  };
  const destroy = async () => {
    clusters.delete(handle);
    try {
      await stop('immediate');
    } catch {
      // pg_ctl failed: kill the postmaster by the pid it wrote (its children follow it).
      const pid = postmasterPid(data);
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  const handle = { destroy };
  clusters.add(handle);

  try {
    await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start();
  } catch (err) {
    await destroy();
    throw err;
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      await runMigrations({ url: url(name), appRole: 'oversight_app' });
      return url(name);
    },
    stop,
    start,
    running: () => up,
    destroy,
  };
}

/** Stops and removes every cluster this helper started that is still there (afterAll, whatever happened). */
export async function destroyOwnPostgresServers(): Promise<void> {
  await Promise.all([...clusters].map((c) => c.destroy()));
}

function postmasterPid(data: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
