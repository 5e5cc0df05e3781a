import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

const SECRET_NAMES = ['JWT_SECRET', 'PII_ENCRYPTION_KEYS', 'AUDIT_SIGNING_KEY'] as const;
type SecretName = (typeof SECRET_NAMES)[number];

/**
 * Outside production, secrets that are not set are taken from (or generated
 * into) a local file readable by the owner only, so `npm start` works with
 * nothing configured and restarts keep decrypting the same data. Production
 * never does this: a missing secret stops the start with a clear line.
 * Returns the environment to validate and the names that came from the file.
 */
export function resolveSecrets(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; fromFile: SecretName[] } {
  if (env.NODE_ENV === 'production') return { env, fromFile: [] };
  const missing = SECRET_NAMES.filter((name) => !env[name]);
  if (missing.length === 0) return { env, fromFile: [] };

  const file = env.DEV_SECRETS_FILE || 'var/dev-secrets.json';
  const stored: Partial<Record<SecretName, string>> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<SecretName, string>>)
    : {};
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = generate(name);
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  }
  const filled: NodeJS.ProcessEnv = { ...env };
  for (const name of missing) filled[name] = stored[name];
  return { env: filled, fromFile: missing };
}

function generate(name: SecretName): string {
  switch (name) {
    case 'JWT_SECRET':
      return randomBytes(48).toString('base64');
    case 'PII_ENCRYPTION_KEYS':
      return `dev1:${randomBytes(32).toString('base64')}`;
    case 'AUDIT_SIGNING_KEY':
      return randomBytes(32).toString('base64');
  }
}
