import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { scanNow } from '../factories/alerts.js';
import { caseBody, decided, openCase, SEEDED_PII } from '../factories/cases.js';
import { COMPLAINANT_PII, recordComplaint } from '../factories/complaints.js';
import { investigationAction, openInvestigation } from '../factories/investigations.js';
import { drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import { ConsoleBrowser, openInPage, openSection, type ConsoleUser as User } from '../support/console-browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The analyst (SPEC §1: reads cases, reviews, alerts and reports without personal data) goes through every screen
 * the API lets it see. Cases, a complaint and an investigation are seeded with known personal data, pseudonyms and
 * free text; no screen may show the personal data, and the aggregate screens (dashboard, consistency, the annual
 * report and its download) none of the pseudonyms or free text either.
 */
/** A browser journey on a machine shared with other work: each step waits on its own, the whole gets room. */
const JOURNEY_MS = 300_000;

describe('the console: the analyst’s journey, consistency and the annual report', () => {
  let t: TestApp;
  let w: World;
  let chromium: ConsoleBrowser;
  let analyst: User;
  const year = new Date().getUTCFullYear();
  const pseudonyms: string[] = [];
  const freeText: string[] = [];
  const caseIds: string[] = [];
  let complaintId: string;
  let investigationId: string;

  /** The personal data seeded, and the date of birth as a screen might spell it. */
  const PII = [
    ...Object.values(SEEDED_PII),
    ...Object.values(COMPLAINANT_PII),
    '02/04/1998',
    '2 Apr 1998',
    'April 2, 1998',
  ];

  const typed = (what: string) => {
    const text = `Typed by hand for the analyst test: ${what}`;
    freeText.push(text);
    return text;
  };

  beforeAll(async () => {
    t = await startTestApp();
    chromium = await ConsoleBrowser.start(t);
    w = await createWorld(t);
    analyst = w.analyst as User;
    const from = new Date(Date.now() - 60_000);

    // Referrals and declined referrals in both frontline agencies (the referral rate's points), one person detained
    // long enough for an alert (the detention rate's numerator), each case with the seeded personal data.
    const open = async (by: Session, extra: Record<string, unknown> = {}) => {
      const body = caseBody({
        encounter: {
          at: new Date(Date.now() - 72 * 3_600_000).toISOString(),
          location: typed('encounter place'),
          kind: 'border_entry',
        },
        ...extra,
      });
      pseudonyms.push((body.subject as { pseudonym: string }).pseudonym);
      const c = await openCase(t, by, body);
      caseIds.push(c.id);
      return c;
    };
    for (const [by, types] of [
      [w.officer, ['refer', 'refer', 'decline_referral']],
      [w.otherOfficer, ['refer', 'decline_referral', 'decline_referral']],
    ] as const) {
      for (const type of types) {
        const c = await open(by);
        await decided(t, by, c.id, {
          type,
          expectedVersion: c.version,
          reason: typed(`${type} reason`),
          ...(type === 'decline_referral' ? { indicatorsConsidered: ['deception', 'debt_bondage'] } : {}),
        });
      }
    }
    await open(w.officer, {
      detention: {
        at: new Date(Date.now() - 49 * 3_600_000).toISOString(),
        facility: typed('holding facility'),
        legalBasis: 'Aliens Act s. 62',
      },
    });
    await scanNow(t, w.commissioner);

    // A sampled review concluded with a rationale.
    const { reviews } = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 60_000) });
    await reviewCommand(t, w.commissioner, reviews[0].id, 'assign', { reviewerId: w.reviewer.id });
    await reviewCommand(t, w.reviewer, reviews[0].id, 'conclude', {
      finding: 'concern',
      rationale: typed('review rationale, long enough'),
    });

    // A named complaint (its complainant is personal data) and an investigation with a draft.
    complaintId = (
      await recordComplaint(t, w.commissioner, [w.agencies.own.id], {
        summary: typed('complaint summary'),
        caseIds: [caseIds[0]],
      })
    ).id;
    const investigation = await openInvestigation(t, w.commissioner, [w.agencies.own.id], {
      termsOfReference: typed('terms of reference'),
    });
    investigationId = investigation.id;
    await investigationAction(t, w.commissioner, investigationId, 'draft', {
      expectedVersion: investigation.version,
      text: typed('draft report'),
      proposedRecommendations: [
        { agencyId: w.agencies.own.id, theme: 'detention', priority: 'urgent', text: typed('proposed recommendation') },
      ],
    });
  }, JOURNEY_MS);

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  /** The screen shows none of the personal data (and, where `strict`, no pseudonym or free text); axe is clean. */
  const checkScreen = async (page: Page, screen: string, strict = false) => {
    const html = await page.content();
    const forbidden = strict ? [...PII, ...pseudonyms, ...freeText] : PII;
    expect({ screen, shown: forbidden.filter((value) => html.includes(value)) }).toEqual({ screen, shown: [] });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  };

  it(
    'goes through every screen it may see, and none shows the personal data seeded',
    async () => {
      const { context, page } = await chromium.signedIn(analyst);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      const sections = await nav.getByRole('link').allTextContents();
      expect(sections).toEqual([
        'Dashboard',
        'Cases',
        'Alerts',
        'Reviews',
        'Visits',
        'Recommendations',
        'Sampling runs',
        'Complaints',
        'Investigations',
        'Consistency',
        'Annual report',
      ]);

      await page.getByRole('listitem', { name: 'High alerts open: 1' }).waitFor();
      await checkScreen(page, 'dashboard', true);

      await openSection(page, 'Cases');
      await page.getByText(`${caseIds.length} case(s) shown`).waitFor();
      await checkScreen(page, 'cases');
      for (const id of caseIds.slice(0, 2)) {
        await openInPage(page, `/console/cases/${id}`);
        await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
        await page.getByText(/^Pseudonym: /).waitFor();
        await page.getByText(/^Verified: /).waitFor();
        await checkScreen(page, `case ${id}`);
      }

      await openSection(page, 'Alerts');
      await page.getByRole('heading', { name: 'Alerts' }).waitFor();
      await page
        .getByText(/screening/i)
        .first()
        .waitFor();
      await checkScreen(page, 'alerts');

      await openSection(page, 'Reviews');
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
      await page.getByText(typed('review rationale, long enough'), { exact: false }).waitFor();
      await checkScreen(page, 'reviews');

      await openSection(page, 'Complaints');
      await page.getByText('1 complaint(s) shown').waitFor();
      await expect(page.getByRole('button', { name: 'Record a complaint' }).count()).resolves.toBe(0);
      await checkScreen(page, 'complaints');
      await openInPage(page, `/console/complaints/${complaintId}`);
      await page.getByText(typed('complaint summary')).waitFor();
      // The analyst may not read the complainant: nothing offers to show it, and no triage for it either.
      await expect(page.getByRole('button', { name: /Show the complainant/ }).count()).resolves.toBe(0);
      await expect(page.getByRole('form', { name: 'Triage the complaint' }).count()).resolves.toBe(0);
      await checkScreen(page, 'complaint');

      await openSection(page, 'Investigations');
      await page.getByText('1 investigation(s) shown').waitFor();
      await checkScreen(page, 'investigations');
      await openInPage(page, `/console/investigations/${investigationId}`);
      await page.getByText(typed('draft report')).waitFor();
      await page.getByText('None for you now.').waitFor();
      await checkScreen(page, 'investigation');

      // The office's registers: whatever they hold once loaded (no request left), none of it PII.
      for (const section of ['Visits', 'Recommendations', 'Sampling runs']) {
        await openSection(page, section);
        await page.getByRole('heading', { name: section, exact: true }).waitFor();
        await page.waitForLoadState('networkidle');
        await checkScreen(page, section.toLowerCase());
      }

      await openSection(page, 'Consistency');
      await page.getByRole('img', { name: /^Referral rate by deciding agency, / }).waitFor();
      await checkScreen(page, 'consistency', true);

      await openSection(page, 'Annual report');
      await page.getByLabel('Year').selectOption(String(year));
      await page.getByRole('heading', { name: `Anti-Trafficking Commissioner — Annual report ${year}` }).waitFor();
      await checkScreen(page, 'annual report', true);
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'chooses the metric, the grouping and the period on screen, and the funnel plot follows',
    async () => {
      const { context, page } = await chromium.signedIn(analyst);
      await openSection(page, 'Consistency');
      const plot = page.getByRole('img', { name: /^Referral rate by deciding agency, / });
      await plot.waitFor();
      // Both frontline agencies decided on referrals: each is a point, named by its code.
      await page.getByRole('cell', { name: w.agencies.own.code, exact: true }).waitFor();
      await page.getByRole('cell', { name: w.agencies.other.code, exact: true }).waitFor();
      const description = await plot.getAttribute('aria-labelledby');
      expect(description).toMatch(/-title .*-desc$/);
      await expect(page.getByRole('img', { name: /2 agencies plotted/ }).count()).resolves.toBe(1);
      await expect(page.getByLabel('Grouped by').count()).resolves.toBe(0);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'consistency');

      await page.getByLabel('Metric').selectOption('detention_rate');
      await page.getByRole('img', { name: /^Detention rate by case’s agency, / }).waitFor();
      await expect(page.getByRole('img', { name: /^Referral rate/ }).count()).resolves.toBe(0);

      // A metric with two groupings offers the choice.
      await page.getByLabel('Metric').selectOption('rg_positive_rate');
      await page.getByRole('img', { name: /^Positive reasonable-grounds rate by case’s agency, / }).waitFor();
      await page.getByLabel('Grouped by').selectOption('deciding_agency');
      await page.getByRole('img', { name: /^Positive reasonable-grounds rate by deciding agency, / }).waitFor();
      await page.getByRole('img', { name: /deciding agency, .*no agency has a denominator/ }).waitFor();

      // The period: a window before anything happened leaves no point.
      await page.getByLabel('Metric').selectOption('referral_rate');
      await page.getByLabel('From (UTC)').fill('2020-01-01');
      await page.getByLabel('To (UTC, not included)').fill('2021-01-01');
      await page.getByRole('img', { name: /^Referral rate by deciding agency, 2020-01-01 to 2021-01-01/ }).waitFor();
      await page.getByRole('img', { name: /no agency has a denominator/ }).waitFor();
      expect(page.url()).toContain('from=2020-01-01');
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'downloads the annual report as an HTML file, with no personal data, pseudonym or free text in it',
    async () => {
      const { context, page } = await chromium.signedIn(analyst);
      await openSection(page, 'Annual report');
      await expect(page.getByLabel('Year').inputValue()).resolves.toBe(String(year - 1));
      await page.getByRole('heading', { name: `Anti-Trafficking Commissioner — Annual report ${year - 1}` }).waitFor();
      await page.getByLabel('Year').selectOption(String(year));
      await page.getByRole('heading', { name: `Anti-Trafficking Commissioner — Annual report ${year}` }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Consistency between agencies' }).waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await screenshot(page, 'annual-report');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the report (HTML)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`annual-report-${year}.html`);
      const html = await readFile(await download.path(), 'utf8');
      expect(html).toContain(`Annual report ${year}`);
      expect(html).toContain(w.agencies.own.code);
      expect([...PII, ...pseudonyms, ...freeText].filter((value) => html.includes(value))).toEqual([]);
      await page.getByText(`Saved as annual-report-${year}.html.`).waitFor();
      await context.close();
    },
    JOURNEY_MS,
  );
});
