import { COMPLAINANT_PII, recordComplaint } from '../factories/complaints.js';
import { createWorld, type World } from '../factories/world.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import {
  ConsoleBrowser,
  HOSTILE,
  openInPage,
  openSection,
  type ConsoleUser as User,
} from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Complaints and investigations in the console (SPEC §13, §15): the office records a complaint, triages it into an
 * investigation and acts on that as the API allows; complaints stay sealed from agencies.
 */
/** A browser journey on a machine shared with other work: each step waits on its own, the whole gets room. */
const JOURNEY_MS = 300_000;

describe('the console: complaints and investigations', () => {
  let t: TestApp;
  let w: World;
  let chromium: ConsoleBrowser;
  let commissioner: User;
  let supervisor: User;
  let sealed: { id: string };
  const SUMMARY = `Held four days without an interpreter; the complainant wrote ${HOSTILE.markup}`;

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);
    w = await createWorld(t);
    // The factories return each user's password with its session.
    commissioner = w.commissioner as User;
    supervisor = w.supervisor as User;
    sealed = await recordComplaint(t, w.commissioner, [w.agencies.own.id], { summary: SUMMARY });
  }, JOURNEY_MS);

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it(
    'the commissioner records a complaint, triages it to an investigation and assigns its investigators',
    async () => {
      const { context, page } = await chromium.signedIn(commissioner);
      await openSection(page, 'Complaints');
      await page.getByRole('heading', { name: 'Complaints' }).waitFor();
      await page.getByText('1 complaint(s) shown').waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

      await page.getByRole('button', { name: 'Record a complaint' }).click();
      const dialog = page.getByRole('dialog', { name: 'Record a complaint' });
      await dialog.getByLabel('Channel').selectOption('letter');
      await dialog.getByLabel('Complainant’s relationship').selectOption('ngo');
      await dialog.getByLabel('Complainant’s name (optional)').fill(COMPLAINANT_PII.name);
      await dialog.getByLabel('Complainant’s contact (optional)').fill(COMPLAINANT_PII.contact);
      await dialog.getByLabel('Summary').fill('People found at the northern crossing were detained before screening.');
      await dialog.getByRole('checkbox', { name: w.agencies.own.code }).check();
      await dialog.getByRole('checkbox', { name: w.agencies.other.code }).check();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await dialog.getByRole('button', { name: 'Record complaint' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The new complaint's page: its name and contact are not fetched until asked for (an audited read).
      await page.getByRole('heading', { name: /^Complaint received/ }).waitFor();
      await page.getByText('People found at the northern crossing were detained before screening.').waitFor();
      await expect(page.content()).resolves.not.toContain(COMPLAINANT_PII.name);
      await page.getByRole('button', { name: 'Show the complainant (the reading is audited)' }).click();
      await page.getByText(`Name: ${COMPLAINANT_PII.name}`).waitFor();

      const triage = page.getByRole('form', { name: 'Triage the complaint' });
      await triage.getByLabel('Outcome').selectOption('investigate');
      await triage.getByLabel('Reason').fill('A pattern across two agencies; worth a full investigation.');
      await triage.getByLabel('Investigation title').fill('Screening before detention at the northern crossing');
      await triage.getByLabel('Terms of reference').fill('Whether people are screened before they are detained.');
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await triage.getByRole('button', { name: 'Triage' }).click();
      await page.getByText('Outcome: Investigate', { exact: false }).waitFor();
      await expect(page.getByRole('form', { name: 'Triage the complaint' }).count()).resolves.toBe(0);

      await openSection(page, 'Complaints');
      await page.getByText('2 complaint(s) shown').waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'complaints');
      await page
        .getByRole('link', { name: /^Complaint|UTC$/ })
        .last()
        .waitFor();

      // The investigation the triage opened, from the complaint's page.
      await page.goBack();
      await page.getByRole('link', { name: 'The investigation it opened' }).click();
      await page
        .getByRole('heading', { name: 'Investigation: Screening before detention at the northern crossing' })
        .waitFor();
      await page.getByText('Origin: Complaint').waitFor();
      await page.getByRole('link', { name: 'The complaint that opened it' }).waitFor();
      await page.getByText('Investigators: none assigned').waitFor();
      // The API lists what the commissioner may do while it is open; the page offers exactly those.
      for (const action of [
        'Assign investigators',
        'Add evidence',
        'Send the draft for comment',
        'Close without findings',
      ]) {
        await page.getByRole('button', { name: action, exact: true }).waitFor();
      }
      await expect(page.getByRole('button', { name: 'Publish the final report' }).count()).resolves.toBe(0);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

      await page.getByRole('button', { name: 'Assign investigators', exact: true }).click();
      const assign = page.getByRole('dialog', { name: 'Assign investigators' });
      await assign.getByRole('checkbox', { name: w.reviewer.email }).check();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await assign.getByRole('button', { name: 'Assign investigators' }).click();
      await assign.waitFor({ state: 'detached' });
      await page.getByText(/^Investigators: (?!none)/).waitFor();
      await screenshot(page, 'investigation');

      const id = /\/investigations\/([0-9a-f-]{36})$/.exec(page.url())![1];
      const investigation = await t.http().get(`/api/v1/investigations/${id}`).set('authorization', commissioner.auth);
      expect(investigation.body).toMatchObject({ origin: 'complaint', state: 'open', investigators: [w.reviewer.id] });
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'triages a complaint with the keyboard alone, and shows hostile text as text',
    async () => {
      const other = await recordComplaint(t, w.commissioner, [w.agencies.other.id], {
        anonymous: true,
        complainant: undefined,
      });
      const { context, page } = await chromium.signedIn(commissioner);
      await openInPage(page, `/console/complaints/${other.id}`);
      await page.getByRole('heading', { name: /^Complaint received/ }).waitFor();
      await page.getByText('Anonymous', { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: /Show the complainant/ }).count()).resolves.toBe(0);

      await page.getByLabel('Outcome').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByLabel('Outcome').inputValue()).resolves.toBe('no_action');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Already answered by the agency in writing.');
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Triage');
      await page.keyboard.press('Enter');
      await page.getByText('Outcome: No action', { exact: false }).waitFor();
      const triaged = await t.http().get(`/api/v1/complaints/${other.id}`).set('authorization', commissioner.auth);
      expect(triaged.body).toMatchObject({ state: 'triaged', triage: { outcome: 'no_action' } });

      await openInPage(page, `/console/complaints/${sealed.id}`);
      await page.getByText(SUMMARY).waitFor();
      expect(chromium.dialogs).toEqual([]);
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'an agency supervisor sees no complaints section, and is refused at a complaint’s address',
    async () => {
      const { context, page } = await chromium.signedIn(supervisor);
      const sections = page.getByRole('navigation', { name: 'Sections' });
      await sections.getByRole('link', { name: 'Dashboard' }).waitFor();
      await expect(sections.getByRole('link', { name: 'Complaints' }).count()).resolves.toBe(0);
      await expect(page.getByText(/complaint/i).count()).resolves.toBe(0);

      await openInPage(page, `/console/complaints/${sealed.id}`);
      await page.getByRole('alert').waitFor();
      await expect(page.getByText(SUMMARY, { exact: false }).count()).resolves.toBe(0);
      await expect(page.getByRole('form', { name: 'Triage the complaint' }).count()).resolves.toBe(0);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      // Nor does the list reveal that any exists.
      await openInPage(page, '/console/complaints');
      await page.getByText('0 complaint(s) shown').waitFor();
      await expect(page.getByRole('button', { name: 'Record a complaint' }).count()).resolves.toBe(0);
      await context.close();
    },
    JOURNEY_MS,
  );
});
