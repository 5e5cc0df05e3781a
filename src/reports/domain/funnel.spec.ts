import fc from 'fast-check';
import {
  CURVE_POINTS,
  EXACT_LIMITS_MAX_N,
  Z_99_8,
  bandOf,
  binomialLimits,
  curveDenominators,
  estimateOverdispersion,
  exactBinomialLimits,
  funnel,
  normalLimits,
  quantile,
  randomEffectsLimits,
  winsorise,
  type FunnelBand,
  type FunnelLimits,
} from './funnel.js';
import { Z_95 } from './wilson.js';

/**
 * Oracle for the exact limits, independent of funnel.ts: Bin(n, a/b) summed
 * as exact integers (C(n,k)·a^k·(b−a)^(n−k) over b^n) with BigInt, then
 * Spiegelhalter's interpolation r_p − α on the exact cumulative sums.
 */
function oracleLimits(n: number, a: number, b: number): [number, number, number, number] {
  const N = BigInt(n);
  const A = BigInt(a);
  const B = BigInt(b);
  const total = B ** N;
  const terms: bigint[] = [];
  let choose = 1n;
  for (let k = 0; k <= n; k++) {
    if (k > 0) choose = (choose * BigInt(n - k + 1)) / BigInt(k);
    terms.push(choose * A ** BigInt(k) * (B - A) ** BigInt(n - k));
  }
  const SCALE = 10n ** 40n;
  const toNumber = (x: bigint) => Number((x * SCALE) / total) / 1e40;
  return ([0.025, 0.975, 0.001, 0.999] as const).map((p) => {
    let cumulative = 0n;
    for (let r = 0; r <= n; r++) {
      cumulative += terms[r];
      if (toNumber(cumulative) >= p) {
        const alpha = (toNumber(cumulative) - p) / toNumber(terms[r]);
        return (r - alpha) / n;
      }
    }
    throw new Error('unreachable: the cumulative sum reaches 1');
  }) as [number, number, number, number];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const asLimits = (q: [number, number, number, number]): FunnelLimits => ({
  lower95: clamp01(q[0]),
  upper95: clamp01(q[1]),
  lower998: clamp01(q[2]),
  upper998: clamp01(q[3]),
});

/** Φ(x) by the all-positive series erf(x) = 2/√π·e^(−x²)·Σ 2^j x^(2j+1)/(1·3·…·(2j+1)): no cancellation. */
function normalCdf(z: number): number {
  const x = z / Math.SQRT2;
  let term = x;
  let sum = x;
  for (let j = 1; j < 200; j++) {
    term *= (2 * x * x) / (2 * j + 1);
    sum += term;
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum);
}

describe('normal quantiles', () => {
  it('Z_95 and Z_99_8 leave 2.5 % and 0.1 % in the upper tail', () => {
    expect(1 - normalCdf(Z_95)).toBeCloseTo(0.025, 13);
    expect(1 - normalCdf(Z_99_8)).toBeCloseTo(0.001, 13);
  });
});

describe('exact binomial limits (Spiegelhalter 2005, appendix A.1.1)', () => {
  it('n = 20, θ = 0.5, worked by hand', () => {
    // C(20, k) for k = 0…6: 1, 20, 190, 1140, 4845, 15504, 38760; 2^20 = 1 048 576.
    // Cumulative counts: F(2) = 211, F(3) = 1351, F(5) = 21700, F(6) = 60460 (all over 2^20).
    // By symmetry F(13) = 1 − F(6), F(14) = 1 − F(5), F(16) = 1 − F(3), F(17) = 1 − F(2).
    //
    // p = 0.025: F(5) = 0.02069 < p ≤ F(6) = 0.05766, so r_p = 6;
    //   α = (60460 − 0.025·2^20) / 38760 = (60460 − 26214.4) / 38760 = 34245.6 / 38760 = 0.883529…
    //   lower95 = (6 − α) / 20 = 0.2558235…
    // p = 0.975: F(13) = 0.94234 < p ≤ F(14) = 0.97931, so r_p = 14; P(R = 14) = 38760 / 2^20;
    //   α = (1026876 − 0.975·2^20) / 38760 = (1026876 − 1022361.6) / 38760 = 4514.4 / 38760 = 0.116470…
    //   upper95 = (14 − α) / 20 = 0.6941765…
    // p = 0.001: F(2) = 0.000201 < p ≤ F(3) = 0.001288, so r_p = 3; P(R = 3) = 1140 / 2^20;
    //   α = (1351 − 1048.576) / 1140 = 302.424 / 1140 = 0.265284…, lower998 = (3 − α) / 20 = 0.1367358…
    // p = 0.999: F(16) = 0.998712 < p ≤ F(17) = 0.999799, so r_p = 17;
    //   α = (1048365 − 1047527.424) / 1140 = 837.576 / 1140 = 0.734716…, upper998 = (17 − α) / 20 = 0.8132642…
    const l = binomialLimits(20, 0.5);
    expect(l.lower95).toBeCloseTo((6 - 34245.6 / 38760) / 20, 12);
    expect(l.upper95).toBeCloseTo((14 - 4514.4 / 38760) / 20, 12);
    expect(l.lower998).toBeCloseTo((3 - 302.424 / 1140) / 20, 12);
    expect(l.upper998).toBeCloseTo((17 - 837.576 / 1140) / 20, 12);
    expect(l.lower95).toBeCloseTo(0.2558235, 6);
    expect(l.upper95).toBeCloseTo(0.6941765, 6);
  });

  it('n = 1, θ = 0.1, worked by hand, lower limits clamped to 0', () => {
    // F(0) = 0.9, F(1) = 1.
    // p = 0.025 and 0.001: r_p = 0, α = (0.9 − p)/0.9 → limits −0.9722 and −0.9989, clamped to 0.
    // p = 0.975: r_p = 1, α = (1 − 0.975)/(1 − 0.9) = 0.25 → upper95 = 0.75.
    // p = 0.999: r_p = 1, α = 0.001/0.1 = 0.01 → upper998 = 0.99.
    const raw = exactBinomialLimits(1, 0.1);
    expect(raw[0]).toBeCloseTo(-(0.9 - 0.025) / 0.9, 12);
    expect(raw[2]).toBeCloseTo(-(0.9 - 0.001) / 0.9, 12);
    const l = binomialLimits(1, 0.1);
    expect(l.lower95).toBe(0);
    expect(l.lower998).toBe(0);
    expect(l.upper95).toBeCloseTo(0.75, 12);
    expect(l.upper998).toBeCloseTo(0.99, 12);
  });

  it('n = 1000, θ = 0.01 (near 0): agrees with exact integer arithmetic', () => {
    // From the BigInt oracle: r_p = 4, 17, 2, 21;
    // limits 0.0038020, 0.0161108, 0.0012367, 0.0205878 (the normal approximation
    // would give 0.0038331, 0.0161669, 0.0002764, 0.0197236: it is the 99.8 % lower
    // limit near 0 where the exact form matters).
    const l = binomialLimits(1000, 0.01);
    const o = oracleLimits(1000, 1, 100);
    expect(l.lower95).toBeCloseTo(o[0], 12);
    expect(l.upper95).toBeCloseTo(o[1], 12);
    expect(l.lower998).toBeCloseTo(o[2], 12);
    expect(l.upper998).toBeCloseTo(o[3], 12);
    expect([l.lower95, l.upper95, l.lower998, l.upper998].map((x) => x.toFixed(7))).toEqual([
      '0.0038020',
      '0.0161108',
      '0.0012367',
      '0.0205878',
    ]);
  });

  it('n = 1000, θ = 0.99 (near 1): agrees with exact integer arithmetic', () => {
    // r_p = 983, 996, 979, 998; limits 0.9828892, 0.9951980, 0.9784122, 0.9977633.
    // Not the mirror image of θ = 0.01: the interpolation treats R as spread over
    // (r − 1, r], which moves every limit down by about 0.5/n.
    const l = binomialLimits(1000, 0.99);
    const o = oracleLimits(1000, 99, 100);
    expect(l.lower95).toBeCloseTo(o[0], 12);
    expect(l.upper95).toBeCloseTo(o[1], 12);
    expect(l.lower998).toBeCloseTo(o[2], 12);
    expect(l.upper998).toBeCloseTo(o[3], 12);
    expect([l.lower95, l.upper95, l.lower998, l.upper998].map((x) => x.toFixed(7))).toEqual([
      '0.9828892',
      '0.9951980',
      '0.9784122',
      '0.9977633',
    ]);
  });

  it('agrees with exact integer arithmetic for any small n and rational θ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 2, max: 200 }).chain((b) => fc.tuple(fc.integer({ min: 1, max: b - 1 }), fc.constant(b))),
        (n, [a, b]) => {
          const got = exactBinomialLimits(n, a / b);
          const want = oracleLimits(n, a, b);
          for (let i = 0; i < 4; i++) expect(got[i]).toBeCloseTo(want[i], 9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('at the exact/normal threshold the two differ by under 1e-3 for targets near 0, ½ and 1', () => {
    for (const theta of [1e-6, 1e-4, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-6]) {
      const exact = asLimits(exactBinomialLimits(EXACT_LIMITS_MAX_N, theta));
      const normal = asLimits(normalLimits(EXACT_LIMITS_MAX_N, theta));
      for (const key of ['lower95', 'upper95', 'lower998', 'upper998'] as const) {
        // Measured: at most about 1e-6 (the interpolation's 0.5/n shift plus skewness).
        expect(Math.abs(exact[key] - normal[key])).toBeLessThan(1e-3);
        expect(Math.abs(exact[key] - normal[key])).toBeLessThan(1e-5);
      }
    }
  });

  it('uses the exact form up to the threshold and the normal approximation beyond it', () => {
    const theta = 0.3;
    expect(binomialLimits(EXACT_LIMITS_MAX_N, theta)).toEqual(asLimits(exactBinomialLimits(EXACT_LIMITS_MAX_N, theta)));
    expect(binomialLimits(EXACT_LIMITS_MAX_N + 1, theta)).toEqual(
      asLimits(normalLimits(EXACT_LIMITS_MAX_N + 1, theta)),
    );
    // The two really differ, so the assertions above tell them apart.
    expect(exactBinomialLimits(EXACT_LIMITS_MAX_N, theta)[0]).not.toBe(normalLimits(EXACT_LIMITS_MAX_N, theta)[0]);
  });

  it('puts every limit on the target when the target is exactly 0 or 1', () => {
    expect(binomialLimits(7, 0)).toEqual({ lower95: 0, upper95: 0, lower998: 0, upper998: 0 });
    expect(binomialLimits(7, 1)).toEqual({ lower95: 1, upper95: 1, lower998: 1, upper998: 1 });
  });
});

describe('funnel', () => {
  it('answers a single agency with its own rate as the target, within the limits', () => {
    const f = funnel([{ id: 'a', numerator: 7, denominator: 20 }], { overdispersion: 'auto' });
    expect(f.target).toBe(0.35);
    expect(f.points).toEqual([
      { id: 'a', numerator: 7, denominator: 20, rate: 0.35, limits: binomialLimits(20, 0.35), band: 'within' },
    ]);
    // One agency: nothing to estimate a spread from.
    expect(f.overdispersion).toEqual({ phi: 0, tau2: 0, applied: false });
    expect(f.curve).toEqual([{ n: 20, ...binomialLimits(20, 0.35) }]);
  });

  it('a single agency is within its own limits at any size and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([r, n]) => {
          const f = funnel([{ id: 'a', numerator: r, denominator: n }], { overdispersion: 'auto' });
          expect(f.points[0].band).toBe('within');
        },
      ),
    );
  });

  it('has no target, no curve and no dispersion when every denominator is zero', () => {
    // Decision: target null (not 0 and not NaN): there is no rate to compare against.
    const f = funnel(
      [
        { id: 'a', numerator: 0, denominator: 0 },
        { id: 'b', numerator: 0, denominator: 0 },
      ],
      { overdispersion: 'auto' },
    );
    expect(f).toEqual({
      target: null,
      overdispersion: { phi: null, tau2: 0, applied: false },
      points: [
        { id: 'a', numerator: 0, denominator: 0, rate: null, limits: null, band: 'no_data' },
        { id: 'b', numerator: 0, denominator: 0, rate: null, limits: null, band: 'no_data' },
      ],
      curve: [],
    });
    expect(funnel([], { overdispersion: 'auto' }).target).toBeNull();
  });

  it('leaves an agency with a zero denominator out of the target, the dispersion and the curve', () => {
    const f = funnel(
      [
        { id: 'a', numerator: 3, denominator: 10 },
        { id: 'none', numerator: 0, denominator: 0 },
        { id: 'b', numerator: 9, denominator: 30 },
      ],
      { overdispersion: 'auto' },
    );
    expect(f.target).toBeCloseTo(12 / 40, 15);
    expect(f.points.map((p) => [p.id, p.band])).toEqual([
      ['a', 'within'],
      ['none', 'no_data'],
      ['b', 'within'],
    ]);
    expect(f.points[1]).toMatchObject({ rate: null, limits: null });
    expect(f.curve[0].n).toBe(10);
    expect(f.curve.at(-1)!.n).toBe(30);
  });

  it('flags rates beyond the exact limits, on the side they fall', () => {
    // n = 20, θ = 0.5 (pooled 10+10+... = 0.5): limits from the worked example above:
    // 95 % [0.2558, 0.6942], 99.8 % [0.1367, 0.8133].
    const f = funnel(
      [
        { id: 'mid', numerator: 10, denominator: 20 },
        { id: 'low95', numerator: 4, denominator: 20 }, // 0.20
        { id: 'high95', numerator: 16, denominator: 20 }, // 0.80
        { id: 'low998', numerator: 2, denominator: 20 }, // 0.10
        { id: 'high998', numerator: 18, denominator: 20 }, // 0.90
      ],
      { overdispersion: 'none' },
    );
    expect(f.target).toBe(0.5);
    expect(Object.fromEntries(f.points.map((p) => [p.id, p.band]))).toEqual({
      mid: 'within',
      low95: 'below_95',
      high95: 'above_95',
      low998: 'below_99_8',
      high998: 'above_99_8',
    });
  });

  it('follows the paper’s interpolation even where it flags a lone success at n = 1', () => {
    // θ = 0.1 (1 of 10 pooled), n = 1: upper998 = 0.99 (worked above), so 1 of 1
    // is "above 99.8 %" although P(R ≥ 1) = 0.1. The (r − 1, r] spreading moves
    // limits down by about 0.5/n; at n = 1 that is the whole story.
    const f = funnel(
      [
        { id: 'one', numerator: 1, denominator: 1 },
        { id: 'rest', numerator: 0, denominator: 9 },
      ],
      { overdispersion: 'none' },
    );
    expect(f.target).toBeCloseTo(0.1, 15);
    expect(f.points[0].band).toBe('above_99_8');
  });

  it('rejects counts that are not a proportion', () => {
    expect(() => funnel([{ id: 'a', numerator: 3, denominator: 2 }], { overdispersion: 'auto' })).toThrow(RangeError);
    expect(() => funnel([{ id: 'a', numerator: -1, denominator: 2 }], { overdispersion: 'auto' })).toThrow(RangeError);
    expect(() => funnel([{ id: 'a', numerator: 0.5, denominator: 2 }], { overdispersion: 'auto' })).toThrow(RangeError);
  });
});

