import { createHash } from 'node:crypto';
import { DETENTION_RULES } from '../../alerts/domain/alert-rules.js';
import { escapeMarkup } from '../../common/markup.js';
import type { AgenciesReport, AgencyReport, Interval } from './agency-report.js';
import type { ConsistencyFunnel } from './consistency.js';

/**
 * The annual report (SPEC §14) as one print-ready HTML document: a pure
 * function of figures the API's own routes compute (the agency report, the
 * consistency report) and of the visit counts, so the document can never
 * say something a route would not. No script, no PII, no free text from a
 * case record or a complaint: only counts, agency names and codes, and
 * words of its own. Well-formed as XML too, so a test can parse it.
 */

/** The year a request asks for, or the last complete calendar year; a future year is not a report. */
export function annualPeriod(
  year: number | undefined,
  now: Date,
): { year: number; from: Date; to: Date } | { error: { field: string; message: string } } {
  const current = now.getUTCFullYear();
  const y = year ?? current - 1;
  if (y > current) return { error: { field: 'year', message: `year must not be after ${current}` } };
  return { year: y, from: new Date(Date.UTC(y, 0, 1)), to: new Date(Date.UTC(y + 1, 0, 1)) };
}

export interface VisitYear {
  agencyId: string;
  code: string;
  name: string;
  started: number;
  reported: number;
  findings: { info: number; concern: number; serious: number };
}

/** The office's own casework in the year (SPEC §13): counts only. */
export interface OversightYear {
  investigations: { opened: number; published: number; closedWithoutFindings: number; recommendationsIssued: number };
  complaints: { received: number; anonymous: number; investigate: number; referToReview: number; noAction: number };
}

export interface AnnualFunnel {
  title: string;
  numerator: string;
  denominator: string;
  funnel: ConsistencyFunnel;
  svg: string;
}

export interface AnnualReportInput {
  year: number;
  generatedAt: Date;
  /** Still running when made: the figures cover the year so far. */
  partial: boolean;
  agencies: AgenciesReport;
  funnels: AnnualFunnel[];
  visits: VisitYear[];
  oversight: OversightYear;
}

