import { escapeMarkup } from '../../common/markup.js';
import type { ConsistencyFunnel, ConsistencyPoint } from './consistency.js';
import type { FunnelCurvePoint } from './funnel.js';

/**
 * A funnel plot as a standalone SVG document (SPEC §14): the target line, the
 * 95 % and 99.8 % limits, one point per agency with a denominator, labelled by
 * code where the caller may name it. `<title>` and `<desc>` carry what a
 * screen reader needs, in words, including which points fall outside the
 * limits. Pure: the route and the annual report draw the same picture.
 */

export interface FunnelPlotText {
  /** What is compared, e.g. "Referral rate by deciding agency". */
  title: string;
  /** The period in words, e.g. "2025-12-01 to 2026-12-01". */
  period: string;
  /** Prefix of the title's and description's ids, unique within a document that holds several plots. */
  idPrefix?: string;
}

const WIDTH = 720;
const HEIGHT = 440;
const MARGIN = { top: 48, right: 24, bottom: 56, left: 64 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

export function funnelSvg(plot: ConsistencyFunnel, text: FunnelPlotText): string {
  const plotted = plot.agencies.filter((p) => p.rate !== null);
  const description = describe(plot, plotted, text);
  const id = text.idPrefix ?? 'funnel';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeMarkup(`${text.title}, ${text.period}`)}</title>`,
    `<desc id="${id}-desc">${escapeMarkup(description)}</desc>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeMarkup(text.title)}</text>`,
    `<text x="${MARGIN.left}" y="40" fill="#444">${escapeMarkup(text.period)}</text>`,
  ];
  if (plot.target === null || plotted.length === 0) {
    parts.push(
      `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" fill="#444">No agency has a denominator in this period.</text>`,
      '</svg>',
    );
    return `${parts.join('\n')}\n`;
  }

  const maxN = Math.max(...plotted.map((p) => p.denominator));
  const [yLow, yHigh] = rateRange(plot, plotted);
  const x = (n: number) => MARGIN.left + (n / maxN) * PLOT_W;
  const y = (rate: number) => MARGIN.top + (1 - (rate - yLow) / (yHigh - yLow)) * PLOT_H;

  parts.push(...axes(maxN, yLow, yHigh, x, y));
  parts.push(
    `<line x1="${fmt(x(0))}" x2="${fmt(x(maxN))}" y1="${fmt(y(plot.target))}" y2="${fmt(y(plot.target))}" ` +
      `stroke="#000" stroke-width="1.5"><title>Target ${percent(plot.target)}</title></line>`,
  );
  const limit = (key: keyof Omit<FunnelCurvePoint, 'n'>, dash: string, colour: string) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="1.2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${plot.curve
      .map((c) => `${fmt(x(c.n))},${fmt(y(clamp(c[key], yLow, yHigh)))}`)
      .join(' ')}"/>`;
  parts.push(
    limit('lower95', '6 4', '#b35900'),
    limit('upper95', '6 4', '#b35900'),
    limit('lower998', '2 3', '#a00'),
    limit('upper998', '2 3', '#a00'),
  );
  for (const p of plotted) {
    const cx = fmt(x(p.denominator));
    const cy = fmt(y(p.rate!));
    const name = p.code ?? 'another agency';
    parts.push(
      `<circle cx="${cx}" cy="${cy}" r="4.5" fill="${p.code ? '#1f4e9c' : '#888'}" stroke="#fff">` +
        `<title>${escapeMarkup(`${name}: ${p.numerator} of ${p.denominator} (${percent(p.rate!)}), ${bandWords(p)}`)}</title></circle>`,
    );
    if (p.code) {
      parts.push(
        `<text class="agency" x="${fmt(x(p.denominator) + 7)}" y="${fmt(y(p.rate!) + 4)}">${escapeMarkup(p.code)}</text>`,
      );
    }
  }
  parts.push(...legend());
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function describe(plot: ConsistencyFunnel, plotted: ConsistencyPoint[], text: FunnelPlotText): string {
  if (plot.target === null || plotted.length === 0) {
    return `Funnel plot of ${text.title.toLowerCase()} for ${text.period}: no agency has a denominator.`;
  }
  const outside = plotted.filter((p) => p.band !== 'within');
  const named = plotted.filter((p) => p.code);
  const anonymous = plotted.length - named.length;
  const sentences = [
    `Funnel plot of ${text.title.toLowerCase()} for ${text.period}: ${plotted.length} ${plotted.length === 1 ? 'agency' : 'agencies'} plotted, ` +
      `rate against number of decisions or cases, with the pooled target of ${percent(plot.target)} ` +
      `and 95 % and 99.8 % control limits${plot.overdispersion.applied ? ' widened for over-dispersion' : ''}.`,
    ...named.map((p) => `${p.code}: ${p.numerator} of ${p.denominator} (${percent(p.rate!)}), ${bandWords(p)}.`),
  ];
  if (anonymous > 0) {
    const anonymousOutside = outside.filter((p) => !p.code).length;
    sentences.push(
      `${anonymous} other ${anonymous === 1 ? 'agency is' : 'agencies are'} shown unnamed; ` +
        `${anonymousOutside} of them outside the 95 % limits.`,
    );
  } else {
    sentences.push(`${outside.length} outside the 95 % limits.`);
  }
  return sentences.join(' ');
}

