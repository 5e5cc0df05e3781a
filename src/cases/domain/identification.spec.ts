import { defineAbilityFor, subjectOf } from '../../authz/domain/abilities.js';
import { ROLE_AGENCY_KIND, ROLES, type Role } from '../../authz/domain/roles.js';
import {
  allowedFromState,
  CASE_STATES,
  type CaseSnapshot,
  type CaseState,
  type Decided,
  decide,
  type DecisionEffect,
  type DecisionRequest,
  type DecisionType,
  DECISION_TYPES,
  fold,
  type IdentificationRules,
  NO_REVIEWS,
  openingSnapshot,
  type Rejection,
  type ReviewFacts,
} from './identification.js';

/*
 * Expected values below are written out from SPEC §3.1–3.2, never derived from
 * TRANSITIONS: a wrong table must make these tests fail.
 */

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

const ENCOUNTER = new Date('2026-01-05T10:00:00Z');
const DETAINED_AT = new Date('2026-01-05T12:00:00Z');
const DETAIN_AT = new Date('2026-01-06T08:00:00Z');
const RELEASE_AT = new Date('2026-01-20T08:00:00Z');
const REFERRED_AT = new Date('2026-01-07T09:00:00Z');
const RG_POSITIVE_AT = new Date('2026-02-01T09:00:00Z');
const STATE_ENTERED_AT = new Date('2026-02-01T09:00:00Z');
const OCCURRED = new Date('2026-05-01T12:00:00Z');
const NOW = new Date('2026-06-01T12:00:00Z');
const INDICATORS = ['deception', 'debt_bondage'];
const RULES: IdentificationRules = { recoveryPeriodDays: 30 };

const SPEC_STATES = [
  'screening',
  'referred',
  'not_referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
  'closed',
] as const satisfies readonly CaseState[];

const SPEC_TYPES = [
  'refer',
  'decline_referral',
  'reasonable_grounds',
  'conclusive_grounds',
  'request_reconsideration',
  'reconsider',
  'close',
  'detain',
  'release',
] as const satisfies readonly DecisionType[];

const EVER_REFERRED: readonly CaseState[] = [
  'referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
];
const RG_POSITIVE: readonly CaseState[] = ['recovery_period', 'identified_victim', 'cg_negative'];

/** A consistent projection of a case in `state`; reconsideration comes from rg_negative. */
function snapshotIn(state: CaseState, { detained = false } = {}): CaseSnapshot {
  return {
    ...openingSnapshot(ENCOUNTER, INDICATORS),
    state,
    version: 4,
    everReferred: EVER_REFERRED.includes(state),
    referredAt: EVER_REFERRED.includes(state) ? REFERRED_AT : null,
    rgPositiveAt: RG_POSITIVE.includes(state) ? RG_POSITIVE_AT : null,
    reconsiderationFrom: state === 'reconsideration' ? 'rg_negative' : null,
    stateEnteredAt: STATE_ENTERED_AT,
    detainedSince: detained ? DETAINED_AT : null,
    closedOutcome: state === 'closed' ? 'lost_contact' : null,
  };
}

/** A request of `type` with every required field, a valid outcome and a valid time. */
function validRequest(type: DecisionType, overrides: Partial<DecisionRequest> = {}): DecisionRequest {
  const base: Record<DecisionType, DecisionRequest> = {
    refer: { type, occurredAt: OCCURRED, reason: 'Debt bondage and deception indicators present' },
    decline_referral: {
      type,
      occurredAt: OCCURRED,
      reason: 'Indicators considered; voluntary smuggling arrangement only',
      indicatorsConsidered: INDICATORS,
    },
    reasonable_grounds: { type, occurredAt: OCCURRED, outcome: 'positive', reason: 'Credible account' },
    conclusive_grounds: { type, occurredAt: OCCURRED, outcome: 'positive', reason: 'Corroborated account' },
    request_reconsideration: { type, occurredAt: OCCURRED, reason: 'New evidence of coercion' },
    reconsider: { type, occurredAt: OCCURRED, outcome: 'overturned', reason: 'New evidence accepted' },
    close: { type, occurredAt: OCCURRED, outcome: 'support_provided' },
    detain: {
      type,
      occurredAt: OCCURRED,
      at: DETAIN_AT,
      facility: 'Border holding centre',
      legalBasis: 'Aliens Act s.12',
    },
    release: { type, occurredAt: OCCURRED, at: RELEASE_AT, reason: 'Released to shelter' },
  };
  return { ...base[type], ...overrides };
}

/** The state (and detention) in which `type` is allowed, per the SPEC table. */
function snapshotAllowing(type: DecisionType): CaseSnapshot {
  const states: Record<DecisionType, [CaseState, boolean]> = {
    refer: ['screening', false],
    decline_referral: ['screening', false],
    reasonable_grounds: ['referred', false],
    conclusive_grounds: ['recovery_period', false],
    request_reconsideration: ['rg_negative', false],
    reconsider: ['reconsideration', false],
    close: ['rg_negative', false],
    detain: ['screening', false],
    release: ['screening', true],
  };
  const [state, detained] = states[type];
  return snapshotIn(state, { detained });
}

