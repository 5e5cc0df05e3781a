import {
  allowedFromState,
  commentsCloseAt,
  decide,
  INVESTIGATION_ACTIONS,
  INVESTIGATION_STATES,
  open,
  type InvestigationActionType,
  type InvestigationSnapshot,
  type InvestigationState,
} from './investigation-workflow.js';
import { VALID, IN_SCOPE } from '../../../test/factories/investigation-actions.js';

const NOW = new Date('2026-03-10T15:30:00.000Z');
const CONFIG = { commentDays: 14 };
const ALSO_IN_SCOPE = 'agency-also-in-scope';
const OUTSIDE = 'agency-outside';

function snapshot(state: InvestigationState, extra: Partial<InvestigationSnapshot> = {}): InvestigationSnapshot {
  const drafted = state === 'open' || state === 'closed' ? null : new Date('2026-03-01T09:00:00.000Z');
  return {
    state,
    version: 4,
    agencyIds: [IN_SCOPE, ALSO_IN_SCOPE],
    draftedAt: drafted,
    commentsCloseAt: drafted && new Date('2026-03-15T09:00:00.000Z'),
    publishedAt: state === 'published' ? new Date('2026-03-09T00:00:00.000Z') : null,
    closedAt: state === 'closed' ? new Date('2026-03-02T00:00:00.000Z') : null,
    ...extra,
  };
}

/*
 * Every state × action, written out by hand (not derived from the table): the state it leads to, `same` where it
 * keeps the state, 409 where the state does not allow it. Who may act is CASL's (investigation-access.spec.ts has
 * every state × action × role).
 */
// prettier-ignore
const EXPECTED: Record<InvestigationState, string> = {
  //                 investig.  evidence  draft     comment   publish    close
  open:             'same       same      fa        409       409        closed',
  factual_accuracy: '409        409       409       same      published  409',
  published:        '409        409       409       409       409        409',
  closed:           '409        409       409       409       409        409',
};
const SHORT: Record<string, InvestigationState> = { fa: 'factual_accuracy', published: 'published', closed: 'closed' };

describe('the SPEC §13 transition table', () => {
  const cases = INVESTIGATION_STATES.flatMap((state) => {
    const expected = EXPECTED[state].trim().split(/\s+/);
    return INVESTIGATION_ACTIONS.map((action, i) => [state, action, expected[i]] as const);
  });

  it('covers every state and action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...INVESTIGATION_STATES].sort());
    for (const state of INVESTIGATION_STATES) {
      expect(EXPECTED[state].trim().split(/\s+/)).toHaveLength(INVESTIGATION_ACTIONS.length);
    }
    expect(INVESTIGATION_ACTIONS).toEqual([
      'assign_investigators',
      'add_evidence',
      'draft',
      'comment',
      'publish',
      'close_without_findings',
    ]);
  });

  it.each(cases)('%s · %s → %s', (state, action, expected) => {
    const result = decide(snapshot(state), VALID[action], NOW, CONFIG);
    const refused = { kind: 'not_allowed_from_state', state, action, allowed: allowedFromState(state) };
    const to = expected === 'same' ? state : SHORT[expected];
    expect(result).toMatchObject(
      expected === '409' ? { ok: false, rejection: refused } : { ok: true, next: { state: to, version: 5 } },
    );
  });

  it.each<[InvestigationState, InvestigationActionType[]]>([
    ['open', ['assign_investigators', 'add_evidence', 'draft', 'close_without_findings']],
    ['factual_accuracy', ['comment', 'publish']],
    ['published', []],
    ['closed', []],
  ])('%s allows %j', (state, allowed) => {
    expect(allowedFromState(state)).toEqual(allowed);
  });
});

