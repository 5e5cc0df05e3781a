import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidationFailed, type FieldError } from './domain-errors.js';

/** Unknown fields are refused, known ones converted to their declared types. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value is needed to tell a missing field from a wrong one; `flatten` never copies it into the problem.
    validationError: { target: false, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

const UNKNOWN_FIELD = 'whitelistValidation';

/**
 * One entry per failed constraint, named by its dotted path. A required field that is absent gets one entry,
 * "<field> is required", instead of whichever of its rules (length, range, pattern) happened to run first.
 */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (error.value === undefined && names.length > 0 && !names.includes(UNKNOWN_FIELD)) {
      return [{ field, message: `${field} is required` }];
    }
    const own = Object.values(constraints).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Trims a string before it is validated, so `MinLength` counts what is stored (`'   '` is not a name). */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
