/**
 * How a report period is read from the daily rollups: the whole UTC days inside it from the rollups, the part days
 * at its ends from the tables themselves. Exact for any instants, and the part read from the tables is at most two
 * days whatever the period's length.
 */

export interface Window {
  from: Date;
  to: Date;
}

export interface RollupSplit {
  /** Whole UTC days `[first, end)` as `YYYY-MM-DD`; null when the period holds no whole day. */
  days: { first: string; end: string } | null;
  /** Half-open windows to count from the tables: before the first whole day and after the last (0–2 of them). */
  edges: Window[];
}

const DAY_MS = 86_400_000;

export function splitPeriod(period: Window): RollupSplit {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (!(from < to)) return { days: null, edges: [] };
  const first = Math.ceil(from / DAY_MS) * DAY_MS;
  const end = Math.floor(to / DAY_MS) * DAY_MS;
  if (first >= end) return { days: null, edges: [{ from: period.from, to: period.to }] };
  const edges: Window[] = [];
  if (from < first) edges.push({ from: period.from, to: new Date(first) });
  if (end < to) edges.push({ from: new Date(end), to: period.to });
  return { days: { first: dayOf(first), end: dayOf(end) }, edges };
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
