// `npm run docs`: regenerates the README sections that are derived from code or measurements,
// between their <!-- name:start --> / <!-- name:end --> markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { renderTransitionTable } from '../src/cases/domain/transition-table.js';
import { renderVisitTable } from '../src/visits/domain/visit-table.js';
import { renderRecommendationTable } from '../src/recommendations/domain/recommendation-table.js';
import { renderInvestigationTable } from '../src/investigations/domain/investigation-table.js';
import { renderComplaintTable } from '../src/complaints/domain/complaint-table.js';
import { renderAnalyticsTable, renderPartTwoTable, renderPerformanceTable } from '../bench/report.js';

const README = 'README.md';
let text = readFileSync(README, 'utf8');

function replace(name: string, body: string): void {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README has no ${name} markers`);
  text = text.replace(re, (_m, start: string, end: string) => `${start}${body}\n${end}`);
}

replace('transitions', renderTransitionTable());
replace('visit-transitions', renderVisitTable());
replace('recommendation-transitions', renderRecommendationTable());
replace('investigation-transitions', renderInvestigationTable());
replace('complaint-transitions', renderComplaintTable());
const bench = process.argv[2] ?? 'bench-results/bench-1000000.json';
if (existsSync(bench))
  replace('performance', renderPerformanceTable(JSON.parse(readFileSync(bench, 'utf8')) as never, bench));
const partTwo = 'bench-results/bench-1000000-part-two.json';
if (existsSync(partTwo))
  replace('performance-part-two', renderPartTwoTable(JSON.parse(readFileSync(partTwo, 'utf8')) as never, partTwo));
const analytics = 'bench-results/bench-1000000-analytics.json';
if (existsSync(analytics))
  replace(
    'performance-analytics',
    renderAnalyticsTable(JSON.parse(readFileSync(analytics, 'utf8')) as never, analytics),
  );
writeFileSync(README, text);
process.stdout.write(`README.md updated${existsSync(bench) ? ` (performance from ${bench})` : ''}\n`);
