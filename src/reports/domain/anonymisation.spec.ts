import { INDICATOR_CATEGORIES, INDICATOR_CODES } from '../../cases/domain/indicators.js';
import {
  AGE_BANDS,
  ageBand,
  ageBandSql,
  finalState,
  generalise,
  indicatorCategories,
  indicatorCategoriesSql,
} from './anonymisation.js';

describe('ageBand', () => {
  it.each([
    [2020, 2020, 0, '0-8'],
    [2012, 2020, 8, '0-8'],
    [2011, 2020, 9, '9-17'],
    [2003, 2020, 17, '9-17'],
    [2002, 2020, 18, '18-20'],
    [2000, 2020, 20, '18-20'],
    [1999, 2020, 21, '21-23'],
    [1997, 2020, 23, '21-23'],
    [1996, 2020, 24, '24-26'],
    [1994, 2020, 26, '24-26'],
    [1993, 2020, 27, '27-30'],
    [1990, 2020, 30, '27-30'],
    [1989, 2020, 31, '31-38'],
    [1982, 2020, 38, '31-38'],
    [1981, 2020, 39, '39-47'],
    [1973, 2020, 47, '39-47'],
    [1972, 2020, 48, '48+'],
    [1900, 2020, 120, '48+'],
  ])('puts someone born in %i and met in %i (age %i) in %s', (born, met, _age, band) => {
    expect(ageBand(born, met, false)).toBe(band);
  });

  it('covers every age from 0 to 120 with exactly one CTDC band, in order', () => {
    const seen = Array.from({ length: 121 }, (_, age) => ageBand(2020 - age, 2020, false));
    expect([...new Set(seen)]).toEqual(AGE_BANDS.map((b) => b.label));
  });

  it('keeps a recorded child out of the adult bands when the year difference says 18', () => {
    expect(ageBand(2002, 2020, true)).toBe('9-17');
    expect(ageBand(2002, 2020, false)).toBe('18-20');
  });

  it('publishes a missing birth year as unknown, or as 0-17 for a recorded child', () => {
    expect(ageBand(null, 2020, false)).toBe('unknown');
    expect(ageBand(null, 2020, true)).toBe('0-17');
  });

  it('publishes impossible ages as unknown rather than as outliers', () => {
    expect(ageBand(2021, 2020, false)).toBe('unknown');
    expect(ageBand(1899, 2020, false)).toBe('unknown');
  });
});

describe('indicatorCategories', () => {
  it('is the sorted set of categories present, ;-joined', () => {
    expect(indicatorCategories(['withheld_wages', 'deception', 'debt_bondage', 'threats', 'false_promises'])).toBe(
      'coercion;deception;exploitation',
    );
  });

  it('is none without indicators and ignores codes outside the catalogue', () => {
    expect(indicatorCategories([])).toBe('none');
    expect(indicatorCategories(['not_a_code'])).toBe('none');
  });

  it('names each of the five categories for all indicators', () => {
    expect(indicatorCategories(INDICATOR_CODES)).toBe([...INDICATOR_CATEGORIES].sort().join(';'));
  });
});

describe('finalState', () => {
  it('is the current state, with the outcome of a closed case', () => {
    expect(finalState('recovery_period', null)).toBe('recovery_period');
    expect(finalState('closed', 'assisted_return')).toBe('closed:assisted_return');
  });
});

describe('generalise', () => {
  it('keeps only generalised quasi-identifiers, with the encounter year in UTC', () => {
    expect(
      generalise({
        birthYear: 1998,
        isChild: false,
        sex: 'female',
        nationality: null,
        encounterKind: 'workplace_inspection',
        encounterAt: new Date('2026-12-31T23:30:00-02:00'),
        indicators: ['isolation', 'child_under_18'],
        state: 'closed',
        closedOutcome: 'support_provided',
      }),
    ).toEqual({
      ageBand: '27-30',
      sex: 'female',
      nationality: 'unknown',
      encounterKind: 'workplace_inspection',
      encounterYear: 2027,
      indicatorCategories: 'control;vulnerability',
      finalState: 'closed:support_provided',
    });
  });
});

describe('the SQL forms', () => {
  it('use only literals from the tables, never caller input', () => {
    const sql = ageBandSql('c.birth_year', 'y.year', 'c.is_child') + indicatorCategoriesSql('c.indicators');
    expect(sql).not.toMatch(/\$\d/);
    for (const band of AGE_BANDS) expect(sql).toContain(`'${band.label}'`);
  });
});
