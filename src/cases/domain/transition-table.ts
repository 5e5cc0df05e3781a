import { rolesThatMay } from '../../authz/domain/abilities.js';
import { CASE_STATES, DECISION_TYPES, TRANSITIONS } from './identification.js';

/**
 * The README's table of decisions, rendered from the same TRANSITIONS
 * constant `decide` reads, so the documentation cannot drift from the
 * behaviour (a unit test compares the README with this output). The "by"
 * column comes from the CASL rules, the one source of who may decide.
 */
export function renderTransitionTable(): string {
  const rows = DECISION_TYPES.map((type) => {
    const t = TRANSITIONS[type];
    const to =
      t.to.kind === 'state'
        ? `\`${t.to.state}\``
        : t.to.kind === 'unchanged'
          ? '(state unchanged)'
          : t.to.kind === 'by_outcome'
            ? Object.entries(t.to.outcomes)
                .map(([outcome, state]) => `${outcome} → \`${state}\``)
                .join('; ')
            : `upheld → the state it came from; overturned → ${Object.entries(t.to.overturned)
                .map(([from, state]) => `\`${state}\` (from ${from})`)
                .join(', ')}`;
    const missing = CASE_STATES.filter((s) => !(t.from as readonly string[]).includes(s));
    const from =
      missing.length === 0
        ? 'any state'
        : missing.length === 1 && t.from.length > 1
          ? `any but \`${missing[0]}\``
          : t.from.map((s) => `\`${s}\``).join(', ');
    const detention =
      'detention' in t ? (t.detention === 'detained' ? ', while detained' : ', while not detained') : '';
    const by = rolesThatMay(type, 'Case').join(', ');
    const requires = t.requires.map((f) => `\`${f}\``).join(', ');
    return `| \`${type}\` | ${from}${detention} | ${to} | ${by} | ${requires} | ${t.guards} |`;
  });
  return ['| decision | from | to | by | requires | guards |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
