import type { Page } from 'playwright-core';
import { createAgency } from '../factories/agencies.js';
import {
  dateIn,
  issueRecommendation,
  recommendationAction,
  type RecommendationBody,
} from '../factories/recommendations.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import { adminSession } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import {
  ConsoleBrowser,
  HOSTILE,
  openInPage,
  openSection,
  type ConsoleUser as User,
} from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A browser journey under a loaded machine (2 shared cores): generous, so a slow run is not a failure. */
const JOURNEY_MS = 120_000;
const AGENCY = 'Border Police North';
const OTHER_AGENCY = 'Labour Inspectorate East';
const ISSUED_TEXT = 'Interview every detained foreign national for trafficking indicators before any removal order.';
const TO_ANSWER_TEXT = 'Train screening officers in the debt bondage indicator within the year.';
const CLAIMED_TEXT = 'Record the interpreter used in every screening interview.';
const RESPONSE = `We dispute the concern: the interview weighed it. ${HOSTILE.markup}`;
const FROM_REVIEW_TEXT = 'Weigh every indicator the person reports in the screening interview record.';
const PROGRESS_NOTE = `Two of five districts trained so far. ${HOSTILE.markup}`;

describe('the console’s recommendations and agency responses, in Chromium', () => {
  let t: TestApp;
  let chromium: ConsoleBrowser;
  let commissioner: User;
  let supervisor: User;
  let otherSupervisor: User;
  let reviewId: string;
  let toAnswer: RecommendationBody;
  let claimed: RecommendationBody;

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);

    const admin = await adminSession(t);
    const own = await createAgency(t, admin, 'frontline', { name: AGENCY });
    const other = await createAgency(t, admin, 'frontline', { name: OTHER_AGENCY });
    const office = await createAgency(t, admin, 'commissioner_office');
    commissioner = await createUser(t, admin, 'commissioner', office.id);
    const reviewer = await createUser(t, admin, 'reviewer', office.id);
    const officer = await createUser(t, admin, 'agency_officer', own.id);
    supervisor = await createUser(t, admin, 'agency_supervisor', own.id);
    otherSupervisor = await createUser(t, admin, 'agency_supervisor', other.id);

    // A declined referral of the supervisor's agency, sampled, assigned and concluded with a concern: it awaits
    // the agency's response.
    const from = new Date(Date.now() - 60_000);
    const declined = await declinedCase(t, officer);
    const { reviews } = await drawSample(t, commissioner, { from, to: new Date(Date.now() + 60_000) });
    reviewId = reviews.find((r) => r.caseId === declined.id)!.id;
    await reviewCommand(t, commissioner, reviewId, 'assign', { reviewerId: reviewer.id });
    await reviewCommand(t, commissioner, reviewId, 'conclude', CONCERN);

    // One recommendation awaiting the agency's response, and one whose implementation the agency claims.
    toAnswer = await issueRecommendation(t, commissioner, own.id, { text: TO_ANSWER_TEXT, theme: 'training' });
    const issued = await issueRecommendation(t, commissioner, own.id, { text: CLAIMED_TEXT, theme: 'data' });
    const accepted = await recommendationAction(t, supervisor, issued.id, 'respond', {
      expectedVersion: issued.version,
      response: 'accepted',
      targetDate: dateIn(30),
    });
    claimed = await recommendationAction(t, supervisor, issued.id, 'progress', {
      expectedVersion: accepted.version,
      status: 'implemented',
      note: 'Interpreter field added to the screening form.',
      evidence: 'Form version 4, in use since Monday.',
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const get = (path: string, user: User) => t.http().get(path).set('authorization', user.auth);
  const noViolations = (page: Page) => expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

  it(
    'the commissioner issues a recommendation to an agency, the form filled with the keyboard only',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openSection(page, 'Recommendations');
      await page.getByRole('heading', { name: 'Recommendations' }).waitFor();
      await page.getByRole('link', { name: 'Issue a recommendation' }).click();
      await page.getByRole('heading', { name: 'Issue a recommendation' }).waitFor();
      await noViolations(page);

      // The first field has the focus; a select takes the first letters of an option, Tab moves on.
      await page.getByLabel('Addressed to').waitFor();
      await expect(page.evaluate('document.activeElement.getAttribute("name")')).resolves.toBe('agencyId');
      await page.keyboard.type('Border');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Det');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Urg');
      await page.keyboard.press('Tab'); // the source stays "own initiative"
      await page.keyboard.press('Tab');
      await page.keyboard.type(ISSUED_TEXT);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      await page.getByText(ISSUED_TEXT).waitFor();
      await page.getByText('Urgent', { exact: true }).waitFor();
      // The office may withdraw an issued recommendation; responding is the agency's, so no such form here.
      await page.getByRole('form', { name: 'Withdraw' }).waitFor();
      await expect(page.getByRole('form', { name: 'Respond' }).count()).resolves.toBe(0);
      await noViolations(page);
      await screenshot(page, 'recommendation');

      const list = await get('/api/v1/recommendations?state=issued&theme=detention', commissioner);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          text: ISSUED_TEXT,
          priority: 'urgent',
          source: { kind: 'own_initiative', id: null },
        }),
      ]);
      const issued = list.body.items[0] as RecommendationBody;
      expect(issued.agencyId).toBe(supervisor.agencyId);

      await openSection(page, 'Recommendations');
      await page.getByText(ISSUED_TEXT).waitFor();
      await page.getByText('3 recommendation(s) shown').waitFor();
      await noViolations(page);
      await screenshot(page, 'recommendations');

      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the register narrows by the filters the API supports',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openInPage(page, `/console/recommendations?agencyId=${supervisor.agencyId}`);
      await page.getByText('3 recommendation(s) shown').waitFor();
      await expect(page.getByLabel('Agency').inputValue()).resolves.toBe(supervisor.agencyId);
      await page.getByLabel('State').selectOption('implementation_claimed');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('1 recommendation(s) shown').waitFor();
      await page.getByText(CLAIMED_TEXT).waitFor();
      await page.getByLabel('Overdue: response late or target date passed').check();
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('0 recommendation(s) shown').waitFor();
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the agency supervisor sees what awaits its response on the dashboard and disputes a review’s finding',
    async () => {
      const { context, page } = await chromium.signedIn(supervisor);
      const dashboard = (await get('/api/v1/dashboard', supervisor)).body;
      expect(dashboard.reviews.awaitingResponse).toBe(1);
      expect(dashboard.recommendations.awaitingResponse).toBeGreaterThanOrEqual(1);
      await page.getByRole('listitem', { name: 'Reviews awaiting a response: 1' }).waitFor();
      await page
        .getByRole('listitem', {
          name: `Recommendations awaiting a response: ${dashboard.recommendations.awaitingResponse}`,
        })
        .waitFor();
      await noViolations(page);

      // The concluded review: disputed, with a text that looks like markup.
      await page.getByRole('link', { name: 'Reviews awaiting a response' }).click();
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
      await page.getByRole('button', { name: 'Respond' }).click();
      const dialog = page.getByRole('dialog', { name: 'Respond to the review' });
      await dialog.getByLabel('Response', { exact: true }).selectOption('reject');
      await dialog.getByLabel('Response text').fill(RESPONSE);
      await noViolations(page);
      await dialog.getByRole('button', { name: 'Send response' }).click();
      await dialog.waitFor({ state: 'detached' });
      const review = await get(`/api/v1/reviews/${reviewId}`, supervisor);
      expect(review.body).toMatchObject({ status: 'disputed', response: 'reject', responseText: RESPONSE });
      await openInPage(page, '/console/reviews');
      await page.getByText(RESPONSE, { exact: false }).waitFor();
      await expect(page.getByRole('button', { name: 'Respond' }).count()).resolves.toBe(0);

      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the agency supervisor accepts a recommendation with a target date and reports progress',
    async () => {
      const { context, page } = await chromium.signedIn(supervisor);
      await openSection(page, 'Dashboard');
      await page.getByRole('link', { name: 'Recommendations awaiting a response' }).click();
      await page.getByRole('heading', { name: 'Recommendations' }).waitFor();
      await expect(page.getByText(CLAIMED_TEXT).count()).resolves.toBe(0); // not issued any more: filtered out
      await page.getByText(TO_ANSWER_TEXT).waitFor();
      await page
        .getByRole('row', { name: new RegExp(TO_ANSWER_TEXT.slice(0, 30)) })
        .getByRole('link')
        .click();
      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      const respond = page.getByRole('form', { name: 'Respond' });
      await respond.getByLabel('Response', { exact: true }).selectOption('accepted');
      const target = dateIn(60);
      await respond.getByLabel('Target date').fill(target);
      await noViolations(page);
      await respond.getByRole('button', { name: 'Send response' }).click();

      const progress = page.getByRole('form', { name: 'Report progress' });
      await progress.waitFor();
      await expect(page.getByRole('form', { name: 'Respond' }).count()).resolves.toBe(0);
      await progress.getByLabel('Note').fill(PROGRESS_NOTE);
      await progress.getByRole('button', { name: 'Report progress' }).click();
      await page.getByText(`Note: ${PROGRESS_NOTE}`).waitFor();
      await noViolations(page);

      const after = await get(`/api/v1/recommendations/${toAnswer.id}`, supervisor);
      expect(after.body).toMatchObject({ state: 'accepted', targetDate: target, allowedActions: ['progress'] });
      expect(after.body.history.map((h: { action: string }) => h.action)).toEqual(['issue', 'respond', 'progress']);
      expect(after.body.history[2]).toMatchObject({ status: 'in_progress', note: PROGRESS_NOTE });
      // Text that looks like markup stayed text: no image made of it, no dialog opened.
      await expect(page.locator('img').count()).resolves.toBe(0);
      expect(chromium.dialogs).toEqual([]);
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the office bases a recommendation on the disputed review, then repeats it',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openSection(page, 'Reviews');
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
      await page.getByRole('link', { name: 'Recommend', exact: true }).click();
      await page.getByRole('heading', { name: 'Issue a recommendation' }).waitFor();
      await expect(page.getByLabel('Source').inputValue()).resolves.toBe('review');
      await expect(page.getByLabel('Review id').inputValue()).resolves.toBe(reviewId);
      await page.getByRole('textbox', { name: 'Recommendation' }).fill(FROM_REVIEW_TEXT);
      await page.getByRole('button', { name: 'Issue recommendation' }).click();
      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      await page.getByText(`Review ${reviewId}`).waitFor();

      await page.getByRole('link', { name: 'Issue a recommendation that repeats this one' }).click();
      await page.getByRole('heading', { name: 'Issue a recommendation' }).waitFor();
      await page.getByText('Repeats an earlier recommendation').waitFor();
      await noViolations(page);
      await page.getByRole('textbox', { name: 'Recommendation' }).fill(`Again: ${FROM_REVIEW_TEXT}`);
      await page.getByRole('button', { name: 'Issue recommendation' }).click();
      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      await page.getByText(`Again: ${FROM_REVIEW_TEXT}`).waitFor();
      await page.getByRole('link', { name: 'an earlier recommendation' }).waitFor();

      const list = (await get('/api/v1/recommendations?sourceKind=review', commissioner)).body
        .items as RecommendationBody[];
      const original = list.find((r) => r.text === FROM_REVIEW_TEXT)!;
      expect(original).toMatchObject({ source: { kind: 'review', id: reviewId }, repeatOf: null });
      const own = await get(`/api/v1/recommendations?agencyId=${supervisor.agencyId}`, commissioner);
      const repeat = (own.body.items as RecommendationBody[]).find((r) => r.text === `Again: ${FROM_REVIEW_TEXT}`);
      expect(repeat).toMatchObject({ repeatOf: original.id, source: { kind: 'own_initiative', id: null } });
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the office sends a claimed implementation back with a new target date, then verifies it',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openInPage(page, `/console/recommendations/${claimed.id}`);
      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      await page.getByText('Evidence: Form version 4, in use since Monday.').waitFor();
      const verify = page.getByRole('form', { name: 'Verify the implementation' });
      await verify.getByLabel('Outcome').selectOption('not_verified');
      await verify.getByLabel('Note').fill('The form in use at the Northern crossing is still version 3.');
      const newTarget = dateIn(45);
      await verify.getByLabel('New target date').fill(newTarget);
      await noViolations(page);
      await verify.getByRole('button', { name: 'Record verification' }).click();
      await page.getByText(`Implementation claimed → Accepted · target date ${newTarget}`).waitFor();
      await expect(verify.count()).resolves.toBe(0);

      const returned = (await get(`/api/v1/recommendations/${claimed.id}`, commissioner)).body as RecommendationBody;
      expect(returned).toMatchObject({ state: 'accepted', targetDate: newTarget, allowedActions: ['withdraw'] });
      // The agency claims again (through the API); the office verifies through the console.
      await recommendationAction(t, supervisor, claimed.id, 'progress', {
        expectedVersion: returned.version,
        status: 'implemented',
        note: 'Version 3 forms withdrawn everywhere.',
        evidence: 'Stock count of 12 May.',
      });
      await page.reload();
      await page.getByRole('heading', { name: `Recommendation to ${AGENCY}` }).waitFor();
      const again = page.getByRole('form', { name: 'Verify the implementation' });
      await again.getByLabel('Note').fill('Seen at two crossings.');
      await again.getByRole('button', { name: 'Record verification' }).click();
      await page.getByText('Implementation claimed → Implemented').waitFor();
      // Final: nothing left to do.
      await expect(page.getByRole('heading', { name: 'Actions' }).count()).resolves.toBe(0);
      await noViolations(page);
      const done = await get(`/api/v1/recommendations/${claimed.id}`, commissioner);
      expect(done.body).toMatchObject({ state: 'implemented', allowedActions: [] });
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'a supervisor of another agency sees neither the review nor the recommendations',
    async () => {
      const { context, page } = await chromium.signedIn(otherSupervisor);
      await page.getByRole('listitem', { name: 'Reviews awaiting a response: 0' }).waitFor();
      await page.getByRole('listitem', { name: 'Recommendations awaiting a response: 0' }).waitFor();
      await openSection(page, 'Recommendations');
      await page.getByText('0 recommendation(s) shown').waitFor();
      await expect(page.getByRole('link', { name: 'Issue a recommendation' }).count()).resolves.toBe(0);
      await noViolations(page);
      await openSection(page, 'Reviews');
      await page.getByText('No reviews.').waitFor();
      // At a recommendation's address, the API answers for this user: not found, nothing of it shown.
      await openInPage(page, `/console/recommendations/${toAnswer.id}`);
      await page.getByRole('alert').waitFor();
      await expect(page.getByText(TO_ANSWER_TEXT).count()).resolves.toBe(0);
      await expect(page.getByRole('form').count()).resolves.toBe(0);
      await noViolations(page);
      expect((await get(`/api/v1/recommendations/${toAnswer.id}`, otherSupervisor)).status).toBe(404);
      await context.close();
    },
    JOURNEY_MS,
  );
});
