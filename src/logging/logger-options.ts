import type { Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { LogConfig } from '../config/app-config.js';

/**
 * Paths that must never reach a log line: credentials and the personal data
 * of the people in the cases (SPEC §2 PII fields), wherever they appear.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.accessToken',
  '*.token',
  '*.key',
  '*.secret',
  '*.name',
  '*.dateOfBirth',
  '*.documentNumber',
  '*.contact',
  '*.subject',
  '*.email',
  'err.parameters',
];

export function loggerParams(log: LogConfig): Params {
  const options = {
    level: log.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    transport: log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    // The request id is fastify's (see http-app.ts), copied onto the raw request.
    genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        // Paths carry ids only; query strings are dropped in case a filter ever names a person.
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  } satisfies NonNullable<Params['pinoHttp']>;
  return {
    pinoHttp: log.file
      ? [options, pino.destination({ dest: log.file, append: true, sync: false, mkdir: true })]
      : options,
  };
}
