import { resolve } from 'node:path';
import { initSecretFiles } from '../config/init-secret-files.js';

// `npm run secrets:init -- <dir>`: creates <dir>/jwt_secret, pii_encryption_keys, audit_signing_key and
// database_password with fresh random values, keeping every file that already exists (never overwritten, so it
// is safe on every start). Point JWT_SECRET_FILE, PII_ENCRYPTION_KEYS_FILE, AUDIT_SIGNING_KEY_FILE and
// DATABASE_PASSWORD_FILE at them. docker-compose.yml runs it as the one-shot `secrets` service.
// Prints file names only, never a value. Deliberately light: it needs no configuration, database or Redis.
const dir = process.argv[2];
if (dir === undefined || dir === '' || process.argv.length > 3) {
  process.stderr.write(
    'Usage: npm run secrets:init -- <directory>   (or: node dist/src/commands/init-secrets.js <directory>)\n',
  );
  process.exit(2);
}

try {
  const { created, kept } = initSecretFiles(dir);
  process.stdout.write(`Secrets in ${resolve(dir)}:\n`);
  for (const name of created) process.stdout.write(`  created ${name}\n`);
  for (const name of kept) process.stdout.write(`  kept    ${name} (already there)\n`);
} catch (err) {
  const reason = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Cannot initialise the secrets in ${dir}: ${reason.replace(/\s+/g, ' ')}\n`);
  process.exit(1);
}
