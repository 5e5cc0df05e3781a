import { HttpException } from '@nestjs/common';
import { DomainError, TooManyRequests, Unavailable, Unprocessable, ValidationFailed } from './domain-errors.js';
import { problemType, statusTitle, type ProblemDetails } from './problem-details.js';

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
  /** True when the cause is ours, not the client's: log it with its stack. */
  unexpected: boolean;
}

const KIND_STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
};

/** Problem members with a fixed meaning; a domain error's extensions may not set them. */
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors', 'requestId']);

/** Fastify's own error codes for what arrives before a route handler runs. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'content-too-large', detail: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    detail: 'The body is empty but the content type says JSON.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    detail: 'The body is not valid JSON, or it uses a forbidden key (__proto__, constructor.prototype).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad-request',
    detail: 'Content-Length does not match the body.',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'bad-request', detail: 'The URL is malformed.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'unsupported-media-type', detail: 'The content type is invalid.' },
};

/** PostgreSQL and driver failures that mean "the database is not there right now". */
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
/** Text PostgreSQL cannot store (NUL, or characters outside the encoding): bad input. */
const UNSTORABLE_TEXT_PG_CODES = new Set(['22021', '22P05']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function toProblem(error: unknown, requestId: string | undefined): ProblemResponse {
  const base = (status: number, code: string, detail: string | undefined): ProblemDetails => ({
    type: code === 'about:blank' ? 'about:blank' : problemType(code),
    title: statusTitle(status),
    status,
    ...(detail ? { detail } : {}),
    ...(requestId ? { requestId } : {}),
  });

  if (error instanceof DomainError) {
    const status = KIND_STATUS[error.kind];
    const body = base(status, error.code, error.message);
    if (error instanceof ValidationFailed || (error instanceof Unprocessable && error.errors.length > 0)) {
      body.errors = error.errors;
    }
    // An extension never overwrites a member RFC 9457 or this API defines (a `status` extension once did).
    for (const [key, value] of Object.entries(error.extensions)) {
      if (!RESERVED_MEMBERS.has(key)) body[key] = value;
    }
    const headers: Record<string, string> = {};
    if (error instanceof TooManyRequests || (error instanceof Unavailable && error.retryAfterSeconds !== undefined)) {
      headers['retry-after'] = String(error.retryAfterSeconds);
    }
    if (error.kind === 'unauthenticated') headers['www-authenticate'] = 'Bearer';
    return { status, body, headers, unexpected: false };
  }

  // Nest wraps Fastify's own 4xx errors (body parsing, media type) in an HttpException; the code is on the cause.
  const fastifyCode = fastifyErrorCode(error);
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
    const known = FASTIFY_CODES[fastifyCode];
    return { status: known.status, body: base(known.status, known.code, known.detail), headers: {}, unexpected: false };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : undefined;
    const detail = status === 404 ? 'No such resource.' : status >= 500 ? undefined : message;
    return { status, body: base(status, 'about:blank', detail), headers: {}, unexpected: status >= 500 };
  }

  const e = error as {
    code?: unknown;
    statusCode?: unknown;
    severity?: unknown;
    driverError?: { code?: unknown; severity?: unknown };
  } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (
    error instanceof SyntaxError ||
    (typeof e?.statusCode === 'number' && e.statusCode === 400 && code?.startsWith('FST_'))
  ) {
    return {
      status: 400,
      body: base(400, 'malformed-json', 'The body is not valid JSON.'),
      headers: {},
      unexpected: false,
    };
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const status = e.statusCode;
    return { status, body: base(status, 'about:blank', undefined), headers: {}, unexpected: false };
  }

  const pgCode = typeof e?.driverError?.code === 'string' ? e.driverError.code : code;
  // FATAL: PostgreSQL ended or refused the session (e.g. the database does not accept connections right now).
  const fatal = [e?.severity, e?.driverError?.severity].some((s) => s === 'FATAL' || s === 'PANIC');
  if (
    (pgCode && (UNAVAILABLE_PG_CODES.has(pgCode) || UNAVAILABLE_NODE_CODES.has(pgCode))) ||
    fatal ||
    isPoolTimeout(error)
  ) {
    return {
      status: 503,
      body: base(503, 'database-unavailable', 'The database is not reachable right now. Try again shortly.'),
      headers: { 'retry-after': '5' },
      unexpected: true,
    };
  }
  if (pgCode && UNSTORABLE_TEXT_PG_CODES.has(pgCode)) {
    // e.g. a NUL character in a string: the client's input, not our fault.
    return {
      status: 400,
      body: base(400, 'invalid-characters', 'The request contains characters that cannot be stored (such as NUL).'),
      headers: {},
      unexpected: false,
    };
  }
  if (pgCode === '57014') {
    return {
      status: 503,
      body: base(503, 'timeout', 'The request took too long. Try again shortly.'),
      headers: { 'retry-after': '5' },
      unexpected: true,
    };
  }

  return {
    status: 500,
    body: base(500, 'about:blank', 'Something went wrong on our side. The request id identifies it in our logs.'),
    headers: {},
    unexpected: true,
  };
}

function isPoolTimeout(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return (
    message.includes('timeout exceeded when trying to connect') ||
    message.includes('Connection terminated') ||
    message.includes('Cannot use a pool after calling end')
  );
}

function fastifyErrorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string' && own.startsWith('FST_')) return own;
  const cause = error instanceof HttpException ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof cause === 'string' && cause.startsWith('FST_') ? cause : undefined;
}