interface Context {
  now?: Date;
  rules?: IdentificationRules;
  reviews?: ReviewFacts;
}

function run(snapshot: CaseSnapshot, request: DecisionRequest, context: Context = {}): Decided {
  return decide(snapshot, context.reviews ?? NO_REVIEWS, request, context.now ?? NOW, context.rules ?? RULES);
}

function expectAccepted(result: Decided): { next: CaseSnapshot; effects: DecisionEffect[] } {
  if (!result.ok) throw new Error(`expected the decision to be accepted, got ${JSON.stringify(result.rejection)}`);
  expect(result.ok).toBe(true);
  return result;
}

function expectRejected(result: Decided, rejection: Partial<Rejection>): void {
  expect(result).toEqual({
    ok: false,
    rejection: expect.objectContaining({ ...rejection, message: expect.any(String) }),
  });
}

function expectGuard(result: Decided, guard: string, field: string): void {
  expectRejected(result, { kind: 'guard_failed', guard, field });
}

describe('the vocabulary', () => {
  it('has exactly the states of SPEC §3.1, screening first', () => {
    expect(CASE_STATES).toEqual(SPEC_STATES);
  });

  it('has exactly the decision types of SPEC §3.2', () => {
    expect(DECISION_TYPES).toEqual(SPEC_TYPES);
  });

  it('opens a case in screening at version 0, never referred, not detained', () => {
    expect(openingSnapshot(ENCOUNTER, INDICATORS)).toEqual({
      state: 'screening',
      version: 0,
      encounterAt: ENCOUNTER,
      indicators: INDICATORS,
      everReferred: false,
      referredAt: null,
      rgPositiveAt: null,
      reconsiderationFrom: null,
      stateEnteredAt: ENCOUNTER,
      detainedSince: null,
      closedOutcome: null,
    });
  });
});

describe('every state × every decision type', () => {
  interface Outcome {
    to: CaseState;
    effects?: DecisionEffect[];
  }
  type Row = Partial<Record<DecisionType, Outcome>>;
  const opened: Outcome = { to: 'screening', effects: ['detention_opened'] };
  const same = (state: CaseState, effect: DecisionEffect): Outcome => ({ to: state, effects: [effect] });

  /** SPEC §3.2, by detention status and state; key order is the order of the `allowed` list. */
  const SPEC_TABLE: Record<'not detained' | 'detained', Record<CaseState, Row>> = {
    'not detained': {
      screening: { refer: { to: 'referred' }, decline_referral: { to: 'not_referred' }, detain: opened },
      referred: { reasonable_grounds: { to: 'recovery_period' }, detain: same('referred', 'detention_opened') },
      not_referred: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        detain: same('not_referred', 'detention_opened'),
      },
      recovery_period: {
        conclusive_grounds: { to: 'identified_victim' },
        detain: same('recovery_period', 'detention_opened'),
      },
      rg_negative: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        detain: same('rg_negative', 'detention_opened'),
      },
      identified_victim: { close: { to: 'closed' }, detain: same('identified_victim', 'detention_opened') },
      cg_negative: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        detain: same('cg_negative', 'detention_opened'),
      },
      // reconsideration of an rg_negative decision: overturned goes back to referred
      reconsideration: { reconsider: { to: 'referred' }, detain: same('reconsideration', 'detention_opened') },
      closed: {},
    },
    detained: {
      screening: {
        refer: { to: 'referred' },
        decline_referral: { to: 'not_referred' },
        release: same('screening', 'detention_closed'),
      },
      referred: { reasonable_grounds: { to: 'recovery_period' }, release: same('referred', 'detention_closed') },
      not_referred: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        release: same('not_referred', 'detention_closed'),
      },
      recovery_period: {
        conclusive_grounds: { to: 'identified_victim' },
        release: same('recovery_period', 'detention_closed'),
      },
      rg_negative: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        release: same('rg_negative', 'detention_closed'),
      },
      identified_victim: { close: { to: 'closed' }, release: same('identified_victim', 'detention_closed') },
      cg_negative: {
        request_reconsideration: { to: 'reconsideration' },
        close: { to: 'closed' },
        release: same('cg_negative', 'detention_closed'),
      },
      reconsideration: { reconsider: { to: 'referred' }, release: same('reconsideration', 'detention_closed') },
      closed: { release: same('closed', 'detention_closed') },
    },
  };

  const rows = (['not detained', 'detained'] as const).flatMap((detention) =>
    SPEC_STATES.flatMap((state) =>
      SPEC_TYPES.map((type) => {
        const row = SPEC_TABLE[detention][state];
        return { detention, state, type, outcome: row[type], allowed: Object.keys(row) as DecisionType[] };
      }),
    ),
  );
  const allowedRows = rows.filter((r) => r.outcome !== undefined);
  const refusedRows = rows.filter((r) => r.outcome === undefined);

  it('covers 9 states × 9 types × 2 detention statuses', () => {
    expect(rows).toHaveLength(162);
    expect(allowedRows).toHaveLength(41);
  });

  it.each(allowedRows)('$type from $state ($detention) is accepted', ({ detention, state, type, outcome }) => {
    const detained = detention === 'detained';
    const before = snapshotIn(state, { detained });
    const { next, effects } = expectAccepted(run(before, validRequest(type)));
    expect(next.state).toBe(outcome!.to);
    expect(effects).toEqual(outcome!.effects ?? []);
    const detainedSince = type === 'detain' ? DETAIN_AT : type === 'release' ? null : before.detainedSince;
    expect(next.detainedSince).toEqual(detainedSince);
    expect(next.version).toBe(before.version + 1);
  });

  it.each(refusedRows)(
    '$type from $state ($detention) is not allowed and lists $allowed',
    ({ detention, state, type, allowed }) => {
      const result = run(snapshotIn(state, { detained: detention === 'detained' }), validRequest(type));
      expect(result).toEqual({
        ok: false,
        rejection: { kind: 'not_allowed_from_state', type, state, allowed, message: expect.any(String) },
      });
    },
  );
});

