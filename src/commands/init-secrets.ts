import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initSecretFiles } from '../config/init-secret-files.js';

// `npm run secrets:init -- <dir> [<database-dir>]`: creates <dir>/jwt_secret, pii_encryption_keys,
// audit_signing_key, database_password and bootstrap_admin_password, and <database-dir>/postgres_password (in
// <dir> when no second directory is given), with fresh random values, keeping every file that already exists
// (never overwritten, so it is safe on every start). Point the matching *_FILE variables at them.
// docker-compose.yml runs it as the one-shot `secrets` service.
// Prints file names only, never a value, with one exception: the first administrator's password, on the run
// that creates it, so that whoever ran `docker compose up` can sign in. Deliberately light: it needs no
// configuration, database or Redis.
const [dir, databaseDir] = process.argv.slice(2);
if (dir === undefined || dir === '' || databaseDir === '' || process.argv.length > 4) {
  process.stderr.write(
    'Usage: npm run secrets:init -- <directory> [<database-directory>]   ' +
      '(or: node dist/src/commands/init-secrets.js <directory> [<database-directory>])\n',
  );
  process.exit(2);
}

try {
  const { created, kept } = initSecretFiles(dir, databaseDir ?? dir);
  process.stdout.write(`Secrets in ${resolve(dir)}${databaseDir ? ` and ${resolve(databaseDir)}` : ''}:\n`);
  for (const name of created) process.stdout.write(`  created ${name}\n`);
  for (const name of kept) process.stdout.write(`  kept    ${name} (already there)\n`);
  if (created.includes('bootstrap_admin_password')) {
    const password = readFileSync(join(dir, 'bootstrap_admin_password'), 'utf8').trimEnd();
    const email = process.env.BOOTSTRAP_ADMIN_EMAIL || '(the BOOTSTRAP_ADMIN_EMAIL you set)';
    process.stdout.write(
      '\nFirst administrator, created by the API at its first start (shown this once):\n' +
        `  email:    ${email}\n  password: ${password}\n` +
        `It stays in ${join(resolve(dir), 'bootstrap_admin_password')} in case you miss it; it is used only ` +
        'while the database has no user.\n',
    );
  }
} catch (err) {
  const reason = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Cannot initialise the secrets in ${dir}: ${reason.replace(/\s+/g, ' ')}\n`);
  process.exit(1);
}
