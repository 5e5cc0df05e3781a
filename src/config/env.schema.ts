import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/**
 * Every environment variable the service reads, with its default. `.env.example`
 * is checked against this schema by a unit test, so the two cannot drift.
 */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const rate = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

/** Parsed with the same library BullMQ's job schedulers use, so a value accepted here is accepted there. */
const cron = (fallback: string) =>
  z
    .string()
    .regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression with 5 or 6 fields')
    .refine((v) => {
      try {
        CronExpressionParser.parse(v, { tz: 'UTC' });
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid cron expression')
    .default(fallback);

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

/** A path to a file holding a secret (Docker secrets); read by `readSecretFiles` before validation. */
const secretFile = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const url = (protocols: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  PUBLIC_BASE_URL: url(['http:', 'https:'], 'http://localhost:3000'),
  API_ENABLED: bool(true),
  WORKERS_ENABLED: bool(true),
  BODY_LIMIT_BYTES: int(1_048_576, 1024),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.string().default('false'),
  SHUTDOWN_GRACE_MS: int(10_000, 0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_FILE: z.string().default(''),
  METRICS_TOKEN: optionalSecret,

  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/oversight'),
  DATABASE_PASSWORD_FILE: secretFile,
  MIGRATION_DATABASE_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must be empty or a URL starting with postgres://'),
  MIGRATION_DATABASE_PASSWORD_FILE: secretFile,
  ALLOW_PRIVILEGED_DATABASE_LOGIN: bool(false),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case PostgreSQL role name')
    .default('oversight_app'),
  DATABASE_POOL_SIZE: int(20, 1, 500),
  DATABASE_STATEMENT_TIMEOUT_MS: int(30_000, 0),
  DATABASE_CREATE_IF_MISSING: bool(true),
  MIGRATIONS_RUN: bool(true),

  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/)
    .default('oversight'),

  JWT_SECRET: optionalSecret,
  JWT_SECRET_FILE: secretFile,
  JWT_ISSUER: z.string().min(1).default('oversight'),
  JWT_AUDIENCE: z.string().min(1).default('oversight-api'),
  JWT_EXPIRES_IN_SECONDS: int(900, 30, 86_400),
  SESSION_IDLE_MINUTES: int(30, 1, 1_440),
  SESSION_MAX_HOURS: int(12, 1, 720),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: int(5, 1),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: int(300, 1),
  LOGIN_WINDOW_SECONDS: int(900, 1),
  RATE_LIMIT_PER_MINUTE: int(600, 1),
  EXPENSIVE_ROUTE_CONCURRENCY: int(2, 1, 100),
  LOGIN_ACCOUNT_SLOW_AFTER: int(20, 1),
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: int(300, 1, 86_400),
  BOOTSTRAP_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  BOOTSTRAP_ADMIN_PASSWORD: optionalSecret,
  BOOTSTRAP_ADMIN_PASSWORD_FILE: secretFile,
  DEV_SECRETS_FILE: z.string().default('var/dev-secrets.json'),

  PII_ENCRYPTION_KEYS: optionalSecret,
  PII_ENCRYPTION_KEYS_FILE: secretFile,
  AUDIT_SIGNING_KEY: optionalSecret,
  AUDIT_SIGNING_KEY_FILE: secretFile,
  AUDIT_VERIFY_KEYS: z.string().default(''),
  AUDIT_CHECKPOINT_CRON: cron('*/10 * * * *'),
  IDEMPOTENCY_TTL_HOURS: int(24, 1),

  RECOVERY_PERIOD_DAYS: int(30, 0, 3650),

  OVERDUE_SCAN_CRON: cron('*/15 * * * *'),
  SCREENING_MAX_HOURS: int(48, 1),
  RG_DECISION_MAX_WORKING_DAYS: int(5, 1),
  MAX_DETENTION_DAYS: int(28, 1),
  ALERT_ESCALATE_HOURS: int(24, 1),
  VISIT_LATE_DAYS: int(7, 1),
  VISIT_REPORT_DAYS: int(28, 1),
  COMMISSIONER_ALERT_EMAIL: z.email().default('commissioner-alerts@oversight.invalid'),
  SMTP_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^smtps?:\/\//.test(v), 'must be empty or start with smtp:// or smtps://'),
  MAIL_FROM: z.string().min(3).default('Oversight alerts <alerts@oversight.invalid>'),
  MAIL_OUTBOX_DIR: z.string().default('var/mail'),
  MAIL_MAX_ATTEMPTS: int(8, 1, 50),
  MAIL_BACKOFF_MS: int(5_000, 10),
  OUTBOX_SWEEP_SECONDS: int(60, 1, 3_600),
  MAIL_CLAIM_SECONDS: int(90, 1, 3_600),

  SAMPLING_CRON: cron('0 2 * * 1'),
  SAMPLING_RATE: rate(0.05),
  SAMPLING_NEGATIVE_RATE: rate(0.2),
  SAMPLING_MIN_PER_STRATUM: int(1, 0),
  REVIEW_RESPONSE_DAYS: int(28, 1),

  EXPORT_K: int(11, 2),

  RECOMMENDATION_RESPONSE_DAYS: int(28, 1),
  RECOMMENDATION_URGENT_RESPONSE_DAYS: int(7, 1),

  INVESTIGATION_COMMENT_DAYS: int(14, 1),
  COMPLAINT_TRIAGE_WORKING_DAYS: int(10, 1),
});

export type Env = z.infer<typeof envSchema>;
