import type { FieldError } from '../../common/domain-errors.js';
import { ROLE_AGENCY_KIND, type AgencyKind, type Role } from '../../authz/domain/roles.js';

/**
 * Where a user may sit (SPEC §1): decision makers only in a competent
 * authority, commissioner staff only in the commissioner's office, officers
 * and supervisors only in frontline agencies; admins in none or any.
 * `agencyKind` is undefined when the agency id names no agency.
 */
export function placementErrors(input: {
  role: Role;
  agencyId: string | undefined;
  agencyKind: AgencyKind | undefined;
  unknownConflictAgencyIds: string[];
}): FieldError[] {
  const errors: FieldError[] = [];
  const expected = ROLE_AGENCY_KIND[input.role];
  if (input.agencyId === undefined) {
    if (expected !== null)
      errors.push({ field: 'agencyId', message: `a ${input.role} must belong to a ${expected} agency` });
  } else if (input.agencyKind === undefined) {
    errors.push({ field: 'agencyId', message: 'no agency has this id' });
  } else if (expected !== null && input.agencyKind !== expected) {
    errors.push({
      field: 'agencyId',
      message: `a ${input.role} must belong to a ${expected} agency, not a ${input.agencyKind} one`,
    });
  }
  for (const id of input.unknownConflictAgencyIds) {
    errors.push({ field: 'conflictAgencyIds', message: `no agency has id ${id}` });
  }
  return errors;
}