describe('over-dispersion (Spiegelhalter 2005, BMJ Quality & Safety)', () => {
  // Three agencies of n = 64 with 16, 32 and 48: rates ¼, ½, ¾; pooled θ = 96/192 = ½.
  // Arcsine scale: asin√¼ = π/6, asin√½ = π/4, asin√¾ = π/3; s = 1/(2√64) = 1/16.
  // z = (π/6 − π/4)·16 = −4π/3, 0, +4π/3 (±4.18879).
  // 10th/90th percentiles (type 7, h = 2·0.1 = 0.2): −4π/3 + 0.2·4π/3 = −16π/15, and +16π/15.
  // Winsorised z = −16π/15, 0, 16π/15;  φ = 2·(256π²/225)/3 = 512π²/675 = 7.486278.
  // kφ = 512π²/225 = 22.458833 > k − 1 = 2, k = 3 → applied.
  // w = 1/s² = 256 each: Σw = 768, Σw² = 196608, Σw²/Σw = 256, Σw − Σw²/Σw = 512.
  // τ² = (512π²/225 − 2)/512 = π²/225 − 1/256 = 0.0399587.
  // At n = 64, s² + τ² = 1/256 + π²/225 − 1/256 = π²/225, so √ = π/15 = 0.2094395.
  // 95 %:   π/4 ± 1.959964·π/15 = 0.3749043, 1.1958921 → sin² = 0.1340903, 0.8659097.
  // 99.8 %: π/4 ± 3.090232·π/15 = 0.1381814, 1.4326149 → sin² = 0.0189729, 0.9810271.
  const spread = [
    { id: 'low', numerator: 16, denominator: 64 },
    { id: 'mid', numerator: 32, denominator: 64 },
    { id: 'high', numerator: 48, denominator: 64 },
  ];

  it('estimates φ and τ² as worked by hand and widens the limits with them', () => {
    const f = funnel(spread, { overdispersion: 'auto' });
    expect(f.target).toBe(0.5);
    expect(f.overdispersion.applied).toBe(true);
    expect(f.overdispersion.phi).toBeCloseTo((512 * Math.PI ** 2) / 675, 12);
    expect(f.overdispersion.tau2).toBeCloseTo(Math.PI ** 2 / 225 - 1 / 256, 12);
    const l = f.points[0].limits!;
    expect(l.lower95).toBeCloseTo(0.1340903, 7);
    expect(l.upper95).toBeCloseTo(0.8659097, 7);
    expect(l.lower998).toBeCloseTo(0.0189729, 7);
    expect(l.upper998).toBeCloseTo(0.9810271, 7);
    expect(f.points.map((p) => p.band)).toEqual(['within', 'within', 'within']);
    expect(f.curve).toEqual([{ n: 64, ...l }]);
  });

  it('with overdispersion "none" reports φ and τ² but keeps the exact limits, which flag both ends', () => {
    // Exact Bin(64, ½) 99.8 % limits (BigInt oracle): 0.3000865 and 0.6842885, so ¼ and ¾ are beyond them.
    const f = funnel(spread, { overdispersion: 'none' });
    expect(f.overdispersion).toEqual({
      phi: expect.closeTo((512 * Math.PI ** 2) / 675, 12),
      tau2: expect.closeTo(Math.PI ** 2 / 225 - 1 / 256, 12),
      applied: false,
    });
    expect(f.points[0].limits).toEqual(binomialLimits(64, 0.5));
    expect(f.points[0].limits!.lower998).toBeCloseTo(oracleLimits(64, 1, 2)[2], 12);
    expect(f.points.map((p) => p.band)).toEqual(['below_99_8', 'within', 'above_99_8']);
  });

  it('does not widen when kφ ≤ k − 1', () => {
    // Same rates with n = 4: s = 1/4, z = (π/6 − π/4)·4 = −π/3, 0, π/3;
    // winsorised ±0.8·π/3 = ±4π/15; φ = 2·(16π²/225)/3 = 32π²/675 = 0.4678924;
    // kφ = 32π²/225 = 1.4036771 ≤ 2 → not applied, τ² = 0.
    // Exact Bin(4, ½): F = 1/16, 5/16, 11/16, 15/16, 1; upper95: r_p = 4,
    // α = (1 − 0.975)/(1/16) = 0.4 → 0.9; upper998: α = 0.001·16 = 0.016 → 0.996;
    // lower limits: r_p = 0, negative, clamped to 0.
    const f = funnel(
      [
        { id: 'low', numerator: 1, denominator: 4 },
        { id: 'mid', numerator: 2, denominator: 4 },
        { id: 'high', numerator: 3, denominator: 4 },
      ],
      { overdispersion: 'auto' },
    );
    expect(f.overdispersion.phi).toBeCloseTo((32 * Math.PI ** 2) / 675, 12);
    expect(f.overdispersion.tau2).toBe(0);
    expect(f.overdispersion.applied).toBe(false);
    const l = f.points[0].limits!;
    expect(l.lower95).toBe(0);
    expect(l.lower998).toBe(0);
    expect(l.upper95).toBeCloseTo(0.9, 12);
    expect(l.upper998).toBeCloseTo(0.996, 12);
  });

  it('needs at least three plotted agencies, however far apart two are', () => {
    const f = funnel(
      [
        { id: 'a', numerator: 10, denominator: 1000 },
        { id: 'b', numerator: 900, denominator: 1000 },
        { id: 'none', numerator: 0, denominator: 0 },
      ],
      { overdispersion: 'auto' },
    );
    expect(f.overdispersion.phi).toBeGreaterThan(1);
    expect(f.overdispersion).toMatchObject({ tau2: 0, applied: false });
    expect(f.points.map((p) => p.band)).toEqual(['below_99_8', 'above_99_8', 'no_data']);
  });

  it('winsorises with R type-7 percentiles', () => {
    // Ten values 1…10: h = 9·0.1 = 0.9 → 10th percentile 1.9, 90th 9.1.
    const values = [3, 1, 2, 10, 4, 5, 6, 7, 8, 9];
    expect(
      quantile(
        [...values].sort((a, b) => a - b),
        0.1,
      ),
    ).toBeCloseTo(1.9, 12);
    expect(winsorise(values, 0.1)).toEqual([3, 1.9, 2, 9.1, 4, 5, 6, 7, 8, 9].map((v) => expect.closeTo(v, 12)));
  });

  it('has φ = 0 when every agency sits on the target', () => {
    const rows = [10, 20, 40].map((n) => ({ numerator: n / 2, denominator: n }));
    expect(estimateOverdispersion(rows, 0.5)).toEqual({ phi: 0, tau2: 0 });
  });

  it('keeps back-transformed limits inside [0, 1] near the edges', () => {
    const l = randomEffectsLimits(5, 0.02, 0.5);
    expect(l.lower998).toBe(0);
    expect(l.lower95).toBe(0);
    expect(l.upper998).toBeLessThanOrEqual(1);
    const h = randomEffectsLimits(5, 0.98, 0.5);
    expect(h.upper998).toBe(1);
  });
});

