import type { FieldError } from '../../common/domain-errors.js';
import type { AgencyKind } from '../../authz/domain/roles.js';

/** The agencies the commissioner's office oversees: never the office itself (SPEC §12, §13). */
export const OVERSEEN_KINDS: readonly AgencyKind[] = ['frontline', 'competent_authority'];

/** A field error naming the agencies among `agencyIds` that are unknown or not overseen; null when there are none. */
export function notOverseen(
  field: string,
  agencyIds: readonly string[],
  kinds: ReadonlyMap<string, string>,
): FieldError | null {
  const refused = agencyIds.filter((a) => !(OVERSEEN_KINDS as readonly string[]).includes(kinds.get(a) ?? ''));
  if (refused.length === 0) return null;
  return { field, message: `must be frontline agencies or the competent authority: ${refused.join(', ')}` };
}
