import {
  allowedFromState,
  decide,
  isResponseOverdue,
  isTargetMissed,
  issue,
  RECOMMENDATION_STATES,
  type RecommendationAction,
  type RecommendationSnapshot,
  type RecommendationState,
  responseDueAt,
  visitSourceRefusal,
} from './recommendation-workflow.js';

const NOW = new Date('2026-03-10T15:30:00.000Z');
const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';
const LATER = '2026-06-30';
const CONFIG = { responseDays: 28, urgentResponseDays: 7 };
const ACTOR = { id: 'user-1' };
const R20 = 'twenty characters ok'; // exactly 20
const R19 = 'nineteen characters';

function snapshot(state: RecommendationState, extra: Partial<RecommendationSnapshot> = {}): RecommendationSnapshot {
  return {
    state,
    version: 4,
    priority: 'normal',
    issuedAt: new Date('2026-02-01T00:00:00Z'),
    responseDueAt: new Date('2026-03-01T00:00:00Z'),
    targetDate: state === 'issued' ? null : '2026-05-01',
    claimedFrom: state === 'implementation_claimed' ? 'partially_accepted' : null,
    ...extra,
  };
}

/*
 * Every state × every action (one valid payload per row of SPEC §12's
 * table), written out by hand, not derived from the transition table: the
 * state it leads to, or 409 where the state does not allow it. Who may act
 * is CASL's (src/authz/domain/abilities.spec.ts has the Recommendation rows).
 */
const PAYLOADS: [string, RecommendationAction][] = [
  ['respond accepted', { type: 'respond', response: 'accepted', targetDate: LATER }],
  ['respond partially_accepted', { type: 'respond', response: 'partially_accepted', targetDate: LATER, reason: R20 }],
  ['respond rejected', { type: 'respond', response: 'rejected', reason: R20 }],
  ['progress in_progress', { type: 'progress', status: 'in_progress', note: 'Training scheduled' }],
  ['progress implemented', { type: 'progress', status: 'implemented', note: 'Done', evidence: 'Circular 12/2026' }],
  ['verify verified', { type: 'verify', outcome: 'verified', note: 'Seen on visit' }],
  ['verify not_verified', { type: 'verify', outcome: 'not_verified', note: R20, targetDate: LATER }],
  ['withdraw', { type: 'withdraw', reason: 'Overtaken by the new law' }],
];

// prettier-ignore
const EXPECTED: Record<RecommendationState, string> = {
  //                        acc      part     rej      in_prog  implem   verif    not_ver  withdraw
  issued:                 'acc      part     rej      409      409      409      409      wd',
  accepted:               '409      409      409      acc      claim    409      409      wd',
  partially_accepted:     '409      409      409      part     claim    409      409      wd',
  implementation_claimed: '409      409      409      409      409      impl     part     wd',
  rejected:               '409      409      409      409      409      409      409      409',
  implemented:            '409      409      409      409      409      409      409      409',
  withdrawn:              '409      409      409      409      409      409      409      409',
};
const SHORT: Record<string, RecommendationState> = {
  acc: 'accepted',
  part: 'partially_accepted',
  rej: 'rejected',
  claim: 'implementation_claimed',
  impl: 'implemented',
  wd: 'withdrawn',
};

describe('the SPEC §12 transition table', () => {
  const cases = RECOMMENDATION_STATES.flatMap((state) => {
    const expected = EXPECTED[state].trim().split(/\s+/);
    return PAYLOADS.map(([name, action], i) => [state, name, expected[i], action] as const);
  });

  it('covers every state', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...RECOMMENDATION_STATES].sort());
    for (const state of RECOMMENDATION_STATES)
      expect(EXPECTED[state].trim().split(/\s+/)).toHaveLength(PAYLOADS.length);
  });

  it.each(cases)('%s · %s → %s', (state, _name, expected, action) => {
    const result = decide(snapshot(state), action, ACTOR, NOW, CONFIG);
    const refused = { kind: 'not_allowed_from_state', state, action: action.type, allowed: allowedFromState(state) };
    const entry = { at: NOW, action: action.type, by: ACTOR.id, fromState: state, toState: SHORT[expected] };
    expect(result).toMatchObject(
      expected === '409'
        ? { ok: false, rejection: refused }
        : { ok: true, next: { state: SHORT[expected], version: 5 }, entry },
    );
  });
});

describe('allowedFromState', () => {
  it.each<[RecommendationState, string[]]>([
    ['issued', ['respond', 'withdraw']],
    ['accepted', ['progress', 'withdraw']],
    ['partially_accepted', ['progress', 'withdraw']],
    ['implementation_claimed', ['verify', 'withdraw']],
    ['rejected', []],
    ['implemented', []],
    ['withdrawn', []],
  ])('%s allows %j', (state, allowed) => {
    expect(allowedFromState(state)).toEqual(allowed);
  });
});

