import fc from 'fast-check';
import { addWorkingDays, DAY_MS, HOUR_MS, workingTimeBetween } from './working-days.js';

// March 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9, Fri 13, Sat 14, Sun 15, Mon 16.
const at = (iso: string): Date => new Date(iso);
const SECOND_MS = 1000;

/** Any instant from 1990 to 2100, to the millisecond. */
const anyInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe('workingTimeBetween', () => {
  it.each([
    ['within one weekday', '2026-03-02T09:00Z', '2026-03-02T17:00Z', 8 * HOUR_MS],
    ['a whole Monday', '2026-03-02T00:00Z', '2026-03-03T00:00Z', DAY_MS],
    ['Monday to Friday end', '2026-03-02T00:00Z', '2026-03-07T00:00Z', 5 * DAY_MS],
    ['Friday afternoon to Monday morning skips the weekend', '2026-03-06T16:00Z', '2026-03-09T10:00Z', 18 * HOUR_MS],
    ['only a weekend', '2026-03-07T00:00Z', '2026-03-09T00:00Z', 0],
    ['Saturday noon to Sunday noon', '2026-03-07T12:00Z', '2026-03-08T12:00Z', 0],
    ['Sunday to Monday noon counts from Monday 00:00', '2026-03-08T12:00Z', '2026-03-09T12:00Z', 12 * HOUR_MS],
    ['one whole calendar week from any weekday', '2026-03-04T15:30Z', '2026-03-11T15:30Z', 5 * DAY_MS],
    ['four calendar weeks', '2026-03-02T00:00Z', '2026-03-30T00:00Z', 20 * DAY_MS],
    ['across a year end', '2026-12-31T00:00Z', '2027-01-04T00:00Z', 2 * DAY_MS], // Thu 31 Dec, Fri 1 Jan, Mon 4 Jan
  ])('counts %s', (_name, from, to, expected) => {
    expect(workingTimeBetween(at(from), at(to))).toBe(expected);
  });

  it('is zero when the end is not after the start', () => {
    expect(workingTimeBetween(at('2026-03-03T10:00Z'), at('2026-03-03T10:00Z'))).toBe(0);
    expect(workingTimeBetween(at('2026-03-04T10:00Z'), at('2026-03-03T10:00Z'))).toBe(0);
  });

  it('adds up over any split point', () => {
    fc.assert(
      fc.property(fc.array(anyInstant, { minLength: 3, maxLength: 3 }), (instants) => {
        const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime());
        expect(workingTimeBetween(a, b) + workingTimeBetween(b, c)).toBe(workingTimeBetween(a, c));
      }),
    );
  });

  it('never exceeds the calendar time between the two instants', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, (a, b) => {
        const working = workingTimeBetween(a, b);
        expect(working).toBeGreaterThanOrEqual(0);
        expect(working).toBeLessThanOrEqual(Math.max(0, b.getTime() - a.getTime()));
      }),
    );
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['Friday 10:00 + 5 ends the next Friday 10:00', '2026-03-06T10:00Z', 5, '2026-03-13T10:00Z'],
    [
      'Saturday 10:00 + 5 ends the following Saturday 00:00 (end of Friday)',
      '2026-03-07T10:00Z',
      5,
      '2026-03-14T00:00Z',
    ],
    ['Sunday 23:00 + 5 ends the following Saturday 00:00', '2026-03-08T23:00Z', 5, '2026-03-14T00:00Z'],
    ['Sunday + 1 ends Tuesday 00:00', '2026-03-08T12:00Z', 1, '2026-03-10T00:00Z'],
    ['Monday 00:00 + 5 ends Saturday 00:00', '2026-03-02T00:00Z', 5, '2026-03-07T00:00Z'],
    ['Friday 10:00 + 1 ends Monday 10:00', '2026-03-06T10:00Z', 1, '2026-03-09T10:00Z'],
    ['Thursday 09:00 + 2 ends Monday 09:00', '2026-03-05T09:00Z', 2, '2026-03-09T09:00Z'],
    ['Wednesday 14:00 + 3 ends Monday 14:00', '2026-03-04T14:00Z', 3, '2026-03-09T14:00Z'],
    ['Tuesday 08:00 + 15 ends three weeks later', '2026-03-03T08:00Z', 15, '2026-03-24T08:00Z'],
    ['Saturday + 10 ends two weeks on, Saturday 00:00', '2026-03-07T18:00Z', 10, '2026-03-21T00:00Z'],
    ['Friday 23:59:59 + 1 ends Monday 23:59:59', '2026-03-06T23:59:59Z', 1, '2026-03-09T23:59:59Z'],
    ['Monday 12:00 + half a day ends Tuesday 00:00', '2026-03-02T12:00Z', 0.5, '2026-03-03T00:00Z'],
  ])('%s', (_name, start, days, expected) => {
    expect(addWorkingDays(at(start), days).toISOString()).toBe(at(expected).toISOString());
  });

  it('returns the start itself for zero days, even on a weekend', () => {
    expect(addWorkingDays(at('2026-03-07T10:00Z'), 0).toISOString()).toBe('2026-03-07T10:00:00.000Z');
    expect(addWorkingDays(at('2026-03-04T10:00Z'), 0).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('rejects a negative or non-finite number of days', () => {
    expect(() => addWorkingDays(at('2026-03-04T10:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-03-04T10:00Z'), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-03-04T10:00Z'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rejects an invalid start date', () => {
    expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('elapses exactly n × 24 h of working time between the start and the result', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 400 }), (start, n) => {
        expect(workingTimeBetween(start, addWorkingDays(start, n))).toBe(n * DAY_MS);
      }),
    );
  });

  it('returns the earliest such instant: one second earlier, less than n days have elapsed', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 400 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingTimeBetween(start, new Date(end.getTime() - SECOND_MS))).toBeLessThan(n * DAY_MS);
      }),
    );
  });

  it('is monotonic in the number of days: more days never end earlier', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (start, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const early = addWorkingDays(start, fewer).getTime();
        const late = addWorkingDays(start, more).getTime();
        expect(Math.sign(late - early)).toBe(fewer === more ? 0 : 1);
      }),
    );
  });

  it('never ends on a weekend except at Saturday 00:00, the end of a working Friday', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 400 }), (start, n) => {
        const end = addWorkingDays(start, n);
        const weekday = end.getUTCDay();
        const isSaturdayMidnight = weekday === 6 && end.getTime() % DAY_MS === 0;
        expect(weekday !== 0 && (weekday !== 6 || isSaturdayMidnight)).toBe(true);
      }),
    );
  });
});
