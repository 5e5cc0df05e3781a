export const ROLES = [
  'admin',
  'commissioner',
  'reviewer',
  'analyst',
  'agency_officer',
  'agency_supervisor',
  'decision_maker',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export const AGENCY_KINDS = ['frontline', 'competent_authority', 'commissioner_office'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export function isAgencyKind(value: unknown): value is AgencyKind {
  return (AGENCY_KINDS as readonly unknown[]).includes(value);
}

/** Which agency kind a role belongs to (SPEC §1); admins belong to none. */
export const ROLE_AGENCY_KIND: Record<Role, AgencyKind | null> = {
  admin: null,
  commissioner: 'commissioner_office',
  reviewer: 'commissioner_office',
  analyst: 'commissioner_office',
  agency_officer: 'frontline',
  agency_supervisor: 'frontline',
  decision_maker: 'competent_authority',
};

/** Who is acting: a signed-in user or an agency's API key (which acts as an officer). */
export interface Actor {
  kind: 'user' | 'api_key';
  id: string;
  role: Role;
  agencyId: string | null;
  agencyKind: AgencyKind | null;
  conflictAgencyIds: readonly string[];
}