describe('required fields', () => {
  type Field = 'reason' | 'outcome' | 'at' | 'facility' | 'legalBasis' | 'indicatorsConsidered';
  const REQUIRED: [DecisionType, Field][] = [
    ['refer', 'reason'],
    ['decline_referral', 'reason'],
    ['decline_referral', 'indicatorsConsidered'],
    ['reasonable_grounds', 'outcome'],
    ['reasonable_grounds', 'reason'],
    ['conclusive_grounds', 'outcome'],
    ['conclusive_grounds', 'reason'],
    ['request_reconsideration', 'reason'],
    ['reconsider', 'outcome'],
    ['reconsider', 'reason'],
    ['close', 'outcome'],
    ['detain', 'at'],
    ['detain', 'facility'],
    ['detain', 'legalBasis'],
    ['release', 'at'],
    ['release', 'reason'],
  ];
  const STRING_FIELDS: readonly Field[] = ['reason', 'outcome', 'facility', 'legalBasis'];
  const blanks = (field: Field): [string, unknown][] => [
    ['missing', undefined],
    ['null', null],
    ...(STRING_FIELDS.includes(field)
      ? ([
          ['empty', ''],
          ['whitespace-only', ' \t\n '],
        ] as [string, unknown][])
      : []),
  ];
  const rows = REQUIRED.flatMap(([type, field]) => blanks(field).map(([how, value]) => ({ type, field, how, value })));

  it.each(rows)('$type with $field $how is refused as missing $field', ({ type, field, how, value }) => {
    const request: Record<string, unknown> = { ...validRequest(type) };
    if (how === 'missing') delete request[field];
    else request[field] = value;
    expectRejected(run(snapshotAllowing(type), request as unknown as DecisionRequest), {
      kind: 'missing_field',
      type,
      field,
    });
  });

  it.each(['removed', 'assisted_return'])('close as %s needs riskAssessmentRef', (outcome) => {
    const snapshot = snapshotAllowing('close');
    for (const riskAssessmentRef of [undefined, null, '', '   ']) {
      expectRejected(run(snapshot, validRequest('close', { outcome, riskAssessmentRef })), {
        kind: 'missing_field',
        type: 'close',
        field: 'riskAssessmentRef',
      });
    }
    const { next } = expectAccepted(run(snapshot, validRequest('close', { outcome, riskAssessmentRef: 'RA-2026-77' })));
    expect(next.closedOutcome).toBe(outcome);
  });

  it.each(['support_provided', 'released', 'lost_contact', 'transferred'])(
    'close as %s needs no riskAssessmentRef',
    (outcome) => {
      const { next } = expectAccepted(run(snapshotAllowing('close'), validRequest('close', { outcome })));
      expect(next.closedOutcome).toBe(outcome);
    },
  );
});

