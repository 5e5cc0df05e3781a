import { rolesThatMay } from '../../authz/domain/abilities.js';
import { VISIT_ACTIONS, VISIT_TRANSITIONS } from './visit-workflow.js';

/**
 * The README's table of visit actions, rendered from VISIT_TRANSITIONS (the
 * constant `decideVisit` reads) and the CASL rules (who), so the
 * documentation cannot drift from the behaviour; a unit test compares them.
 * "by" names roles with any rule for the action: a reviewer only on the
 * team and without a conflict with the operator.
 */
export function renderVisitTable(): string {
  const rows = VISIT_ACTIONS.map((action) => {
    const t = VISIT_TRANSITIONS[action];
    const from = t.from.map((s) => `\`${s}\``).join(', ');
    const to = t.to === null ? '(state unchanged)' : `\`${t.to}\``;
    return `| \`${action}\` | ${from} | ${to} | ${rolesThatMay(action, 'Visit').join(', ')} |`;
  });
  return ['| action | from | to | by |', '|---|---|---|---|', ...rows].join('\n');
}