describe('the curve', () => {
  it('is every integer n when the plotted range holds at most 100', () => {
    expect(curveDenominators(5, 104)).toEqual(Array.from({ length: 100 }, (_, i) => 5 + i));
    expect(curveDenominators(3, 3)).toEqual([3]);
  });

  it('is 100 distinct increasing integers, log-spaced, from the smallest plotted n to the largest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 100, max: 5_000_000 }), (min, span) => {
        const max = min + span;
        const ns = curveDenominators(min, max);
        expect(ns).toHaveLength(CURVE_POINTS);
        expect(ns[0]).toBe(min);
        expect(ns.at(-1)).toBe(max);
        for (let i = 1; i < ns.length; i++) {
          expect(Number.isInteger(ns[i])).toBe(true);
          expect(ns[i]).toBeGreaterThan(ns[i - 1]);
        }
      }),
    );
    // 1 … 10 000: the 50th value is near √10 000 = 100 (log-spaced), not near 5 000 (linear).
    const ns = curveDenominators(1, 10_000);
    expect(ns[50]).toBeGreaterThan(90);
    expect(ns[50]).toBeLessThan(120);
  });

  it('passes through each point’s own limits', () => {
    const f = funnel(
      [
        { id: 'a', numerator: 3, denominator: 17 },
        { id: 'b', numerator: 40, denominator: 130 },
      ],
      { overdispersion: 'auto' },
    );
    for (const p of f.points) {
      const { n: _n, ...atN } = f.curve.find((c) => c.n === p.denominator)!;
      expect(atN).toEqual(p.limits);
    }
  });
});

