import { readFileSync } from 'node:fs';
import { StartupError } from '../common/startup-error.js';
import { envSchema } from './env.schema.js';

/** Secrets that may be given as `NAME` or as `NAME_FILE` (a file holding the value), the Docker-secrets way. */
export const FILE_SECRETS = [
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'AUDIT_SIGNING_KEY',
  'BOOTSTRAP_ADMIN_PASSWORD',
] as const;

/**
 * Reads every `*_FILE` variable into the variable it stands for and returns a
 * new environment (the one given is not changed), in every NODE_ENV: this is
 * how containers receive secrets without putting them in the environment or
 * the repository. `DATABASE_PASSWORD_FILE` has no plain counterpart: its
 * content, URL-encoded, becomes the password of DATABASE_URL.
 *
 * An empty variable counts as unset. Setting a variable and its `_FILE` (or a
 * password in DATABASE_URL and DATABASE_PASSWORD_FILE) is an error, and so is
 * a file that cannot be read or is empty; each error is one line naming the
 * variable and the path, never the content. Trailing line breaks are dropped,
 * as the official PostgreSQL image does with POSTGRES_PASSWORD_FILE.
 */
export function readSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of FILE_SECRETS) {
    const path = env[`${name}_FILE`];
    if (!path) continue;
    if (env[name]) throw new StartupError(`Set ${name} or ${name}_FILE, not both.`);
    out[name] = readSecret(`${name}_FILE`, path);
  }

  const passwordPath = env.DATABASE_PASSWORD_FILE;
  if (passwordPath) {
    const raw = env.DATABASE_URL || envSchema.shape.DATABASE_URL.parse(undefined);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      // Left as it is: validation reports the bad DATABASE_URL (without its password).
      return out;
    }
    if (url.password !== '') {
      throw new StartupError('Set a password in DATABASE_URL or DATABASE_PASSWORD_FILE, not both.');
    }
    url.password = encodeURIComponent(readSecret('DATABASE_PASSWORD_FILE', passwordPath));
    out.DATABASE_URL = url.href;
  }
  return out;
}

function readSecret(variable: string, path: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code ?? 'unreadable';
    throw new StartupError(`Cannot read ${variable} (${JSON.stringify(path)}): ${code}.`);
  }
  const value = content.replace(/[\r\n]+$/, '');
  if (value === '') throw new StartupError(`${variable} (${JSON.stringify(path)}) is empty.`);
  return value;
}
