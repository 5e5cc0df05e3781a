import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ALERT_RULES } from '../../alerts/domain/alert-rules.js';
import { CASE_STATES, DECISION_TYPES } from '../../cases/domain/identification.js';
import { countsByKey, type AgencyReport } from './agency-report.js';
import {
  ANNUAL_REPORT_SECTIONS,
  ANNUAL_REPORT_STYLE,
  ANNUAL_REPORT_STYLE_HASH,
  annualPeriod,
  annualReportHtml,
  type AnnualReportInput,
} from './annual-report.js';
import { consistencyFunnel } from './consistency.js';
import { funnelSvg } from './funnel-svg.js';
import { createHash } from 'node:crypto';

function agency(code: string, name: string): AgencyReport {
  return {
    agency: { id: `id-${code}`, code, name, kind: 'frontline' },
    casesOwnedByState: { ...countsByKey(CASE_STATES, {}), screening: 4, closed: 3 },
    decisionsMadeByType: { ...countsByKey(DECISION_TYPES, {}), refer: 5, detain: 2 },
    durations: {
      screeningToReferral: { medianDays: 2.5, n: 5 },
      referralToReasonableGrounds: { medianDays: null, n: 0 },
      reasonableGroundsToConclusiveGrounds: { medianDays: 41, n: 1 },
    },
    detention: { detainedNow: 1, longestCurrentDays: 3.25 },
    alertsByRule: { ...countsByKey(ALERT_RULES, {}), screening_overdue: 2, detention_limit_exceeded: 1 },
    reviews: { concluded: 4, concern: 1, disagree: 1, concernOrDisagree: { share: 0.5, lower: 0.15, upper: 0.85 } },
    recommendations: {
      issuedInPeriod: 6,
      byState: {
        issued: 1,
        accepted: 1,
        partially_accepted: 0,
        rejected: 1,
        implementation_claimed: 1,
        implemented: 1,
        withdrawn: 1,
      },
      open: 3,
      overdue: 1,
      daysToRespond: { medianDays: 12.5, n: 4 },
      repeats: 1,
    },
  };
}

function input(overrides: Partial<AnnualReportInput> = {}): AnnualReportInput {
  const f = consistencyFunnel(
    [
      { agencyId: 'id-BRD', code: 'BRD', numerator: 5, denominator: 7 },
      { agencyId: 'id-A&B', code: 'A&B', numerator: 1, denominator: 4 },
    ],
    () => true,
    'auto',
  );
  return {
    year: 2025,
    generatedAt: new Date('2026-02-01T10:00:00Z'),
    partial: false,
    agencies: {
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      period: { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', defaulted: false },
      generatedAt: '2026-02-01T10:00:00.000Z',
      agencies: [agency('A&B', 'Airport <Border> Police'), agency('BRD', 'Border Guard')],
    },
    funnels: [
      {
        title: 'Referral rate by deciding agency',
        numerator: '`refer` decisions',
        denominator: 'all',
        funnel: f,
        svg: funnelSvg(f, { title: 'Referral rate by deciding agency', period: '2025', idPrefix: 'funnel-1' }),
      },
    ],
    visits: [
      {
        agencyId: 'id-BRD',
        code: 'BRD',
        name: 'Border Guard',
        started: 3,
        reported: 2,
        findings: { info: 1, concern: 2, serious: 0 },
      },
    ],
    oversight: {
      investigations: { opened: 3, published: 1, closedWithoutFindings: 1, recommendationsIssued: 2 },
      complaints: { received: 7, anonymous: 2, investigate: 1, referToReview: 2, noAction: 3 },
    },
    ...overrides,
  };
}

const parse = (html: string) => {
  expect(XMLValidator.validate(html)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(html) as Record<string, unknown>;
};

describe('annualPeriod', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('defaults to the last complete calendar year', () => {
    expect(annualPeriod(undefined, now)).toEqual({
      year: 2025,
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
    });
  });
  it('takes the current year (so far) and earlier ones, not a future one', () => {
    expect(annualPeriod(2026, now)).toMatchObject({ year: 2026 });
    expect(annualPeriod(2019, now)).toMatchObject({ year: 2019, to: new Date('2020-01-01T00:00:00Z') });
    expect(annualPeriod(2027, now)).toEqual({ error: { field: 'year', message: 'year must not be after 2026' } });
  });
});

describe('annualReportHtml', () => {
  it('is a well-formed document with every section, a print stylesheet and no script', () => {
    const html = annualReportHtml(input());
    const doc = parse(html) as { html: { body: { section: { '@id': string }[] } } };
    expect(doc.html.body.section.map((s) => s['@id'])).toEqual(ANNUAL_REPORT_SECTIONS.map(([id]) => id));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
  });

  it('escapes agency names and codes', () => {
    const html = annualReportHtml(input());
    expect(html).toContain('A&amp;B — Airport &lt;Border&gt; Police');
    expect(html).not.toContain('<Border>');
  });

  it('puts each agency’s figures in its row', () => {
    const html = annualReportHtml(input());
    const row = html.match(/<tr data-agency="BRD">.*?<\/tr>/g)!;
    // cases-by-agency: 7 cases, then the decision types in order (refer 5, …, detain 2).
    expect(row[0]).toBe(
      '<tr data-agency="BRD"><th scope="row">BRD — Border Guard</th><td>7</td><td>5</td><td>0</td><td>0</td><td>0</td>' +
        '<td>0</td><td>0</td><td>2</td><td>0</td><td>0</td></tr>',
    );
    expect(row[1]).toContain('<td>2.50 (n = 5)</td><td>–</td><td>41.00 (n = 1)</td>');
    expect(row[2]).toContain('<td>2</td><td>0</td><td>0</td><td>1</td><td>1</td>');
    expect(row[3]).toContain('<td>4</td><td>1</td><td>1</td><td>50.0 % (15.0–85.0 %)</td>');
    expect(row[6]).toContain(
      '<td>6</td><td>1</td><td>0</td><td>1</td><td>1</td><td>1</td><td>1</td><td>3</td><td>1</td><td>12.50 (n = 4)</td><td>1</td>',
    );
  });

  it('embeds each funnel plot with unique ids and its points', () => {
    const html = annualReportHtml(input());
    expect(html).toContain('<figure id="funnel-1">');
    expect(html).toContain('aria-labelledby="funnel-1-title funnel-1-desc"');
    expect(html).toMatch(/<table id="funnel-1-points">/);
  });

  it('counts the office’s investigations and complaints, and nothing more of them', () => {
    const html = annualReportHtml(input());
    expect(html).toContain('<tr data-figure="published"><th scope="row">Published</th><td>1</td></tr>');
    expect(html).toContain('<tr data-figure="anonymous"><th scope="row">of which anonymous</th><td>2</td></tr>');
    expect(html).toContain('<tr data-figure="noAction"><th scope="row">Triaged: no action</th><td>3</td></tr>');
  });

  it('says when the year is still running', () => {
    expect(annualReportHtml(input({ partial: true }))).toContain('a year still running');
    expect(annualReportHtml(input())).not.toContain('a year still running');
  });

  it('publishes the stylesheet’s hash for the Content-Security-Policy', () => {
    expect(ANNUAL_REPORT_STYLE_HASH).toBe(
      `'sha256-${createHash('sha256').update(ANNUAL_REPORT_STYLE).digest('base64')}'`,
    );
    expect(annualReportHtml(input())).toContain(`<style>${ANNUAL_REPORT_STYLE}</style>`);
  });
});
