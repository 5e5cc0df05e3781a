import { readFileSync } from 'node:fs';
import { renderVisitTable } from './visit-table.js';

describe('the README’s visit table', () => {
  it('is exactly the table rendered from VISIT_TRANSITIONS (run `npm run docs` after changing it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- visit-transitions:start -->\n([\s\S]*?)\n<!-- visit-transitions:end -->/.exec(readme);
    expect(cells(section?.[1] ?? '')).toEqual(cells(renderVisitTable()));
  });

  it('names who may start a visit: the commissioner and team reviewers', () => {
    expect(renderVisitTable()).toContain('| `start` | `planned` | `in_progress` | commissioner, reviewer |');
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
