import { readFileSync } from 'node:fs';
import { normalise, readSection } from '../../scripts/walkthrough/render.js';
import { produceWalkthrough } from '../../scripts/walkthrough/walkthrough.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The README's "A newcomer's first run" cannot drift: a fresh run of the same
 * steps on an empty database must print the same text, but for ids, times,
 * tokens and counts. When this fails after a deliberate change to the API,
 * run `npm run docs:walkthrough` and commit the README.
 */
describe("README: a newcomer's first run", () => {
  let t: TestApp;
  let fresh: string;

  beforeAll(async () => {
    t = await startTestApp();
    fresh = await produceWalkthrough(t.app, ADMIN);
  }, 180_000);
  afterAll(async () => t.close());

  it('is what a fresh run prints (run `npm run docs:walkthrough` after changing the API)', () => {
    const documented = readSection(readFileSync('README.md', 'utf8'), 'walkthrough');
    expect(normalise(documented).split('\n')).toEqual(normalise(fresh).split('\n'));
  });

  it('shows every request the section promises, each with the status it must answer', () => {
    for (const route of [
      'POST "$BASE/auth/login"',
      'curl -s "$BASE/cases?',
      'curl -s "$BASE/cases/$CASE?include=pii"',
      'curl -s "$BASE/reviews/$REVIEW"',
      'curl -s "$BASE/decision-records?type=close&outcome=removed',
      'POST "$BASE/cases/$CASE/decisions"',
      'POST "$BASE/alerts/$ALERT/acknowledge"',
      'POST "$BASE/sampling-runs"',
      'POST "$BASE/reviews/$REVIEW/conclude"',
      'POST "$BASE/recommendations"',
      'POST "$BASE/recommendations/$REC/respond"',
      'POST "$BASE/recommendations/$REC/progress"',
      'POST "$BASE/recommendations/$REC/verify"',
      'POST "$BASE/visit-plans"',
      'POST "$BASE/visits/$VISIT/start"',
      'curl -s "$BASE/visits/$VISIT/roll"',
      'POST "$BASE/complaints"',
      'POST "$BASE/complaints/$COMPLAINT/triage"',
      'curl -s "$BASE/investigations/$INVESTIGATION"',
      'curl -s "$BASE/reports/agencies?',
      'curl -s "$BASE/exports/anonymised"',
      'POST "$BASE/audit/checkpoints"',
      'curl -s "$BASE/audit/verify"',
    ]) {
      expect(fresh).toContain(route);
    }
    expect(fresh).toContain('"ok": true');
    expect(fresh).toContain('"state": "implemented"');
    // The roll is never empty: the walkthrough visits the demo's busiest place.
    expect(fresh).toContain('"hoursDetained"');
    // The refusals shown on purpose: a visit does not exist for the agency until it starts, a complaint never.
    expect(fresh.match(/HTTP [45]\d\d/g)).toEqual(['HTTP 404', 'HTTP 404']);
    // The complainant's name is in the request that records the complaint, and in no answer.
    expect(fresh.split('Walkthrough Complainant')).toHaveLength(2);
  });
});
