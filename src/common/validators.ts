import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

/**
 * An ISO-8601 calendar date-time with an explicit offset (`Z` or `±hh:mm`), so no one's local time is guessed.
 * Week (`2026-W01-1T…`) and ordinal (`2026-001T…`) dates are valid ISO 8601 too, but JavaScript's Date cannot
 * read them (an Invalid Date would reach the database): only `YYYY-MM-DD` dates are accepted.
 */
export function IsTimestamp(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss) with Z or an offset',
    }),
  );
}

/** An optional UUID (a filter or a reference): documented as `format: uuid`, validated as one when present. */
export function OptionalUuid(description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID());
}
