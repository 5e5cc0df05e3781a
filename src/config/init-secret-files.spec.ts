import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_SERVER_FILES, initSecretFiles, SECRET_FILES } from './init-secret-files.js';
import { loadConfig } from './load-config.js';
import { readSecretFiles } from './read-secret-files.js';

const NAMES = [...Object.keys(SECRET_FILES), ...Object.keys(DATABASE_SERVER_FILES)].sort();

describe('initSecretFiles (npm run secrets:init)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'oversight-init-secrets-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the directory and every file, mode 0640, values the app accepts', () => {
    const dir = join(root, 'nested', 'secrets');
    const result = initSecretFiles(dir);
    expect([...result.created].sort()).toEqual(NAMES);
    expect(result.kept).toEqual([]);
    // No temporary file left behind.
    expect(readdirSync(dir).sort()).toEqual(NAMES);
    for (const name of NAMES) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o640);

    const password = readFileSync(join(dir, 'database_password'), 'utf8').trimEnd();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(join(dir, 'pii_encryption_keys'), 'utf8')).toMatch(/^k1:[A-Za-z0-9+/]{43}=\n$/);

    const config = loadConfig(
      readSecretFiles({
        NODE_ENV: 'production',
        JWT_SECRET_FILE: join(dir, 'jwt_secret'),
        PII_ENCRYPTION_KEYS_FILE: join(dir, 'pii_encryption_keys'),
        AUDIT_SIGNING_KEY_FILE: join(dir, 'audit_signing_key'),
        DATABASE_PASSWORD_FILE: join(dir, 'database_password'),
        DATABASE_URL: 'postgres://postgres@postgres:5432/oversight',
      }),
    );
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.audit.signingKeySeed).toHaveLength(32);
    expect(config.database.url).toBe(`postgres://postgres:${password}@postgres:5432/oversight`);
  });

  it('never overwrites: a second run keeps every file as it was', () => {
    const dir = join(root, 'secrets');
    initSecretFiles(dir);
    const before = NAMES.map((name) => readFileSync(join(dir, name), 'utf8'));
    const second = initSecretFiles(dir);
    expect(second.created).toEqual([]);
    expect([...second.kept].sort()).toEqual(NAMES);
    expect(NAMES.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(before);
  });

  it('keeps a file an operator put there before the first run and creates only the others', () => {
    const dir = join(root, 'secrets');
    mkdirSync(dir);
    const own = `k7:${Buffer.alloc(32, 7).toString('base64')}`;
    writeFileSync(join(dir, 'pii_encryption_keys'), own, { mode: 0o600 });
    const result = initSecretFiles(dir);
    expect(result.kept).toEqual(['pii_encryption_keys']);
    expect([...result.created].sort()).toEqual(NAMES.filter((n) => n !== 'pii_encryption_keys'));
    expect(readFileSync(join(dir, 'pii_encryption_keys'), 'utf8')).toBe(own);
    expect(statSync(join(dir, 'pii_encryption_keys')).mode & 0o777).toBe(0o600);
  });

  it('keeps the database server file apart from the app keys when given a second directory', () => {
    const app = join(root, 'app');
    const database = join(root, 'database');
    initSecretFiles(app, database);
    expect(readdirSync(database)).toEqual(['postgres_password']);
    expect(readdirSync(app).sort()).toEqual(Object.keys(SECRET_FILES).sort());
    expect(readdirSync(app)).toContain('audit_signing_key');
    expect(readFileSync(join(app, 'bootstrap_admin_password'), 'utf8').trimEnd()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(join(database, 'postgres_password'), 'utf8')).not.toBe(
      readFileSync(join(app, 'database_password'), 'utf8'),
    );
  });
});
