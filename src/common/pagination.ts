import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from './domain-errors.js';
import { isUuid } from './ids.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s `nextCursor`.', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of a small JSON position. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string | undefined,
  keys: readonly K[],
  valid: (position: Record<K, string>) => boolean = () => true,
): Record<K, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string') &&
      // A forged position (e.g. an id that is no UUID) must not reach SQL as a 500.
      valid(value as Record<K, string>)
    ) {
      return value as Record<K, string>;
    }
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
}

const ISSUED_TIMESTAMP = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A timestamp as cursors carry it (`toISOString()` of a stored time). `Date.parse` is not enough: it takes
 * `"1"`, `2026-02-30T…` or year 0, which PostgreSQL refuses — a forged cursor must be a 400, not a 500.
 */
export function isCursorTimestamp(value: string): boolean {
  return ISSUED_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

/** The plainest keyset position: rows ordered by their UUID (v7, so by creation). */
export function decodeIdCursor(cursor: string | undefined): { id: string } | undefined {
  return decodeCursor<'id'>(cursor, ['id'], (p) => isUuid(p.id));
}

/** The usual keyset position: a stored time under `timeKey`, ties broken by the row's UUID. */
export function decodeTimeIdCursor<K extends string>(
  cursor: string | undefined,
  timeKey: K,
): Record<K | 'id', string> | undefined {
  return decodeCursor<K | 'id'>(cursor, [timeKey, 'id'], (p) => isUuid(p.id) && isCursorTimestamp(p[timeKey]));
}

/** Fetch `limit + 1` rows; this turns them into a page and the next cursor. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => Record<string, string | number>,
): Page<Item> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(toItem),
    nextCursor: more ? encodeCursor(positionOf(pageRows[pageRows.length - 1])) : null,
  };
}

export function pageSize(query: { limit?: number }): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/** A page of rows ordered by id, kept as they are; the next cursor is the last row's id. */
export function toIdPage<Row extends { id: string }>(rows: Row[], limit: number): Page<Row> {
  return toPage(
    rows,
    limit,
    (r) => r,
    (r) => ({ id: r.id }),
  );
}