function bandWords(p: ConsistencyPoint): string {
  switch (p.band) {
    case 'within':
      return 'within the limits';
    case 'above_95':
      return 'above the 95 % limit';
    case 'above_99_8':
      return 'above the 99.8 % limit';
    case 'below_95':
      return 'below the 95 % limit';
    case 'below_99_8':
      return 'below the 99.8 % limit';
    case 'no_data':
      return 'no data';
  }
}

/** The rates on show, padded, inside [0, 1]: wide enough for every point and the 99.8 % limits at the plotted n. */
function rateRange(plot: ConsistencyFunnel, plotted: ConsistencyPoint[]): [number, number] {
  const values = [plot.target!, ...plotted.map((p) => p.rate!)];
  for (const c of plot.curve) values.push(c.lower998, c.upper998);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = Math.max((high - low) * 0.05, 0.01);
  low = Math.max(0, low - pad);
  high = Math.min(1, high + pad);
  return [low, high];
}

function axes(maxN: number, yLow: number, yHigh: number, x: (n: number) => number, y: (r: number) => number): string[] {
  const left = fmt(MARGIN.left);
  const bottom = fmt(MARGIN.top + PLOT_H);
  const out = [
    `<line x1="${left}" x2="${left}" y1="${MARGIN.top}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${left}" x2="${fmt(MARGIN.left + PLOT_W)}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${fmt(MARGIN.left + PLOT_W / 2)}" y="${HEIGHT - 14}" text-anchor="middle">Number of decisions or cases (n)</text>`,
    `<text transform="translate(16 ${fmt(MARGIN.top + PLOT_H / 2)}) rotate(-90)" text-anchor="middle">Rate</text>`,
  ];
  for (const n of ticks(0, maxN, 6)) {
    out.push(
      `<line x1="${fmt(x(n))}" x2="${fmt(x(n))}" y1="${bottom}" y2="${fmt(MARGIN.top + PLOT_H + 5)}" stroke="#333"/>`,
      `<text x="${fmt(x(n))}" y="${fmt(MARGIN.top + PLOT_H + 18)}" text-anchor="middle">${n}</text>`,
    );
  }
  for (const r of ticks(yLow, yHigh, 6)) {
    out.push(
      `<line x1="${fmt(MARGIN.left - 5)}" x2="${left}" y1="${fmt(y(r))}" y2="${fmt(y(r))}" stroke="#333"/>`,
      `<text x="${fmt(MARGIN.left - 8)}" y="${fmt(y(r) + 4)}" text-anchor="end">${percent(r)}</text>`,
    );
  }
  return out;
}

function legend(): string[] {
  const x0 = MARGIN.left + PLOT_W - 170;
  const y0 = MARGIN.top + 8;
  return [
    `<g font-size="11">`,
    `<line x1="${x0}" x2="${x0 + 24}" y1="${y0}" y2="${y0}" stroke="#000" stroke-width="1.5"/>`,
    `<text x="${x0 + 30}" y="${y0 + 4}">Target (pooled rate)</text>`,
    `<line x1="${x0}" x2="${x0 + 24}" y1="${y0 + 16}" y2="${y0 + 16}" stroke="#b35900" stroke-dasharray="6 4"/>`,
    `<text x="${x0 + 30}" y="${y0 + 20}">95 % limits</text>`,
    `<line x1="${x0}" x2="${x0 + 24}" y1="${y0 + 32}" y2="${y0 + 32}" stroke="#a00" stroke-dasharray="2 3"/>`,
    `<text x="${x0 + 30}" y="${y0 + 36}">99.8 % limits</text>`,
    `</g>`,
  ];
}

/** Round tick values spanning [low, high]: steps of 1, 2 or 5 × 10^k. */
export function ticks(low: number, high: number, about: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / about;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));
const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
const percent = (rate: number) => `${Number((rate * 100).toPrecision(3))} %`;
