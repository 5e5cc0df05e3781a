import { readFileSync } from 'node:fs';
import { renderComplaintTable } from './complaint-table.js';

describe('the README’s complaint table', () => {
  it('is exactly the table rendered from TRIAGE_RULES (run `npm run docs` after changing it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- complaint-transitions:start -->\n([\s\S]*?)\n<!-- complaint-transitions:end -->/.exec(readme);
    expect(cells(section?.[1] ?? '')).toEqual(cells(renderComplaintTable()));
  });

  it('names who records and who triages from the CASL rules', () => {
    const table = renderComplaintTable();
    expect(table.split('\n')).toHaveLength(2 + 4);
    expect(table).toContain('| record: `POST /complaints` | – | `received` | commissioner, reviewer |');
    expect(table).toContain(
      '| `triage` outcome: `investigate` | `received` | `triaged` | commissioner | `reason`, `title`, `termsOfReference` |',
    );
  });
});

function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim())),
    );
}
