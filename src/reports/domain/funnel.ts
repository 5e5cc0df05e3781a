import { Z_95 } from './wilson.js';

/**
 * Funnel plots for comparing agencies on one rate (SPEC §14): Spiegelhalter,
 * "Funnel plots for comparing institutional performance", Statistics in
 * Medicine 24 (2005) 1185–1202, with the additive random-effects widening of
 * Spiegelhalter, "Handling over-dispersion of performance indicators", BMJ
 * Quality & Safety 14 (2005) 347–351.
 *
 * A plain function of counts: the route, the SVG and the annual report all
 * draw from the one result, so they cannot disagree about a band.
 */

/** Φ⁻¹(0.999): the 99.8 % two-sided limits (R: `qnorm(0.999)`). */
export const Z_99_8 = 3.090232306167813;

/**
 * Above this denominator the limits are the normal approximation instead of
 * the exact binomial ones. Exact limits cost O(√n) terms, so this is not
 * about speed; it bounds the work a request can ask for. At this n the two
 * differ by less than 1e-5 (the tests check this, and the 1e-3, for
 * targets from 1e-6 to 1 − 1e-6), far below what a plot or a band can show.
 */
export const EXACT_LIMITS_MAX_N = 1_000_000;

/** How many values of n the drawn curve has (fewer only if the plotted range holds fewer integers). */
export const CURVE_POINTS = 100;

export type OverdispersionMode = 'auto' | 'none';

export type FunnelBand = 'within' | 'above_95' | 'above_99_8' | 'below_95' | 'below_99_8' | 'no_data';

