import { addMonths, parseReportInstant, reportPeriod } from './report-period.js';

const NOW = new Date('2026-12-03T12:34:56.789Z');
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseReportInstant', () => {
  it.each([
    ['2026-09-01', '2026-09-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-09-01T00:00:00Z', '2026-09-01T00:00:00.000Z'],
    ['2026-09-01T10:00Z', '2026-09-01T10:00:00.000Z'],
    ['2026-09-01T10:00:00.123456+02:00', '2026-09-01T08:00:00.123Z'],
    ['2026-01-01T00:30:00-01:00', '2026-01-01T01:30:00.000Z'],
  ])('reads %s as %s', (value, instant) => {
    expect(iso(parseReportInstant(value))).toBe(instant);
  });

  it.each([
    '',
    'yesterday',
    '2026',
    '2026-09',
    '2026-13-01',
    '2026-02-29',
    '2026-09-31',
    '2026-9-1',
    '2026-09-01T00:00:00',
    '2026-09-01 00:00:00Z',
    '2026-09-01T24:00:00Z',
    '2026-09-01T10:60:00Z',
    '2026-09-01T10:00:61Z',
    '2026-09-01T10:00:00+24:00',
    '2026-02-30T10:00:00Z',
    '2026-W36-1',
    '2026-244',
    '1788220800',
  ])('refuses %j', (value) => {
    expect(parseReportInstant(value)).toBeNull();
  });
});

describe('reportPeriod', () => {
  const SEP = new Date('2026-09-01T00:00:00Z');
  const NOV = new Date('2026-11-01T00:00:00Z');

  it('takes both ends as given', () => {
    expect(reportPeriod(SEP, NOV, NOW)).toEqual({ from: SEP, to: NOV, defaulted: false });
  });

  it('with neither end, covers the twelve months up to now', () => {
    const period = reportPeriod(null, null, NOW);
    expect({ from: iso(period.from), to: iso(period.to), defaulted: period.defaulted }).toEqual({
      from: '2025-12-03T12:34:56.789Z',
      to: NOW.toISOString(),
      defaulted: true,
    });
  });

  it('with only from, ends twelve months after it', () => {
    expect(reportPeriod(SEP, null, NOW)).toEqual({ from: SEP, to: new Date('2027-09-01T00:00:00Z'), defaulted: true });
  });

  it('with only to, starts twelve months before it', () => {
    expect(reportPeriod(null, NOV, NOW)).toEqual({ from: new Date('2025-11-01T00:00:00Z'), to: NOV, defaulted: true });
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-03-31T10:00:00.000Z', -1, '2026-02-28T10:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', 12, '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', -12, '2023-02-28T00:00:00.000Z'],
    ['2026-01-31T23:59:59.999Z', 1, '2026-02-28T23:59:59.999Z'],
    ['2026-12-15T00:00:00.000Z', 1, '2027-01-15T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', -1, '2025-12-15T00:00:00.000Z'],
    ['2026-12-03T12:34:56.789Z', -12, '2025-12-03T12:34:56.789Z'],
  ])('%s plus %i months is %s', (start, months, end) => {
    expect(addMonths(new Date(start), months).toISOString()).toBe(end);
  });
});
