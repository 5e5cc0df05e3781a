import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '../common/startup-error.js';
import { envSchema } from './env.schema.js';
import { loadConfig } from './load-config.js';
import { FILE_SECRETS, readSecretFiles } from './read-secret-files.js';
import { resolveSecrets } from './resolve-secrets.js';

const b64 = (bytes: number, fill = 0x5a) => Buffer.alloc(bytes, fill).toString('base64');

const JWT_SECRET = 'jwt-secret-that-is-long-enough-0123456789';
const PII_KEY = randomBytes(32).toString('base64');
const AUDIT_KEY = randomBytes(32).toString('base64');
const SECRETS = { JWT_SECRET, PII_ENCRYPTION_KEYS: `k1:${PII_KEY}`, AUDIT_SIGNING_KEY: AUDIT_KEY };

/** The message of the StartupError `loadConfig` throws for `env`. */
function startupErrorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof StartupError) return err.message;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('AUDIT_VERIFY_KEYS', () => {
  it('is empty by default', () => {
    expect(loadConfig({ ...SECRETS }).audit.verifyPublicKeys).toEqual([]);
  });

  it('takes retired public keys as a comma-separated list of base64 raw 32-byte keys', () => {
    const [k1, k2] = [randomBytes(32), randomBytes(32)];
    const config = loadConfig({
      ...SECRETS,
      AUDIT_VERIFY_KEYS: ` ${k1.toString('base64')}, ${k2.toString('base64')} `,
    });
    expect(config.audit.verifyPublicKeys).toEqual([k1, k2]);
  });

  it.each([b64(31), b64(33), 'not base64!', `${b64(32)}x`])('refuses %s, saying which key', (bad) => {
    expect(startupErrorOf({ ...SECRETS, AUDIT_VERIFY_KEYS: `${b64(32)},${bad}` })).toMatch(
      /^Invalid environment variable AUDIT_VERIFY_KEYS: key 2 is not the base64 of a 32-byte Ed25519 public key/,
    );
  });
});

describe('loadConfig defaults', () => {
  const config = loadConfig({ ...SECRETS });

  it('loads with nothing but the three secrets set', () => {
    expect(config.env).toBe('development');
    expect(config.auth.jwtSecret).toBe(JWT_SECRET);
    expect(config.pii.activeKeyId).toBe('k1');
    expect(config.pii.keys.get('k1')?.toString('base64')).toBe(PII_KEY);
    expect(config.audit.signingKeySeed.toString('base64')).toBe(AUDIT_KEY);
    expect(config.auth.bootstrapAdmin).toBeUndefined();
  });

  it('uses the local PostgreSQL and Redis of SPEC §9 and runs API and workers in one process', () => {
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/oversight');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.processes.apiEnabled).toBe(true);
    expect(config.processes.workersEnabled).toBe(true);
    expect(config.http.port).toBe(3000);
    expect(config.http.trustProxy).toBe(false);
  });

  it('uses the thresholds and rates the SPEC gives as defaults', () => {
    expect(config.cases.recoveryPeriodDays).toBe(30);
    expect(config.alerts.screeningMaxHours).toBe(48);
    expect(config.alerts.rgDecisionMaxWorkingDays).toBe(5);
    expect(config.alerts.maxDetentionDays).toBe(28);
    expect(config.alerts.escalateAfterHours).toBe(24);
    expect(config.sampling.negativeRate).toBe(0.2);
    expect(config.sampling.rate).toBe(0.05);
    expect(config.sampling.minPerStratum).toBe(1);
    expect(config.sampling.reviewResponseDays).toBe(28);
    expect(config.exports.k).toBe(11);
  });

  it('scans every 15 minutes, samples weekly and writes mail to files without SMTP', () => {
    expect(config.alerts.overdueScanCron).toBe('*/15 * * * *');
    // Weekly: any fixed minute and hour, every day of month and month, one day of the week.
    expect(config.sampling.cron).toMatch(/^\d+ \d+ \* \* [0-7]$/);
    expect(config.mail.smtpUrl).toBeUndefined();
  });
});

