import { readFileSync } from 'node:fs';
import { renderInvestigationTable } from './investigation-table.js';

describe('the README’s investigation table', () => {
  it('is exactly the table rendered from INVESTIGATION_TRANSITIONS (run `npm run docs` after changing it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- investigation-transitions:start -->\n([\s\S]*?)\n<!-- investigation-transitions:end -->/.exec(
      readme,
    );
    expect(cells(section?.[1] ?? '')).toEqual(cells(renderInvestigationTable()));
  });

  it('has SPEC §13’s rows and names who may act from the CASL rules', () => {
    const table = renderInvestigationTable();
    expect(table.split('\n')).toHaveLength(2 + 7);
    expect(table).toContain('| `evidence` (`add_evidence`) | `open` | (state unchanged) | commissioner, reviewer |');
    expect(table).toContain(
      '| `comment` | `factual_accuracy` | (state unchanged) | agency_supervisor, decision_maker |',
    );
    expect(table).toContain('| `publish` | `factual_accuracy` | `published` | commissioner |');
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
