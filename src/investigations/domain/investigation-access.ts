import { subjectOf, type AppAbility, type SubjectAttributes } from '../../authz/domain/abilities.js';
import type { Actor } from '../../authz/domain/roles.js';
import { DISCLOSED_STATES, type InvestigationActionType, type InvestigationState } from './investigation-workflow.js';

/** What CASL's Investigation rules look at, for one investigation. */
export interface InvestigationParties {
  state: InvestigationState;
  agencyIds: readonly string[];
  investigators: readonly string[];
}

/**
 * The investigation as a CASL subject for this caller: whether the caller's agency is in scope, whether the
 * agencies in scope see it yet, whether the caller investigates it, and whether the caller has a conflict with an
 * agency in scope. The repository computes the same four in SQL (investigationColumns).
 */
export function investigationAttributes(i: InvestigationParties, actor: Actor): SubjectAttributes['Investigation'] {
  return {
    inScope: actor.agencyId !== null && i.agencyIds.includes(actor.agencyId),
    disclosed: (DISCLOSED_STATES as readonly string[]).includes(i.state),
    investigator: i.investigators.includes(actor.id),
    conflicted: actor.conflictAgencyIds.some((a) => i.agencyIds.includes(a)),
  };
}

export type Gate = 'not_found' | 'forbidden' | 'allowed';

/** SPEC §2: a caller who may not read the investigation learns nothing (404); one who may read but not act, 403. */
export function gate(
  ability: AppAbility,
  attributes: SubjectAttributes['Investigation'],
  action: InvestigationActionType,
): Gate {
  const subject = subjectOf('Investigation', attributes);
  if (!ability.can('read', subject)) return 'not_found';
  return ability.can(action, subject) ? 'allowed' : 'forbidden';
}
