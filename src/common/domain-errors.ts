/**
 * Errors that domain code and services throw. They know nothing of HTTP; one
 * exception filter (`problem-details.filter.ts`) maps each kind to a status
 * and an RFC 9457 body.
 */
export interface FieldError {
  field: string;
  message: string;
}

export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Short, stable slug naming the problem type, e.g. `version-conflict`. */
  abstract readonly code: string;
  /** Extension members added to the problem body (never personal data). */
  readonly extensions: Record<string, unknown> = {};
}

export class ValidationFailed extends DomainError {
  readonly kind = 'validation';
  readonly code = 'validation-failed';
  constructor(
    readonly errors: FieldError[],
    message = 'The request is not valid.',
  ) {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code = 'unauthenticated';
  constructor(message = 'A valid bearer token or API key is required.') {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(
    message = 'You may not do this.',
    readonly code: string = 'forbidden',
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'not-found';
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    Object.assign(this.extensions, extensions);
  }
}

export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
  constructor(
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    Object.assign(this.extensions, extensions);
  }
}

export class TooManyRequests extends DomainError {
  readonly kind = 'too_many_requests';
  readonly code = 'too-many-requests';
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Try again later.',
  ) {
    super(message);
  }
}

export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** `value`, or NotFound naming `what` when there is none (a row the caller may not read counts as none). */
export function orNotFound<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new NotFound(what);
  return value;
}
