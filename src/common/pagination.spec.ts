import { ValidationFailed } from './domain-errors.js';
import { isUuid } from './ids.js';
import { decodeCursor, encodeCursor } from './pagination.js';

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
