import { AGENCY_KINDS, type AgencyKind, type Role, ROLES } from '../../authz/domain/roles.js';
import { placementErrors } from './user-placement.js';

/*
 * SPEC §1: every user belongs to one agency (admins may have none); the
 * roles table says where each role works — commissioner, reviewer and
 * analyst in the commissioner's office, officers and supervisors in a
 * frontline agency, decision makers in the competent authority. SPEC §8
 * reports a bad field as `errors: [{ field, message }]`.
 *
 * Written out by hand: for every role, which placements are accepted.
 */
type Placement = AgencyKind | 'no agency' | 'unknown agency';
const PLACEMENTS: readonly Placement[] = [...AGENCY_KINDS, 'no agency', 'unknown agency'];

// prettier-ignore
const ACCEPTED: Record<Role, readonly Placement[]> = {
  // The SPEC only says admins may have no agency; it does not forbid one of any kind.
  admin:             ['no agency', 'frontline', 'competent_authority', 'commissioner_office'],
  commissioner:      ['commissioner_office'],
  reviewer:          ['commissioner_office'],
  analyst:           ['commissioner_office'],
  agency_officer:    ['frontline'],
  agency_supervisor: ['frontline'],
  decision_maker:    ['competent_authority'],
};

function errorsFor(role: Role, placement: Placement, unknownConflictAgencyIds: string[] = []) {
  return placementErrors({
    role,
    agencyId: placement === 'no agency' ? undefined : 'agency-1',
    agencyKind: placement === 'no agency' || placement === 'unknown agency' ? undefined : placement,
    unknownConflictAgencyIds,
  });
}

describe('placementErrors', () => {
  const cases = ROLES.flatMap((role) =>
    PLACEMENTS.map((placement) => [role, placement, ACCEPTED[role].includes(placement)] as const),
  );

  it('covers every role and every placement', () => {
    expect(cases).toHaveLength(7 * 5);
    expect([...ROLES].sort()).toEqual(Object.keys(ACCEPTED).sort());
  });

  it.each(cases)('a %s in %s: accepted %s', (role, placement, accepted) => {
    const errors = errorsFor(role, placement);
    expect(errors.map((e) => e.field)).toEqual(accepted ? [] : ['agencyId']);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('says which kind of agency the role needs', () => {
    expect(errorsFor('decision_maker', 'frontline')[0].message).toContain('competent_authority');
    expect(errorsFor('agency_officer', 'no agency')[0].message).toContain('frontline');
    expect(errorsFor('admin', 'unknown agency')[0].message).toMatch(/no agency has this id/);
  });

  it('reports each unknown conflict agency under conflictAgencyIds, besides any placement error', () => {
    expect(errorsFor('reviewer', 'commissioner_office', ['a-9', 'a-8'])).toEqual([
      { field: 'conflictAgencyIds', message: expect.stringContaining('a-9') },
      { field: 'conflictAgencyIds', message: expect.stringContaining('a-8') },
    ]);
    expect(errorsFor('reviewer', 'frontline', ['a-9']).map((e) => e.field)).toEqual(['agencyId', 'conflictAgencyIds']);
  });
});
