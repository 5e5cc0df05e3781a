import { isVerified, strataDifferences, type StratumCounts } from './draw-verification.js';

const stratum = (agencyId: string, type: string, outcome: string | null, population: number, sampled: number) =>
  ({ agencyId, type, outcome, population, sampled }) satisfies StratumCounts;

describe('strataDifferences', () => {
  it('finds none when both sides list the same strata with the same counts, in any order', () => {
    const a = [stratum('ag-1', 'refer', null, 10, 1), stratum('ag-2', 'close', 'removed', 3, 1)];

    expect(strataDifferences(a, [...a].reverse())).toEqual([]);
  });

  it('names a stratum whose population or sample differs, with both sides', () => {
    expect(strataDifferences([stratum('ag-1', 'refer', null, 10, 1)], [stratum('ag-1', 'refer', null, 11, 1)])).toEqual(
      [
        {
          agencyId: 'ag-1',
          decisionType: 'refer',
          outcome: null,
          stored: { population: 10, sampled: 1 },
          recomputed: { population: 11, sampled: 1 },
        },
      ],
    );
    expect(
      strataDifferences([stratum('ag-1', 'refer', null, 10, 2)], [stratum('ag-1', 'refer', null, 10, 1)]),
    ).toHaveLength(1);
  });

  it('names strata only one side has', () => {
    const differences = strataDifferences(
      [stratum('ag-1', 'reasonable_grounds', 'negative', 4, 1)],
      [stratum('ag-2', 'reasonable_grounds', 'negative', 4, 1)],
    );

    expect(differences.map((d) => [d.agencyId, d.stored !== null, d.recomputed !== null])).toEqual([
      ['ag-1', true, false],
      ['ag-2', false, true],
    ]);
  });

  it('tells a null outcome from an outcome spelled "null"', () => {
    expect(
      strataDifferences([stratum('ag-1', 'close', null, 1, 1)], [stratum('ag-1', 'close', 'null', 1, 1)]),
    ).toHaveLength(2);
  });
});

describe('isVerified', () => {
  const agreeing = {
    populationDigestMatches: true,
    sampleDigestMatches: true,
    strataDifferences: 0,
    sampleDifferences: 0,
  };

  it('holds only when everything agrees', () => {
    expect(isVerified(agreeing)).toBe(true);
    expect(isVerified({ ...agreeing, populationDigestMatches: false })).toBe(false);
    expect(isVerified({ ...agreeing, sampleDigestMatches: false })).toBe(false);
    expect(isVerified({ ...agreeing, strataDifferences: 1 })).toBe(false);
    expect(isVerified({ ...agreeing, sampleDifferences: 1 })).toBe(false);
  });
});
