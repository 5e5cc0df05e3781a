import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
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
