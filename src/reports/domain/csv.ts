/**
 * CSV as RFC 4180 says (CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled) plus the OWASP advice on formula injection:
 * a text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a
 * tab or carriage return in front of one) gets a leading `'`, so opening an
 * export never runs anything. Numbers are written as numbers and never
 * prefixed: `-3` is a value, not a formula, and only text can carry one.
 */

export type CsvValue = string | number | null;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`csvCell: ${value} is not a finite number`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A header row and data rows, each row projected by the same ordered columns. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return csvRow(columns.map((c) => c.header)) + rows.map((r) => csvRow(columns.map((c) => c.value(r)))).join('');
}

/** Whether the caller prefers CSV to JSON by its `Accept` header. */
export function prefersCsv(accept: string | undefined): boolean {
  return prefersToJson(accept, 'text/csv');
}

/**
 * Whether the caller prefers `type` to JSON by its `Accept` header (RFC 9110
 * §12.5.1: the most specific range sets a type's quality; on a tie the type
 * named explicitly wins). Without a preference the answer is JSON.
 */
export function prefersToJson(accept: string | undefined, type: string): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').flatMap((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return range && Number.isFinite(quality) ? [{ range: range.trim(), quality }] : [];
  });
  const qualityOf = (type: string): { quality: number; explicit: boolean } => {
    const [major] = type.split('/');
    for (const candidate of [type, `${major}/*`, '*/*']) {
      const match = ranges.find((r) => r.range === candidate);
      if (match) return { quality: match.quality, explicit: candidate === type };
    }
    return { quality: 0, explicit: false };
  };
  const other = qualityOf(type);
  const json = qualityOf('application/json');
  if (other.quality <= 0) return false;
  return other.quality > json.quality || (other.quality === json.quality && other.explicit && !json.explicit);
}
