import { ValidationFailed } from './domain-errors.js';
import { isUuid } from './ids.js';
import { decodeCursor, decodeTimeIdCursor, encodeCursor, isCursorTimestamp } from './pagination.js';

describe('decodeCursor', () => {
  const id = '01930000-0000-7000-8000-000000000001';

  it('reads back a cursor it encoded', () => {
    expect(decodeCursor(encodeCursor({ id }), ['id'], (p) => isUuid(p.id))).toEqual({ id });
  });

  it('reads no cursor as the first page', () => {
    expect(decodeCursor(undefined, ['id'])).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['a missing key', encodeCursor({ other: id })],
    ['a key of the wrong type', encodeCursor({ id: 42 })],
    ['a position the check refuses', encodeCursor({ id: "x' OR 1=1 --" })],
  ])('refuses %s with a validation error naming cursor', (_what, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, ['id'], (p) => isUuid(p.id));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ValidationFailed);
    expect((thrown as ValidationFailed).errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});

describe('isCursorTimestamp', () => {
  it('takes the timestamps cursors carry (toISOString of a stored time)', () => {
    expect(isCursorTimestamp(new Date('2026-11-20T10:00:00.123Z').toISOString())).toBe(true);
    expect(isCursorTimestamp('0001-01-01T00:00:00.000Z')).toBe(true);
  });

  // Each of these passes Date.parse; PostgreSQL refuses most of them, so they must be a 400 before any SQL.
  it.each([
    '1',
    '2026-02-30T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T00:00:00+19:59',
    '2026-01-01T24:00:00Z',
    'Thu Jan 01 1970 00:00:00 GMT+0000',
    '2026-11-20T10:00:00Z',
  ])('refuses %s', (value) => {
    expect(isCursorTimestamp(value)).toBe(false);
  });
});

describe('decodeTimeIdCursor', () => {
  const id = '0193a0b2-7c4e-7d1a-9f00-0123456789ab';

  it('returns the time and id a list issued', () => {
    const cursor = encodeCursor({ raisedAt: '2026-11-20T10:00:00.123Z', id });
    expect(decodeTimeIdCursor(cursor, 'raisedAt')).toEqual({ raisedAt: '2026-11-20T10:00:00.123Z', id });
    expect(decodeTimeIdCursor(undefined, 'raisedAt')).toBeUndefined();
  });

  it.each([
    ['a forged time', { raisedAt: '2026-02-30T00:00:00.000Z', id }],
    ['an id that is no UUID', { raisedAt: '2026-11-20T10:00:00.123Z', id: '1 OR 1=1' }],
    ['another list’s time key', { createdAt: '2026-11-20T10:00:00.123Z', id }],
  ])('refuses %s with a 400 on cursor', (_, position) => {
    expect(() => decodeTimeIdCursor(encodeCursor(position), 'raisedAt')).toThrow(ValidationFailed);
  });
});
