import { parseCalendarDate } from '../../cases/domain/date-of-birth.js';

/**
 * How reports read a period from a query string. An end is a date (`YYYY-MM-DD`, meaning 00:00 UTC that day) or
 * a timestamp with `Z` or an offset (`YYYY-MM-DDThh:mm[:ss[.ffffff]]`); a missing end is derived from the other,
 * twelve calendar months apart, and with neither the period is the twelve months up to now.
 */

export const ACCEPTED_FORMS = 'a date (YYYY-MM-DD, meaning 00:00 UTC) or an RFC 3339 timestamp (YYYY-MM-DDThh:mm:ssZ)';
export const DEFAULT_MONTHS = 12;

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The instant a query value names, or null when it is neither form (or names no real date or time). */
export function parseReportInstant(value: string): Date | null {
  if (parseCalendarDate(value)) return new Date(`${value}T00:00:00Z`);
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const [, date, hours, minutes, seconds = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  if (!parseCalendarDate(date)) return null;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export interface ReportPeriod {
  from: Date;
  to: Date;
  /** True when `from`, `to` or both were not given and were derived. */
  defaulted: boolean;
}

/** The half-open period [from, to) a report covers; `now` ends it when neither end is given. */
export function reportPeriod(from: Date | null, to: Date | null, now: Date): ReportPeriod {
  if (from && to) return { from, to, defaulted: false };
  if (from) return { from, to: addMonths(from, DEFAULT_MONTHS), defaulted: true };
  const end = to ?? now;
  return { from: addMonths(end, -DEFAULT_MONTHS), to: end, defaulted: true };
}

/** The same time of day `months` calendar months away in UTC; a day the target month lacks becomes its last. */
export function addMonths(date: Date, months: number): Date {
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const result = new Date(date.getTime());
  result.setUTCDate(1);
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), daysIn(year, month)));
  return result;
}

function daysIn(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month + 1, 0);
  return probe.getUTCDate();
}
