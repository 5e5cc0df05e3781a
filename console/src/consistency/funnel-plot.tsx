import { useId } from 'react';
import type { components } from '../api/schema';

export type Consistency = components['schemas']['ConsistencyResponse'];
type Point = components['schemas']['ConsistencyPointDto'];
type Limit = keyof components['schemas']['FunnelLimitsDto'];

/**
 * The funnel plot drawn from the API's JSON with React's SVG elements (no markup from the network is inserted):
 * the same picture as the API's own SVG (src/reports/domain/funnel-svg.ts) — target line, 95 % and 99.8 % limits,
 * one point per agency with a denominator, named by code where the API names it — and a `<title>`/`<desc>` in
 * words for screen readers, which name the image through `aria-labelledby`.
 */
const WIDTH = 720;
const HEIGHT = 440;
const MARGIN = { top: 24, right: 120, bottom: 56, left: 64 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

export const percent = (rate: number) => `${Number((rate * 100).toPrecision(3))} %`;

export const BAND_WORDS: Record<string, string> = {
  within: 'within the limits',
  above_95: 'above the 95 % limit',
  above_99_8: 'above the 99.8 % limit',
  below_95: 'below the 95 % limit',
  below_99_8: 'below the 99.8 % limit',
  no_data: 'no data',
};

export function FunnelPlot({ report, title }: { report: Consistency; title: string }) {
  const id = useId();
  const plotted = report.agencies.filter((p): p is Point & { rate: number } => p.rate !== null);
  const period = `${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}`;
  const description = describe(report, plotted, title, period);
  const head = (
    <>
      <title id={`${id}-title`}>{`${title}, ${period}`}</title>
      <desc id={`${id}-desc`}>{description}</desc>
    </>
  );
  const svgProps = {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    className: 'funnel-plot',
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    fontFamily: 'sans-serif',
    fontSize: 12,
  };
  if (report.target === null || plotted.length === 0) {
    return (
      <svg {...svgProps}>
        {head}
        <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" fill="#444">
          No agency has a denominator in this period.
        </text>
      </svg>
    );
  }
  const target = report.target;
  const maxN = Math.max(...plotted.map((p) => p.denominator));
  const [yLow, yHigh] = rateRange(report, plotted, target);
  const x = (n: number) => MARGIN.left + (n / maxN) * PLOT_W;
  const y = (rate: number) => MARGIN.top + (1 - (rate - yLow) / (yHigh - yLow)) * PLOT_H;
  const bottom = MARGIN.top + PLOT_H;
  const limit = (key: Limit, dash: string, colour: string) => (
    <polyline
      key={key}
      fill="none"
      stroke={colour}
      strokeWidth={1.2}
      strokeDasharray={dash}
      points={report.curve.map((c) => `${fmt(x(c.n))},${fmt(y(clamp(c[key], yLow, yHigh)))}`).join(' ')}
    />
  );
  return (
    <svg {...svgProps}>
      {head}
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} stroke="#333" />
      <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={bottom} y2={bottom} stroke="#333" />
      <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 14} textAnchor="middle">
        Number of decisions or cases (n)
      </text>
      <text transform={`translate(16 ${fmt(MARGIN.top + PLOT_H / 2)}) rotate(-90)`} textAnchor="middle">
        Rate
      </text>
      {ticks(0, maxN, 6).map((n) => (
        <g key={`x${n}`}>
          <line x1={x(n)} x2={x(n)} y1={bottom} y2={bottom + 5} stroke="#333" />
          <text x={x(n)} y={bottom + 18} textAnchor="middle">
            {n}
          </text>
        </g>
      ))}
      {ticks(yLow, yHigh, 6).map((r) => (
        <g key={`y${r}`}>
          <line x1={MARGIN.left - 5} x2={MARGIN.left} y1={y(r)} y2={y(r)} stroke="#333" />
          <text x={MARGIN.left - 8} y={y(r) + 4} textAnchor="end">
            {percent(r)}
          </text>
        </g>
      ))}
      <line x1={x(0)} x2={x(maxN)} y1={y(target)} y2={y(target)} stroke="#000" strokeWidth={1.5} />
      {limit('lower95', '6 4', '#b35900')}
      {limit('upper95', '6 4', '#b35900')}
      {limit('lower998', '2 3', '#a00')}
      {limit('upper998', '2 3', '#a00')}
      {plotted.map((p, i) => (
        <g key={p.agencyId ?? `unnamed-${i}`}>
          <circle cx={x(p.denominator)} cy={y(p.rate)} r={4.5} fill={p.code ? '#1f4e9c' : '#888'} stroke="#fff" />
          {p.code && (
            <text x={x(p.denominator) + 7} y={y(p.rate) + 4}>
              {p.code}
            </text>
          )}
        </g>
      ))}
      <Legend />
    </svg>
  );
}

function Legend() {
  const x0 = MARGIN.left + PLOT_W - 170;
  const y0 = MARGIN.top + 8;
  return (
    <g fontSize={11}>
      <line x1={x0} x2={x0 + 24} y1={y0} y2={y0} stroke="#000" strokeWidth={1.5} />
      <text x={x0 + 30} y={y0 + 4}>
        Target (pooled rate)
      </text>
      <line x1={x0} x2={x0 + 24} y1={y0 + 16} y2={y0 + 16} stroke="#b35900" strokeDasharray="6 4" />
      <text x={x0 + 30} y={y0 + 20}>
        95 % limits
      </text>
      <line x1={x0} x2={x0 + 24} y1={y0 + 32} y2={y0 + 32} stroke="#a00" strokeDasharray="2 3" />
      <text x={x0 + 30} y={y0 + 36}>
        99.8 % limits
      </text>
    </g>
  );
}

function describe(report: Consistency, plotted: Point[], title: string, period: string): string {
  if (report.target === null || plotted.length === 0) {
    return `Funnel plot of ${title.toLowerCase()} for ${period}: no agency has a denominator.`;
  }
  const outside = plotted.filter((p) => p.band !== 'within');
  const named = plotted.filter((p) => p.code);
  const unnamed = plotted.length - named.length;
  const sentences = [
    `Funnel plot of ${title.toLowerCase()} for ${period}: ${plotted.length} ${plotted.length === 1 ? 'agency' : 'agencies'} plotted, ` +
      `rate against number of decisions or cases, with the pooled target of ${percent(report.target)} ` +
      `and 95 % and 99.8 % control limits${report.overdispersion.applied ? ' widened for over-dispersion' : ''}.`,
    ...named.map(
      (p) => `${p.code}: ${p.numerator} of ${p.denominator} (${percent(p.rate!)}), ${BAND_WORDS[p.band] ?? p.band}.`,
    ),
  ];
  if (unnamed > 0) {
    sentences.push(
      `${unnamed} other ${unnamed === 1 ? 'agency is' : 'agencies are'} shown unnamed; ` +
        `${outside.filter((p) => !p.code).length} of them outside the 95 % limits.`,
    );
  } else {
    sentences.push(`${outside.length} outside the 95 % limits.`);
  }
  return sentences.join(' ');
}

function rateRange(report: Consistency, plotted: { rate: number }[], target: number): [number, number] {
  const values = [target, ...plotted.map((p) => p.rate)];
  for (const c of report.curve) values.push(c.lower998, c.upper998);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = Math.max((high - low) * 0.05, 0.01);
  low = Math.max(0, low - pad);
  high = Math.min(1, high + pad);
  return [low, high];
}

/** Round tick values spanning [low, high]: steps of 1, 2 or 5 × 10^k. */
function ticks(low: number, high: number, about: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / about;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));
const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
