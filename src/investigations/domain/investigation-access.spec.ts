import { defineAbilityFor } from '../../authz/domain/abilities.js';
import type { Actor, AgencyKind } from '../../authz/domain/roles.js';
import { gate, investigationAttributes, type InvestigationParties } from './investigation-access.js';
import {
  decide,
  INVESTIGATION_ACTIONS,
  INVESTIGATION_STATES,
  type InvestigationState,
} from './investigation-workflow.js';
import { IN_SCOPE, VALID } from '../../../test/factories/investigation-actions.js';

/*
 * Every state × action × role, written out by hand: what the API answers when each caller takes each action on an
 * investigation in each state, with a valid body and within the comment period. The service judges in this order:
 * `gate` (404 unless the caller may read it, 403 unless CASL lets it act), then `decide` (409 from a state that
 * does not allow the action). Columns:
 *
 *   adm  admin
 *   com  commissioner
 *   inv  reviewer assigned as investigator
 *   rev  reviewer not assigned
 *   cnf  reviewer assigned, with a conflict with an agency in scope (declared after the assignment)
 *   ana  analyst
 *   off  agency officer of an agency in scope
 *   sup  agency supervisor of an agency in scope
 *   out  agency supervisor of an agency outside the scope
 *   dm   decision maker of a competent authority in scope
 *   key  API key of an agency in scope
 */
const AUTHORITY = 'agency-authority';
const OUTSIDE = 'agency-outside';

const actor = (
  role: Actor['role'],
  id: string,
  agencyId: string | null,
  agencyKind: AgencyKind | null,
  extra: Partial<Actor> = {},
): Actor => ({ kind: 'user', id, role, agencyId, agencyKind, conflictAgencyIds: [], ...extra });

const ACTORS = {
  adm: actor('admin', 'adm', null, null),
  com: actor('commissioner', 'com', 'office', 'commissioner_office'),
  inv: actor('reviewer', 'inv', 'office', 'commissioner_office'),
  rev: actor('reviewer', 'rev', 'office', 'commissioner_office'),
  cnf: actor('reviewer', 'cnf', 'office', 'commissioner_office', { conflictAgencyIds: [IN_SCOPE] }),
  ana: actor('analyst', 'ana', 'office', 'commissioner_office'),
  off: actor('agency_officer', 'off', IN_SCOPE, 'frontline'),
  sup: actor('agency_supervisor', 'sup', IN_SCOPE, 'frontline'),
  out: actor('agency_supervisor', 'out', OUTSIDE, 'frontline'),
  dm: actor('decision_maker', 'dm', AUTHORITY, 'competent_authority'),
  key: actor('agency_officer', 'key', IN_SCOPE, 'frontline', { kind: 'api_key' }),
} satisfies Record<string, Actor>;
const COLUMNS = Object.keys(ACTORS) as (keyof typeof ACTORS)[];

