import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// 24 random bytes are 32 base64url characters: nothing to escape in a URL or a shell.
const password = () => randomBytes(24).toString('base64url');

/** The files `npm run secrets:init -- <dir>` maintains for the app processes, and how each value is made. */
export const SECRET_FILES = {
  jwt_secret: () => randomBytes(48).toString('base64'),
  pii_encryption_keys: () => `k1:${randomBytes(32).toString('base64')}`,
  audit_signing_key: () => randomBytes(32).toString('base64'),
  /** The password of the app's own login (DATABASE_URL): a member of oversight_app that owns nothing. */
  database_password: password,
  /** The first administrator's (BOOTSTRAP_ADMIN_PASSWORD_FILE), used only while no user exists. */
  bootstrap_admin_password: password,
} as const;

/**
 * The files the database server reads, kept in a directory of their own when
 * one is given, so that the database container never mounts the app's keys
 * (the audit signing key above all: whoever holds it and the database could
 * rewrite history and re-sign it).
 */
export const DATABASE_SERVER_FILES = {
  /** The PostgreSQL superuser's: the owner that applies migrations and creates the app's login. */
  postgres_password: password,
} as const;

export type SecretFileName = keyof typeof SECRET_FILES | keyof typeof DATABASE_SERVER_FILES;

/**
 * Creates `dir` and, for each of {@link SECRET_FILES} that does not exist yet
 * (and of {@link DATABASE_SERVER_FILES}, in `databaseDir`, `dir` by default),
 * a file holding a fresh value (mode 0640, owned by whoever runs this). An
 * existing file is never touched, whatever it holds: keys must survive
 * restarts, and an operator may have put their own there. Each file appears
 * complete or not at all (written to a temporary name, then hard-linked into
 * place, which fails if the name exists), so concurrent runs cannot clobber
 * each other. Returns the names created and kept.
 */
export function initSecretFiles(dir: string, databaseDir = dir): { created: SecretFileName[]; kept: SecretFileName[] } {
  const created: SecretFileName[] = [];
  const kept: SecretFileName[] = [];
  const sets: [string, Record<string, () => string>][] = [
    [dir, SECRET_FILES],
    [databaseDir, DATABASE_SERVER_FILES],
  ];
  for (const [where, files] of sets) {
    mkdirSync(where, { recursive: true, mode: 0o750 });
    for (const [name, make] of Object.entries(files) as [SecretFileName, () => string][]) {
      (writeIfMissing(where, name, make) ? created : kept).push(name);
    }
  }
  return { created, kept };
}

/** Whether the file was created (false: it existed and was kept). */
function writeIfMissing(dir: string, name: string, make: () => string): boolean {
  const target = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o640);
  try {
    writeSync(fd, `${make()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(temporary, 0o640); // whatever the umask
    linkSync(temporary, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    unlinkSync(temporary);
  }
}
