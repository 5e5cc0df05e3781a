import fc from 'fast-check';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  it('has no proportion and no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it.each([
    // Reference values: Newcombe (1998), Table I, and R's prop.test(correct = FALSE).
    [5, 10, 0.5, 0.237, 0.763],
    [0, 10, 0, 0, 0.278],
    [10, 10, 1, 0.722, 1],
    [1, 10, 0.1, 0.018, 0.404],
    [2, 5, 0.4, 0.118, 0.769],
    [81, 263, 0.308, 0.255, 0.366],
    [15, 148, 0.101, 0.062, 0.16],
    [0, 20, 0, 0, 0.161],
    [1, 29, 0.034, 0.006, 0.172],
  ])('gives %i of %i → share %d, [%d, %d]', (k, n, share, lower, upper) => {
    expect(wilsonInterval(k, n)).toEqual({ share, lower, upper });
  });

  it('refuses counts that are not a proportion', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });

  it('always contains the observed share and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const ci = wilsonInterval(k, n)!;
          expect(ci.lower).toBeGreaterThanOrEqual(0);
          expect(ci.upper).toBeLessThanOrEqual(1);
          expect(ci.lower).toBeLessThanOrEqual(ci.share);
          expect(ci.share).toBeLessThanOrEqual(ci.upper);
        },
      ),
    );
  });

  it('is symmetric: k of n mirrors n − k of n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const a = wilsonInterval(k, n)!;
          const b = wilsonInterval(n - k, n)!;
          expect(a.lower).toBeCloseTo(1 - b.upper, 3);
          expect(a.upper).toBeCloseTo(1 - b.lower, 3);
        },
      ),
    );
  });
});