describe('loadConfig rejects a bad value with one line that names the variable', () => {
  const SHORT_JWT = 'only-twenty-chars-xx';
  const NO_KEY_ID = b64(32, 0x11);
  const SHORT_PII = b64(16, 0x22);
  const DUP_A = b64(32, 0x33);
  const DUP_B = b64(32, 0x44);
  const AUDIT_31 = b64(31, 0x55);
  const ADMIN_PASSWORD = 'bootstrap-admin-password-1';

  // [variable named in the message, overrides, secret value that must not appear]
  it.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['PORT', { PORT: 'abc' }, undefined],
    ['PORT', { PORT: '70000' }, undefined],
    ['DATABASE_URL', { DATABASE_URL: 'http://x' }, undefined],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }, undefined],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, undefined],
    ['SAMPLING_RATE', { SAMPLING_RATE: '2' }, undefined],
    ['SAMPLING_NEGATIVE_RATE', { SAMPLING_NEGATIVE_RATE: '-0.1' }, undefined],
    ['OVERDUE_SCAN_CRON', { OVERDUE_SCAN_CRON: '*/15 * * *' }, undefined],
    ['SAMPLING_CRON', { SAMPLING_CRON: '0 2 * * 1 * *' }, undefined],
    ['AUDIT_CHECKPOINT_CRON', { AUDIT_CHECKPOINT_CRON: 'every ten minutes' }, undefined],
    ['API_ENABLED', { API_ENABLED: 'maybe' }, undefined],
    ['JWT_SECRET', { JWT_SECRET: SHORT_JWT }, SHORT_JWT],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: NO_KEY_ID }, NO_KEY_ID],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: `:${NO_KEY_ID}` }, NO_KEY_ID],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: `k1:${SHORT_PII}` }, SHORT_PII],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: `k1:${DUP_A},k1:${DUP_B}` }, DUP_B],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: ',' }, undefined],
    ['AUDIT_SIGNING_KEY', { AUDIT_SIGNING_KEY: AUDIT_31 }, AUDIT_31],
    ['BOOTSTRAP_ADMIN_PASSWORD', { BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }, undefined],
    ['BOOTSTRAP_ADMIN_EMAIL', { BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }, ADMIN_PASSWORD],
    [
      'BOOTSTRAP_ADMIN_PASSWORD',
      { BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org', BOOTSTRAP_ADMIN_PASSWORD: 'short' },
      'short',
    ],
    [
      'BOOTSTRAP_ADMIN_EMAIL',
      { BOOTSTRAP_ADMIN_EMAIL: 'not-an-email', BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD },
      ADMIN_PASSWORD,
    ],
  ])('%s: %j', (variable, overrides, secret) => {
    const message = startupErrorOf({ ...SECRETS, ...overrides });
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain(variable);
    const hidden = [JWT_SECRET, PII_KEY, AUDIT_KEY, ...(secret === undefined ? [] : [secret])];
    for (const value of hidden) expect(message).not.toContain(value);
  });

  it.each(['JWT_SECRET', 'PII_ENCRYPTION_KEYS', 'AUDIT_SIGNING_KEY'] as const)(
    'says how to make %s when it is missing',
    (name) => {
      const env: NodeJS.ProcessEnv = { ...SECRETS };
      delete env[name];
      const message = startupErrorOf(env);
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toMatch(new RegExp(`^${name} is not set\\. Generate one with: `));
    },
  );

  it('treats an empty secret as missing', () => {
    expect(startupErrorOf({ ...SECRETS, AUDIT_SIGNING_KEY: '' })).toMatch(/^AUDIT_SIGNING_KEY is not set/);
  });

  it('accepts several PII keys, the first one encrypting', () => {
    const config = loadConfig({ ...SECRETS, PII_ENCRYPTION_KEYS: ` k2:${DUP_B} , k1:${DUP_A} ` });
    expect(config.pii.activeKeyId).toBe('k2');
    expect([...config.pii.keys.keys()]).toEqual(['k2', 'k1']);
  });
});

