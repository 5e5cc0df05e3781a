import { envSchema, type Env } from './env.schema.js';
import type { AppConfig, AuthConfig, HttpConfig } from './app-config.js';
import { StartupError } from '../common/startup-error.js';

/**
 * Validates the environment and shapes it into {@link AppConfig}. Pure: reads
 * no file. `*_FILE` variables must have been read before (see `readSecretFiles`)
 * and missing development secrets filled in (see `resolveSecrets`); here a
 * missing secret is an error with the command that makes one.
 */
export function loadConfig(raw: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = shownValue(name, raw[name]);
    throw new StartupError(
      `Invalid environment variable ${name}${shown}: ${issue.message}. See .env.example for the accepted values.`,
    );
  }
  return shapeConfig(parsed.data);
}

function shapeConfig(env: Env): AppConfig {
  return {
    env: env.NODE_ENV,
    processes: {
      apiEnabled: env.API_ENABLED,
      workersEnabled: env.WORKERS_ENABLED,
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    },
    http: {
      host: env.HOST,
      port: env.PORT,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: list(env.CORS_ORIGINS),
      trustProxy: parseTrustProxy(env.TRUST_PROXY, env.NODE_ENV),
      metricsToken: env.METRICS_TOKEN,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      expensiveConcurrency: env.EXPENSIVE_ROUTE_CONCURRENCY,
    },
    log: { level: env.LOG_LEVEL, pretty: prettyLogs(env), file: env.LOG_FILE === '' ? undefined : env.LOG_FILE },
    database: {
      url: env.DATABASE_URL,
      migrationUrl: env.MIGRATION_DATABASE_URL === '' ? env.DATABASE_URL : env.MIGRATION_DATABASE_URL,
      allowPrivilegedLogin: env.ALLOW_PRIVILEGED_DATABASE_LOGIN,
      appRole: env.DATABASE_APP_ROLE,
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      createIfMissing: env.DATABASE_CREATE_IF_MISSING,
      runMigrations: env.MIGRATIONS_RUN,
    },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    auth: {
      jwtSecret: required(env, 'JWT_SECRET', 'openssl rand -base64 48', (v) =>
        v.length >= 32 ? undefined : 'must be at least 32 characters',
      ),
      jwtIssuer: env.JWT_ISSUER,
      jwtAudience: env.JWT_AUDIENCE,
      jwtExpiresInSeconds: env.JWT_EXPIRES_IN_SECONDS,
      sessionIdleSeconds: env.SESSION_IDLE_MINUTES * 60,
      sessionMaxSeconds: env.SESSION_MAX_HOURS * 3_600,
      loginLimits: {
        windowSeconds: env.LOGIN_WINDOW_SECONDS,
        maxAttemptsPerAddress: env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
        maxFailuresPerAccountAddress: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
        slowAfter: env.LOGIN_ACCOUNT_SLOW_AFTER,
        baseDelayMs: 1_000,
        maxDelayMs: env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
        accountWindowSeconds: 86_400,
        knownAddressDays: 30,
      },
      bootstrapAdmin: bootstrapAdmin(env),
    },
    pii: parsePiiKeys(
      required(env, 'PII_ENCRYPTION_KEYS', 'echo "k1:$(openssl rand -base64 32)"', (v) =>
        tryParse(() => parsePiiKeys(v)),
      ),
    ),
    audit: {
      signingKeySeed: decodeKey(
        required(env, 'AUDIT_SIGNING_KEY', 'openssl rand -base64 32', (v) =>
          tryParse(() => decodeKey(v, 'AUDIT_SIGNING_KEY')),
        ),
        'AUDIT_SIGNING_KEY',
      ),
      verifyPublicKeys: parseVerifyKeys(env.AUDIT_VERIFY_KEYS),
      checkpointCron: env.AUDIT_CHECKPOINT_CRON,
    },
    cases: {
      recoveryPeriodDays: env.RECOVERY_PERIOD_DAYS,
      idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
    },
    alerts: {
      overdueScanCron: env.OVERDUE_SCAN_CRON,
      screeningMaxHours: env.SCREENING_MAX_HOURS,
      rgDecisionMaxWorkingDays: env.RG_DECISION_MAX_WORKING_DAYS,
      maxDetentionDays: env.MAX_DETENTION_DAYS,
      escalateAfterHours: env.ALERT_ESCALATE_HOURS,
      commissionerEmail: env.COMMISSIONER_ALERT_EMAIL,
      visitLateDays: env.VISIT_LATE_DAYS,
      visitReportDays: env.VISIT_REPORT_DAYS,
    },
    mail: {
      smtpUrl: env.SMTP_URL === '' ? undefined : env.SMTP_URL,
      from: env.MAIL_FROM,
      outboxDir: env.MAIL_OUTBOX_DIR,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      backoffMs: env.MAIL_BACKOFF_MS,
      sweepSeconds: env.OUTBOX_SWEEP_SECONDS,
      claimSeconds: env.MAIL_CLAIM_SECONDS,
    },
    sampling: {
      cron: env.SAMPLING_CRON,
      rate: env.SAMPLING_RATE,
      negativeRate: env.SAMPLING_NEGATIVE_RATE,
      minPerStratum: env.SAMPLING_MIN_PER_STRATUM,
      reviewResponseDays: env.REVIEW_RESPONSE_DAYS,
    },
    exports: { k: env.EXPORT_K },
    recommendations: {
      responseDays: env.RECOMMENDATION_RESPONSE_DAYS,
      urgentResponseDays: env.RECOMMENDATION_URGENT_RESPONSE_DAYS,
    },
    investigations: { commentDays: env.INVESTIGATION_COMMENT_DAYS },
    complaints: { triageWorkingDays: env.COMPLAINT_TRIAGE_WORKING_DAYS },
  };
}

