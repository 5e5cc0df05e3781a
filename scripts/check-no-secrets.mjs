// Looks for committed secrets in the files git tracks, or would track (`git
// ls-files --cached --others --exclude-standard`; run by CI after the
// Compose check: `node scripts/check-no-secrets.mjs`). The repository holds no
// secret: production secrets come from the environment or from *_FILE files,
// docker-compose.yml generates its own on first start, and tests make random
// ones at run time.
//
// 1. Files that are secrets by their name: .env (and .env.*, except the
//    template .env.example), *.pem, *.key, *.p12, *.pfx, SSH private keys,
//    var/dev-secrets.json (any dev-secrets.json), and the files
//    `npm run secrets:init` writes (jwt_secret, pii_encryption_keys,
//    audit_signing_key, database_password).
// 2. A private-key block (BEGIN ... PRIVATE KEY) in any file.
// 3. A literal that looks like a secret (16+ characters with an entropy of at
//    least 3.5 bits per character, or base64 of 16+ bytes) assigned to a secret
//    variable (SECRET_VARIABLES below), as `NAME=value`, `NAME: value`,
//    `NAME = 'value'` or a Compose default `${NAME:-value}`. In JavaScript and
//    TypeScript only quoted literals count (a bare value there is an
//    expression, e.g. randomBytes(48)...). Test code is scanned too: tests make
//    their keys at run time, and the few fixed, human-readable test values are
//    allowed one by one in ALLOWED_VALUES.
//
// Usage: node scripts/check-no-secrets.mjs
// Exits 1 listing file:line and what was found (never the value), 0 when clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Plain stream writes: the project's lint forbids console.*.
const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const complain = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SECRET_VARIABLES = [
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'AUDIT_SIGNING_KEY',
  'METRICS_TOKEN',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'POSTGRES_PASSWORD',
  'DATABASE_PASSWORD',
];

/**
 * Fixed values that the scan flags but that are not secrets: test fixtures
 * that guard nothing outside the throw-away test databases and apps they are
 * used in. Add one only after checking it is such a fixture, with a comment.
 */
const ALLOWED_VALUES = new Set([
  // test/e2e/operations.e2e-spec.ts: the METRICS_TOKEN of a test app, to test /metrics authorisation.
  'metrics-token-for-tests-0001',
  // src/config/load-config.spec.ts: a JWT_SECRET long enough to pass validation, for config unit tests.
  'jwt-secret-that-is-long-enough-0123456789',
  // test/e2e/auth.e2e-spec.ts: BOOTSTRAP_ADMIN_PASSWORDs of second bootstrap attempts that must be ignored.
  'second-password-01',
  'rival-password-01',
]);

const SECRET_FILE_NAMES = new Set([
  'jwt_secret',
  'pii_encryption_keys',
  'audit_signing_key',
  'database_password',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
]);
const SECRET_EXTENSIONS = new Set(['.pem', '.key', '.p12', '.pfx']);
const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
// Built from pieces so that this file does not match itself.
const PRIVATE_KEY_BLOCK = new RegExp(['-----BEGIN', '(?:[A-Z0-9]+ )*PRIVATE', 'KEY-----'].join(' '));
const ASSIGNMENT = new RegExp(String.raw`\b(${SECRET_VARIABLES.join('|')})\b['"]?\s*[:=]\s*(.*)$`);

/** @param {string} path */
function secretByName(path) {
  const name = basename(path);
  if (name === '.env' || (name.startsWith('.env.') && name !== '.env.example')) return 'an environment file';
  if (SECRET_EXTENSIONS.has(extname(name).toLowerCase())) return `a ${extname(name)} file (key or certificate)`;
  if (SECRET_FILE_NAMES.has(name)) return 'a secret file (as npm run secrets:init or ssh-keygen writes)';
  if (name === 'dev-secrets.json') return 'the generated development secrets (DEV_SECRETS_FILE)';
  return undefined;
}

/**
 * The literal assigned by the rest of a line (what follows `NAME=` / `NAME:`),
 * or undefined when it is not a literal: an expression, a reference, an
 * interpolation without a default, a command substitution.
 * @param {string} rest @param {boolean} code
 */
function literalOf(rest, code) {
  const text = rest.trim();
  const quote = text[0];
  if (quote === "'" || quote === '"' || quote === '`') {
    const end = text.indexOf(quote, 1);
    const inner = text.slice(1, end < 0 ? undefined : end);
    if (quote === '`' && inner.includes('${')) return undefined; // built at run time
    if (!code) return interpolationDefault(inner) ?? (inner.startsWith('$') ? undefined : inner);
    return inner;
  }
  if (code) return undefined;
  const bare = /^[^\s'"#,;]*/.exec(text)?.[0] ?? '';
  if (bare.startsWith('$')) return interpolationDefault(text);
  return bare;
}

/** The default of `${NAME:-default}` / `${NAME-default}`, if the text starts with one. @param {string} text */
function interpolationDefault(text) {
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/.exec(text)?.[1];
}

/** Shannon entropy in bits per character. @param {string} s */
function entropy(s) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** Whether a literal looks like a secret rather than a placeholder or a word. @param {string} value */
function looksSecret(value) {
  // A key id in front (k1:<base64>) does not make it less secret.
  const core = value.replace(/^[A-Za-z0-9_-]{1,32}:/, '');
  if (core.length < 16) return false;
  const base64 = /^[A-Za-z0-9+/_-]+={0,2}$/.test(core) && Buffer.from(core, 'base64').length >= 16;
  return base64 || entropy(core) >= 3.5;
}

// Tracked files, and untracked ones git does not ignore (about to be added): what a commit could carry.
const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
});
if (listed.error || listed.status !== 0) {
  complain(`check-no-secrets: git ls-files failed: ${(listed.stderr || String(listed.error)).trim()}`);
  process.exit(1);
}
const files = listed.stdout.split('\0').filter((f) => f !== '');

/** @type {string[]} */
const findings = [];
let scanned = 0;
for (const file of files) {
  const byName = secretByName(file);
  if (byName) findings.push(`${file}: ${byName} is tracked; remove it from git (git rm --cached) and ignore it`);

  const path = join(root, file);
  if (!existsSync(path) || !statSync(path).isFile()) continue; // deleted in the working tree, or a submodule
  const buffer = readFileSync(path);
  if (buffer.subarray(0, 8192).includes(0)) continue; // binary
  scanned++;
  const code = CODE_EXTENSIONS.has(extname(file));
  const lines = buffer.toString('utf8').split('\n');
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (PRIVATE_KEY_BLOCK.test(line)) findings.push(`${at}: a private key block`);
    const m = ASSIGNMENT.exec(line);
    if (!m) return;
    const value = literalOf(m[2], code);
    if (value !== undefined && !ALLOWED_VALUES.has(value) && looksSecret(value)) {
      findings.push(
        `${at}: ${m[1]} is given a literal that looks like a secret; take it from the environment or a file`,
      );
    }
  });
}

if (findings.length > 0) {
  complain(`check-no-secrets: ${findings.length} possible secret(s) (values not shown):`);
  for (const f of findings) complain(`  - ${f}`);
  process.exit(1);
}
say(`check-no-secrets: no secret found in ${files.length} files (${scanned} text files scanned).`);