/** The print stylesheet, a constant so the route's Content-Security-Policy can allow exactly it by hash. */
export const ANNUAL_REPORT_STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); } }
body { font-family: Georgia, "Times New Roman", serif; font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
section { break-inside: auto; } figure { break-inside: avoid; margin: 8pt 0; } svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9pt; break-inside: auto; }
th, td { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; } thead th { border-bottom: 1pt solid #000; }
tr { break-inside: avoid; } .note { color: #444; font-size: 9pt; }
`.trim();

export const ANNUAL_REPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(ANNUAL_REPORT_STYLE).digest('base64')}'`;

export const ANNUAL_REPORT_SECTIONS = [
  ['cases-and-decisions', 'Cases and decisions'],
  ['times', 'Time between decisions'],
  ['detention', 'Detention and overdue-detention alerts'],
  ['reviews', 'Independent review of a random sample'],
  ['consistency', 'Consistency between agencies'],
  ['visits', 'Unannounced visits'],
  ['recommendations', 'Recommendations and what became of them'],
  ['investigations-and-complaints', 'Investigations and complaints'],
] as const;

const e = escapeMarkup;

export function annualReportHtml(input: AnnualReportInput): string {
  const { year, agencies } = input;
  const rows = agencies.agencies;
  const title = `Anti-Trafficking Commissioner — Annual report ${year}`;
  const period = `${agencies.period.from.slice(0, 10)} to ${agencies.period.to.slice(0, 10)} (end exclusive)`;
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="note">Period ${e(period)}${input.partial ? ', a year still running: the figures cover it so far' : ''}. ` +
      `Generated ${e(input.generatedAt.toISOString())}. Decisions count under the agency that made them; cases, ` +
      `detentions and alerts under the agency that owns the case. Every figure is the one the API reports for the ` +
      `same period.</p>`,
    `<nav><ol>${ANNUAL_REPORT_SECTIONS.map(([id, name]) => `<li><a href="#${id}">${e(name)}</a></li>`).join('')}</ol></nav>`,
    casesAndDecisions(rows),
    times(rows),
    detention(rows),
    reviews(rows),
    consistency(input.funnels),
    visits(input.visits),
    recommendations(rows),
    investigationsAndComplaints(input.oversight),
  ];
  return (
    `<!DOCTYPE html>\n<html lang="en" xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<meta charset="utf-8"/>\n` +
    `<title>${e(title)}</title>\n<style>${ANNUAL_REPORT_STYLE}</style>\n</head>\n<body>\n` +
    `${body.join('\n')}\n</body>\n</html>\n`
  );
}

function section(id: (typeof ANNUAL_REPORT_SECTIONS)[number][0], ...content: string[]): string {
  const name = ANNUAL_REPORT_SECTIONS.find(([key]) => key === id)![1];
  return `<section id="${id}">\n<h2>${e(name)}</h2>\n${content.join('\n')}\n</section>`;
}

/** A table whose rows are agencies: `data-agency` carries the code so a reader (or a test) can find a row. */
function agencyTable(
  id: string,
  caption: string,
  headers: readonly string[],
  rows: readonly { code: string; name: string; cells: readonly (string | number)[] }[],
): string {
  if (rows.length === 0) return `<p class="note">${e(caption)}: no agency to show.</p>`;
  return (
    `<table id="${id}">\n<caption>${e(caption)}</caption>\n<thead><tr><th scope="col">Agency</th>` +
    headers.map((h) => `<th scope="col">${e(h)}</th>`).join('') +
    '</tr></thead>\n<tbody>\n' +
    rows
      .map(
        (r) =>
          `<tr data-agency="${e(r.code)}"><th scope="row">${e(r.name ? `${r.code} — ${r.name}` : r.code)}</th>` +
          r.cells.map((c) => `<td>${e(String(c))}</td>`).join('') +
          '</tr>',
      )
      .join('\n') +
    '\n</tbody>\n</table>'
  );
}

const DECISION_COLUMNS = [
  ['refer', 'Referred'],
  ['decline_referral', 'Declined referral'],
  ['reasonable_grounds', 'RG decisions'],
  ['conclusive_grounds', 'CG decisions'],
  ['request_reconsideration', 'Reconsideration asked'],
  ['reconsider', 'Reconsidered'],
  ['detain', 'Detained'],
  ['release', 'Released'],
  ['close', 'Closed'],
] as const;

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
const agencyOf = (r: AgencyReport) => ({ code: r.agency.code, name: r.agency.name });

function casesAndDecisions(rows: readonly AgencyReport[]): string {
  return section(
    'cases-and-decisions',
    agencyTable(
      'cases-by-agency',
      'Cases first encountered in the year, by the agency that owns them, and decisions made in the year, by the agency that made them',
      ['Cases', ...DECISION_COLUMNS.map(([, label]) => label)],
      rows.map((r) => ({
        ...agencyOf(r),
        cells: [sum(r.casesOwnedByState), ...DECISION_COLUMNS.map(([type]) => r.decisionsMadeByType[type])],
      })),
    ),
  );
}

const median = (i: Interval) => (i.medianDays === null ? '–' : `${i.medianDays.toFixed(2)} (n = ${i.n})`);

function times(rows: readonly AgencyReport[]): string {
  return section(
    'times',
    agencyTable(
      'median-days',
      'Median days between decisions, for steps that ended in the year (n: how many)',
      ['Encounter → referral', 'Referral → RG decision', 'Positive RG → CG decision'],
      rows.map((r) => ({
        ...agencyOf(r),
        cells: [
          median(r.durations.screeningToReferral),
          median(r.durations.referralToReasonableGrounds),
          median(r.durations.reasonableGroundsToConclusiveGrounds),
        ],
      })),
    ),
  );
}

function detention(rows: readonly AgencyReport[]): string {
  return section(
    'detention',
    agencyTable(
      'detention-alerts',
      'Overdue-detention alerts raised in the year, and people detained when the report was generated',
      ['Screening overdue', 'RG decision overdue', 'Victim detained', 'Detention limit exceeded', 'Detained now'],
      rows.map((r) => ({
        ...agencyOf(r),
        cells: [...DETENTION_RULES.map((rule) => r.alertsByRule[rule]), r.detention.detainedNow],
      })),
    ),
  );
}

const share = (p: { share: number; lower: number; upper: number } | null) =>
  p === null ? '–' : `${(p.share * 100).toFixed(1)} % (${(p.lower * 100).toFixed(1)}–${(p.upper * 100).toFixed(1)} %)`;

function reviews(rows: readonly AgencyReport[]): string {
  return section(
    'reviews',
    `<p>The office reviews a random sample of decisions drawn with a seed agencies cannot predict. A finding of ` +
      `concern or disagreement is not a finding of fault; the interval is the 95 % Wilson score interval.</p>`,
    agencyTable(
      'review-findings',
      'Reviews concluded in the year, by the agency that made the reviewed decision',
      ['Concluded', 'Concern', 'Disagree', 'Concern or disagree (95 % CI)'],
      rows.map((r) => ({
        ...agencyOf(r),
        cells: [r.reviews.concluded, r.reviews.concern, r.reviews.disagree, share(r.reviews.concernOrDisagree)],
      })),
    ),
  );
}

const BAND_WORDS: Record<string, string> = {
  within: 'within the limits',
  above_95: 'above 95 %',
  above_99_8: 'above 99.8 %',
  below_95: 'below 95 %',
  below_99_8: 'below 99.8 %',
  no_data: 'no data',
};

function consistency(funnels: readonly AnnualFunnel[]): string {
  return section(
    'consistency',
    `<p>Each funnel plot compares agencies on one rate against the pooled rate, with 95 % and 99.8 % control ` +
      `limits that narrow as the number of decisions grows (Spiegelhalter 2005). A point outside the limits is a ` +
      `question to ask, not a verdict.</p>`,
    ...funnels.map((f, i) => {
      const rows = f.funnel.agencies.map((p) => ({
        code: p.code ?? 'unnamed',
        name: '',
        cells: [
          p.numerator,
          p.denominator,
          p.rate === null ? '–' : `${(p.rate * 100).toFixed(1)} %`,
          BAND_WORDS[p.band],
        ],
      }));
      return (
        `<figure id="funnel-${i + 1}">\n<h3>${e(f.title)}</h3>\n${f.svg.trim()}\n` +
        `<figcaption class="note">${e(f.numerator)} ÷ ${e(f.denominator)}; target ` +
        `${f.funnel.target === null ? 'none (no data)' : `${(f.funnel.target * 100).toFixed(1)} %`}` +
        `${f.funnel.overdispersion.applied ? ', limits widened for over-dispersion' : ''}.</figcaption>\n</figure>\n` +
        agencyTable(`funnel-${i + 1}-points`, f.title, ['Numerator', 'Denominator', 'Rate', 'Band'], rows)
      );
    }),
  );
}

function visits(rows: readonly VisitYear[]): string {
  return section(
    'visits',
    agencyTable(
      'visits-by-agency',
      'Unannounced visits to the places each agency runs: started in the year, reported in the year, and the findings of the visits reported',
      ['Started', 'Reported', 'Findings: info', 'Findings: concern', 'Findings: serious'],
      rows.map((v) => ({
        code: v.code,
        name: v.name,
        cells: [v.started, v.reported, v.findings.info, v.findings.concern, v.findings.serious],
      })),
    ),
  );
}

function recommendations(rows: readonly AgencyReport[]): string {
  return section(
    'recommendations',
    `<p>What the office asked each agency to change in the year, and where each request stands now: accepted ` +
      `(in whole or part), rejected, claimed implemented and awaiting the office's check, implemented as verified, ` +
      `or withdrawn. Overdue: a response or a target date the agency missed, as of the report.</p>`,
    agencyTable(
      'recommendations-by-agency',
      'Recommendations issued in the year, by the addressed agency, in their state now',
      [
        'Issued',
        'Accepted',
        'Partly accepted',
        'Rejected',
        'Claimed implemented',
        'Implemented',
        'Withdrawn',
        'Open',
        'Overdue',
        'Median days to respond',
        'Repeats',
      ],
      rows.map((r) => {
        const k = r.recommendations;
        return {
          ...agencyOf(r),
          cells: [
            k.issuedInPeriod,
            k.byState.accepted,
            k.byState.partially_accepted,
            k.byState.rejected,
            k.byState.implementation_claimed,
            k.byState.implemented,
            k.byState.withdrawn,
            k.open,
            k.overdue,
            median(k.daysToRespond),
            k.repeats,
          ],
        };
      }),
    ),
  );
}

/** A two-column table of the office's own counts; `data-figure` names each row for a reader (or a test). */
function figureTable(
  id: string,
  caption: string,
  rows: readonly [key: string, label: string, value: number][],
): string {
  return (
    `<table id="${id}">\n<caption>${e(caption)}</caption>\n<tbody>\n` +
    rows
      .map(([key, label, value]) => `<tr data-figure="${key}"><th scope="row">${e(label)}</th><td>${value}</td></tr>`)
      .join('\n') +
    '\n</tbody>\n</table>'
  );
}

function investigationsAndComplaints(o: OversightYear): string {
  const i = o.investigations;
  const c = o.complaints;
  return section(
    'investigations-and-complaints',
    `<p>Complaints reach the office from victims, their representatives, NGOs and officials; none is shown to the ` +
      `agencies concerned, and this report gives counts only. An investigation is the office's own examination of a ` +
      `pattern; the agencies in its scope comment on the draft before it is published.</p>`,
    figureTable('investigations', 'Investigations in the year', [
      ['opened', 'Opened', i.opened],
      ['published', 'Published', i.published],
      ['closedWithoutFindings', 'Closed without findings', i.closedWithoutFindings],
      ['recommendationsIssued', 'Recommendations issued by publishing', i.recommendationsIssued],
    ]),
    figureTable('complaints', 'Complaints in the year', [
      ['received', 'Received', c.received],
      ['anonymous', 'of which anonymous', c.anonymous],
      ['investigate', 'Triaged: investigation opened', c.investigate],
      ['referToReview', 'Triaged: referred to review', c.referToReview],
      ['noAction', 'Triaged: no action', c.noAction],
    ]),
  );
}
