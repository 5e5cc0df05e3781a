import { createAgency } from '../factories/agencies.js';
import { caseBody, openCase } from '../factories/cases.js';
import { createPlace, type Place } from '../factories/places.js';
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

/** The visits screens (SPEC §11, §15): the commissioner's unannounced visit end to end, and an agency kept out of it. */
describe('the console’s visits in Chromium', () => {
  let t: TestApp;
  let chromium: ConsoleBrowser;
  let commissioner: User;
  let reviewer: User;
  let supervisor: User;
  let place: Place;
  let detained: { id: string; externalRef: string };
  let sealed: { id: string; day: string };
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);

    const admin = await adminSession(t);
    const agency = await createAgency(t, admin, 'frontline');
    const office = await createAgency(t, admin, 'commissioner_office');
    commissioner = await createUser(t, admin, 'commissioner', office.id);
    reviewer = await createUser(t, admin, 'reviewer', office.id);
    supervisor = await createUser(t, admin, 'agency_supervisor', agency.id);
    const officer = await createUser(t, admin, 'agency_officer', agency.id);
    place = await createPlace(t, commissioner, agency.id, {
      name: `Eastern removal centre ${process.pid}`,
      kind: 'removal_centre',
    });

    // One person detained at the place: the roll lists them when the visit starts.
    const body = caseBody();
    const opened = await openCase(t, officer, {
      ...body,
      detention: {
        at: new Date(Date.now() - 30 * 3_600_000).toISOString(),
        placeId: place.id,
        legalBasis: 'Aliens Act s. 62',
      },
    });
    detained = { id: opened.id, externalRef: body.externalRef as string };

    // A second visit to the same place, left planned: sealed from the agency.
    sealed = { id: '', day: '2031-03-12' };
    const res = await t
      .http()
      .post('/api/v1/visits')
      .set('authorization', commissioner.auth)
      .send({ placeId: place.id, day: sealed.day });
    if (res.status !== 201) throw new Error(`visit create failed: ${res.status} ${JSON.stringify(res.body)}`);
    sealed.id = res.body.id as string;
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('the commissioner plans a visit, chooses the team, starts it, reads the roll, records a finding and reports', async () => {
    const { context, page } = await chromium.signedIn(commissioner);
    await openSection(page, 'Visits');
    await page.getByRole('heading', { name: 'Visits', exact: true }).waitFor();
    await page.getByRole('link', { name: place.name }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'visits');

    // Plan: one visit to the place, today.
    await page.getByRole('link', { name: 'Plan a visit' }).click();
    await page.getByRole('heading', { name: 'Plan a visit' }).waitFor();
    await page.getByRole('heading', { name: 'Recent plans' }).waitFor();
    const arrange = page.getByRole('form', { name: 'Arrange a visit' });
    await arrange.getByLabel('Place').selectOption(place.id);
    await arrange.getByLabel('Day').fill(today);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'visit-plan');
    await arrange.getByRole('button', { name: 'Arrange the visit' }).click();
    await page.getByRole('heading', { name: `Visit to ${place.name}` }).waitFor();
    const visitId = /\/console\/visits\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByText(`Day: ${today}`).waitFor();

    // The team, with the keyboard: tick the reviewer with Space, Tab to the button, Enter.
    await page.getByRole('checkbox', { name: reviewer.email }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'Team' })
      .getByRole('listitem')
      .filter({ hasText: reviewer.email })
      .waitFor();

    // Start: the roll lists the person detained there, without personal data.
    await page.getByRole('button', { name: 'Start the visit' }).click();
    await page.getByRole('heading', { name: 'Detention roll' }).waitFor();
    const roll = page.getByRole('region', { name: 'Detention roll' });
    await roll.getByRole('link', { name: detained.externalRef }).waitFor();
    await roll.getByRole('cell', { name: 'Aliens Act s. 62' }).waitFor();
    await roll.getByText('1 person(s) detained here').waitFor();
    await expect(page.getByRole('button', { name: 'Start the visit' }).count()).resolves.toBe(0);

    // A finding, with the keyboard only: type, Tab to the severity, Tab to the case, Space, Tab, Enter.
    await page.getByRole('textbox', { name: 'Finding', exact: true }).focus();
    await page.keyboard.type(HOSTILE.markup);
    await page.keyboard.press('Tab');
    await page.keyboard.press('s'); // Serious
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the detained person's case
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const finding = page.getByRole('listitem', { name: 'Finding (serious)' });
    await finding.getByText(HOSTILE.markup).waitFor();
    await finding.getByRole('link', { name: detained.externalRef }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page.getByRole('heading', { name: `Visit to ${place.name}` }).scrollIntoViewIfNeeded();
    await screenshot(page, 'visit');

    // The report: the summary (markup again, shown as text); the findings are frozen from now.
    const summary = `Summary ${HOSTILE.markup} — one person held 30 hours.`;
    await page.getByRole('textbox', { name: 'Summary' }).fill(summary);
    await page.getByRole('button', { name: 'Issue the report' }).click();
    await page.getByRole('region', { name: 'Report' }).getByText(summary).waitFor();
    await expect(page.getByRole('button', { name: 'Issue the report' }).count()).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Record a finding' }).count()).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Choose the team' }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    // Hostile text stayed text: no element made of it, no script run.
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(chromium.dialogs).toEqual([]);

    const visit = await t.http().get(`/api/v1/visits/${visitId}`).set('authorization', commissioner.auth);
    expect(visit.body).toMatchObject({
      placeId: place.id,
      day: today,
      state: 'reported',
      team: [reviewer.id],
      summary,
      findings: [{ text: HOSTILE.markup, severity: 'serious', caseIds: [detained.id] }],
    });

    // The list shows it reported, the sealed visit still planned.
    await openSection(page, 'Visits');
    await page.getByLabel('State').selectOption('reported');
    await page.getByText('1 visit(s) shown').waitFor();
    await page.getByRole('row').filter({ hasText: today }).getByText('Reported').waitFor();
    await context.close();
  });

  it('the agency’s supervisor has no Visits section, and at a planned visit’s address sees a refusal and nothing of it', async () => {
    const { context, page } = await chromium.signedIn(supervisor);
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await sections.getByRole('link', { name: 'Cases' }).waitFor();
    await expect(sections.getByRole('link', { name: 'Visits' }).count()).resolves.toBe(0);

    await openInPage(page, `/console/visits/${sealed.id}`);
    await page.getByRole('alert').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(place.name);
    expect(text).not.toContain(sealed.day);
    await expect(page.getByRole('heading', { name: /^Visit to/ }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('the commissioner draws a plan by risk over a window and opens the visit it drew', async () => {
    const { context, page } = await chromium.signedIn(commissioner);
    await openInPage(page, '/console/visits/plan');
    const draw = page.getByRole('form', { name: 'Draw a visit plan' });
    const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    await draw.getByRole('textbox', { name: 'From', exact: true }).fill(today);
    await draw.getByRole('textbox', { name: 'To', exact: true }).fill(to);
    await draw.getByRole('textbox', { name: 'Places to visit' }).fill('1');
    await draw.getByRole('button', { name: 'Draw the plan' }).click();
    const drawn = page.getByRole('region', { name: `Plan drawn: ${today} to ${to}` });
    await drawn.getByText(/^Digest [0-9a-f]{64}/).waitFor();
    await page
      .getByRole('region', { name: 'Recent plans' })
      .getByRole('cell', { name: `${today} to ${to}` })
      .waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    const plans = await t.http().get('/api/v1/visit-plans').set('authorization', commissioner.auth);
    expect(plans.body.items).toHaveLength(1);

    // The plan's page: every place it considered, with the figures its risk came from (one person detained here).
    await page
      .getByRole('region', { name: 'Recent plans' })
      .getByRole('link', { name: `${today} to ${to}` })
      .click();
    await page.getByRole('heading', { name: 'Visit plan' }).waitFor();
    const row = page
      .getByRole('region', { name: 'Places considered' })
      .getByRole('row')
      .filter({ hasText: place.name });
    await row.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page
      .getByRole('region', { name: `Plan drawn: ${today} to ${to}` })
      .getByRole('link', { name: new RegExp(`^${place.name} on `) })
      .click();
    await page.getByRole('heading', { name: `Visit to ${place.name}` }).waitFor();
    await page.getByRole('button', { name: 'Start the visit' }).waitFor();
    await page.getByRole('button', { name: 'Cancel the visit' }).waitFor();
    await context.close();
  });
});
