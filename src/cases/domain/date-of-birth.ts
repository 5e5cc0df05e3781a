/**
 * The rules a subject's date of birth follows, apart from any framework. A date of birth is a calendar date
 * (`YYYY-MM-DD`) that exists, on or after 1900-01-01 (the earliest `birthYear` too) and not after today in UTC;
 * when a birth year is given as well, it is the year of that date.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST = '1900-01-01';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateOfBirthProblem = 'not_a_date' | 'too_early' | 'in_future';

export const DATE_OF_BIRTH_MESSAGES: Record<DateOfBirthProblem, string> = {
  not_a_date: 'must be a real calendar date (YYYY-MM-DD)',
  too_early: `may not be before ${EARLIEST}`,
  in_future: 'may not be in the future',
};

/** The date `YYYY-MM-DD` names, or null when it names none (`1998-13-45`, `2023-02-29`, `98-1-2`). */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** What is wrong with a date of birth, judged on `today` (UTC); null when nothing is. */
export function dateOfBirthProblem(value: string, now: Date): DateOfBirthProblem | null {
  if (!parseCalendarDate(value)) return 'not_a_date';
  // Zero-padded ISO dates order as strings do.
  if (value < EARLIEST) return 'too_early';
  if (value > now.toISOString().slice(0, 10)) return 'in_future';
  return null;
}

/** True when a birth year agrees with a date of birth, or when the date is not one (its own rule reports that). */
export function birthYearAgrees(birthYear: number, dateOfBirth: string): boolean {
  const date = parseCalendarDate(dateOfBirth);
  return date === null || date.year === birthYear;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