describe('what each action records', () => {
  it('keeps the target date the addressee promises, and the reason', () => {
    const result = decide(
      snapshot('issued'),
      { type: 'respond', response: 'partially_accepted', targetDate: LATER, reason: `  ${R20}  ` },
      ACTOR,
      NOW,
      CONFIG,
    );
    expect(result).toMatchObject({
      ok: true,
      next: { state: 'partially_accepted', targetDate: LATER },
      entry: { details: { response: 'partially_accepted', targetDate: LATER, reason: R20 } },
    });
  });

  it('leaves the state as it was on an in_progress note, and records the note', () => {
    const result = decide(snapshot('accepted'), PAYLOADS[3][1], ACTOR, NOW, CONFIG);
    expect(result).toMatchObject({
      ok: true,
      next: { state: 'accepted', targetDate: '2026-05-01', version: 5 },
      entry: {
        fromState: 'accepted',
        toState: 'accepted',
        details: { status: 'in_progress', note: 'Training scheduled' },
      },
    });
  });

  it.each(['accepted', 'partially_accepted'] as const)(
    'returns a claim made from %s to %s, with the new target date, when not verified',
    (from) => {
      const claimed = decide(snapshot(from), PAYLOADS[4][1], ACTOR, NOW, CONFIG);
      expect(claimed).toMatchObject({ ok: true, next: { state: 'implementation_claimed', claimedFrom: from } });
      if (!claimed.ok) return;
      const refused = decide(claimed.next, PAYLOADS[6][1], ACTOR, NOW, CONFIG);
      expect(refused).toMatchObject({
        ok: true,
        next: { state: from, claimedFrom: null, targetDate: LATER, version: 6 },
        entry: { details: { outcome: 'not_verified', note: R20, targetDate: LATER } },
      });
    },
  );

  it('records evidence with an implementation claim', () => {
    const result = decide(snapshot('accepted'), PAYLOADS[4][1], ACTOR, NOW, CONFIG);
    expect(result).toMatchObject({ ok: true, entry: { details: { evidence: 'Circular 12/2026', note: 'Done' } } });
  });

  it('forgets where a claim came from once it is withdrawn', () => {
    const result = decide(snapshot('implementation_claimed'), PAYLOADS[7][1], ACTOR, NOW, CONFIG);
    expect(result).toMatchObject({ ok: true, next: { state: 'withdrawn', claimedFrom: null } });
  });
});

