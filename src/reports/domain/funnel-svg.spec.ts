import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { consistencyFunnel, type AgencyCount } from './consistency.js';
import { funnelSvg, ticks } from './funnel-svg.js';

const count = (code: string, numerator: number, denominator: number): AgencyCount => ({
  agencyId: `id-${code}`,
  code,
  numerator,
  denominator,
});
const counts = [count('BRD', 30, 100), count('AIR', 5, 40), count('A&B<1>', 18, 60), count('SEA', 0, 0)];
const text = { title: 'Referral rate by deciding agency', period: '2025-12-01 to 2026-12-01' };

function parse(svg: string): Record<string, unknown> {
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg) as Record<string, unknown>;
}

describe('funnelSvg', () => {
  it('is a well-formed SVG document with a title and a description', () => {
    const svg = funnelSvg(
      consistencyFunnel(counts, () => true, 'none'),
      text,
    );
    const doc = parse(svg) as { svg: { '@xmlns': string; title: { '#text': string }; desc: { '#text': string } } };
    expect(doc.svg['@xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(doc.svg.title['#text']).toBe('Referral rate by deciding agency, 2025-12-01 to 2026-12-01');
    expect(doc.svg.desc['#text']).toContain('3 agencies plotted');
    expect(doc.svg.desc['#text']).toContain('pooled target of 26.5 %');
  });

  it('labels each plotted point by its agency code, escaped, and leaves out agencies without data', () => {
    const svg = funnelSvg(
      consistencyFunnel(counts, () => true, 'none'),
      text,
    );
    const labels = [...svg.matchAll(/<text class="agency" [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.sort()).toEqual(['A&amp;B&lt;1&gt;', 'AIR', 'BRD']);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).not.toContain('SEA');
  });

  it('names only the caller’s own point for an agency, in the picture and in the words', () => {
    const svg = funnelSvg(
      consistencyFunnel(counts, (id) => id === 'id-AIR', 'none'),
      text,
    );
    parse(svg);
    expect(svg).toMatch(/<text class="agency" [^>]*>AIR<\/text>/);
    expect(svg).not.toMatch(/BRD|A&amp;B|SEA/);
    expect(svg).toContain('2 other agencies are shown unnamed');
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('draws the target line and both pairs of limits over the curve', () => {
    const f = consistencyFunnel(counts, () => true, 'none');
    const svg = funnelSvg(f, text);
    const polylines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1].split(' ').length);
    expect(polylines).toEqual([f.curve.length, f.curve.length, f.curve.length, f.curve.length]);
    expect(svg).toContain('<title>Target 26.5 %</title>');
  });

  it('says so when nothing can be plotted', () => {
    const svg = funnelSvg(
      consistencyFunnel([count('AIR', 0, 0)], () => true, 'auto'),
      text,
    );
    parse(svg);
    expect(svg).toContain('No agency has a denominator in this period.');
    expect(svg).not.toContain('<circle');
  });

  it('describes points outside the limits', () => {
    const skewed = [count('AAA', 90, 100), count('BBB', 10, 100), count('CCC', 50, 100)];
    const svg = funnelSvg(
      consistencyFunnel(skewed, () => true, 'none'),
      text,
    );
    expect(svg).toContain('AAA: 90 of 100 (90 %), above the 99.8 % limit.');
    expect(svg).toContain('BBB: 10 of 100 (10 %), below the 99.8 % limit.');
    expect(svg).toContain('2 outside the 95 % limits.');
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten across the range', () => {
    expect(ticks(0, 100, 6)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(0.1, 0.42, 6)).toEqual([0.1, 0.2, 0.3, 0.4]); // (0.42 − 0.1) / 6 ≈ 0.053: 0.05 is too fine, 0.1 next
    expect(ticks(0, 7, 6)).toEqual([0, 2, 4, 6]);
    expect(ticks(5, 5, 6)).toEqual([5]);
  });
});
