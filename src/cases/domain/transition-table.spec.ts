import { readFileSync } from 'node:fs';
import { renderTransitionTable } from './transition-table.js';

describe('the README’s decision table', () => {
  it('is exactly the table rendered from TRANSITIONS (run `npm run docs` after changing the state machine)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- transitions:start -->\n([\s\S]*?)\n<!-- transitions:end -->/.exec(readme);
    // Cell padding may differ (prettier aligns markdown tables); the cells themselves may not.
    expect(cells(section?.[1] ?? '')).toEqual(cells(renderTransitionTable()));
  });

  it('has one row per decision type', () => {
    expect(renderTransitionTable().split('\n')).toHaveLength(2 + 9);
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
