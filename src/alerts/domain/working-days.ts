/**
 * Working time, Monday–Friday in UTC, for the reasonable-grounds deadline.
 *
 * Public holidays are deliberately not considered: they differ by
 * jurisdiction and year, and a deadline that ignores them errs towards an
 * earlier alert, which is the safe side for a detained person. The rule's
 * stated basis says so, so nobody reads it as a statutory count.
 *
 * Both functions are O(1) whatever the span: they work on a cumulative
 * working-time clock rather than stepping day by day, so a detention that
 * runs for years costs no more to evaluate than one that runs for an hour.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const WORKING_WEEK_MS = 5 * DAY_MS;
/** 1970-01-05T00:00Z, a Monday: the origin of the cumulative clock (the epoch itself is a Thursday). */
const MONDAY_ORIGIN_MS = 4 * DAY_MS;

/** Working milliseconds between the Monday origin and `t` (negative before it). */
function workingClock(t: number): number {
  const sinceOrigin = t - MONDAY_ORIGIN_MS;
  const weeks = Math.floor(sinceOrigin / WEEK_MS);
  const intoWeek = sinceOrigin - weeks * WEEK_MS;
  return weeks * WORKING_WEEK_MS + Math.min(intoWeek, WORKING_WEEK_MS);
}

/**
 * The earliest instant at which the working clock reads `w`. The clock stands
 * still over each weekend, so a reading at the end of a working week belongs
 * to Saturday 00:00, not to the Monday after.
 */
function earliestInstantAt(w: number): number {
  let weeks = Math.floor(w / WORKING_WEEK_MS);
  let intoWeek = w - weeks * WORKING_WEEK_MS;
  if (intoWeek === 0) {
    weeks -= 1;
    intoWeek = WORKING_WEEK_MS;
  }
  return MONDAY_ORIGIN_MS + weeks * WEEK_MS + intoWeek;
}

/** Milliseconds of Monday–Friday (UTC) time in [from, to); 0 when `to` is not after `from`. */
export function workingTimeBetween(from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  return workingClock(b) - workingClock(a);
}

/**
 * The instant at which exactly `days × 24 h` of Monday–Friday (UTC) time has
 * elapsed since `start`. A start on a weekend begins counting on Monday
 * 00:00, and a deadline that falls due at the end of a Friday is Saturday
 * 00:00 (Fri 10:00 + 5 → next Fri 10:00; Sat 10:00 + 5 → next Sat 00:00).
 */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`working days must be a finite number ≥ 0, got ${days}`);
  const s = start.getTime();
  if (Number.isNaN(s)) throw new RangeError('start is not a valid date');
  // With days = 0 on a weekend the earliest matching instant is the Saturday
  // before `start`; nothing elapses before the start, so clamp to it.
  return new Date(Math.max(s, earliestInstantAt(workingClock(s) + days * DAY_MS)));
}