describe('guards', () => {
  const refusal = (state: RecommendationState, action: RecommendationAction) => {
    const result = decide(snapshot(state), action, ACTOR, NOW, CONFIG);
    return result.ok ? null : result.rejection;
  };

  it.each<[string, RecommendationState, RecommendationAction, string, string]>([
    // response / status / outcome: required, and one of the listed
    ['no response', 'issued', { type: 'respond' } as RecommendationAction, 'response', 'missing_field'],
    ['unknown response', 'issued', { type: 'respond', response: 'maybe' } as never, 'response', 'guard_failed'],
    [
      'inherited key as response',
      'issued',
      { type: 'respond', response: 'constructor' } as never,
      'response',
      'guard_failed',
    ],
    ['no status', 'accepted', { type: 'progress', note: 'x' } as never, 'status', 'missing_field'],
    ['unknown status', 'accepted', { type: 'progress', status: 'done', note: 'x' } as never, 'status', 'guard_failed'],
    ['no outcome', 'implementation_claimed', { type: 'verify', note: 'x' } as never, 'outcome', 'missing_field'],
    [
      'unknown outcome',
      'implementation_claimed',
      { type: 'verify', outcome: 'ok', note: 'x' } as never,
      'outcome',
      'guard_failed',
    ],
    // targetDate
    ['accepted without targetDate', 'issued', { type: 'respond', response: 'accepted' }, 'targetDate', 'missing_field'],
    [
      'accepted, targetDate yesterday',
      'issued',
      { type: 'respond', response: 'accepted', targetDate: YESTERDAY },
      'targetDate',
      'guard_failed',
    ],
    [
      'accepted, targetDate not a date',
      'issued',
      { type: 'respond', response: 'accepted', targetDate: '2026-02-30' },
      'targetDate',
      'guard_failed',
    ],
    [
      'accepted, targetDate with a time',
      'issued',
      { type: 'respond', response: 'accepted', targetDate: `${LATER}T00:00:00Z` },
      'targetDate',
      'guard_failed',
    ],
    [
      'accepted, targetDate a number',
      'issued',
      { type: 'respond', response: 'accepted', targetDate: 20260630 } as never,
      'targetDate',
      'guard_failed',
    ],
    [
      'partially without targetDate',
      'issued',
      { type: 'respond', response: 'partially_accepted', reason: R20 },
      'targetDate',
      'missing_field',
    ],
    [
      'rejected with a targetDate',
      'issued',
      { type: 'respond', response: 'rejected', reason: R20, targetDate: LATER },
      'targetDate',
      'guard_failed',
    ],
    [
      'in_progress with a targetDate',
      'accepted',
      { type: 'progress', status: 'in_progress', note: 'x', targetDate: LATER } as never,
      'targetDate',
      'guard_failed',
    ],
    [
      'not_verified without targetDate',
      'implementation_claimed',
      { type: 'verify', outcome: 'not_verified', note: R20 },
      'targetDate',
      'missing_field',
    ],
    [
      'not_verified, targetDate yesterday',
      'implementation_claimed',
      { type: 'verify', outcome: 'not_verified', note: R20, targetDate: YESTERDAY },
      'targetDate',
      'guard_failed',
    ],
    [
      'verified with a targetDate',
      'implementation_claimed',
      { type: 'verify', outcome: 'verified', note: 'x', targetDate: LATER },
      'targetDate',
      'guard_failed',
    ],
    // reasons of at least 20 characters
    [
      'partially without reason',
      'issued',
      { type: 'respond', response: 'partially_accepted', targetDate: LATER },
      'reason',
      'missing_field',
    ],
    [
      'partially, reason of 19',
      'issued',
      { type: 'respond', response: 'partially_accepted', targetDate: LATER, reason: R19 },
      'reason',
      'guard_failed',
    ],
    [
      'partially, reason padded to 20 with spaces',
      'issued',
      { type: 'respond', response: 'partially_accepted', targetDate: LATER, reason: ` ${R19} ` },
      'reason',
      'guard_failed',
    ],
    ['rejected without reason', 'issued', { type: 'respond', response: 'rejected' }, 'reason', 'missing_field'],
    [
      'rejected, blank reason',
      'issued',
      { type: 'respond', response: 'rejected', reason: '    ' },
      'reason',
      'missing_field',
    ],
    [
      'rejected, reason of 19',
      'issued',
      { type: 'respond', response: 'rejected', reason: R19 },
      'reason',
      'guard_failed',
    ],
    // notes and evidence
    ['in_progress without note', 'accepted', { type: 'progress', status: 'in_progress' }, 'note', 'missing_field'],
    [
      'implemented without note',
      'partially_accepted',
      { type: 'progress', status: 'implemented', evidence: 'e' },
      'note',
      'missing_field',
    ],
    [
      'implemented without evidence',
      'partially_accepted',
      { type: 'progress', status: 'implemented', note: 'n' },
      'evidence',
      'missing_field',
    ],
    [
      'implemented, blank evidence',
      'accepted',
      { type: 'progress', status: 'implemented', note: 'n', evidence: ' ' },
      'evidence',
      'missing_field',
    ],
    [
      'verified without note',
      'implementation_claimed',
      { type: 'verify', outcome: 'verified' },
      'note',
      'missing_field',
    ],
    [
      'not_verified, note of 19',
      'implementation_claimed',
      { type: 'verify', outcome: 'not_verified', note: R19, targetDate: LATER },
      'note',
      'guard_failed',
    ],
    // withdraw
    ['withdraw without reason', 'accepted', { type: 'withdraw' }, 'reason', 'missing_field'],
    ['withdraw, blank reason', 'issued', { type: 'withdraw', reason: '' }, 'reason', 'missing_field'],
  ])('refuses %s, naming %s', (_name, state, action, field, kind) => {
    expect(refusal(state, action)).toMatchObject({ kind, field });
  });

  it('accepts a target date of today (UTC), which is not in the past', () => {
    expect(
      decide(snapshot('issued'), { type: 'respond', response: 'accepted', targetDate: TODAY }, ACTOR, NOW, CONFIG),
    ).toMatchObject({ ok: true, next: { targetDate: TODAY } });
  });

  it('judges "today" in UTC, not in the server\'s zone', () => {
    // 23:30 UTC on the 9th: the 9th is still today, whatever the local date is.
    const lateEvening = new Date('2026-03-09T23:30:00.000Z');
    expect(
      decide(
        snapshot('issued'),
        { type: 'respond', response: 'accepted', targetDate: YESTERDAY },
        ACTOR,
        lateEvening,
        CONFIG,
      ),
    ).toMatchObject({ ok: true });
  });

  it('counts a 20-character reason by characters, not UTF-16 units', () => {
    const emoji = '🙂'.repeat(19);
    expect(refusal('issued', { type: 'respond', response: 'rejected', reason: emoji })).toMatchObject({
      field: 'reason',
      guard: 'reason_min_length',
    });
    expect(
      decide(snapshot('issued'), { type: 'respond', response: 'rejected', reason: `${emoji}!` }, ACTOR, NOW, CONFIG),
    ).toMatchObject({ ok: true });
  });

  it('checks the state before the payload', () => {
    expect(refusal('rejected', { type: 'respond' } as never)).toMatchObject({ kind: 'not_allowed_from_state' });
  });

  it('does not change the recommendation it is given', () => {
    const before = snapshot('issued');
    const copy = structuredClone(before);
    decide(before, PAYLOADS[0][1], ACTOR, NOW, CONFIG);
    expect(before).toEqual(copy);
  });
});

