import {
  CONSISTENCY_METRICS,
  comparedKinds,
  consistencyFunnel,
  funnelTitle,
  groupingOf,
  METRICS,
  type AgencyCount,
} from './consistency.js';

const count = (code: string, numerator: number, denominator: number): AgencyCount => ({
  agencyId: `id-${code}`,
  code,
  numerator,
  denominator,
});

describe('groupingOf', () => {
  it('defaults to the metric’s own grouping', () => {
    expect(groupingOf('referral_rate', undefined)).toEqual({ grouping: 'deciding_agency' });
    expect(groupingOf('detention_rate', undefined)).toEqual({ grouping: 'case_agency' });
    expect(groupingOf('rg_positive_rate', undefined)).toEqual({ grouping: 'case_agency' });
    expect(groupingOf('review_disagreement_rate', undefined)).toEqual({ grouping: 'deciding_agency' });
  });

  it('lets the authority metrics be counted under the deciding agency', () => {
    for (const m of ['rg_positive_rate', 'cg_positive_rate', 'reconsideration_overturn_rate'] as const) {
      expect(groupingOf(m, 'deciding_agency')).toEqual({ grouping: 'deciding_agency' });
      expect(groupingOf(m, 'case_agency')).toEqual({ grouping: 'case_agency' });
    }
  });

  it('refuses another grouping for a metric that has one, naming groupBy', () => {
    expect(groupingOf('referral_rate', 'case_agency')).toEqual({
      error: { field: 'groupBy', message: 'referral_rate is always counted by deciding_agency; leave groupBy out' },
    });
    expect(groupingOf('detention_rate', 'deciding_agency')).toMatchObject({ error: { field: 'groupBy' } });
    expect(groupingOf('review_disagreement_rate', 'case_agency')).toMatchObject({ error: { field: 'groupBy' } });
  });

  it('accepts its own grouping named explicitly', () => {
    for (const m of CONSISTENCY_METRICS) expect(groupingOf(m, METRICS[m].groupings[0])).toHaveProperty('grouping');
  });
});

describe('comparedKinds', () => {
  it('compares frontline agencies, the competent authority for its own decisions, both for reviews', () => {
    expect(comparedKinds('referral_rate', 'deciding_agency')).toEqual(['frontline']);
    expect(comparedKinds('detention_rate', 'case_agency')).toEqual(['frontline']);
    expect(comparedKinds('rg_positive_rate', 'case_agency')).toEqual(['frontline']);
    expect(comparedKinds('rg_positive_rate', 'deciding_agency')).toEqual(['competent_authority']);
    expect(comparedKinds('reconsideration_overturn_rate', 'deciding_agency')).toEqual(['competent_authority']);
    expect(comparedKinds('review_disagreement_rate', 'deciding_agency')).toEqual(['frontline', 'competent_authority']);
  });
});

describe('funnelTitle', () => {
  it('says the rate and whose points', () => {
    expect(funnelTitle('referral_rate', 'deciding_agency')).toBe('Referral rate by deciding agency');
    expect(funnelTitle('cg_positive_rate', 'case_agency')).toBe('Positive conclusive-grounds rate by case’s agency');
  });
});

describe('consistencyFunnel', () => {
  const counts = [count('BRD', 30, 100), count('AIR', 5, 40), count('SEA', 0, 0), count('CST', 18, 60)];

  it('names every point for a caller who may read every agency, in code order', () => {
    const f = consistencyFunnel(counts, () => true, 'none');
    expect(f.agencies.map((a) => a.code)).toEqual(['AIR', 'BRD', 'CST', 'SEA']);
    expect(f.agencies.map((a) => a.agencyId)).toEqual(['id-AIR', 'id-BRD', 'id-CST', 'id-SEA']);
    // Pooled target over plotted agencies: (5 + 30 + 18) / (40 + 100 + 60).
    expect(f.target).toBeCloseTo(53 / 200, 12);
    expect(f.agencies[3]).toEqual({
      agencyId: 'id-SEA',
      code: 'SEA',
      numerator: 0,
      denominator: 0,
      rate: null,
      limits: null,
      band: 'no_data',
    });
  });

  it('for an agency, names only its own point and orders all points by n, not by name', () => {
    const f = consistencyFunnel(counts, (id) => id === 'id-CST', 'none');
    expect(f.agencies.map((a) => [a.code, a.denominator])).toEqual([
      [undefined, 0],
      [undefined, 40],
      ['CST', 60],
      [undefined, 100],
    ]);
    for (const a of f.agencies.filter((p) => p.code === undefined)) {
      expect(Object.keys(a)).toEqual(['numerator', 'denominator', 'rate', 'limits', 'band']);
    }
    expect(JSON.stringify(f)).not.toMatch(/AIR|BRD|SEA|id-(AIR|BRD|SEA)/);
  });

  it('gives the same limits and target to every caller: only the names differ', () => {
    const office = consistencyFunnel(counts, () => true, 'auto');
    const agency = consistencyFunnel(counts, (id) => id === 'id-AIR', 'auto');
    expect(agency.target).toBe(office.target);
    expect(agency.curve).toEqual(office.curve);
    expect(agency.overdispersion).toEqual(office.overdispersion);
    const byN = (f: typeof office) =>
      f.agencies.map((a) => ({ n: a.denominator, r: a.numerator, band: a.band })).sort((x, y) => x.n - y.n);
    expect(byN(agency)).toEqual(byN(office));
  });

  it('puts a caller’s own point first among points with the same counts', () => {
    const tied = [count('AAA', 3, 10), count('ZZZ', 3, 10)];
    expect(consistencyFunnel(tied, (id) => id === 'id-ZZZ', 'none').agencies.map((a) => a.code)).toEqual([
      'ZZZ',
      undefined,
    ]);
  });

  it('has no target and no curve when no agency has a denominator', () => {
    const f = consistencyFunnel([count('AIR', 0, 0)], () => true, 'auto');
    expect(f).toEqual({
      target: null,
      overdispersion: { phi: null, tau2: 0, applied: false },
      agencies: [
        { agencyId: 'id-AIR', code: 'AIR', numerator: 0, denominator: 0, rate: null, limits: null, band: 'no_data' },
      ],
      curve: [],
    });
  });
});
