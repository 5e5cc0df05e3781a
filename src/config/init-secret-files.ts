import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The files `npm run secrets:init -- <dir>` maintains, and how each value is made. */
export const SECRET_FILES = {
  jwt_secret: () => randomBytes(48).toString('base64'),
  pii_encryption_keys: () => `k1:${randomBytes(32).toString('base64')}`,
  audit_signing_key: () => randomBytes(32).toString('base64'),
  // 24 random bytes are 32 base64url characters: nothing to escape in a URL or a shell.
  database_password: () => randomBytes(24).toString('base64url'),
} as const;

export type SecretFileName = keyof typeof SECRET_FILES;

/**
 * Creates `dir` and, for each of {@link SECRET_FILES} that does not exist yet,
 * a file holding a fresh value (mode 0640, owned by whoever runs this). An
 * existing file is never touched, whatever it holds: keys must survive
 * restarts, and an operator may have put their own there. Each file appears
 * complete or not at all (written to a temporary name, then hard-linked into
 * place, which fails if the name exists), so concurrent runs cannot clobber
 * each other. Returns the names created and kept.
 */
export function initSecretFiles(dir: string): { created: SecretFileName[]; kept: SecretFileName[] } {
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const created: SecretFileName[] = [];
  const kept: SecretFileName[] = [];
  for (const [name, make] of Object.entries(SECRET_FILES) as [SecretFileName, () => string][]) {
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
      created.push(name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      kept.push(name);
    } finally {
      unlinkSync(temporary);
    }
  }
  return { created, kept };
}
