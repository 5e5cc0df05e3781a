import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** An ISO-8601 timestamp with an explicit offset (`Z` or `±hh:mm`), so no one's local time is guessed. */
export function IsTimestamp(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO-8601 date-time with Z or an offset',
    }),
  );
}
