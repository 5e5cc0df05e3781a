import { defineAbilityFor, subjectOf, type Action } from '../../authz/domain/abilities.js';
import type { Actor } from '../../authz/domain/roles.js';
import {
  actionsFrom,
  decideVisit,
  VISIT_ACTIONS,
  VISIT_STATES,
  type VisitAction,
  type VisitState,
} from './visit-workflow.js';

/** Every state × action: where it leads, or `-` for refused. */
// prettier-ignore
const TABLE: Record<VisitState, Record<VisitAction, VisitState | '-'>> = {
  planned:     { assign_team: 'planned',     start: 'in_progress', record_findings: '-',           report: '-',        cancel: 'cancelled' },
  in_progress: { assign_team: 'in_progress', start: '-',           record_findings: 'in_progress', report: 'reported', cancel: '-' },
  reported:    { assign_team: '-',           start: '-',           record_findings: '-',           report: '-',        cancel: '-' },
  cancelled:   { assign_team: '-',           start: '-',           record_findings: '-',           report: '-',        cancel: '-' },
};

describe('visit workflow', () => {
  const cases = VISIT_STATES.flatMap((state) => VISIT_ACTIONS.map((action) => [state, action] as const));

  it.each(cases)('from %s, %s', (state, action) => {
    const expected = TABLE[state][action];
    const outcome = decideVisit({ state, version: 4 }, action, 4);
    const got = outcome.ok
      ? outcome.next
      : { refused: outcome.rejection.kind, allowed: 'allowed' in outcome.rejection ? outcome.rejection.allowed : null };
    expect(got).toEqual(
      expected === '-'
        ? { refused: 'not_allowed_from_state', allowed: actionsFrom(state) }
        : { state: expected, version: 5 },
    );
  });

  it.each(cases)('from %s, %s on a stale version is refused before anything else', (state, action) => {
    expect(decideVisit({ state, version: 4 }, action, 3)).toEqual({
      ok: false,
      rejection: expect.objectContaining({ kind: 'stale', currentVersion: 4 }),
    });
  });

  it('ends in reported and cancelled', () => {
    expect(actionsFrom('reported')).toEqual([]);
    expect(actionsFrom('cancelled')).toEqual([]);
  });
});

/** Who may take each action (SPEC §2), for a visit of agency FL; the state machine above says from where. */
describe('visit actions by role', () => {
  const FL = 'agency-frontline';
  const CONFLICTED = 'agency-conflicted';
  const actor = (role: Actor['role'], agencyId: string | null, conflicts: string[] = []): Actor => ({
    kind: 'user',
    id: `user-${role}`,
    role,
    agencyId,
    agencyKind: role === 'agency_officer' || role === 'agency_supervisor' ? 'frontline' : null,
    conflictAgencyIds: conflicts,
  });
  const visit = (agencyId: string, onTeam: boolean) =>
    subjectOf('Visit', { agencyId, started: true, reported: false, onTeam });
  const may = (a: Actor, action: Action, agencyId = FL, onTeam = false) =>
    defineAbilityFor(a).can(action, visit(agencyId, onTeam));

  it('lets the commissioner take every action', () => {
    for (const action of [...VISIT_ACTIONS, 'create', 'read_roll'] as Action[]) {
      expect(may(actor('commissioner', 'office'), action)).toBe(true);
    }
  });

  it('lets a team member without a conflict start, record, report and read the roll, and nothing else', () => {
    const reviewer = actor('reviewer', 'office', [CONFLICTED]);
    for (const action of ['start', 'record_findings', 'report', 'read_roll'] as Action[]) {
      expect(may(reviewer, action, FL, true)).toBe(true);
      expect(may(reviewer, action, FL, false)).toBe(false);
      expect(may(reviewer, action, CONFLICTED, true)).toBe(false);
    }
    for (const action of ['create', 'assign_team', 'cancel'] as Action[])
      expect(may(reviewer, action, FL, true)).toBe(false);
  });

  it('gives analysts, agencies and the admin no visit action at all', () => {
    for (const a of [
      actor('analyst', 'office'),
      actor('agency_officer', FL),
      actor('agency_supervisor', FL),
      actor('decision_maker', 'authority'),
      actor('admin', null),
    ]) {
      for (const action of [...VISIT_ACTIONS, 'create', 'read_roll'] as Action[])
        expect(may(a, action, FL, true)).toBe(false);
    }
  });

  it('shows an agency its own visits once started, never the team, findings only once reported', () => {
    const officer = defineAbilityFor(actor('agency_officer', FL));
    const of = (started: boolean, reported: boolean, agencyId = FL) =>
      subjectOf('Visit', { agencyId, started, reported, onTeam: false });
    expect(officer.can('read', of(false, false))).toBe(false);
    expect(officer.can('read', of(true, false))).toBe(true);
    expect(officer.can('read', of(true, true, 'agency-other'))).toBe(false);
    expect(officer.can('read', of(true, false), 'team')).toBe(false);
    expect(officer.can('read', of(true, false), 'findings')).toBe(false);
    expect(officer.can('read', of(true, true), 'findings')).toBe(true);
    expect(officer.can('read', of(true, true), 'team')).toBe(false);
    expect(defineAbilityFor(actor('decision_maker', FL)).can('read', of(true, true))).toBe(false);
    expect(defineAbilityFor(actor('analyst', 'office')).can('read', of(false, false), 'team')).toBe(true);
  });
});
