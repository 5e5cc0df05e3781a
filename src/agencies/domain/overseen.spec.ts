import { notOverseen } from './overseen.js';

describe('notOverseen', () => {
  const kinds = new Map([
    ['fl', 'frontline'],
    ['ca', 'competent_authority'],
    ['oc', 'commissioner_office'],
  ]);

  it('accepts frontline agencies and the competent authority', () => {
    expect(notOverseen('agencyIds', ['fl', 'ca'], kinds)).toBeNull();
  });

  it('names the office and unknown agencies, under the field given', () => {
    expect(notOverseen('scope.agencyIds', ['fl', 'oc', 'nope'], kinds)).toEqual({
      field: 'scope.agencyIds',
      message: 'must be frontline agencies or the competent authority: oc, nope',
    });
  });
});