export interface FunnelInput<Id = string> {
  id: Id;
  numerator: number;
  denominator: number;
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPoint<Id = string> {
  id: Id;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null with a zero denominator. */
  rate: number | null;
  /** Limits at this point's n; null with a zero denominator (the point is not plotted). */
  limits: FunnelLimits | null;
  band: FunnelBand;
}

export interface FunnelCurvePoint extends FunnelLimits {
  n: number;
}

export interface Overdispersion {
  /** Winsorised mean squared z-score; null when nothing is plotted. */
  phi: number | null;
  /** Between-agency variance on the arcsine-square-root scale; 0 unless kφ > k − 1 with k ≥ 3 plotted agencies. */
  tau2: number;
  /** Whether the limits were widened by tau2 (never with `overdispersion: 'none'`). */
  applied: boolean;
}

export interface Funnel<Id = string> {
  /** The pooled rate Σr/Σn over plotted agencies; null when none has a denominator. */
  target: number | null;
  overdispersion: Overdispersion;
  points: FunnelPoint<Id>[];
  curve: FunnelCurvePoint[];
}

export function funnel<Id>(
  inputs: readonly FunnelInput<Id>[],
  options: { overdispersion: OverdispersionMode },
): Funnel<Id> {
  for (const p of inputs) {
    const { numerator: r, denominator: n } = p;
    if (!Number.isSafeInteger(r) || !Number.isSafeInteger(n) || r < 0 || r > n) {
      throw new RangeError(`funnel: need integers 0 <= numerator <= denominator, got ${r} of ${n}`);
    }
  }
  const plotted = inputs.filter((p) => p.denominator > 0);
  if (plotted.length === 0) {
    return {
      target: null,
      overdispersion: { phi: null, tau2: 0, applied: false },
      points: inputs.map((p) => noData(p)),
      curve: [],
    };
  }

  let sumR = 0;
  let sumN = 0;
  for (const p of plotted) {
    sumR += p.numerator;
    sumN += p.denominator;
  }
  const target = sumR / sumN;
  const dispersion = estimateOverdispersion(plotted, target);
  const applied = options.overdispersion === 'auto' && dispersion.tau2 > 0;
  const tau2 = applied ? dispersion.tau2 : 0;

  const cache = new Map<number, FunnelLimits>();
  const limitsAt = (n: number): FunnelLimits => {
    let l = cache.get(n);
    if (l === undefined) {
      l = applied ? randomEffectsLimits(n, target, tau2) : binomialLimits(n, target);
      cache.set(n, l);
    }
    return l;
  };

  const points = inputs.map((p): FunnelPoint<Id> => {
    if (p.denominator === 0) return noData(p);
    const rate = p.numerator / p.denominator;
    const limits = limitsAt(p.denominator);
    return { ...pick(p), rate, limits, band: bandOf(rate, limits) };
  });

  const ns = plotted.map((p) => p.denominator);
  const curve = curveDenominators(Math.min(...ns), Math.max(...ns)).map((n) => ({ n, ...limitsAt(n) }));

  return { target, overdispersion: { phi: dispersion.phi, tau2: dispersion.tau2, applied }, points, curve };
}

function pick<Id>(p: FunnelInput<Id>): FunnelInput<Id> {
  return { id: p.id, numerator: p.numerator, denominator: p.denominator };
}

function noData<Id>(p: FunnelInput<Id>): FunnelPoint<Id> {
  return { ...pick(p), rate: null, limits: null, band: 'no_data' };
}

/** On a limit counts as within: a band claims the rate is beyond it. */
export function bandOf(rate: number, l: FunnelLimits): Exclude<FunnelBand, 'no_data'> {
  if (rate > l.upper998) return 'above_99_8';
  if (rate > l.upper95) return 'above_95';
  if (rate < l.lower998) return 'below_99_8';
  if (rate < l.lower95) return 'below_95';
  return 'within';
}

/**
 * The n at which the curve is drawn: every integer of [min, max] when there
 * are at most CURVE_POINTS of them, else CURVE_POINTS distinct integers
 * log-spaced from min to max (a funnel changes fastest at small n, so equal
 * steps in log n give an evenly smooth line), nudged apart where rounding
 * would repeat one.
 */
export function curveDenominators(min: number, max: number): number[] {
  if (max - min + 1 <= CURVE_POINTS) {
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  }
  const out: number[] = [];
  const ratio = max / min;
  for (let i = 0; i < CURVE_POINTS; i++) {
    const ideal = Math.round(min * ratio ** (i / (CURVE_POINTS - 1)));
    const previous = i === 0 ? min - 1 : out[i - 1];
    // Leave room for the points still to come, so the last one is exactly max.
    out.push(Math.min(Math.max(ideal, previous + 1), max - (CURVE_POINTS - 1 - i)));
  }
  return out;
}

/** Exact binomial limits up to EXACT_LIMITS_MAX_N, normal approximation beyond; clamped to [0, 1]. */
export function binomialLimits(n: number, theta: number): FunnelLimits {
  const q = n <= EXACT_LIMITS_MAX_N ? exactBinomialLimits(n, theta) : normalLimits(n, theta);
  return { lower95: clamp01(q[0]), upper95: clamp01(q[1]), lower998: clamp01(q[2]), upper998: clamp01(q[3]) };
}

const PROBABILITIES = [0.025, 0.975, 0.001, 0.999] as const;

/**
 * Spiegelhalter (2005), appendix A.1.1: r_p is the smallest r with
 * P(R ≤ r) ≥ p for R ~ Bin(n, θ); α = (P(R ≤ r_p) − p) / P(R = r_p); the
 * limit is (r_p − α)/n. Unclamped, in the order of PROBABILITIES.
 */
export function exactBinomialLimits(n: number, theta: number): [number, number, number, number] {
  // A target of exactly 0 or 1 means every plotted rate equals it; the
  // interpolation would spread the single outcome n over (n − 1, n], put the
  // 99.8 % upper limit at (n − 0.001)/n and flag every agency at 1 as above it.
  if (theta <= 0 || theta >= 1) return [theta, theta, theta, theta];
  const { lo, pmf } = binomialPmf(n, theta);
  const out: number[] = [];
  for (const p of PROBABILITIES) {
    let cdf = 0;
    let r = 0;
    // The pmf window drops only terms below 1e-25 of the mode, so the
    // cumulative sum reaches every p used here well inside it.
    for (; r < pmf.length; r++) {
      cdf += pmf[r];
      if (cdf >= p) break;
    }
    r = Math.min(r, pmf.length - 1);
    const alpha = (cdf - p) / pmf[r];
    out.push((lo + r - alpha) / n);
  }
  return out as [number, number, number, number];
}

/**
 * Bin(n, θ) probabilities over the window where they exceed 1e-25 of the
 * mode's: built outwards from the mode by the ratio of successive terms, then
 * normalised, so nothing under- or overflows at any n and the cost is
 * O(√(nθ(1 − θ))).
 */
function binomialPmf(n: number, theta: number): { lo: number; pmf: number[] } {
  const CUTOFF = 1e-25;
  const odds = theta / (1 - theta);
  const mode = Math.min(n, Math.floor((n + 1) * theta));
  const right: number[] = [1];
  for (let r = mode, w = 1; r < n; r++) {
    w *= ((n - r) / (r + 1)) * odds;
    if (w < CUTOFF) break;
    right.push(w);
  }
  const left: number[] = [];
  for (let r = mode, w = 1; r > 0; r--) {
    w *= r / (n - r + 1) / odds;
    if (w < CUTOFF) break;
    left.push(w);
  }
  const weights = left.reverse().concat(right);
  let total = 0;
  for (const w of weights) total += w;
  return { lo: mode - left.length, pmf: weights.map((w) => w / total) };
}

/** θ ± z√(θ(1 − θ)/n), unclamped, in the order of PROBABILITIES. */
export function normalLimits(n: number, theta: number): [number, number, number, number] {
  const sd = Math.sqrt((theta * (1 - theta)) / n);
  return [theta - Z_95 * sd, theta + Z_95 * sd, theta - Z_99_8 * sd, theta + Z_99_8 * sd];
}

/**
 * Limits widened by τ² on the arcsine-square-root scale, where the sampling
 * variance of asin(√(r/n)) is 1/(4n) whatever θ: asin(√θ) ± z√(1/(4n) + τ²),
 * back-transformed by sin². Clamped to [0, π/2] first, where sin² is monotone.
 */
export function randomEffectsLimits(n: number, theta: number, tau2: number): FunnelLimits {
  const centre = Math.asin(Math.sqrt(theta));
  const sd = Math.sqrt(1 / (4 * n) + tau2);
  const back = (y: number) => Math.sin(Math.min(Math.PI / 2, Math.max(0, y))) ** 2;
  return {
    lower95: back(centre - Z_95 * sd),
    upper95: back(centre + Z_95 * sd),
    lower998: back(centre - Z_99_8 * sd),
    upper998: back(centre + Z_99_8 * sd),
  };
}

/**
 * φ and τ² (Spiegelhalter 2005, BMJ QS): z_i = (asin√(r_i/n_i) − asin√θ) · 2√n_i,
 * winsorised to their 10th and 90th percentiles, φ = Σz²/k, and when
 * kφ > k − 1 with k ≥ 3, τ² = (kφ − (k − 1)) / (Σw − Σw²/Σw), w_i = 4n_i.
 * With fewer than three agencies there is nothing to estimate a spread from.
 */
export function estimateOverdispersion(
  plotted: readonly { numerator: number; denominator: number }[],
  target: number,
): { phi: number; tau2: number } {
  const k = plotted.length;
  const centre = Math.asin(Math.sqrt(target));
  const z = winsorise(
    plotted.map((p) => (Math.asin(Math.sqrt(p.numerator / p.denominator)) - centre) * 2 * Math.sqrt(p.denominator)),
    0.1,
  );
  let sumZ2 = 0;
  for (const v of z) sumZ2 += v * v;
  const phi = sumZ2 / k;
  if (k < 3 || k * phi <= k - 1) return { phi, tau2: 0 };
  let sumW = 0;
  let sumW2 = 0;
  for (const p of plotted) {
    const w = 4 * p.denominator;
    sumW += w;
    sumW2 += w * w;
  }
  return { phi, tau2: (k * phi - (k - 1)) / (sumW - sumW2 / sumW) };
}

/** Each value clamped to the `tail` and `1 − tail` quantiles of the set. */
export function winsorise(values: readonly number[], tail: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const low = quantile(sorted, tail);
  const high = quantile(sorted, 1 - tail);
  return values.map((v) => Math.min(high, Math.max(low, v)));
}

/**
 * Linear interpolation between order statistics at h = (k − 1)q (Hyndman &
 * Fan type 7, R's default `quantile`): the paper names percentiles, not a
 * definition, and this one is the one a reader re-checking in R gets.
 */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const below = sorted[i];
  const above = sorted[Math.min(i + 1, sorted.length - 1)];
  return below + (h - i) * (above - below);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
