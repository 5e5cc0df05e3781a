import { readFileSync } from 'node:fs';
import { renderRecommendationTable } from './recommendation-table.js';

describe('the README’s recommendation table', () => {
  it('is exactly the table rendered from RECOMMENDATION_TRANSITIONS (run `npm run docs` after changing it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section =
      /<!-- recommendation-transitions:start -->\n([\s\S]*?)\n<!-- recommendation-transitions:end -->/.exec(readme);
    // Cell padding may differ (prettier aligns markdown tables); the cells themselves may not.
    expect(cells(section?.[1] ?? '')).toEqual(cells(renderRecommendationTable()));
  });

  it('has one row per choice of SPEC §12’s table and names who may act from the CASL rules', () => {
    const table = renderRecommendationTable();
    expect(table.split('\n')).toHaveLength(2 + 8);
    expect(table).toContain(
      '| `respond` response: `rejected` | `issued` | `rejected` | agency_supervisor, decision_maker |',
    );
    expect(table).toContain('| `withdraw` | any but final | `withdrawn` | commissioner | `reason` |');
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
