import { canReadPii, PII_READING_ROLES } from './pii-roles.js';

describe('roles that can read case personal data (SPEC §1, §2)', () => {
  it.each([
    ['admin', false],
    ['analyst', false],
    ['commissioner', true],
    ['reviewer', true],
    ['agency_officer', true],
    ['agency_supervisor', true],
    ['decision_maker', true],
  ] as const)('%s: %s', (role, expected) => {
    expect(canReadPii(role)).toBe(expected);
  });

  it('lists exactly the roles whose password the admin may not choose', () => {
    expect([...PII_READING_ROLES].sort()).toEqual(
      ['agency_officer', 'agency_supervisor', 'commissioner', 'decision_maker', 'reviewer'].sort(),
    );
  });
});
