/**
 * The 95% Wilson score interval for a binomial proportion (Wilson 1927; Brown,
 * Cai & DasGupta 2001). Unlike the normal ("Wald") interval it stays inside
 * [0, 1] and is honest for the small counts a single agency's reviews give:
 * 0 findings of concern in 10 reviews is not "0% ± 0".
 */

/** The standard normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Proportion {
  /** successes / trials, to three decimals. */
  share: number;
  lower: number;
  upper: number;
}

/** `null` when there were no trials: no proportion, no interval. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Proportion | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval: need integers 0 <= successes <= trials, got ${successes} of ${trials}`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    share: round3(p),
    // Clamped: at 0 or n successes the bound is exactly 0 or 1, up to floating-point noise.
    lower: round3(Math.max(0, centre - halfWidth)),
    upper: round3(Math.min(1, centre + halfWidth)),
  };
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
