import { pick } from './pick.js';

describe('pick', () => {
  it('copies the named fields in the order named, and nothing else', () => {
    const picked = pick({ a: 1, b: null, c: 'x', d: true }, ['c', 'a', 'b']);
    expect(Object.entries(picked)).toEqual([
      ['c', 'x'],
      ['a', 1],
      ['b', null],
    ]);
  });

  it('keeps a named field that is undefined, as a written-out mapping would', () => {
    expect(Object.keys(pick({ a: undefined as number | undefined }, ['a']))).toEqual(['a']);
  });
});
