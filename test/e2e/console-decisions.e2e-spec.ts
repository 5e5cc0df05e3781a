import { createAgency } from '../factories/agencies.js';
import { caseBody, decided, openCase } from '../factories/cases.js';
import { adminSession, type Session } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import { ConsoleBrowser, openInPage, openSection, type ConsoleUser as User } from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A browser journey on a machine shared with other suites: generous, since Playwright waits for what it needs. */
const JOURNEY_TIMEOUT = 180_000;

interface Referred {
  id: string;
  externalRef: string;
}

/** A decision type as the console words it ("reasonable_grounds" → "Reasonable grounds"). */
const label = (type: string) => type.charAt(0).toUpperCase() + type.slice(1).replaceAll('_', ' ');

describe('recording decisions in the console', () => {
  let t: TestApp;
  let chromium: ConsoleBrowser;
  let officer: User;
  let decisionMaker: User;
  let referred: Referred;
  let raced: Referred;
  let forOfficer: Referred;

  const referredCase = async (): Promise<Referred> => {
    const body = caseBody();
    const opened = await openCase(t, officer, body);
    await decided(t, officer, opened.id, {
      type: 'refer',
      expectedVersion: opened.version,
      reason: 'Debt bondage and deception indicators',
    });
    return { id: opened.id, externalRef: body.externalRef as string };
  };

  const allowedDecisions = async (who: Session, caseId: string): Promise<string[]> => {
    const res = await t.http().get(`/api/v1/cases/${caseId}`).set('authorization', who.auth);
    expect(res.status).toBe(200);
    return res.body.allowedDecisions as string[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);
    const admin = await adminSession(t);
    const frontline = await createAgency(t, admin, 'frontline');
    const authority = await createAgency(t, admin, 'competent_authority');
    officer = await createUser(t, admin, 'agency_officer', frontline.id);
    decisionMaker = await createUser(t, admin, 'decision_maker', authority.id);
    referred = await referredCase();
    raced = await referredCase();
    forOfficer = await referredCase();
    // A case past its reasonable-grounds decision: the state filter leaves it out.
    const progressed = await referredCase();
    await decided(t, decisionMaker, progressed.id, {
      type: 'reasonable_grounds',
      expectedVersion: 1,
      outcome: 'positive',
      reason: 'Credible account of debt bondage',
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it(
    'the decision maker finds a referred case with the filters and records the reasonable-grounds decision',
    async () => {
      const { context, page } = await chromium.signedIn(decisionMaker);
      await openSection(page, 'Cases');
      await page.getByText('4 case(s) shown').waitFor();
      const filters = page.getByRole('form', { name: 'Case filters' });
      await filters.getByLabel('State').selectOption('referred');
      await filters.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('3 case(s) shown').waitFor();
      await filters.getByLabel('Reference').fill(referred.externalRef);
      await filters.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('1 case(s) shown').waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await page.getByRole('link', { name: referred.externalRef }).click();
      await page.getByRole('heading', { name: `Case ${referred.externalRef}` }).waitFor();

      // The choices are exactly what the API allows this user on this case.
      const allowed = await allowedDecisions(decisionMaker, referred.id);
      expect(allowed).toContain('reasonable_grounds');
      const form = page.getByRole('region', { name: 'Record a decision' });
      await form
        .getByRole('radio')
        .nth(allowed.length - 1)
        .waitFor();
      await expect(form.getByRole('radio').count()).resolves.toBe(allowed.length);
      for (const type of allowed) await form.getByRole('radio', { name: label(type), exact: true }).waitFor();

      await form.getByRole('radio', { name: 'Reasonable grounds', exact: true }).check();
      await form.getByLabel('Outcome').selectOption('positive');
      await form.getByRole('textbox', { name: 'Reason' }).fill('Consistent account; employer held her passport.');
      await form.getByRole('button', { name: 'Record reasonable grounds' }).scrollIntoViewIfNeeded();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'record-decision');
      await form.getByRole('button', { name: 'Record reasonable grounds' }).click();

      await page.getByRole('status').filter({ hasText: 'Recorded: Reasonable grounds (positive).' }).waitFor();
      await page.getByRole('cell', { name: 'Reasonable grounds (positive)' }).waitFor();
      await page.getByRole('cell', { name: 'Referred → Recovery period' }).waitFor();
      const after = await t.http().get(`/api/v1/cases/${referred.id}`).set('authorization', decisionMaker.auth);
      expect(after.body).toMatchObject({ state: 'recovery_period', version: 2 });
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows the API’s 409 when the case moved on while the form was open, and reloads the case on request',
    async () => {
      const { context, page } = await chromium.signedIn(decisionMaker);
      await openInPage(page, `/console/cases/${raced.id}`);
      const form = page.getByRole('region', { name: 'Record a decision' });
      await form.getByRole('radio', { name: 'Reasonable grounds', exact: true }).check();
      await form.getByLabel('Outcome').selectOption('positive');
      await form.getByRole('textbox', { name: 'Reason' }).fill('Consistent account of forced labour.');
      // A colleague decides first, through the API.
      await decided(t, decisionMaker, raced.id, {
        type: 'reasonable_grounds',
        expectedVersion: 1,
        outcome: 'negative',
        reason: 'No credible indicator after interview',
      });
      await form.getByRole('button', { name: 'Record reasonable grounds' }).click();
      await page.getByRole('alert').filter({ hasText: 'The case has moved on to version 2' }).waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await page.getByRole('button', { name: 'Reload the case' }).click();
      await page.getByRole('cell', { name: 'Reasonable grounds (negative)' }).waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      const after = await t.http().get(`/api/v1/cases/${raced.id}`).set('authorization', decisionMaker.auth);
      expect(after.body).toMatchObject({ state: 'rg_negative', version: 2 });
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'an officer, who may not make the reasonable-grounds decision, is not offered it',
    async () => {
      const { context, page } = await chromium.signedIn(officer);
      await openInPage(page, `/console/cases/${forOfficer.id}`);
      await page.getByRole('cell', { name: 'Refer', exact: true }).waitFor();
      const allowed = await allowedDecisions(officer, forOfficer.id);
      expect(allowed).not.toContain('reasonable_grounds');
      const radios = page.getByRole('region', { name: 'Record a decision' }).getByRole('radio');
      if (allowed.length > 0) await radios.nth(allowed.length - 1).waitFor();
      await expect(radios.count()).resolves.toBe(allowed.length);
      for (const type of allowed) await page.getByRole('radio', { name: label(type), exact: true }).waitFor();
      await expect(page.getByRole('radio', { name: /grounds/ }).count()).resolves.toBe(0);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
