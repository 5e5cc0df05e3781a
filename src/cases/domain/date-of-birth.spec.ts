import { birthYearAgrees, dateOfBirthProblem, parseCalendarDate } from './date-of-birth.js';

const NOW = new Date('2026-12-03T12:00:00Z');

describe('parseCalendarDate', () => {
  it.each([
    ['1998-04-02', { year: 1998, month: 4, day: 2 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1999-12-31', { year: 1999, month: 12, day: 31 }],
    ['2026-01-01', { year: 2026, month: 1, day: 1 }],
  ])('reads %s', (value, date) => {
    expect(parseCalendarDate(value)).toEqual(date);
  });

  it.each([
    '1998-13-45',
    '1998-13-01',
    '1998-00-10',
    '1998-01-00',
    '1998-01-32',
    '1998-04-31',
    '1998-06-31',
    '1998-09-31',
    '1998-11-31',
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '98-01-02',
    '1998-1-2',
    '1998-01-02T00:00:00Z',
    ' 1998-01-02',
    '1998/01/02',
    '',
  ])('refuses %j', (value) => {
    expect(parseCalendarDate(value)).toBeNull();
  });
});

describe('dateOfBirthProblem', () => {
  it.each(['1998-04-02', '1900-01-01', '2026-12-03'])('accepts %s (today included)', (value) => {
    expect(dateOfBirthProblem(value, NOW)).toBeNull();
  });

  it('judges "today" in UTC: just after midnight UTC the new day is already allowed', () => {
    expect(dateOfBirthProblem('2026-12-04', new Date('2026-12-04T00:00:01Z'))).toBeNull();
    expect(dateOfBirthProblem('2026-12-04', new Date('2026-12-03T23:59:59Z'))).toBe('in_future');
  });

  it.each([
    ['1998-13-45', 'not_a_date'],
    ['2023-02-29', 'not_a_date'],
    ['1899-12-31', 'too_early'],
    ['0001-01-01', 'too_early'],
    ['2026-12-04', 'in_future'],
    ['2100-01-01', 'in_future'],
  ])('refuses %s as %s', (value, problem) => {
    expect(dateOfBirthProblem(value, NOW)).toBe(problem);
  });
});

describe('birthYearAgrees', () => {
  it('holds when the year is the year of the date', () => {
    expect(birthYearAgrees(1998, '1998-04-02')).toBe(true);
    expect(birthYearAgrees(1998, '1998-12-31')).toBe(true);
  });

  it('fails when it is not, by a year either way', () => {
    expect(birthYearAgrees(1997, '1998-01-01')).toBe(false);
    expect(birthYearAgrees(1999, '1998-12-31')).toBe(false);
  });

  it('leaves a date that is not one to its own rule', () => {
    expect(birthYearAgrees(1998, '1998-13-45')).toBe(true);
  });
});
