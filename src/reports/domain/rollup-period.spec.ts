import { splitPeriod } from './rollup-period.js';

const at = (iso: string) => new Date(iso);

describe('splitPeriod', () => {
  it('reads a period of whole UTC days from the rollups alone', () => {
    expect(splitPeriod({ from: at('2026-01-01T00:00:00Z'), to: at('2026-02-01T00:00:00Z') })).toEqual({
      days: { first: '2026-01-01', end: '2026-02-01' },
      edges: [],
    });
  });

  it('counts the part days at both ends from the tables', () => {
    expect(splitPeriod({ from: at('2026-01-01T10:30:00Z'), to: at('2026-01-05T06:00:00Z') })).toEqual({
      days: { first: '2026-01-02', end: '2026-01-05' },
      edges: [
        { from: at('2026-01-01T10:30:00Z'), to: at('2026-01-02T00:00:00Z') },
        { from: at('2026-01-05T00:00:00Z'), to: at('2026-01-05T06:00:00Z') },
      ],
    });
  });

  it('has one edge when only the start falls inside a day', () => {
    expect(splitPeriod({ from: at('2026-01-01T23:59:59.999Z'), to: at('2026-01-03T00:00:00Z') })).toEqual({
      days: { first: '2026-01-02', end: '2026-01-03' },
      edges: [{ from: at('2026-01-01T23:59:59.999Z'), to: at('2026-01-02T00:00:00Z') }],
    });
  });

  it('reads a period inside one day, or straddling one midnight, from the tables alone', () => {
    const inside = { from: at('2026-01-01T01:00:00Z'), to: at('2026-01-01T02:00:00Z') };
    expect(splitPeriod(inside)).toEqual({ days: null, edges: [inside] });
    const straddling = { from: at('2026-01-01T20:00:00Z'), to: at('2026-01-02T04:00:00Z') };
    expect(splitPeriod(straddling)).toEqual({ days: null, edges: [straddling] });
  });

  it('reads nothing for an empty or reversed period', () => {
    const t = at('2026-01-01T00:00:00Z');
    expect(splitPeriod({ from: t, to: t })).toEqual({ days: null, edges: [] });
    expect(splitPeriod({ from: at('2026-01-02T00:00:00Z'), to: t })).toEqual({ days: null, edges: [] });
  });

  it('covers every instant of the period exactly once', () => {
    // Days [first, end) and the edges tile [from, to) without gap or overlap, for many random periods.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const from = Date.UTC(2026, 0, 1) + Math.floor(rand() * 10 * 86_400_000);
      const to = from + Math.floor(rand() * 5 * 86_400_000) + 1;
      const split = splitPeriod({ from: new Date(from), to: new Date(to) });
      const pieces = [
        ...split.edges.map((e) => [e.from.getTime(), e.to.getTime()]),
        ...(split.days
          ? [[Date.parse(`${split.days.first}T00:00:00Z`), Date.parse(`${split.days.end}T00:00:00Z`)]]
          : []),
      ].sort((a, b) => a[0] - b[0]);
      expect(pieces[0][0]).toBe(from);
      expect(pieces[pieces.length - 1][1]).toBe(to);
      for (let k = 1; k < pieces.length; k++) expect(pieces[k][0]).toBe(pieces[k - 1][1]);
      expect(split.edges.every((e) => e.to.getTime() - e.from.getTime() <= 2 * 86_400_000)).toBe(true);
    }
  });
});
