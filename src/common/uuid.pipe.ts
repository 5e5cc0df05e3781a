import { Injectable, Param, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ValidationFailed } from './domain-errors.js';
import { isUuid } from './ids.js';

/** Route ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUuid(value)) throw new ValidationFailed([{ field: meta.data ?? 'id', message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}

/** A path parameter that must be a UUID: validated by {@link UuidPipe} and documented as `format: uuid`. */
export function IdParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, UuidPipe)(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiParam({ name, schema: { type: 'string', format: 'uuid' } })(target, key!, descriptor);
  };
}