describe('guards at their boundary', () => {
  describe.each([30, 45])('conclusive grounds with RECOVERY_PERIOD_DAYS = %i', (days) => {
    const rules = { recoveryPeriodDays: days };
    const snapshot = snapshotIn('recovery_period');
    const end = plus(RG_POSITIVE_AT, days * DAY_MS);
    const now = plus(end, 10 * DAY_MS);

    it('is refused one second before the recovery period ends', () => {
      const request = validRequest('conclusive_grounds', { occurredAt: plus(end, -SECOND_MS) });
      expectGuard(run(snapshot, request, { rules, now }), 'recovery_period_running', 'occurredAt');
    });

    it.each([
      ['exactly when it ends', 0],
      ['one second after it ends', SECOND_MS],
    ])('is accepted %s', (_when, offset) => {
      const request = validRequest('conclusive_grounds', { occurredAt: plus(end, offset), outcome: 'negative' });
      expect(expectAccepted(run(snapshot, request, { rules, now })).next.state).toBe('cg_negative');
    });
  });

  it('measures the recovery period in the configured days, not the default', () => {
    const request = validRequest('conclusive_grounds', { occurredAt: plus(RG_POSITIVE_AT, 30 * DAY_MS) });
    const rules = { recoveryPeriodDays: 45 };
    expectGuard(run(snapshotIn('recovery_period'), request, { rules }), 'recovery_period_running', 'occurredAt');
  });

  it('refuses a decline_referral reason of 19 characters after trimming', () => {
    const reason = `   ${'x'.repeat(19)}   `;
    expectGuard(
      run(snapshotIn('screening'), validRequest('decline_referral', { reason })),
      'reason_too_short',
      'reason',
    );
  });

  it('accepts a decline_referral reason of exactly 20 characters after trimming', () => {
    const reason = `   ${'x'.repeat(20)}   `;
    expectAccepted(run(snapshotIn('screening'), validRequest('decline_referral', { reason })));
  });

  it('refuses decline_referral when indicatorsConsidered misses one recorded indicator', () => {
    const request = validRequest('decline_referral', { indicatorsConsidered: ['deception'] });
    expectGuard(run(snapshotIn('screening'), request), 'indicators_not_considered', 'indicatorsConsidered');
  });

  it('accepts decline_referral when indicatorsConsidered covers every recorded indicator and more', () => {
    const request = validRequest('decline_referral', {
      indicatorsConsidered: ['debt_bondage', 'threats', 'deception'],
    });
    expectAccepted(run(snapshotIn('screening'), request));
  });

  it('refuses refer when the case has no indicator', () => {
    const snapshot = { ...snapshotIn('screening'), indicators: [] };
    expectGuard(run(snapshot, validRequest('refer')), 'no_indicators', 'indicators');
  });

  it('accepts refer with a single indicator', () => {
    const snapshot = { ...snapshotIn('screening'), indicators: ['threats'] };
    expectAccepted(run(snapshot, validRequest('refer')));
  });

  describe('occurredAt', () => {
    const rows = SPEC_TYPES.map((type) => ({ type }));

    it.each(rows)('$type one second in the future is refused', ({ type }) => {
      const request = validRequest(type, { occurredAt: plus(NOW, SECOND_MS) });
      expectGuard(run(snapshotAllowing(type), request), 'occurred_in_future', 'occurredAt');
    });

    it.each(rows)('$type exactly now is accepted', ({ type }) => {
      expectAccepted(run(snapshotAllowing(type), validRequest(type, { occurredAt: NOW })));
    });

    it.each(rows)('$type one second before the encounter is refused', ({ type }) => {
      const request = validRequest(type, { occurredAt: plus(ENCOUNTER, -SECOND_MS) });
      expectGuard(run(snapshotAllowing(type), request), 'occurred_before_encounter', 'occurredAt');
    });

    // conclusive_grounds cannot happen at the encounter: the recovery period has to run first.
    it.each(rows.filter((r) => r.type !== 'conclusive_grounds'))(
      '$type exactly at the encounter is accepted',
      ({ type }) => {
        const snapshot = { ...snapshotAllowing(type), stateEnteredAt: ENCOUNTER };
        expectAccepted(run(snapshot, validRequest(type, { occurredAt: ENCOUNTER })));
      },
    );
  });

  describe('detain at', () => {
    const snapshot = snapshotIn('referred');

    it('one second in the future is refused', () => {
      const request = validRequest('detain', { at: plus(NOW, SECOND_MS), occurredAt: NOW });
      expectGuard(run(snapshot, request), 'detention_in_future', 'at');
    });

    it('exactly now is accepted', () => {
      const { next } = expectAccepted(run(snapshot, validRequest('detain', { at: NOW, occurredAt: NOW })));
      expect(next.detainedSince).toEqual(NOW);
    });

    it('one second before the encounter is refused', () => {
      const request = validRequest('detain', { at: plus(ENCOUNTER, -SECOND_MS) });
      expectGuard(run(snapshot, request), 'detention_before_encounter', 'at');
    });

    it('exactly at the encounter is accepted', () => {
      const { next } = expectAccepted(run(snapshot, validRequest('detain', { at: ENCOUNTER })));
      expect(next.detainedSince).toEqual(ENCOUNTER);
    });
  });

  describe('release at', () => {
    const snapshot = snapshotIn('rg_negative', { detained: true });

    it('one second before the detention began is refused', () => {
      const request = validRequest('release', { at: plus(DETAINED_AT, -SECOND_MS) });
      expectGuard(run(snapshot, request), 'release_before_detention', 'at');
    });

    it('exactly when the detention began is accepted', () => {
      const { next } = expectAccepted(run(snapshot, validRequest('release', { at: DETAINED_AT })));
      expect(next.detainedSince).toBeNull();
    });

    it('one second in the future is refused', () => {
      const request = validRequest('release', { at: plus(NOW, SECOND_MS), occurredAt: NOW });
      expectGuard(run(snapshot, request), 'release_in_future', 'at');
    });

    it('exactly now is accepted', () => {
      expectAccepted(run(snapshot, validRequest('release', { at: NOW, occurredAt: NOW })));
    });

    it('in the future, with occurredAt defaulted to it, is refused naming at (not occurredAt)', () => {
      const future = plus(NOW, SECOND_MS);
      expectGuard(
        run(snapshot, validRequest('release', { at: future, occurredAt: future })),
        'release_in_future',
        'at',
      );
    });
  });

  describe('detain at, with occurredAt defaulted to it', () => {
    const snapshot = snapshotIn('referred');

    it('in the future is refused naming at', () => {
      const future = plus(NOW, SECOND_MS);
      expectGuard(
        run(snapshot, validRequest('detain', { at: future, occurredAt: future })),
        'detention_in_future',
        'at',
      );
    });

    it('before the encounter is refused naming at', () => {
      const early = plus(ENCOUNTER, -SECOND_MS);
      expectGuard(
        run(snapshot, validRequest('detain', { at: early, occurredAt: early })),
        'detention_before_encounter',
        'at',
      );
    });
  });

  describe('outcomes', () => {
    const INVALID: [DecisionType, string][] = [
      ['reasonable_grounds', 'upheld'],
      ['reasonable_grounds', 'Positive'],
      ['reasonable_grounds', 'recovery_period'],
      ['reasonable_grounds', 'toString'],
      ['conclusive_grounds', 'overturned'],
      ['conclusive_grounds', 'identified_victim'],
      ['conclusive_grounds', '__proto__'],
      ['reconsider', 'positive'],
      ['reconsider', 'UPHELD'],
      ['reconsider', 'referred'],
      ['close', 'deported'],
      ['close', 'closed'],
      ['close', 'constructor'],
    ];

    it.each(INVALID)('%s with outcome %j is refused as invalid_outcome', (type, outcome) => {
      expectGuard(run(snapshotAllowing(type), validRequest(type, { outcome })), 'invalid_outcome', 'outcome');
    });

    it.each([
      ['reasonable_grounds', 'positive', 'recovery_period'],
      ['reasonable_grounds', 'negative', 'rg_negative'],
      ['conclusive_grounds', 'positive', 'identified_victim'],
      ['conclusive_grounds', 'negative', 'cg_negative'],
      ['reconsider', 'upheld', 'rg_negative'],
      ['reconsider', 'overturned', 'referred'],
      ['close', 'support_provided', 'closed'],
      ['close', 'released', 'closed'],
      ['close', 'lost_contact', 'closed'],
      ['close', 'transferred', 'closed'],
    ] as [DecisionType, string, CaseState][])('%s with outcome %s goes to %s', (type, outcome, to) => {
      expect(expectAccepted(run(snapshotAllowing(type), validRequest(type, { outcome }))).next.state).toBe(to);
    });
  });
});

