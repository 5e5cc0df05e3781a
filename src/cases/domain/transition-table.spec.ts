import { readFileSync } from 'node:fs';
import { renderTransitionTable } from './transition-table.js';

describe('the README’s decision table', () => {
  it('is exactly the table rendered from TRANSITIONS (run `npm run docs` after changing the state machine)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- transitions:start -->\n([\s\S]*?)\n<!-- transitions:end -->/.exec(readme);
    expect(section?.[1]).toBe(renderTransitionTable());
  });

  it('has one row per decision type', () => {
    expect(renderTransitionTable().split('\n')).toHaveLength(2 + 9);
  });
});
