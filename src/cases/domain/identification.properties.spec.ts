import fc from 'fast-check';
import {
  type CaseSnapshot,
  type CaseState,
  decide,
  type DecisionRequest,
  type DecisionType,
  fold,
  type IdentificationRules,
  openingSnapshot,
  type ReviewFacts,
} from './identification.js';
import { INDICATOR_CODES } from './indicators.js';

/*
 * Random decision sequences fed through `decide` from an opening snapshot,
 * keeping the accepted ones. The SPEC §3.2 table is restated here,
 * independently of TRANSITIONS. The walk checks with plain `throw`s
 * (`expectTrue`) rather than `expect`, which costs ~0.1 ms a call under
 * jest's ESM runtime: 500 runs × 40 steps × 20 checks would take seconds.
 */

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;
const ENCOUNTER = new Date('2026-01-05T10:00:00Z');
const RECOVERY_PERIOD_DAYS = 30;
const RULES: IdentificationRules = { recoveryPeriodDays: RECOVERY_PERIOD_DAYS };
const NUM_RUNS = 500;

const SPEC_STATES: readonly CaseState[] = [
  'screening',
  'referred',
  'not_referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
  'closed',
];
const NEGATIVE: readonly CaseState[] = ['not_referred', 'rg_negative', 'cg_negative'];
const SPEC_TYPES: readonly DecisionType[] = [
  'refer',
  'decline_referral',
  'reasonable_grounds',
  'conclusive_grounds',
  'request_reconsideration',
  'reconsider',
  'close',
  'detain',
  'release',
];
const CLOSE_OUTCOMES = ['support_provided', 'assisted_return', 'removed', 'released', 'lost_contact', 'transferred'];

/** SPEC §3.2 "from" column; detain also needs "not detained", release "detained". */
const SPEC_FROM: Record<DecisionType, readonly CaseState[]> = {
  refer: ['screening'],
  decline_referral: ['screening'],
  reasonable_grounds: ['referred'],
  conclusive_grounds: ['recovery_period'],
  request_reconsideration: NEGATIVE,
  reconsider: ['reconsideration'],
  close: ['identified_victim', 'not_referred', 'rg_negative', 'cg_negative'],
  detain: SPEC_STATES.filter((s) => s !== 'closed'),
  release: SPEC_STATES,
};
const VALID_OUTCOMES: Record<DecisionType, readonly string[]> = {
  refer: [],
  decline_referral: [],
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  request_reconsideration: [],
  reconsider: ['upheld', 'overturned'],
  close: CLOSE_OUTCOMES,
  detain: [],
  release: [],
};
const JUNK_OUTCOMES = [null, undefined, '', '  ', 'bogus', 'positive', 'upheld', 'removed', 'toString'];
const LONG_REASON = 'A reason that is comfortably long enough';
const JUNK_REASONS = [null, undefined, ' ', 'short reason', 'x'.repeat(19)];

/**
 * Draws successive bounded choices from one random integer. Generating a few
 * integers per step is much cheaper than a record of twenty arbitraries, and
 * shrinking towards 0 still gives the simplest choices.
 */
class Dice {
  constructor(private value: number) {}

  roll(sides: number): number {
    const r = this.value % sides;
    this.value = Math.floor(this.value / sides);
    return r;
  }

  chance(k: number, outOf: number): boolean {
    return this.roll(outOf) < k;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.roll(items.length)];
  }
}

/** One step: how far time moves on, and three dice for the request. */
const stepArb = fc.tuple(
  fc.oneof(
    fc.integer({ min: 0, max: 3600 * SECOND_MS }),
    fc.integer({ min: 0, max: 10 * DAY_MS }),
    fc.integer({ min: 25 * DAY_MS, max: 40 * DAY_MS }),
  ),
  fc.maxSafeNat(),
  fc.maxSafeNat(),
  fc.maxSafeNat(),
);
type Step = [advance: number, what: number, fields: number, times: number];

const caseArb = fc.record({
  indicators: fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 5, arbitrary: fc.subarray([...INDICATOR_CODES], { minLength: 1, maxLength: 3 }) },
  ),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 30, size: 'max' }),
});

interface Built {
  request: DecisionRequest;
  now: Date;
  reviews: ReviewFacts;
}

