/**
 * A visit's life (SPEC §11): planned → in_progress → reported, or planned →
 * cancelled. The table says from which states each action may be taken and
 * where it leads; who may take it is CASL's (src/authz/domain/abilities.ts).
 */
export const VISIT_STATES = ['planned', 'in_progress', 'reported', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

export const VISIT_TRANSITIONS = {
  /** Replaces the team, until the visit is reported. */
  assign_team: { from: ['planned', 'in_progress'], to: null },
  start: { from: ['planned'], to: 'in_progress' },
  record_findings: { from: ['in_progress'], to: null },
  /** Freezes the findings (a database trigger holds it). */
  report: { from: ['in_progress'], to: 'reported' },
  cancel: { from: ['planned'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly VisitState[]; to: VisitState | null }>;

export type VisitAction = keyof typeof VISIT_TRANSITIONS;
export const VISIT_ACTIONS = Object.keys(VISIT_TRANSITIONS) as VisitAction[];

export interface VisitSnapshot {
  state: VisitState;
  version: number;
}

export type VisitRejection =
  | { kind: 'stale'; message: string; currentVersion: number }
  | { kind: 'not_allowed_from_state'; message: string; state: VisitState; allowed: VisitAction[] };

export type VisitOutcome = { ok: true; next: VisitSnapshot } | { ok: false; rejection: VisitRejection };

/** The actions the table allows from `state`, whoever asks. */
export function actionsFrom(state: VisitState): VisitAction[] {
  return VISIT_ACTIONS.filter((a) => (VISIT_TRANSITIONS[a].from as readonly VisitState[]).includes(state));
}

/** Every action bumps the version, so a client acting on what it read learns when someone else acted first. */
export function decideVisit(visit: VisitSnapshot, action: VisitAction, expectedVersion: number): VisitOutcome {
  if (expectedVersion !== visit.version) {
    return {
      ok: false,
      rejection: {
        kind: 'stale',
        currentVersion: visit.version,
        message: `The visit is at version ${visit.version}, not ${expectedVersion}; read it again.`,
      },
    };
  }
  const transition = VISIT_TRANSITIONS[action];
  if (!(transition.from as readonly VisitState[]).includes(visit.state)) {
    return {
      ok: false,
      rejection: {
        kind: 'not_allowed_from_state',
        state: visit.state,
        allowed: actionsFrom(visit.state),
        message: `A visit that is ${visit.state} cannot ${action.replace('_', ' ')}.`,
      },
    };
  }
  return { ok: true, next: { state: transition.to ?? visit.state, version: visit.version + 1 } };
}