// prettier-ignore
const EXPECTED: Record<InvestigationState, Record<(typeof INVESTIGATION_ACTIONS)[number], string>> = {
  open: {
    //                        adm com inv rev cnf ana off sup out dm  key
    assign_investigators:   '404 ok  403 403 403 403 404 404 404 404 404',
    add_evidence:           '404 ok  ok  403 403 403 404 404 404 404 404',
    draft:                  '404 ok  403 403 403 403 404 404 404 404 404',
    comment:                '404 403 403 403 403 403 404 404 404 404 404',
    publish:                '404 409 403 403 403 403 404 404 404 404 404',
    close_without_findings: '404 ok  403 403 403 403 404 404 404 404 404',
  },
  factual_accuracy: {
    assign_investigators:   '404 409 403 403 403 403 403 403 404 403 403',
    add_evidence:           '404 409 409 403 403 403 403 403 404 403 403',
    draft:                  '404 409 403 403 403 403 403 403 404 403 403',
    comment:                '404 403 403 403 403 403 403 ok  404 ok  403',
    publish:                '404 ok  403 403 403 403 403 403 404 403 403',
    close_without_findings: '404 409 403 403 403 403 403 403 404 403 403',
  },
  published: {
    assign_investigators:   '404 409 403 403 403 403 403 403 404 403 403',
    add_evidence:           '404 409 409 403 403 403 403 403 404 403 403',
    draft:                  '404 409 403 403 403 403 403 403 404 403 403',
    comment:                '404 403 403 403 403 403 403 409 404 409 403',
    publish:                '404 409 403 403 403 403 403 403 404 403 403',
    close_without_findings: '404 409 403 403 403 403 403 403 404 403 403',
  },
  // Closed from open: the agencies never saw it, and still do not.
  closed: {
    assign_investigators:   '404 409 403 403 403 403 404 404 404 404 404',
    add_evidence:           '404 409 409 403 403 403 404 404 404 404 404',
    draft:                  '404 409 403 403 403 403 404 404 404 404 404',
    comment:                '404 403 403 403 403 403 404 404 404 404 404',
    publish:                '404 409 403 403 403 403 404 404 404 404 404',
    close_without_findings: '404 409 403 403 403 403 404 404 404 404 404',
  },
};

const NOW = new Date('2026-03-10T15:30:00.000Z');

function outcome(state: InvestigationState, action: (typeof INVESTIGATION_ACTIONS)[number], who: Actor): string {
  const parties: InvestigationParties = { state, agencyIds: [IN_SCOPE, AUTHORITY], investigators: ['inv', 'cnf'] };
  const judged = gate(defineAbilityFor(who), investigationAttributes(parties, who), action);
  if (judged === 'not_found') return '404';
  if (judged === 'forbidden') return '403';
  const drafted = state === 'open' || state === 'closed' ? null : new Date('2026-03-01T00:00:00.000Z');
  const result = decide(
    {
      state,
      version: 3,
      agencyIds: parties.agencyIds,
      draftedAt: drafted,
      commentsCloseAt: drafted && new Date('2026-03-15T00:00:00.000Z'),
      publishedAt: null,
      closedAt: null,
    },
    VALID[action],
    NOW,
    { commentDays: 14 },
  );
  if (result.ok) return 'ok';
  return result.rejection.kind === 'not_allowed_from_state' ? '409' : '422';
}

describe('every state × action × role of an investigation (SPEC §2, §13)', () => {
  const rows = INVESTIGATION_STATES.flatMap((state) => INVESTIGATION_ACTIONS.map((action) => [state, action] as const));

  it('has a row for every state and action, each with one answer per caller', () => {
    for (const [state, action] of rows) {
      expect(EXPECTED[state][action].trim().split(/\s+/)).toHaveLength(COLUMNS.length);
    }
  });

  it.each(rows)('%s · %s', (state, action) => {
    const actual = COLUMNS.map((column) => outcome(state, action, ACTORS[column])).join(' ');
    const expected = EXPECTED[state][action].trim().split(/\s+/).join(' ');
    expect(`${COLUMNS.join(' ')}\n${actual}`).toBe(`${COLUMNS.join(' ')}\n${expected}`);
  });
});

describe('investigationAttributes', () => {
  const parties: InvestigationParties = { state: 'published', agencyIds: [IN_SCOPE], investigators: ['inv'] };

  it('says whether the caller’s agency is in scope, whether it was drafted, who investigates, who is conflicted', () => {
    expect(investigationAttributes(parties, ACTORS.sup)).toEqual({
      inScope: true,
      disclosed: true,
      investigator: false,
      conflicted: false,
    });
    expect(investigationAttributes(parties, ACTORS.inv)).toMatchObject({ inScope: false, investigator: true });
    expect(investigationAttributes(parties, ACTORS.cnf)).toMatchObject({ conflicted: true });
    expect(investigationAttributes(parties, ACTORS.adm)).toMatchObject({ inScope: false });
    expect(investigationAttributes({ ...parties, state: 'closed' }, ACTORS.sup)).toMatchObject({ disclosed: false });
  });
});
