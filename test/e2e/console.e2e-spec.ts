import { createAgency } from '../factories/agencies.js';
import { scanNow } from '../factories/alerts.js';
import { caseBody, decided, openCase } from '../factories/cases.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import { adminSession } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { CONSOLE_CSP } from '../../src/console/console-assets.js';
import { inPage, screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import { ConsoleBrowser, HOSTILE, openInPage, type ConsoleUser as User } from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the staff console in Chromium', () => {
  let t: TestApp;
  let chromium: ConsoleBrowser;
  let commissioner: User;
  let reviewer: User;
  let otherSupervisor: User;
  let hostileCase: { id: string; externalRef: string };
  let reviewedCase: { id: string; externalRef: string };
  let otherCase: { id: string; externalRef: string };
  let reviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);

    const admin = await adminSession(t);
    const own = await createAgency(t, admin, 'frontline');
    const other = await createAgency(t, admin, 'frontline');
    const office = await createAgency(t, admin, 'commissioner_office');
    commissioner = await createUser(t, admin, 'commissioner', office.id);
    reviewer = await createUser(t, admin, 'reviewer', office.id);
    const officer = await createUser(t, admin, 'agency_officer', own.id);
    const otherOfficer = await createUser(t, admin, 'agency_officer', other.id);
    otherSupervisor = await createUser(t, admin, 'agency_supervisor', other.id);

    // A person detained 49 hours unscreened (an open screening_overdue alert), with hostile text where people type.
    const from = new Date(Date.now() - 60_000);
    const body = caseBody();
    hostileCase = {
      ...(await openCase(t, officer, {
        ...body,
        subject: { ...(body.subject as object), pseudonym: HOSTILE.markup },
        detention: {
          at: new Date(Date.now() - 49 * 3_600_000).toISOString(),
          facility: HOSTILE.rtl,
          legalBasis: 'Aliens Act s. 62',
        },
      })),
      externalRef: body.externalRef as string,
    };
    await scanNow(t, commissioner);

    // A declined referral whose reason looks like a link, sampled and assigned to a reviewer to conclude.
    const reviewedBody = caseBody();
    const declined = await openCase(t, officer, reviewedBody);
    reviewedCase = { id: declined.id, externalRef: reviewedBody.externalRef as string };
    await decided(t, officer, declined.id, {
      type: 'decline_referral',
      expectedVersion: declined.version,
      reason: HOSTILE.link,
      indicatorsConsidered: ['deception', 'debt_bondage'],
    });
    const { reviews } = await drawSample(t, commissioner, { from, to: new Date(Date.now() + 60_000) });
    reviewId = reviews.find((r) => r.caseId === declined.id)!.id;
    await reviewCommand(t, commissioner, reviewId, 'assign', { reviewerId: reviewer.id });

    const otherBody = caseBody();
    otherCase = { ...(await openCase(t, otherOfficer, otherBody)), externalRef: otherBody.externalRef as string };
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const signedIn = (user: User, viewport?: { width: number; height: number }) => chromium.signedIn(user, viewport);

  it('serves the console at /console with its own strict CSP, and index.html for client routes', async () => {
    const redirect = await t.http().get('/console');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/console/');
    for (const path of ['/console/', '/console/cases/00000000-0000-4000-8000-000000000000']) {
      const page = await t.http().get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(page.text).toContain('<div id="root"></div>');
    }
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec((await t.http().get('/console/')).text)![1];
    const asset = await t.http().get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect((await t.http().get('/console/assets/missing.js')).status).toBe(404);
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CONSOLE_CSP).toContain(`script-src 'self'`);
    expect(CONSOLE_CSP).toContain(`style-src 'self'`);
  });

  it('the commissioner signs in with the keyboard, reads the dashboard, opens a case and acknowledges its alert', async () => {
    const { context, page } = await signedIn(commissioner);
    // The office's dashboard: the open alert, the person detained past the screening limit, and visits.
    await page.getByRole('listitem', { name: 'High alerts open: 1' }).waitFor();
    await page.getByRole('listitem', { name: 'Detained past the screening limit: 1' }).waitFor();
    await page.getByRole('listitem', { name: 'Visits due: 0' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'dashboard');

    // The token lives in memory only.
    const storage = await page.evaluate(inPage.storedItems);
    expect(storage).toEqual({ local: 0, session: 0 });

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await page.getByRole('link', { name: hostileCase.externalRef }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'cases');

    await page.getByRole('link', { name: hostileCase.externalRef }).click();
    await page.getByRole('heading', { name: `Case ${hostileCase.externalRef}` }).waitFor();
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    await page.getByText(/^Verified: \d+ event\(s\) recomputed/).waitFor();
    // The detention episode's facility, a right-to-left override inside, is shown as the text it is.
    await expect(page.getByText(HOSTILE.rtl, { exact: false }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'case');

    await page.getByLabel('Note (optional)').fill('Called the facility; interview booked.');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Note: Called the facility; interview booked.').waitFor();
    const alerts = await t
      .http()
      .get('/api/v1/alerts')
      .query({ caseId: hostileCase.id })
      .set('authorization', commissioner.auth);
    expect(alerts.body.items.map((a: { status: string }) => a.status)).toEqual(['acknowledged']);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'alerts');
    await context.close();
  });

  it('a reload keeps the staff member signed in through the refresh cookie; signing out ends it', async () => {
    const { context, page } = await signedIn(commissioner);
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect(page.evaluate(inPage.storedItems)).resolves.toEqual({ local: 0, session: 0 });
    const cookies = await context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, path: c.path }))).toEqual([
      { name: 'oversight_refresh', httpOnly: true, path: '/api/v1/auth' },
    ]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Oversight' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Oversight' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'sign-in');
    await context.close();
  });

  it('a reviewer concludes the review assigned to them with a finding and a rationale', async () => {
    const { context, page } = await signedIn(reviewer);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'reviews');
    await page.getByRole('button', { name: 'Conclude', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Conclude the review' });
    await dialog.getByLabel('Finding').selectOption('concern');
    await dialog.getByLabel('Rationale').fill(HOSTILE.long);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await dialog.getByRole('button', { name: 'Conclude review' }).click();
    await dialog.waitFor({ state: 'detached' });
    const review = await t.http().get(`/api/v1/reviews/${reviewId}`).set('authorization', reviewer.auth);
    expect(review.body).toMatchObject({ status: 'awaiting_response', finding: 'concern', rationale: HOSTILE.long });
    // The 8,000-character word wraps: the page does not grow sideways.
    await page.getByText(HOSTILE.long, { exact: false }).waitFor();
    const overflow = await page.evaluate(inPage.sidewaysOverflow);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('an agency supervisor sees its own agency’s cases only, and nothing of another agency’s case at its address', async () => {
    const { context, page } = await signedIn(otherSupervisor);
    // Its agency's figures only (the other agency's overdue detention is not counted), and no visits (not for agencies).
    await page.getByRole('listitem', { name: 'Detained past the screening limit: 0' }).waitFor();
    await expect(page.getByRole('listitem', { name: /^Visits due/ }).count()).resolves.toBe(0);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: otherCase.externalRef }).waitFor();
    await expect(page.getByRole('link', { name: hostileCase.externalRef }).count()).resolves.toBe(0);
    await expect(page.getByText('1 case(s) shown').count()).resolves.toBe(1);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    // Even at the other agency's case's address, the API answers for this user: refused, nothing of the case shown.
    await openInPage(page, `/console/cases/${hostileCase.id}`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByText(HOSTILE.rtl, { exact: false }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('shows hostile text as text: no markup, no script, no javascript: link', async () => {
    const { context, page } = await signedIn(commissioner);
    await openInPage(page, '/console/cases');
    await page.getByText(HOSTILE.markup).waitFor();
    await openInPage(page, `/console/cases/${hostileCase.id}`);
    await page.getByText(`Pseudonym: ${HOSTILE.markup}`).waitFor();
    await openInPage(page, `/console/cases/${reviewedCase.id}`);
    await page.getByRole('cell', { name: HOSTILE.link }).waitFor();
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    expect(chromium.dialogs).toEqual([]);
    await context.close();
  });

  it('lays the dashboard out on a 390-pixel-wide phone without sideways scrolling', async () => {
    const { context, page } = await signedIn(commissioner, { width: 390, height: 844 });
    const overflow = await page.evaluate(inPage.sidewaysOverflow);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('listitem', { name: 'Detained past the screening limit: 1' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'dashboard-phone');
    // The navigation folds behind a menu button on a phone.
    await expect(page.getByRole('navigation', { name: 'Sections' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Sections' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });
});
