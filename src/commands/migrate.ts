import 'reflect-metadata';
import { runOrExit } from '../bootstrap/prepare-process.js';
import { StartupError } from '../common/startup-error.js';
import { envSchema } from '../config/env.schema.js';
import { readSecretFiles } from '../config/read-secret-files.js';
import { ensureAppLogin } from '../database/app-login.js';
import { loginPrivileges, privilegedLoginProblem } from '../database/login-privileges.js';
import { prepareDatabase, reason } from '../database/prepare-database.js';

// `node dist/src/commands/migrate.js [--create-app-login]`: as the owner (MIGRATION_DATABASE_URL), creates the
// database if missing and applies pending migrations; with --create-app-login, also makes the login of
// DATABASE_URL (user and password, e.g. from DATABASE_PASSWORD_FILE) a NOINHERIT member of DATABASE_APP_ROLE that
// owns nothing, and checks it is. docker-compose.yml runs it as the one-shot `migrate` service, so the API and
// the worker start with MIGRATIONS_RUN=false and never hold the owner's password. Needs no app secret.
const args = process.argv.slice(2);
if (args.some((a) => a !== '--create-app-login')) {
  process.stderr.write('Usage: node dist/src/commands/migrate.js [--create-app-login]\n');
  process.exit(2);
}

runOrExit(async () => {
  const parsed = envSchema
    .pick({
      DATABASE_URL: true,
      MIGRATION_DATABASE_URL: true,
      DATABASE_APP_ROLE: true,
      DATABASE_CREATE_IF_MISSING: true,
    })
    .safeParse(readSecretFiles(process.env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StartupError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}.`);
  }
  const env = parsed.data;
  const migrationUrl = env.MIGRATION_DATABASE_URL === '' ? env.DATABASE_URL : env.MIGRATION_DATABASE_URL;
  const applied = await prepareDatabase({
    url: migrationUrl,
    migrationUrl,
    appRole: env.DATABASE_APP_ROLE,
    createIfMissing: env.DATABASE_CREATE_IF_MISSING,
    runMigrations: true,
    allowPrivilegedLogin: false,
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  process.stdout.write(
    applied.length > 0 ? `Migrations applied: ${applied.join(', ')}\n` : 'Migrations: none pending.\n',
  );
  if (!args.includes('--create-app-login')) return;
  const login = await ensureAppLogin(migrationUrl, env.DATABASE_URL, env.DATABASE_APP_ROLE).catch((err: unknown) => {
    throw new StartupError(`Cannot create the app's database login: ${reason(err)}.`);
  });
  const problem = privilegedLoginProblem(await loginPrivileges(env.DATABASE_URL));
  if (problem) throw new StartupError(`The app's login cannot be made safe: ${problem}.`);
  process.stdout.write(`App login "${login}": a member of ${env.DATABASE_APP_ROLE}, owns nothing.\n`);
});
