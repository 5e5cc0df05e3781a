import type { LoginLimits } from '../auth/domain/login-limits.js';
import type { Env } from './env.schema.js';

/**
 * The validated configuration, one plain object per area. It doubles as the
 * DI token (an abstract class), so `constructor(private readonly config:
 * AppConfig)` is all a provider needs. Domain code receives plain values
 * from it, never the object itself.
 */
export abstract class AppConfig {
  abstract readonly env: Env['NODE_ENV'];
  abstract readonly http: HttpConfig;
  abstract readonly log: LogConfig;
  abstract readonly database: DatabaseConfig;
  abstract readonly redis: RedisConfig;
  abstract readonly auth: AuthConfig;
  abstract readonly pii: PiiConfig;
  abstract readonly audit: AuditConfig;
  abstract readonly cases: CasesConfig;
  abstract readonly alerts: AlertsConfig;
  abstract readonly mail: MailConfig;
  abstract readonly sampling: SamplingConfig;
  abstract readonly exports: ExportsConfig;
  abstract readonly recommendations: RecommendationsConfig;
  abstract readonly investigations: InvestigationsConfig;
  abstract readonly complaints: ComplaintsConfig;
  abstract readonly processes: ProcessesConfig;
}

export interface ProcessesConfig {
  apiEnabled: boolean;
  workersEnabled: boolean;
  shutdownGraceMs: number;
}

export interface HttpConfig {
  host: string;
  port: number;
  publicBaseUrl: string;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Passed to fastify's `trustProxy`: false, true, a hop count or address list. */
  trustProxy: boolean | number | string[];
  metricsToken: string | undefined;
  /** Requests per authenticated caller per minute (429 above). */
  rateLimitPerMinute: number;
  /** Requests of one expensive route group (reports, verify, scans, exports, sampling) in flight per process. */
  expensiveConcurrency: number;
}

export interface LogConfig {
  level: Env['LOG_LEVEL'];
  pretty: boolean;
  /** Append JSON lines to this file instead of stdout (empty: stdout). */
  file: string | undefined;
}

export interface DatabaseConfig {
  url: string;
  /** The owner login that applies migrations (MIGRATION_DATABASE_URL; DATABASE_URL when unset). */
  migrationUrl: string;
  /** Start in production even when the app's login is a superuser or owns the tables (logged loudly). */
  allowPrivilegedLogin: boolean;
  appRole: string;
  poolSize: number;
  statementTimeoutMs: number;
  createIfMissing: boolean;
  runMigrations: boolean;
}

export interface RedisConfig {
  url: string;
  queuePrefix: string;
}

export interface AuthConfig {
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  jwtExpiresInSeconds: number;
  /** Console sessions (SPEC §15): a refresh token unused this long ends the session… */
  sessionIdleSeconds: number;
  /** …and no session outlives this, however active. */
  sessionMaxSeconds: number;
  loginLimits: LoginLimits;
  bootstrapAdmin: { email: string; password: string } | undefined;
}

export interface PiiConfig {
  /** Key id → 32-byte AES-256-GCM key; `activeKeyId` encrypts, all decrypt. */
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
}

export interface AuditConfig {
  /** 32-byte Ed25519 seed; the database never holds it. */
  signingKeySeed: Buffer;
  /** Raw Ed25519 public keys of retired signing keys: their checkpoints still verify (key rotation). */
  verifyPublicKeys: Buffer[];
  checkpointCron: string;
}

export interface CasesConfig {
  recoveryPeriodDays: number;
  idempotencyTtlHours: number;
}

export interface AlertsConfig {
  overdueScanCron: string;
  screeningMaxHours: number;
  rgDecisionMaxWorkingDays: number;
  maxDetentionDays: number;
  escalateAfterHours: number;
  commissionerEmail: string;
  /** SPEC §12: a planned visit this many days after its day is overdue; a started one without report after this many. */
  visitLateDays: number;
  visitReportDays: number;
}

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  maxAttempts: number;
  backoffMs: number;
  /** How often undelivered messages are looked for and queued again. */
  sweepSeconds: number;
  /** How long a delivery holds its claim; a worker that dies mid-send is taken over after this. */
  claimSeconds: number;
}

export interface SamplingConfig {
  cron: string;
  rate: number;
  negativeRate: number;
  minPerStratum: number;
  reviewResponseDays: number;
}

export interface ExportsConfig {
  k: number;
}

/** SPEC §12: days an addressed agency has to answer a recommendation. */
export interface RecommendationsConfig {
  responseDays: number;
  urgentResponseDays: number;
}

/** SPEC §13: days the agencies in scope have to comment on the facts of a draft report. */
export interface InvestigationsConfig {
  commentDays: number;
}

/** SPEC §12, §13: working days (Monday–Friday) the office has to triage a complaint. */
export interface ComplaintsConfig {
  triageWorkingDays: number;
}