describe('what each action records', () => {
  it('opens at version 1, in state open, with nothing drafted', () => {
    expect(open([IN_SCOPE])).toEqual({
      state: 'open',
      version: 1,
      agencyIds: [IN_SCOPE],
      draftedAt: null,
      commentsCloseAt: null,
      publishedAt: null,
      closedAt: null,
    });
  });

  it('dates a draft and closes its comments 14 days later', () => {
    const result = decide(snapshot('open'), VALID.draft, NOW, CONFIG);
    expect(result).toEqual({
      ok: true,
      next: expect.objectContaining({
        state: 'factual_accuracy',
        draftedAt: NOW,
        commentsCloseAt: new Date('2026-03-24T15:30:00.000Z'),
      }),
    });
  });

  it('takes the comment period from the configuration', () => {
    expect(commentsCloseAt(NOW, { commentDays: 3 })).toEqual(new Date('2026-03-13T15:30:00.000Z'));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a configuration of %s days', (days) => {
    expect(() => commentsCloseAt(NOW, { commentDays: days })).toThrow(RangeError);
  });

  it('dates publication and closing', () => {
    expect(decide(snapshot('factual_accuracy'), VALID.publish, NOW, CONFIG)).toMatchObject({
      ok: true,
      next: { publishedAt: NOW, draftedAt: new Date('2026-03-01T09:00:00.000Z') },
    });
    expect(decide(snapshot('open'), VALID.close_without_findings, NOW, CONFIG)).toMatchObject({
      ok: true,
      next: { closedAt: NOW, draftedAt: null },
    });
  });

  it('does not change the investigation it is given', () => {
    const before = snapshot('open');
    const copy = structuredClone(before);
    decide(before, VALID.draft, NOW, CONFIG);
    expect(before).toEqual(copy);
  });
});

describe('guards', () => {
  it('refuses a proposed recommendation to an agency outside the scope, naming it', () => {
    const result = decide(
      snapshot('open'),
      {
        type: 'draft',
        text: 'Draft',
        proposedRecommendations: [
          { agencyId: IN_SCOPE, theme: 'training', priority: 'normal', text: 'Train' },
          { agencyId: OUTSIDE, theme: 'training', priority: 'normal', text: 'Train' },
        ],
      },
      NOW,
      CONFIG,
    );
    expect(result).toEqual({
      ok: false,
      rejection: expect.objectContaining({
        kind: 'guard_failed',
        guard: 'recommendation_agency_in_scope',
        field: 'proposedRecommendations.1.agencyId',
      }),
    });
  });

  it('takes a draft without proposed recommendations', () => {
    expect(
      decide(snapshot('open'), { type: 'draft', text: 'x', proposedRecommendations: [] }, NOW, CONFIG),
    ).toMatchObject({ ok: true });
  });

  it('takes a comment up to the instant the period closes, and refuses one a millisecond later', () => {
    const closes = new Date('2026-03-15T09:00:00.000Z');
    expect(decide(snapshot('factual_accuracy'), VALID.comment, closes, CONFIG)).toMatchObject({ ok: true });
    const late = decide(snapshot('factual_accuracy'), VALID.comment, new Date(closes.getTime() + 1), CONFIG);
    expect(late).toEqual({
      ok: false,
      rejection: {
        kind: 'guard_failed',
        guard: 'comment_period_closed',
        field: null,
        closedAt: closes,
        message:
          'The factual-accuracy period closed at 2026-03-15T09:00:00.000Z (14 days after the draft); comments are ' +
          'no longer taken. The commissioner may still publish.',
      },
    });
  });

  it('refuses a comment when no period was ever opened', () => {
    const result = decide(snapshot('factual_accuracy', { commentsCloseAt: null }), VALID.comment, NOW, CONFIG);
    expect(result).toMatchObject({ ok: false, rejection: { guard: 'comment_period_closed' } });
  });

  it('lets the commissioner publish after the comment period, at any time in factual_accuracy', () => {
    const muchLater = new Date('2027-01-01T00:00:00.000Z');
    expect(decide(snapshot('factual_accuracy'), VALID.publish, muchLater, CONFIG)).toMatchObject({
      ok: true,
      next: { state: 'published' },
    });
  });

  it('checks the state before the rules of the action', () => {
    const late = new Date('2030-01-01T00:00:00.000Z');
    expect(decide(snapshot('published'), VALID.comment, late, CONFIG)).toMatchObject({
      ok: false,
      rejection: { kind: 'not_allowed_from_state' },
    });
  });
});