describe('TRUST_PROXY', () => {
  it.each<[string, boolean | number | string[]]>([
    ['false', false],
    ['', false],
    ['true', true],
    ['2', 2],
    ['0', 0],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, 127.0.0.1,', ['10.0.0.0/8', '127.0.0.1']],
  ])('parses %j', (value, expected) => {
    expect(loadConfig({ ...SECRETS, TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  it.each(['true', '1', '2'])('refuses %j in production, asking for the proxies’ addresses', (value) => {
    expect(() => loadConfig({ ...SECRETS, NODE_ENV: 'production', TRUST_PROXY: value })).toThrow(
      /TRUST_PROXY.*list the addresses/,
    );
  });

  it('accepts an explicit list in production', () => {
    expect(loadConfig({ ...SECRETS, NODE_ENV: 'production', TRUST_PROXY: '10.0.0.5' }).http.trustProxy).toEqual([
      '10.0.0.5',
    ]);
  });
});

/** `.env.example` at the repository root. */
const ENV_EXAMPLE = fileURLToPath(new URL('../../.env.example', import.meta.url));
const SCHEMA_KEYS = Object.keys(envSchema.shape).sort();

/**
 * `.env.example` read as the app would: `keys` every variable it sets or shows
 * commented out (`# NAME=…`), `values` what the uncommented lines set.
 * Undefined while the file does not exist.
 */
function readEnvExample(path = ENV_EXAMPLE): { keys: string[]; values: Record<string, string> } | undefined {
  if (!existsSync(path)) return undefined;
  const keys: string[] = [];
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(#?)\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    keys.push(match[2]);
    if (match[1] === '') values[match[2]] = match[3].trim();
  }
  return { keys, values };
}

function expectEverySchemaVariableListed(): void {
  const keys = readEnvExample()?.keys ?? [];
  expect(SCHEMA_KEYS.filter((k) => !keys.includes(k))).toEqual([]);
}

function expectNoUnknownVariableListed(): void {
  const keys = readEnvExample()?.keys ?? [];
  expect([...new Set(keys)].filter((k) => !SCHEMA_KEYS.includes(k))).toEqual([]);
}

function expectDefaultsShown(): void {
  const values = readEnvExample()?.values ?? {};
  expect(envSchema.parse(values)).toEqual(envSchema.parse({}));
}

describe('.env.example', () => {
  // Skipped only while the file does not exist at all; once it exists it must match the schema.
  const itWhenPresent = readEnvExample() === undefined ? it.skip : it;

  itWhenPresent('lists every variable of the schema', expectEverySchemaVariableListed);
  itWhenPresent('lists no variable the schema does not know', expectNoUnknownVariableListed);
  itWhenPresent('sets each variable it sets to its default', expectDefaultsShown);
});

describe('resolveSecrets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oversight-secrets-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the environment unchanged in production, even with secrets missing', () => {
    const file = join(dir, 'dev-secrets.json');
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', DEV_SECRETS_FILE: file };
    const result = resolveSecrets(env);
    expect(result.env).toBe(env);
    expect(result.fromFile).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(() => loadConfig(result.env)).toThrow(StartupError);
  });

  it('outside production generates the missing secrets into an owner-only file', () => {
    const file = join(dir, 'nested', 'dev-secrets.json');
    const result = resolveSecrets({ DEV_SECRETS_FILE: file });
    expect(result.fromFile.sort()).toEqual(['AUDIT_SIGNING_KEY', 'JWT_SECRET', 'PII_ENCRYPTION_KEYS']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const name of result.fromFile) expect(result.env[name]).toBe(stored[name]);
    // What it generates is valid configuration.
    expect(() => loadConfig(result.env)).not.toThrow();
  });

  it('reuses the same file on the second call', () => {
    const file = join(dir, 'dev-secrets.json');
    const first = resolveSecrets({ DEV_SECRETS_FILE: file });
    const written = readFileSync(file, 'utf8');
    const second = resolveSecrets({ DEV_SECRETS_FILE: file });
    expect(second.env).toEqual(first.env);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('leaves secrets given in the environment alone and does not store them', () => {
    const file = join(dir, 'dev-secrets.json');
    const result = resolveSecrets({ DEV_SECRETS_FILE: file, JWT_SECRET });
    expect(result.env.JWT_SECRET).toBe(JWT_SECRET);
    expect(result.fromFile).not.toContain('JWT_SECRET');
    expect(readFileSync(file, 'utf8')).not.toContain(JWT_SECRET);
  });

  it('writes nothing when every secret is given', () => {
    const file = join(dir, 'dev-secrets.json');
    const env: NodeJS.ProcessEnv = { ...SECRETS, DEV_SECRETS_FILE: file };
    expect(resolveSecrets(env)).toEqual({ env, fromFile: [] });
    expect(existsSync(file)).toBe(false);
  });
});

describe('readSecretFiles (NAME_FILE, the Docker-secrets way)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oversight-secret-files-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes `content` to a new file in the temporary directory and returns its path. */
  function secretFile(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  }

  /** The message of the StartupError `readSecretFiles` throws for `env`. */
  function fileErrorOf(env: NodeJS.ProcessEnv): string {
    try {
      readSecretFiles(env);
    } catch (err) {
      if (err instanceof StartupError) return err.message;
      throw err;
    }
    throw new Error('readSecretFiles accepted the environment');
  }

  it('starts a production process with every secret in a file, trailing line breaks dropped', () => {
    const password = randomBytes(24).toString('base64url');
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'production',
      JWT_SECRET_FILE: secretFile('jwt_secret', `${JWT_SECRET}\n`),
      PII_ENCRYPTION_KEYS_FILE: secretFile('pii_encryption_keys', `k1:${PII_KEY}\r\n`),
      AUDIT_SIGNING_KEY_FILE: secretFile('audit_signing_key', AUDIT_KEY),
      DATABASE_PASSWORD_FILE: secretFile('database_password', `${password}\n\n`),
      DATABASE_URL: 'postgres://postgres@db.internal:5432/oversight',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD_FILE: secretFile('bootstrap_admin_password', 'bootstrap-admin-password-1\n'),
    };
    const config = loadConfig(readSecretFiles(env));
    expect(config.env).toBe('production');
    expect(config.auth.jwtSecret).toBe(JWT_SECRET);
    expect(config.pii.keys.get('k1')?.toString('base64')).toBe(PII_KEY);
    expect(config.audit.signingKeySeed.toString('base64')).toBe(AUDIT_KEY);
    expect(config.auth.bootstrapAdmin?.password).toBe('bootstrap-admin-password-1');
    expect(config.database.url).toBe(`postgres://postgres:${password}@db.internal:5432/oversight`);
  });

  it('returns a new environment and leaves the one given alone', () => {
    const env: NodeJS.ProcessEnv = { JWT_SECRET_FILE: secretFile('jwt', JWT_SECRET) };
    const result = readSecretFiles(env);
    expect(result).not.toBe(env);
    expect(result.JWT_SECRET).toBe(JWT_SECRET);
    expect(env).toEqual({ JWT_SECRET_FILE: join(dir, 'jwt') });
  });

  it('changes nothing when no NAME_FILE is set', () => {
    expect(readSecretFiles({ ...SECRETS })).toEqual(SECRETS);
  });

  it('keeps spaces and inner line breaks: only trailing line breaks go', () => {
    const env = readSecretFiles({ JWT_SECRET_FILE: secretFile('jwt', ` ${JWT_SECRET}\nsecond line \n`) });
    expect(env.JWT_SECRET).toBe(` ${JWT_SECRET}\nsecond line `);
  });

  it('URL-encodes the database password into DATABASE_URL', () => {
    const password = 'p@ss:w/rd%?#&= ü';
    const env = readSecretFiles({
      DATABASE_URL: 'postgresql://app@127.0.0.1:5433/oversight?sslmode=disable',
      DATABASE_PASSWORD_FILE: secretFile('database_password', `${password}\n`),
    });
    const url = new URL(env.DATABASE_URL ?? '');
    expect(decodeURIComponent(url.password)).toBe(password);
    expect(url.username).toBe('app');
    expect(url.host).toBe('127.0.0.1:5433');
    expect(url.pathname).toBe('/oversight');
    expect(url.search).toBe('?sslmode=disable');
  });

  it('puts the database password into the default DATABASE_URL when none is set', () => {
    const env = readSecretFiles({ DATABASE_PASSWORD_FILE: secretFile('database_password', 'abc_DEF-123') });
    expect(env.DATABASE_URL).toBe('postgres://postgres:abc_DEF-123@127.0.0.1:5432/oversight');
  });

  it('treats an empty NAME as unset, and an empty NAME_FILE too', () => {
    expect(readSecretFiles({ JWT_SECRET: '', JWT_SECRET_FILE: secretFile('jwt', JWT_SECRET) }).JWT_SECRET).toBe(
      JWT_SECRET,
    );
    expect(readSecretFiles({ JWT_SECRET, JWT_SECRET_FILE: '' }).JWT_SECRET).toBe(JWT_SECRET);
  });

  it.each(FILE_SECRETS)('refuses %s together with its _FILE, naming both', (name) => {
    const value = 'value-set-directly-0123456789abcdef';
    const message = fileErrorOf({ [name]: value, [`${name}_FILE`]: secretFile('secret', JWT_SECRET) });
    expect(message).toBe(`Set ${name} or ${name}_FILE, not both.`);
  });

  it('puts the owner password into MIGRATION_DATABASE_URL, never into DATABASE_URL', () => {
    const env = readSecretFiles({
      DATABASE_URL: 'postgres://oversight_api@db:5432/oversight',
      DATABASE_PASSWORD_FILE: secretFile('database_password', 'app-secret-1'),
      MIGRATION_DATABASE_URL: 'postgres://postgres@db:5432/oversight',
      MIGRATION_DATABASE_PASSWORD_FILE: secretFile('postgres_password', 'owner-secret-2'),
    });
    expect(env.DATABASE_URL).toBe('postgres://oversight_api:app-secret-1@db:5432/oversight');
    expect(env.MIGRATION_DATABASE_URL).toBe('postgres://postgres:owner-secret-2@db:5432/oversight');
    const config = loadConfig({ ...env, ...SECRETS });
    expect(config.database.migrationUrl).toBe(env.MIGRATION_DATABASE_URL);
    expect(loadConfig({ ...SECRETS, DATABASE_URL: env.DATABASE_URL }).database.migrationUrl).toBe(env.DATABASE_URL);
    expect(fileErrorOf({ MIGRATION_DATABASE_PASSWORD_FILE: secretFile('p', 'x') })).toMatch(
      /MIGRATION_DATABASE_PASSWORD_FILE needs MIGRATION_DATABASE_URL/,
    );
  });

  it('refuses a password in DATABASE_URL together with DATABASE_PASSWORD_FILE', () => {
    const message = fileErrorOf({
      DATABASE_URL: 'postgres://postgres:url-password-123@db:5432/oversight',
      DATABASE_PASSWORD_FILE: secretFile('database_password', 'file-password-456'),
    });
    expect(message).toMatch(/DATABASE_URL.*DATABASE_PASSWORD_FILE/);
    expect(message).not.toMatch(/password-(123|456)/);
  });

  it.each([...FILE_SECRETS.map((name) => `${name}_FILE`), 'DATABASE_PASSWORD_FILE'])(
    'says which variable and path cannot be read: %s',
    (variable) => {
      const missing = join(dir, 'no-such-file');
      const message = fileErrorOf({ [variable]: missing });
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toContain(variable);
      expect(message).toContain(missing);
      expect(message).toContain('ENOENT');
    },
  );

  it('refuses a directory and an empty file, without echoing anything of the content', () => {
    expect(fileErrorOf({ AUDIT_SIGNING_KEY_FILE: dir })).toMatch(
      /^Cannot read AUDIT_SIGNING_KEY_FILE \(.*\): EISDIR\.$/,
    );
    const empty = secretFile('empty', '\n');
    expect(fileErrorOf({ AUDIT_SIGNING_KEY_FILE: empty })).toBe(
      `AUDIT_SIGNING_KEY_FILE (${JSON.stringify(empty)}) is empty.`,
    );
  });

  it('reports a bad key read from a file without echoing it', () => {
    const short = b64(16, 0x66);
    const env = readSecretFiles({ ...SECRETS, AUDIT_SIGNING_KEY: '', AUDIT_SIGNING_KEY_FILE: secretFile('a', short) });
    expect(startupErrorOf(env)).toMatch(/^Invalid environment variable AUDIT_SIGNING_KEY: /);
    expect(startupErrorOf(env)).not.toContain(short);
  });

  it('counts a secret read from a file as set, so no development secret is generated for it', () => {
    const devFile = join(dir, 'dev-secrets.json');
    const env = readSecretFiles({ DEV_SECRETS_FILE: devFile, JWT_SECRET_FILE: secretFile('jwt', JWT_SECRET) });
    const result = resolveSecrets(env);
    expect(result.env.JWT_SECRET).toBe(JWT_SECRET);
    expect(result.fromFile).not.toContain('JWT_SECRET');
  });
});

describe('startup errors never repeat secrets (review findings)', () => {
  it.each(['61 * * * *', 'a b c d e', '*/15 * * * MON-XYZ', '* * 32 13 8'])('rejects the cron %j at start', (cron) => {
    expect(() => loadConfig({ ...SECRETS, OVERDUE_SCAN_CRON: cron })).toThrow(StartupError);
  });

  it('does not echo a PII key given in the wrong order', () => {
    const key = Buffer.alloc(32, 0xfb).toString('base64');
    expect(() => loadConfig({ ...SECRETS, PII_ENCRYPTION_KEYS: `${key}:k1` })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(key) }),
    );
  });

  it.each([
    ['DATABASE_URL', 'mysql://app:db-password-123@db/x'],
    ['REDIS_URL', 'http://:redis-password-123@c:6379'],
    ['SMTP_URL', 'mail://m:smtp-password-123@m:587'],
  ])('does not echo the password in a bad %s', (name, value) => {
    expect(() => loadConfig({ ...SECRETS, [name]: value })).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/password-123/) }),
    );
  });
});