describe('issue and the response due date', () => {
  it('opens a recommendation issued, version 1, due in 28 days', () => {
    const { snapshot: opened, entry } = issue('normal', ACTOR, NOW, CONFIG);
    expect(opened).toEqual({
      state: 'issued',
      version: 1,
      priority: 'normal',
      issuedAt: NOW,
      responseDueAt: new Date('2026-04-07T15:30:00.000Z'),
      targetDate: null,
      claimedFrom: null,
    });
    expect(entry).toEqual({
      at: NOW,
      action: 'issue',
      by: ACTOR.id,
      fromState: null,
      toState: 'issued',
      details: { priority: 'normal' },
    });
  });

  it('makes an urgent one due in 7 days', () => {
    expect(issue('urgent', ACTOR, NOW, CONFIG).snapshot.responseDueAt).toEqual(new Date('2026-03-17T15:30:00.000Z'));
  });

  it('takes the number of days from the configuration', () => {
    expect(responseDueAt('normal', NOW, { responseDays: 14, urgentResponseDays: 3 })).toEqual(
      new Date('2026-03-24T15:30:00.000Z'),
    );
    expect(responseDueAt('urgent', NOW, { responseDays: 14, urgentResponseDays: 3 })).toEqual(
      new Date('2026-03-13T15:30:00.000Z'),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a configuration of %s days', (days) => {
    expect(() => responseDueAt('normal', NOW, { responseDays: days, urgentResponseDays: 7 })).toThrow(RangeError);
  });
});

describe('the clocks', () => {
  it('finds a response overdue only while issued and after its due date', () => {
    const due = new Date('2026-03-01T00:00:00Z');
    expect(isResponseOverdue(snapshot('issued', { responseDueAt: due }), new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(isResponseOverdue(snapshot('issued', { responseDueAt: due }), new Date('2026-03-01T00:00:01Z'))).toBe(true);
    expect(isResponseOverdue(snapshot('accepted', { responseDueAt: due }), NOW)).toBe(false);
    expect(isResponseOverdue(snapshot('withdrawn', { responseDueAt: due }), NOW)).toBe(false);
  });

  it('finds a target missed only once its day is over, while accepted and not claimed', () => {
    expect(isTargetMissed(snapshot('accepted', { targetDate: TODAY }), NOW)).toBe(false);
    expect(isTargetMissed(snapshot('accepted', { targetDate: YESTERDAY }), NOW)).toBe(true);
    expect(isTargetMissed(snapshot('partially_accepted', { targetDate: YESTERDAY }), NOW)).toBe(true);
    expect(isTargetMissed(snapshot('implementation_claimed', { targetDate: YESTERDAY }), NOW)).toBe(false);
    expect(isTargetMissed(snapshot('implemented', { targetDate: YESTERDAY }), NOW)).toBe(false);
  });
});

describe('a visit as the source', () => {
  const AGENCY = 'agency-own';

  it('takes a reported visit of a place the addressed agency runs', () => {
    expect(visitSourceRefusal({ state: 'reported', placeAgencyId: AGENCY }, AGENCY)).toBeNull();
  });

  it('refuses an id that names no visit', () => {
    expect(visitSourceRefusal(undefined, AGENCY)).toBe('names no visit');
  });

  it.each(['planned', 'in_progress', 'cancelled'] as const)('refuses a visit that is %s, saying so', (state) => {
    expect(visitSourceRefusal({ state, placeAgencyId: AGENCY }, AGENCY)).toBe(
      `must be a reported visit: this visit is ${state}`,
    );
  });

  it('refuses a reported visit of another agency’s place', () => {
    expect(visitSourceRefusal({ state: 'reported', placeAgencyId: 'agency-other' }, AGENCY)).toBe(
      'must be a visit of one of the addressed agency’s places: this visit’s place is operated by another agency',
    );
  });

  it('names the other agency’s place first when the visit is neither reported nor the agency’s', () => {
    expect(visitSourceRefusal({ state: 'in_progress', placeAgencyId: 'agency-other' }, AGENCY)).toMatch(
      /operated by another agency/,
    );
  });
});
