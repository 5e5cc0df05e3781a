import { createAgency } from '../factories/agencies.js';
import { declinedCase } from '../factories/reviews.js';
import { adminSession } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { SamplingRunner } from '../../src/reviews/sampling-runner.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import { ConsoleBrowser, openSection, type ConsoleUser as User } from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A browser journey on a machine shared with other suites: generous, since Playwright waits for what it needs. */
const JOURNEY_TIMEOUT = 180_000;

interface RunReview {
  id: string;
  status: string;
  assignedReviewerId: string | null;
}

describe('sampling runs and review assignment in the console', () => {
  let t: TestApp;
  let chromium: ConsoleBrowser;
  let commissioner: User;
  let reviewer: User;
  let otherReviewer: User;
  let analyst: User;

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);
    const admin = await adminSession(t);
    const frontline = await createAgency(t, admin, 'frontline');
    const office = await createAgency(t, admin, 'commissioner_office');
    commissioner = await createUser(t, admin, 'commissioner', office.id);
    reviewer = await createUser(t, admin, 'reviewer', office.id);
    otherReviewer = await createUser(t, admin, 'reviewer', office.id);
    analyst = await createUser(t, admin, 'analyst', office.id);
    const officer = await createUser(t, admin, 'agency_officer', frontline.id);
    // Three declined referrals this week: with every rate at 1, the run draws all three.
    for (let i = 0; i < 3; i += 1) await declinedCase(t, officer);
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const runReviews = async (runId: string): Promise<RunReview[]> => {
    const res = await t
      .http()
      .get('/api/v1/reviews')
      .query({ runId, limit: 200 })
      .set('authorization', commissioner.auth);
    expect(res.status).toBe(200);
    return res.body.items as RunReview[];
  };

  it(
    'the commissioner starts a run with the keyboard, opens it, assigns one review and auto-assigns the rest',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openSection(page, 'Sampling runs');
      await page.getByRole('heading', { name: 'Sampling runs' }).waitFor();
      await page.getByText('0 run(s) shown').waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

      // The period's defaults cover this week; the rates are typed, and Enter in the last field starts the run.
      await page.getByLabel('Rate', { exact: true }).focus();
      await page.keyboard.type('1');
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.name')).resolves.toBe('negativeRate');
      await page.keyboard.type('1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');

      // The run's page; the background job draws it (here the test plays the worker) and the page follows.
      await page.getByRole('heading', { name: /^Sampling run / }).waitFor();
      const runId = /\/sampling-runs\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await expect(t.app.get(SamplingRunner).execute(runId)).resolves.toBe('completed');
      await page.getByText('Decisions in the period: 3; drawn for review: 3').waitFor();
      await page.getByRole('heading', { name: 'Reviews of this run' }).waitFor();
      const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Reviewer' }) });
      await table.getByRole('button', { name: 'Assign', exact: true }).nth(2).waitFor();
      await expect(table.getByRole('button', { name: 'Assign', exact: true }).count()).resolves.toBe(3);
      // The seed stays out of sight until asked for.
      await page.getByText('Seed: sealed').waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'sampling-run');

      // One review by hand, to the reviewer chosen in the dialog.
      await table.getByRole('button', { name: 'Assign', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Assign the review' });
      await dialog.getByLabel('Reviewer').selectOption(otherReviewer.id);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await dialog.getByRole('button', { name: 'Assign review' }).click();
      await dialog.waitFor({ state: 'detached' });
      await table.getByRole('button', { name: 'Reassign' }).waitFor();
      const byHand = (await runReviews(runId)).filter((r) => r.status === 'assigned');
      expect(byHand).toEqual([expect.objectContaining({ assignedReviewerId: otherReviewer.id })]);

      // The rest automatically.
      await page.getByRole('button', { name: 'Auto-assign this run’s pending reviews' }).click();
      await page.getByRole('status').filter({ hasText: '2 review(s) assigned.' }).waitFor();
      await table.getByRole('button', { name: 'Reassign' }).nth(2).waitFor();
      await expect(table.getByRole('button', { name: 'Assign', exact: true }).count()).resolves.toBe(0);
      const all = await runReviews(runId);
      expect(all.map((r) => r.status)).toEqual(['assigned', 'assigned', 'assigned']);
      expect(all.find((r) => r.id === byHand[0].id)!.assignedReviewerId).toBe(otherReviewer.id);
      expect(new Set(all.map((r) => r.assignedReviewerId))).toEqual(new Set([reviewer.id, otherReviewer.id]));
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

      // Back on the list: the run, what it drew, and who started it.
      await openSection(page, 'Sampling runs');
      await page.getByText('1 run(s) shown').waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /to/ }) });
      await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
        expect.any(String),
        'Completed',
        '100 %, negative 100 %, at least 1',
        '3',
        '3',
        expect.stringMatching(/\S/),
        expect.stringMatching(/UTC$/),
      ]);
      await expect(row.getByRole('cell').nth(5).textContent()).resolves.not.toBe('Commissioner (by hand)');
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'sampling-runs');

      // The commissioner may read the seed, on request.
      await row.getByRole('link').click();
      await page.getByRole('button', { name: 'Show seed' }).click();
      await page.getByText(/^[0-9a-f]{64}$/).waitFor();
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'an analyst reads the runs but is offered neither a new run, nor assignment, nor the seed',
    async () => {
      const { context, page } = await chromium.signedIn(analyst);
      await openSection(page, 'Sampling runs');
      await page.getByText('1 run(s) shown').waitFor();
      await expect(page.getByRole('button', { name: 'Start run' }).count()).resolves.toBe(0);
      await page.getByRole('row').getByRole('link').click();
      await page.getByRole('heading', { name: 'Reviews of this run' }).waitFor();
      await page.getByText('Seed: sealed').waitFor();
      await expect(page.getByRole('button', { name: 'Show seed' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /Assign|Auto-assign/ }).count()).resolves.toBe(0);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