describe('properties of the limits', () => {
  const targets = fc.oneof(
    fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
    fc.constantFrom(1e-6, 0.001, 0.01, 0.99, 0.999, 1 - 1e-6),
  );

  it('the lower limits sit at or below the target; the upper at or above it, less the interpolation’s shift', () => {
    // The interpolation spreads the mass at r over (r − 1, r], so its quantiles
    // can fall up to 1 below the binomial's: with θ near 1 and n(1 − θ) under 1
    // the upper limit dips below θ (n = 1, θ = 0.99: upper95 = 1 − 0.025/0.99 = 0.9747).
    // The binomial median is ⌊nθ⌋ or ⌈nθ⌉, so the bound is upper ≥ θ − 2/n.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), targets, (n, theta) => {
        const l = binomialLimits(n, theta);
        expect(l.lower998).toBeLessThanOrEqual(theta);
        expect(l.lower95).toBeLessThanOrEqual(theta);
        expect(l.upper95).toBeGreaterThanOrEqual(theta - 2 / n);
        expect(l.upper998).toBeGreaterThanOrEqual(theta - 2 / n);
      }),
    );
  });

  it('the 99.8 % limits lie outside the 95 % ones, all inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        targets,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (n, theta, tau2) => {
          for (const l of [binomialLimits(n, theta), randomEffectsLimits(n, theta, tau2)]) {
            expect(0).toBeLessThanOrEqual(l.lower998);
            expect(l.lower998).toBeLessThanOrEqual(l.lower95);
            expect(l.lower95).toBeLessThanOrEqual(l.upper95);
            expect(l.upper95).toBeLessThanOrEqual(l.upper998);
            expect(l.upper998).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('narrow as n grows, up to the discreteness wiggle of half a count at the smaller n', () => {
    // Interpolated exact limits are not quite monotone in n: as r_p steps, the
    // width can grow a little (most where a lower limit leaves 0 or an upper one
    // leaves its clamp). Tolerance 0.5/n in rate units; the worst seen over
    // n ≤ 6000 and 19 targets, against every larger n, was 0.253/n.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 200 }), targets, (n, step, theta) => {
        const a = binomialLimits(n, theta);
        const b = binomialLimits(n + step, theta);
        const tolerance = 0.5 / n;
        expect(b.upper95 - b.lower95).toBeLessThanOrEqual(a.upper95 - a.lower95 + tolerance);
        expect(b.upper998 - b.lower998).toBeLessThanOrEqual(a.upper998 - a.lower998 + tolerance);
      }),
      { numRuns: 500 },
    );
    // Without the wiggle allowance the funnel narrows by a lot: n = 20 → 2000 at θ = ½.
    const wide = binomialLimits(20, 0.5);
    const narrow = binomialLimits(2000, 0.5);
    expect(narrow.upper95 - narrow.lower95).toBeLessThan((wide.upper95 - wide.lower95) / 5);
  });

  it('the widened limits narrow strictly as n grows and always contain the unwidened centre', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        targets,
        fc.double({ min: 1e-6, max: 0.2, noNaN: true }),
        (n, theta, tau2) => {
          const a = randomEffectsLimits(n, theta, tau2);
          const b = randomEffectsLimits(n + 1, theta, tau2);
          expect(b.upper95 - b.lower95).toBeLessThanOrEqual(a.upper95 - a.lower95);
          expect(a.lower95).toBeLessThanOrEqual(theta);
          expect(a.upper95).toBeGreaterThanOrEqual(theta);
        },
      ),
    );
  });

  it('each band matches where the rate falls against its own limits', () => {
    const agencies = fc.array(
      fc
        .integer({ min: 0, max: 3000 })
        .chain((n) => fc.record({ numerator: fc.integer({ min: 0, max: n }), denominator: fc.constant(n) })),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(agencies, fc.constantFrom('auto' as const, 'none' as const), (rows, mode) => {
        const f = funnel(
          rows.map((r, i) => ({ id: i, ...r })),
          { overdispersion: mode },
        );
        for (const p of f.points) expect(p.band === 'no_data').toBe(p.denominator === 0);
        // Each band is the region between the limits it names; on a limit counts as within.
        for (const p of f.points.filter((q) => q.denominator > 0)) {
          const l = p.limits!;
          const r = p.rate!;
          const region: Record<FunnelBand, boolean> = {
            below_99_8: r < l.lower998,
            below_95: r >= l.lower998 && r < l.lower95,
            within: r >= l.lower95 && r <= l.upper95,
            above_95: r > l.upper95 && r <= l.upper998,
            above_99_8: r > l.upper998,
            no_data: false,
          };
          expect({ band: p.band, inItsRegion: region[p.band] }).toEqual({ band: p.band, inItsRegion: true });
          expect(bandOf(r, l)).toBe(p.band);
        }
        expect(mode === 'none' && f.overdispersion.applied).toBe(false);
      }),
    );
  });
});