describe('reconsideration', () => {
  const OVERTURNED_TO: [CaseState, CaseState][] = [
    ['not_referred', 'referred'],
    ['rg_negative', 'referred'],
    ['cg_negative', 'identified_victim'],
  ];
  const REQUESTED_AT = new Date('2026-04-01T10:00:00Z');

  function requested(from: CaseState): CaseSnapshot {
    const request = validRequest('request_reconsideration', { occurredAt: REQUESTED_AT });
    const { next } = expectAccepted(run(snapshotIn(from), request));
    return next;
  }

  it.each(OVERTURNED_TO)('request_reconsideration from %s remembers where it came from', (from) => {
    const next = requested(from);
    expect(next.state).toBe('reconsideration');
    expect(next.reconsiderationFrom).toBe(from);
    expect(next.stateEnteredAt).toEqual(REQUESTED_AT);
  });

  it.each(OVERTURNED_TO)('upheld goes back to %s and clears reconsiderationFrom', (from) => {
    const before = requested(from);
    const { next } = expectAccepted(run(before, validRequest('reconsider', { outcome: 'upheld' })));
    expect(next.state).toBe(from);
    expect(next.reconsiderationFrom).toBeNull();
    expect(next.stateEnteredAt).toEqual(OCCURRED);
    expect(next.everReferred).toBe(before.everReferred);
    expect(next.referredAt).toEqual(before.referredAt);
  });

  it.each(OVERTURNED_TO)('overturned from %s goes to %s and clears reconsiderationFrom', (from, to) => {
    const { next } = expectAccepted(run(requested(from), validRequest('reconsider', { outcome: 'overturned' })));
    expect(next.state).toBe(to);
    expect(next.reconsiderationFrom).toBeNull();
  });

  it('overturning a declined referral refers the case: everReferred and referredAt are set', () => {
    const before = requested('not_referred');
    expect(before.everReferred).toBe(false);
    const { next } = expectAccepted(run(before, validRequest('reconsider', { outcome: 'overturned' })));
    expect(next.everReferred).toBe(true);
    expect(next.referredAt).toEqual(OCCURRED);
  });

  it('overturning a negative RG decision refers the case again from the reconsideration time', () => {
    const { next } = expectAccepted(
      run(requested('rg_negative'), validRequest('reconsider', { outcome: 'overturned' })),
    );
    expect(next.everReferred).toBe(true);
    expect(next.referredAt).toEqual(OCCURRED);
  });

  it('overturning a negative CG decision leaves the referral date alone', () => {
    const { next } = expectAccepted(
      run(requested('cg_negative'), validRequest('reconsider', { outcome: 'overturned' })),
    );
    expect(next.referredAt).toEqual(REFERRED_AT);
  });

  describe('linked review', () => {
    const reviews: ReviewFacts = { ...NO_REVIEWS, acceptedDisagreementIds: ['review-1', 'review-2'] };

    it('refuses a reviewId that is not an accepted disagreement', () => {
      const request = validRequest('request_reconsideration', { reviewId: 'review-3' });
      expectGuard(run(snapshotIn('rg_negative'), request, { reviews }), 'review_not_accepted_disagreement', 'reviewId');
    });

    it('refuses a reviewId when the case has no accepted disagreement', () => {
      const request = validRequest('request_reconsideration', { reviewId: 'review-1' });
      expectGuard(run(snapshotIn('rg_negative'), request), 'review_not_accepted_disagreement', 'reviewId');
    });

    it('accepts a reviewId that is an accepted disagreement', () => {
      const request = validRequest('request_reconsideration', { reviewId: 'review-2' });
      expectAccepted(run(snapshotIn('rg_negative'), request, { reviews }));
    });

    it.each([
      ['absent', undefined],
      ['null', null],
      ['blank', '  '],
    ])('accepts a request with the reviewId %s', (_how, reviewId) => {
      const request = validRequest('request_reconsideration', { reviewId });
      expectAccepted(run(snapshotIn('cg_negative'), request, { reviews }));
    });
  });
});