/** Readable one-line logs for a developer at a terminal; JSON everywhere else (and to files). */
function prettyLogs(env: Env): boolean {
  if (env.LOG_PRETTY !== 'auto') return env.LOG_PRETTY === 'true';
  if (env.NODE_ENV !== 'development' || env.LOG_FILE !== '' || !process.stdout.isTTY) return false;
  try {
    // pino-pretty is a development dependency: absent from production images.
    import.meta.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** What a startup error may repeat of a bad value: never a secret, never a URL's password. */
function shownValue(name: string, got: string | undefined): string {
  if (got === undefined || /SECRET|KEY|PASSWORD|TOKEN/.test(name)) return '';
  if (/_URL$/.test(name)) {
    const masked = got.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
    return ` (got "${masked}")`;
  }
  return ` (got "${got}")`;
}

function required(
  env: Env,
  name: 'JWT_SECRET' | 'PII_ENCRYPTION_KEYS' | 'AUDIT_SIGNING_KEY',
  howToMake: string,
  check: (value: string) => string | undefined,
): string {
  const value = env[name];
  if (value === undefined) {
    throw new StartupError(`${name} is not set. Generate one with: ${howToMake}`);
  }
  const problem = check(value);
  if (problem) throw new StartupError(`Invalid environment variable ${name}: ${problem}.`);
  return value;
}

function tryParse(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** `k2:<base64>,k1:<base64>`: the first key encrypts, every key decrypts. */
export function parsePiiKeys(value: string): { keys: Map<string, Buffer>; activeKeyId: string } {
  const keys = new Map<string, Buffer>();
  for (const entry of list(value)) {
    const at = entry.indexOf(':');
    if (at <= 0) throw new Error('each key must look like <keyId>:<base64 of 32 bytes>');
    const id = entry.slice(0, at);
    // The id is not repeated: a key written the wrong way round would put the key itself in the message.
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error('a key id may use only letters, digits, _ and - (1–32)');
    if (keys.has(id)) throw new Error(`key id ${id} appears twice`);
    keys.set(id, decodeKey(entry.slice(at + 1), `key ${id}`));
  }
  const activeKeyId = keys.keys().next().value;
  if (activeKeyId === undefined) throw new Error('at least one key is needed');
  return { keys, activeKeyId };
}

function decodeKey(value: string, what: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes encoded as base64`);
  return key;
}

function bootstrapAdmin(env: Env): AuthConfig['bootstrapAdmin'] {
  const email = env.BOOTSTRAP_ADMIN_EMAIL;
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!email && !password) return undefined;
  if (!email || !password) {
    throw new StartupError('Set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither.');
  }
  if (password.length < 12) {
    throw new StartupError('Invalid environment variable BOOTSTRAP_ADMIN_PASSWORD: must be at least 12 characters.');
  }
  return { email: email.toLowerCase(), password };
}

function parseTrustProxy(value: string, nodeEnv: Env['NODE_ENV']): HttpConfig['trustProxy'] {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  // `true` or a hop count believes X-Forwarded-For from whoever connects: any client could then pick the address the
  // login limits count. Production names its proxies.
  if (nodeEnv === 'production' && (v === 'true' || /^\d+$/.test(v))) {
    throw new StartupError(
      `Invalid environment variable TRUST_PROXY (got "${v}"): in production, list the addresses or CIDR ranges of ` +
        'your proxies (e.g. TRUST_PROXY=10.0.0.5,10.0.1.0/24) so that no client can choose its own address.',
    );
  }
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return list(v);
}

/** Ed25519 public keys (base64 of the raw 32 bytes) of earlier signing keys, kept to verify their checkpoints. */
function parseVerifyKeys(value: string): Buffer[] {
  return list(value).map((entry, i) => {
    const key = Buffer.from(entry, 'base64');
    if (key.length !== 32 || key.toString('base64') !== entry) {
      throw new StartupError(
        `Invalid environment variable AUDIT_VERIFY_KEYS: key ${i + 1} is not the base64 of a 32-byte Ed25519 public key.`,
      );
    }
    return key;
  });
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
