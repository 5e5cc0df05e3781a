import { CASE_PII_FIELDS, defineAbilityFor } from './abilities.js';
import { ROLE_AGENCY_KIND, ROLES, type Role } from './roles.js';

/**
 * Roles whose rules let them read some case personal data field (SPEC §1,
 * separation of duties): derived from the rules themselves, so a rule change
 * cannot leave a role that reads PII with an admin-chosen password.
 */
export function canReadPii(role: Role): boolean {
  const kind = ROLE_AGENCY_KIND[role];
  const ability = defineAbilityFor({
    kind: 'user',
    id: '00000000-0000-7000-8000-000000000000',
    role,
    agencyId: kind ? '00000000-0000-7000-8000-000000000001' : null,
    agencyKind: kind,
    conflictAgencyIds: [],
  });
  return CASE_PII_FIELDS.some((field) => ability.can('read', 'Case', field));
}

export const PII_READING_ROLES: readonly Role[] = ROLES.filter(canReadPii);