describe('close and independent reviews', () => {
  const removal = validRequest('close', { outcome: 'removed', riskAssessmentRef: 'RA-2026-77' });
  const snapshot = snapshotIn('rg_negative');
  const facts = (awaitingAgencyResponse: boolean, hiddenFromAgency: boolean): ReviewFacts => ({
    ...NO_REVIEWS,
    awaitingAgencyResponse,
    hiddenFromAgency,
  });

  it('refuses removal while a concluded review awaits the agency response', () => {
    expectGuard(run(snapshot, removal, { reviews: facts(true, false) }), 'review_awaiting_response', 'outcome');
  });

  it('refuses removal while a review awaits the response even if another one is hidden', () => {
    expectGuard(run(snapshot, removal, { reviews: facts(true, true) }), 'review_awaiting_response', 'outcome');
  });

  it('records removal during a review the agency cannot see and raises removal_during_review', () => {
    const { next, effects } = expectAccepted(run(snapshot, removal, { reviews: facts(false, true) }));
    expect(next.state).toBe('closed');
    expect(next.closedOutcome).toBe('removed');
    expect(effects).toEqual(['removal_during_review']);
  });

  it('records removal without any effect when no review is open', () => {
    const { next, effects } = expectAccepted(run(snapshot, removal, { reviews: facts(false, false) }));
    expect(next.closedOutcome).toBe('removed');
    expect(effects).toEqual([]);
  });

  const others = ['support_provided', 'assisted_return', 'released', 'lost_contact', 'transferred'].flatMap((outcome) =>
    [
      [true, false],
      [false, true],
      [true, true],
    ].map(([awaiting, hidden]) => ({ outcome, awaiting, hidden })),
  );

  it.each(others)(
    'close as $outcome ignores reviews (awaiting: $awaiting, hidden: $hidden)',
    ({ outcome, awaiting, hidden }) => {
      const request = validRequest('close', { outcome, riskAssessmentRef: 'RA-2026-77' });
      const { next, effects } = expectAccepted(run(snapshot, request, { reviews: facts(awaiting, hidden) }));
      expect(next.closedOutcome).toBe(outcome);
      expect(effects).toEqual([]);
    },
  );
});

