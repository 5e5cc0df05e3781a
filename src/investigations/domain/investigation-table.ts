import { rolesThatMay } from '../../authz/domain/abilities.js';
import { INVESTIGATION_ACTIONS, INVESTIGATION_TRANSITIONS } from './investigation-workflow.js';

/**
 * The README's table of investigation actions, rendered from INVESTIGATION_TRANSITIONS (the constant `decide`
 * reads) and the CASL rules (who), so the documentation cannot drift from the behaviour; a unit test compares
 * them. "by" names roles with any rule for the action: a reviewer only as an investigator without a conflict, an
 * agency's supervisor or a competent authority's decision maker only when its agency is in scope.
 */
export function renderInvestigationTable(): string {
  const rows = INVESTIGATION_ACTIONS.map((action) => {
    const t = INVESTIGATION_TRANSITIONS[action];
    const from = t.from.map((s) => `\`${s}\``).join(', ');
    const to = t.to === null ? '(state unchanged)' : `\`${t.to}\``;
    const name = t.route === action ? `\`${action}\`` : `\`${t.route}\` (\`${action}\`)`;
    return `| ${name} | ${from} | ${to} | ${rolesThatMay(action, 'Investigation').join(', ')} | ${t.body} |`;
  });
  return [
    '| action (in `allowedActions`) | from | to | by | body |',
    '|---|---|---|---|---|',
    `| open: \`POST /investigations\` | – | \`open\` | ${rolesThatMay('create', 'Investigation').join(', ')} | \`{ title, origin, scope: { agencyIds, placeIds? }, termsOfReference }\` |`,
    ...rows,
  ].join('\n');
}
