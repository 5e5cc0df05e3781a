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
 * content, URL-encoded, becomes the password of DATABASE_URL (and
 * `MIGRATION_DATABASE_PASSWORD_FILE` that of MIGRATION_DATABASE_URL).
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

  const database = withPasswordFile(env, 'DATABASE_URL', 'DATABASE_PASSWORD_FILE');
  if (database !== undefined) out.DATABASE_URL = database;
  // The migration owner's URL defaults to DATABASE_URL only when it is unset, so its password file needs it set.
  if (env.MIGRATION_DATABASE_PASSWORD_FILE && !env.MIGRATION_DATABASE_URL) {
    throw new StartupError(
      'MIGRATION_DATABASE_PASSWORD_FILE needs MIGRATION_DATABASE_URL (the owner login it is for).',
    );
  }
  const migration = withPasswordFile(env, 'MIGRATION_DATABASE_URL', 'MIGRATION_DATABASE_PASSWORD_FILE');
  if (migration !== undefined) out.MIGRATION_DATABASE_URL = migration;
  return out;
}

/** `urlName` with the content of `fileName`, URL-encoded, as its password; undefined when there is no file. */
function withPasswordFile(
  env: NodeJS.ProcessEnv,
  urlName: 'DATABASE_URL' | 'MIGRATION_DATABASE_URL',
  fileName: 'DATABASE_PASSWORD_FILE' | 'MIGRATION_DATABASE_PASSWORD_FILE',
): string | undefined {
  const passwordPath = env[fileName];
  if (!passwordPath) return undefined;
  const raw = env[urlName] || envSchema.shape.DATABASE_URL.parse(undefined);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Left as it is: validation reports the bad URL (without its password).
    return undefined;
  }
  if (url.password !== '') {
    throw new StartupError(`Set a password in ${urlName} or ${fileName}, not both.`);
  }
  url.password = encodeURIComponent(readSecret(fileName, passwordPath));
  return url.href;
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