describe('the projection', () => {
  const opening = openingSnapshot(ENCOUNTER, INDICATORS);
  const t = (days: number): Date => plus(ENCOUNTER, days * DAY_MS);

  /** A whole case: late-entered detention, referral, positive RG, release, positive CG, closure. */
  const steps: DecisionRequest[] = [
    validRequest('detain', { occurredAt: t(3), at: plus(ENCOUNTER, 60 * 60 * 1000) }),
    validRequest('refer', { occurredAt: t(4) }),
    validRequest('reasonable_grounds', { occurredAt: t(6), outcome: 'positive' }),
    validRequest('release', { occurredAt: t(7), at: t(7) }),
    validRequest('conclusive_grounds', { occurredAt: t(36), outcome: 'positive' }),
    validRequest('close', { occurredAt: t(40), outcome: 'support_provided' }),
  ];
  let snapshots: CaseSnapshot[] = [];
  beforeAll(() => {
    snapshots = steps.reduce<CaseSnapshot[]>(
      (acc, request) => [...acc, expectAccepted(run(acc[acc.length - 1], request, { now: t(50) })).next],
      [opening],
    );
  });

  it('increments the version by one per decision', () => {
    expect(snapshots.map((s) => s.version)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('goes through the expected states', () => {
    expect(snapshots.map((s) => s.state)).toEqual([
      'screening',
      'screening',
      'referred',
      'recovery_period',
      'recovery_period',
      'identified_victim',
      'closed',
    ]);
  });

  it('moves stateEnteredAt only when the state changes', () => {
    expect(snapshots.map((s) => s.stateEnteredAt)).toEqual([ENCOUNTER, ENCOUNTER, t(4), t(6), t(6), t(36), t(40)]);
  });

  it('sets detainedSince to the detention time, even in the past, and clears it on release', () => {
    expect(snapshots.map((s) => s.detainedSince)).toEqual([
      null,
      plus(ENCOUNTER, 60 * 60 * 1000),
      plus(ENCOUNTER, 60 * 60 * 1000),
      plus(ENCOUNTER, 60 * 60 * 1000),
      null,
      null,
      null,
    ]);
  });

  it('sets everReferred and referredAt on referral', () => {
    expect(snapshots[1]).toMatchObject({ everReferred: false, referredAt: null });
    expect(snapshots[2]).toMatchObject({ everReferred: true, referredAt: t(4) });
    expect(snapshots[6]).toMatchObject({ everReferred: true, referredAt: t(4) });
  });

  it('sets rgPositiveAt on a positive RG decision', () => {
    expect(snapshots[2].rgPositiveAt).toBeNull();
    expect(snapshots[3].rgPositiveAt).toEqual(t(6));
  });

  it('leaves rgPositiveAt empty on a negative RG decision', () => {
    const { next } = expectAccepted(run(snapshots[2], validRequest('reasonable_grounds', { outcome: 'negative' })));
    expect(next.state).toBe('rg_negative');
    expect(next.rgPositiveAt).toBeNull();
  });

  it('sets closedOutcome on closure', () => {
    expect(snapshots.slice(0, 6).every((s) => s.closedOutcome === null)).toBe(true);
    expect(snapshots[6].closedOutcome).toBe('support_provided');
  });

  it('never changes the encounter or the indicators', () => {
    for (const s of snapshots) {
      expect(s.encounterAt).toEqual(ENCOUNTER);
      expect(s.indicators).toEqual(INDICATORS);
    }
  });

  it('is reproduced by folding the decision records from the opening snapshot', () => {
    expect(fold(opening, steps)).toEqual(snapshots[6]);
    expect(fold(opening, steps.slice(0, 3))).toEqual(snapshots[3]);
    expect(fold(opening, [])).toEqual(opening);
  });

  it('does not mutate the snapshot it decides on', () => {
    const before = snapshotIn('screening');
    const copy = structuredClone(before);
    expectAccepted(run(before, validRequest('refer')));
    expect(before).toEqual(copy);
  });
});

/*
 * What a caller may decide now is the state machine's list filtered by CASL
 * (CasesService.allowedFor); this table, written from SPEC §2 and §3.2, holds
 * the two together for a case of the caller's own agency.
 */
describe('allowed decisions: state machine ∩ CASL', () => {
  const OWN_AGENCY = 'agency-1';
  const allowedFor = (snapshot: CaseSnapshot, role: Role): DecisionType[] => {
    const ability = defineAbilityFor({
      kind: 'user',
      id: 'user-1',
      role,
      agencyId: ROLE_AGENCY_KIND[role] ? OWN_AGENCY : null,
      agencyKind: ROLE_AGENCY_KIND[role],
      conflictAgencyIds: [],
    });
    const subject = subjectOf('Case', {
      agencyId: OWN_AGENCY,
      everReferred: snapshot.everReferred,
      state: snapshot.state,
    });
    return allowedFromState(snapshot).filter((type) => ability.can(type, subject));
  };

  const none = { admin: [], commissioner: [], reviewer: [], analyst: [] };
  const rows: [string, CaseSnapshot, Record<Role, DecisionType[]>][] = [
    [
      'screening, not detained',
      snapshotIn('screening'),
      {
        ...none,
        agency_officer: ['refer', 'decline_referral', 'detain'],
        agency_supervisor: ['refer', 'decline_referral', 'detain'],
        decision_maker: [],
      },
    ],
    [
      'screening, detained',
      snapshotIn('screening', { detained: true }),
      {
        ...none,
        agency_officer: ['refer', 'decline_referral', 'release'],
        agency_supervisor: ['refer', 'decline_referral', 'release'],
        decision_maker: [],
      },
    ],
    [
      'referred, not detained',
      snapshotIn('referred'),
      { ...none, agency_officer: ['detain'], agency_supervisor: ['detain'], decision_maker: ['reasonable_grounds'] },
    ],
    [
      'recovery_period, detained',
      snapshotIn('recovery_period', { detained: true }),
      { ...none, agency_officer: ['release'], agency_supervisor: ['release'], decision_maker: ['conclusive_grounds'] },
    ],
    [
      'rg_negative, not detained',
      snapshotIn('rg_negative'),
      {
        ...none,
        commissioner: ['request_reconsideration'],
        agency_officer: ['request_reconsideration', 'close', 'detain'],
        agency_supervisor: ['request_reconsideration', 'close', 'detain'],
        decision_maker: ['request_reconsideration'],
      },
    ],
    [
      'identified_victim, detained',
      snapshotIn('identified_victim', { detained: true }),
      { ...none, agency_officer: ['close', 'release'], agency_supervisor: ['close', 'release'], decision_maker: [] },
    ],
    [
      'reconsideration, detained',
      snapshotIn('reconsideration', { detained: true }),
      { ...none, agency_officer: ['release'], agency_supervisor: ['release'], decision_maker: ['reconsider'] },
    ],
    [
      'closed, not detained',
      snapshotIn('closed'),
      { ...none, agency_officer: [], agency_supervisor: [], decision_maker: [] },
    ],
    [
      'closed, detained',
      snapshotIn('closed', { detained: true }),
      { ...none, agency_officer: ['release'], agency_supervisor: ['release'], decision_maker: [] },
    ],
  ];
  const cases = rows.flatMap(([label, snapshot, byRole]) =>
    ROLES.map((role) => ({ label, snapshot, role, expected: byRole[role] })),
  );

  it.each(cases)('in $label, $role may take $expected', ({ snapshot, role, expected }) => {
    expect(allowedFor(snapshot, role)).toEqual(expected);
  });
});

describe('decision dates and text length (review findings)', () => {
  const E = new Date('2026-01-01T00:00:00Z');
  const NOW = new Date('2026-06-01T00:00:00Z');
  const rules = { recoveryPeriodDays: 30 };

  it('refuses a decision dated before the case entered its current state', () => {
    const referred = {
      ...openingSnapshot(E, ['deception']),
      state: 'referred' as const,
      everReferred: true,
      referredAt: new Date('2026-05-20T00:00:00Z'),
      stateEnteredAt: new Date('2026-05-20T00:00:00Z'),
      version: 1,
    };
    const r = decide(
      referred,
      NO_REVIEWS,
      { type: 'reasonable_grounds', occurredAt: new Date('2026-01-06T00:00:00Z'), outcome: 'positive', reason: 'x' },
      NOW,
      rules,
    );
    expect(r).toMatchObject({ ok: false, rejection: { kind: 'guard_failed', guard: 'occurred_before_current_state' } });
  });

  it('still accepts a detention entered late, dated before the current state', () => {
    const referred = {
      ...openingSnapshot(E, ['deception']),
      state: 'referred' as const,
      stateEnteredAt: new Date('2026-05-20T00:00:00Z'),
      version: 1,
    };
    const at = new Date('2026-02-01T00:00:00Z');
    const r = decide(
      referred,
      NO_REVIEWS,
      { type: 'detain', occurredAt: at, at, facility: 'F', legalBasis: 'L' },
      NOW,
      rules,
    );
    expect(r.ok).toBe(true);
  });

  it('counts a decline reason in characters, not UTF-16 units', () => {
    const r = decide(
      openingSnapshot(E, []),
      NO_REVIEWS,
      { type: 'decline_referral', occurredAt: NOW, reason: '𝐀'.repeat(10), indicatorsConsidered: [] },
      NOW,
      rules,
    );
    expect(r).toMatchObject({ ok: false, rejection: { guard: 'reason_too_short' } });
  });

  it('refuses an invalid date instead of letting it pass every comparison', () => {
    const bad = new Date('not a date');
    const r = decide(
      openingSnapshot(E, []),
      NO_REVIEWS,
      { type: 'detain', occurredAt: bad, at: bad, facility: 'F', legalBasis: 'L' },
      NOW,
      rules,
    );
    expect(r).toMatchObject({ ok: false, rejection: { guard: 'invalid_date' } });
  });
});