/** Turns a step into a request against the case as it stands (time is `cursor`). */
function build([, what, fields, times]: Step, cursor: number, snapshot: CaseSnapshot): Built {
  const w = new Dice(what);
  const f = new Dice(fields);
  const t = new Dice(times);

  // Five steps in six aim at a type the SPEC allows now, so that walks go deep.
  const open = SPEC_TYPES.filter(
    (type) =>
      SPEC_FROM[type].includes(snapshot.state) &&
      !(type === 'detain' && snapshot.detainedSince) &&
      !(type === 'release' && !snapshot.detainedSince),
  );
  const anyType = w.pick(SPEC_TYPES);
  const aimedType = open.length > 0 ? w.pick(open) : anyType;
  const type = w.chance(5, 6) ? aimedType : anyType;
  const validOutcome = VALID_OUTCOMES[type].length > 0 ? w.pick(VALID_OUTCOMES[type]) : undefined;
  const junkOutcome = w.pick(JUNK_OUTCOMES);
  const outcome = w.chance(8, 9) ? validOutcome : junkOutcome;
  const junkReason = w.pick(JUNK_REASONS);
  const reason = w.chance(6, 7) ? LONG_REASON : junkReason;

  const considered = f.pick([
    snapshot.indicators,
    snapshot.indicators,
    snapshot.indicators,
    snapshot.indicators.slice(1),
    [...snapshot.indicators, 'threats'],
    null,
    undefined,
  ]);
  const facility = f.chance(1, 8) ? f.pick(['  ', null]) : 'Holding centre';
  const legalBasis = f.chance(1, 8) ? f.pick(['', undefined]) : 'Aliens Act s.12';
  const riskAssessmentRef = f.chance(1, 6) ? f.pick([' ', undefined]) : 'RA-1';
  const reviewId = f.pick([undefined, undefined, undefined, 'review-1', 'review-2', ' ']);
  const reviews: ReviewFacts = {
    awaitingAgencyResponse: f.chance(1, 5),
    hiddenFromAgency: f.chance(1, 2),
    acceptedDisagreementIds: f.pick([[], ['review-1'], ['review-3'], ['review-1', 'review-3']]),
  };
  const backdate = f.chance(1, 20) ? (1 + f.roll(400 * 86_400)) * SECOND_MS : 0;

  const nowLead = t.chance(1, 10) ? -(1 + t.roll(3600)) * SECOND_MS : t.roll(86_400) * SECOND_MS;
  const atLag = t.chance(1, 5) ? -(1 + t.roll(86_400)) * SECOND_MS : t.roll(3 * 86_400) * SECOND_MS;

  const occurredAt = new Date(cursor - backdate);
  const request: DecisionRequest = {
    type,
    occurredAt,
    reason,
    outcome,
    at: type === 'detain' || type === 'release' ? new Date(occurredAt.getTime() - atLag) : undefined,
    facility,
    legalBasis,
    riskAssessmentRef,
    indicatorsConsidered: considered,
    reviewId,
  };
  return { request, now: new Date(cursor + nowLead), reviews };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Field-by-field equality of two projections (cheaper than a generic deep equal in the hot loop). */
function sameSnapshot(a: CaseSnapshot, b: CaseSnapshot): boolean {
  const time = (d: Date | null): number | null => d?.getTime() ?? null;
  return (
    a.state === b.state &&
    a.version === b.version &&
    time(a.encounterAt) === time(b.encounterAt) &&
    a.indicators.join() === b.indicators.join() &&
    a.everReferred === b.everReferred &&
    time(a.referredAt) === time(b.referredAt) &&
    time(a.rgPositiveAt) === time(b.rgPositiveAt) &&
    a.reconsiderationFrom === b.reconsiderationFrom &&
    time(a.stateEnteredAt) === time(b.stateEnteredAt) &&
    time(a.detainedSince) === time(b.detainedSince) &&
    a.closedOutcome === b.closedOutcome &&
    Object.keys(a).length === Object.keys(b).length
  );
}

function expectTrue(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The state SPEC §3.2 says an accepted decision leads to; `cameFrom` is tracked by the walk, not read from the snapshot. */
function specTarget(state: CaseState, request: DecisionRequest, cameFrom: CaseState | null): CaseState | null {
  switch (request.type) {
    case 'refer':
      return 'referred';
    case 'decline_referral':
      return 'not_referred';
    case 'reasonable_grounds':
      return request.outcome === 'positive' ? 'recovery_period' : 'rg_negative';
    case 'conclusive_grounds':
      return request.outcome === 'positive' ? 'identified_victim' : 'cg_negative';
    case 'request_reconsideration':
      return 'reconsideration';
    case 'reconsider':
      if (request.outcome === 'upheld') return cameFrom;
      return cameFrom === 'cg_negative' ? 'identified_victim' : 'referred';
    case 'close':
      return 'closed';
    case 'detain':
    case 'release':
      return state;
  }
}

interface Walk {
  opening: CaseSnapshot;
  final: CaseSnapshot;
  accepted: DecisionRequest[];
  /** With `recordCalls`: every decide call, with the snapshot it was given (deep-frozen) and its JSON before. */
  calls: { before: CaseSnapshot; print: string; built: Built; ok: boolean; after: CaseSnapshot }[];
}

/** Everything reached over all runs, to show the generator explores the whole table. */
const reachedStates = new Set<CaseState>();
const acceptedTypes = new Set<DecisionType>();

/**
 * Feeds the steps through `decide`; on every accepted decision checks that
 * the SPEC allows it (from state, detention, target state, guards; who may
 * decide is CASL's, tested in authz/domain).
 */
function walk(indicators: readonly string[], steps: readonly Step[], { recordCalls = false } = {}): Walk {
  const opening = deepFreeze(openingSnapshot(ENCOUNTER, indicators));
  let current = opening;
  let cursor = ENCOUNTER.getTime();
  let detainedSince: number | null = null;
  let rgPositiveAt: number | null = null;
  let cameFrom: CaseState | null = null;
  const accepted: DecisionRequest[] = [];
  const calls: Walk['calls'] = [];

  for (const step of steps) {
    cursor += step[0];
    const built = build(step, cursor, current);
    const { request, now, reviews } = built;
    deepFreeze(current);
    deepFreeze(request);
    const print = recordCalls ? JSON.stringify(current) : '';
    const before = current;
    const result = decide(current, reviews, request, now, RULES);
    if (result.ok) {
      const { type } = request;
      const from = current.state;
      const next = result.next;
      const tag = `${type} from ${from}`;
      expectTrue(SPEC_FROM[type].includes(from), `${tag} was accepted; the SPEC does not allow it`);
      expectTrue(type !== 'detain' || detainedSince === null, `${tag} was accepted while detained`);
      expectTrue(type !== 'release' || detainedSince !== null, `${tag} was accepted while not detained`);
      expectTrue(SPEC_STATES.includes(next.state), `${tag} reached the unknown state ${next.state}`);
      const target = specTarget(from, request, cameFrom);
      expectTrue(next.state === target, `${tag} (${request.outcome}) reached ${next.state}, not ${target}`);
      expectTrue(from !== 'closed' || type === 'release', `${tag} was accepted on a closed case`);

      const occurred = request.occurredAt.getTime();
      expectTrue(occurred <= now.getTime(), `${tag} was accepted with occurredAt in the future`);
      expectTrue(occurred >= ENCOUNTER.getTime(), `${tag} was accepted with occurredAt before the encounter`);
      if (type === 'refer') expectTrue(indicators.length > 0, 'refer was accepted without indicators');
      if (type === 'decline_referral') {
        expectTrue(request.reason!.trim().length >= 20, 'decline_referral was accepted with a short reason');
        expectTrue(
          indicators.every((i) => request.indicatorsConsidered!.includes(i)),
          'decline_referral was accepted without considering every indicator',
        );
      }
      if (type === 'conclusive_grounds') {
        expectTrue(occurred >= rgPositiveAt! + RECOVERY_PERIOD_DAYS * DAY_MS, 'CG was accepted in the recovery period');
      }
      if (type === 'close') {
        expectTrue(CLOSE_OUTCOMES.includes(request.outcome!), `close was accepted as ${request.outcome}`);
        if (request.outcome === 'removed' || request.outcome === 'assisted_return') {
          expectTrue(
            !blank(request.riskAssessmentRef),
            `close as ${request.outcome} was accepted without risk assessment`,
          );
        }
        if (request.outcome === 'removed') {
          expectTrue(!reviews.awaitingAgencyResponse, 'removal was accepted while a review awaits the response');
        }
      }
      if (type === 'request_reconsideration' && !blank(request.reviewId)) {
        expectTrue(
          reviews.acceptedDisagreementIds.includes(request.reviewId!),
          'reconsideration was linked to a review that is not an accepted disagreement',
        );
      }
      if (type === 'release')
        expectTrue(request.at!.getTime() >= detainedSince!, 'release was accepted before detention');

      if (type === 'detain') detainedSince = request.at!.getTime();
      if (type === 'release') detainedSince = null;
      if (type === 'reasonable_grounds' && request.outcome === 'positive') rgPositiveAt = occurred;
      if (type === 'request_reconsideration') cameFrom = from;
      reachedStates.add(next.state);
      acceptedTypes.add(type);
      accepted.push(request);
      current = next;
    }
    if (recordCalls) calls.push({ before, print, built, ok: result.ok, after: current });
  }
  return { opening, final: current, accepted, calls };
}

describe('random decision sequences', () => {
  it('only take transitions of the SPEC table, pass its guards and reach only its states', () => {
    fc.assert(
      fc.property(caseArb, ({ indicators, steps }) => {
        walk(indicators, steps);
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator has to reach every state and accept every type, or the property proves little.
    expect([...reachedStates].sort()).toEqual([...SPEC_STATES].sort());
    expect([...acceptedTypes].sort()).toEqual([...SPEC_TYPES].sort());
  });

  it('are reproduced by folding the accepted records from the opening snapshot', () => {
    fc.assert(
      fc.property(caseArb, ({ indicators, steps }) => {
        const { opening, final, accepted } = walk(indicators, steps);
        expect(fold(opening, accepted)).toEqual(final);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('end at a version equal to the number of accepted decisions', () => {
    fc.assert(
      fc.property(caseArb, ({ indicators, steps }) => {
        const { final, accepted } = walk(indicators, steps);
        expectTrue(final.version === accepted.length, `version ${final.version} after ${accepted.length} decisions`);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never mutate the deep-frozen snapshot, and a rejected decision changes nothing', () => {
    fc.assert(
      fc.property(caseArb, ({ indicators, steps }) => {
        for (const { before, print, built, ok, after } of walk(indicators, steps, { recordCalls: true }).calls) {
          expectTrue(Object.isFrozen(before) && Object.isFrozen(before.indicators), 'the snapshot was not frozen');
          expectTrue(JSON.stringify(before) === print, 'decide mutated its input snapshot');
          if (ok) continue;
          expectTrue(after === before, 'a rejected decision moved the case on');
          const again = decide(before, built.reviews, built.request, built.now, RULES);
          expectTrue(!again.ok, 'the same decision on the same snapshot was accepted the second time');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('a closed case', () => {
  it('accepts nothing but the release of a detained person', () => {
    const closedArb = fc.record({ detained: fc.boolean(), outcome: fc.constantFrom(...CLOSE_OUTCOMES), step: stepArb });
    fc.assert(
      fc.property(closedArb, ({ detained, outcome, step }) => {
        const snapshot = deepFreeze<CaseSnapshot>({
          ...openingSnapshot(ENCOUNTER, ['deception']),
          state: 'closed',
          version: 3,
          stateEnteredAt: new Date(ENCOUNTER.getTime() + DAY_MS),
          closedOutcome: outcome as CaseSnapshot['closedOutcome'],
          detainedSince: detained ? ENCOUNTER : null,
        });
        const { request, now, reviews } = build(step, ENCOUNTER.getTime() + 2 * DAY_MS + step[0], snapshot);
        const result = decide(snapshot, reviews, request, now, RULES);
        if (result.ok) {
          expectTrue(request.type === 'release' && detained, `${request.type} was accepted on a closed case`);
          expectTrue(
            sameSnapshot(result.next, { ...snapshot, version: 4, detainedSince: null }),
            'release changed more than the detention',
          );
        } else if (result.rejection.kind === 'not_allowed_from_state') {
          const expected = detained ? ['release'] : [];
          expectTrue(
            result.rejection.allowed.join() === expected.join(),
            `allowed: ${result.rejection.allowed.join()}`,
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
