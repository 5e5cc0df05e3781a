import { rolesThatMay } from '../../authz/domain/abilities.js';
import {
  FINAL_STATES,
  isFinal,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATES,
  RECOMMENDATION_TRANSITIONS,
  type Choice,
} from './recommendation-workflow.js';

/**
 * The README's table of recommendation actions, rendered from the same
 * RECOMMENDATION_TRANSITIONS `decide` reads (a unit test compares the README
 * with this output). The "by" column comes from the CASL rules, the one
 * source of who may act; "addressee" conditions are theirs too.
 */
export function renderRecommendationTable(): string {
  const rows = RECOMMENDATION_ACTIONS.flatMap((action) => {
    const row = RECOMMENDATION_TRANSITIONS[action];
    const missing = RECOMMENDATION_STATES.filter((s) => !(row.from as readonly string[]).includes(s));
    const anyButFinal = missing.length === FINAL_STATES.length && missing.every((s) => isFinal(s));
    const from = anyButFinal ? 'any but final' : row.from.map((s) => `\`${s}\``).join(', ');
    const by = rolesThatMay(action, 'Recommendation').join(', ');
    return Object.entries(row.options as Readonly<Record<string, Choice>>).map(([option, choice]) => {
      const label = row.choice === null ? `\`${action}\`` : `\`${action}\` ${row.choice}: \`${option}\``;
      const to =
        choice.to === 'unchanged'
          ? '(state unchanged, a dated note)'
          : choice.to === 'state_claimed_from'
            ? 'the state it was claimed from'
            : `\`${choice.to}\``;
      const requires = [
        ...(choice.targetDate ? ['`targetDate` (UTC date, not past)'] : []),
        ...choice.texts.map((t) =>
          t.minLength > 1 ? `\`${t.field}\` (≥ ${t.minLength} characters)` : `\`${t.field}\``,
        ),
      ].join(', ');
      return `| ${label} | ${from} | ${to} | ${by} | ${requires} |`;
    });
  });
  return ['| action | from | to | by | requires |', '|---|---|---|---|---|', ...rows].join('\n');
}
