import { rolesThatMay } from '../../authz/domain/abilities.js';
import { COMPLAINT_TRANSITIONS, TRIAGE_OUTCOMES, TRIAGE_RULES } from './complaint-workflow.js';

/**
 * The README's table of triage outcomes, rendered from TRIAGE_RULES and COMPLAINT_TRANSITIONS (what
 * `decideTriage` reads) and the CASL rules (who), so the documentation cannot drift; a unit test compares them.
 */
export function renderComplaintTable(): string {
  const { from, to } = COMPLAINT_TRANSITIONS.triage;
  const by = rolesThatMay('triage', 'Complaint').join(', ');
  const rows = TRIAGE_OUTCOMES.map((outcome) => {
    const rule = TRIAGE_RULES[outcome];
    const requires = [
      '`reason`',
      ...rule.requires.map((f) => `\`${f}\``),
      ...(rule.needsCases ? ['the complaint names cases'] : []),
    ].join(', ');
    return `| \`triage\` outcome: \`${outcome}\` | ${from.map((s) => `\`${s}\``).join(', ')} | \`${to}\` | ${by} | ${requires} | ${rule.effect} |`;
  });
  return [
    '| action | from | to | by | requires | in the same transaction |',
    '|---|---|---|---|---|---|',
    `| record: \`POST /complaints\` | – | \`received\` | ${rolesThatMay('create', 'Complaint').join(', ')} | \`receivedAt\`, \`channel\`, \`anonymous\`, \`complainant\` unless anonymous, \`summary\`, \`agencyIds\` | – |`,
    ...rows,
  ].join('\n');
}
