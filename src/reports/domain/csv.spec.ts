import fc from 'fast-check';
import { csvCell, csvRow, prefersCsv, toCsv } from './csv.js';
import { parseCsv } from '../../../test/support/csv.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['=HYPERLINK("http://x.test")', `"'=HYPERLINK(""http://x.test"")"`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('neutralises the formula %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers as numbers, negative ones unprefixed, and null as empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.125)).toBe('0.125');
    expect(csvCell(null)).toBe('');
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });

  it('reads back every text as written, apart from the formula guard', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          const text = rows.map(csvRow).join('');
          const guarded = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(parseCsv(text)).toEqual(guarded);
        },
      ),
    );
  });
});

describe('toCsv', () => {
  it('writes a header row and one CRLF-terminated row per record', () => {
    const csv = toCsv(
      [
        { header: 'code', value: (r: { code: string; n: number }) => r.code },
        { header: 'n', value: (r) => r.n },
      ],
      [
        { code: 'BP', n: 1 },
        { code: '=cmd', n: 2 },
      ],
    );
    expect(csv).toBe(`code,n\r\nBP,1\r\n'=cmd,2\r\n`);
  });
});

describe('prefersCsv', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['application/json', false],
    ['*/*', false],
    ['text/csv', true],
    ['text/csv; charset=utf-8', true],
    ['text/*', true],
    // Equal and both named: the order of ranges carries no preference (RFC 9110), so the default wins.
    ['text/csv, application/json', false],
    ['application/json, text/csv', false],
    ['text/csv;q=0.5, application/json', false],
    ['application/json;q=0.5, text/csv', true],
    ['text/csv, */*', true],
    ['text/*, application/json', false],
    ['text/csv;q=0', false],
    ['TEXT/CSV', true],
  ])('Accept %j → CSV %s', (accept, csv) => {
    expect(prefersCsv(accept)).toBe(csv);
  });
});
