import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * Applies decorators as if written as a stack top to bottom (the last one first), so the validation messages
 * of a property keep the order they had when the stack was spelled out in the DTO.
 */
function stack(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** A string of `min` to `max` characters. */
export function Text(min: number, max: number): PropertyDecorator {
  return stack(IsString(), MinLength(min), MaxLength(max));
}

/**
 * A required nested object of class `type`. ValidateNested alone passes an array (it validates each of its,
 * possibly zero, elements): `[]` reached SQL, hence IsObject.
 */
export function NestedObject(type: new () => object): PropertyDecorator {
  return stack(
    ApiProperty({ type }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}

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

/**
 * A field a partial update may leave out but not clear: absent skips its checks, `null` is checked (and refused)
 * like any other value. `@IsOptional()` would let `null` through to a NOT NULL column: a 500, not a 400.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}
