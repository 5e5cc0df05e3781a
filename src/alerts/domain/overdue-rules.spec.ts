import fc from 'fast-check';
import { type AlertThresholds, DETENTION_RULES, type DetentionRule } from './alert-rules.js';
import {
  detentionLength,
  evaluateDetention,
  isResponseOverdue,
  type OpenDetention,
  type RuleHit,
  VICTIM_STATES,
} from './overdue-rules.js';
import { DAY_MS, HOUR_MS } from './working-days.js';

// March 2026: Mon 2, Thu 5, Fri 6, Sat 7, Mon 9, Fri 13, Sat 14.
const SECOND_MS = 1000;
const DEFAULTS: AlertThresholds = {
  screeningMaxHours: 48,
  rgDecisionMaxWorkingDays: 5,
  maxDetentionDays: 28,
  reviewResponseDays: 28,
  visitLateDays: 7,
  visitReportDays: 28,
  recommendationResponseDays: 28,
  recommendationUrgentResponseDays: 7,
  complaintTriageWorkingDays: 10,
};
const CASE_STATES = [
  'screening',
  'referred',
  'not_referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
  'closed',
] as const;

const at = (iso: string): Date => new Date(iso);
const plus = (d: Date, ms: number): Date => new Date(d.getTime() + ms);

function detention(overrides: Partial<OpenDetention> = {}): OpenDetention {
  const detainedAt = overrides.detainedAt ?? at('2026-03-02T10:00Z');
  return {
    episodeId: 'episode-1',
    caseId: 'case-1',
    agencyId: 'agency-1',
    detainedAt,
    state: 'screening',
    stateEnteredAt: detainedAt,
    referredAt: null,
    ...overrides,
  };
}

const rulesOf = (hits: RuleHit[]): DetentionRule[] => hits.map((h) => h.rule);
const hitFor = (hits: RuleHit[], rule: DetentionRule): RuleHit | undefined => hits.find((h) => h.rule === rule);

describe('evaluateDetention', () => {
  describe('screening_overdue', () => {
    const d = detention({ state: 'screening', detainedAt: at('2026-03-02T10:00Z') });
    const threshold = plus(d.detainedAt, 48 * HOUR_MS);

    it.each([
      ['one second before 48 h', -SECOND_MS, false],
      ['at exactly 48 h', 0, false],
      ['one second after 48 h', SECOND_MS, true],
      ['a day after 48 h', DAY_MS, true],
    ])('%s of detention in screening → raised: %s', (_name, offset, raised) => {
      const hits = evaluateDetention(d, plus(threshold, offset), DEFAULTS);
      expect(rulesOf(hits).includes('screening_overdue')).toBe(raised);
    });

    it('is raised as high severity from the moment 48 h passed, under the configured threshold', () => {
      const hits = evaluateDetention(d, plus(threshold, 5 * HOUR_MS), DEFAULTS);
      expect(hitFor(hits, 'screening_overdue')).toEqual({
        rule: 'screening_overdue',
        severity: 'high',
        since: threshold,
        thresholds: { screeningMaxHours: 48 },
      });
    });

    it('follows a configured threshold instead of the default', () => {
      const t = { ...DEFAULTS, screeningMaxHours: 72 };
      const crossed = plus(d.detainedAt, 72 * HOUR_MS);
      expect(rulesOf(evaluateDetention(d, crossed, t))).not.toContain('screening_overdue');
      expect(hitFor(evaluateDetention(d, plus(crossed, SECOND_MS), t), 'screening_overdue')).toMatchObject({
        since: crossed,
        thresholds: { screeningMaxHours: 72 },
      });
    });

    it('is not raised once the case has left screening, however long the detention', () => {
      const referred = detention({ state: 'referred', referredAt: null, detainedAt: d.detainedAt });
      expect(rulesOf(evaluateDetention(referred, plus(threshold, DAY_MS), DEFAULTS))).not.toContain(
        'screening_overdue',
      );
    });
  });

  describe('rg_decision_overdue', () => {
    it.each([
      // referred Friday 10:00 → due the next Friday 10:00
      ['referred Fri 10:00, one second before next Fri 10:00', '2026-03-06T10:00Z', '2026-03-13T09:59:59Z', false],
      ['referred Fri 10:00, at next Fri 10:00', '2026-03-06T10:00Z', '2026-03-13T10:00:00Z', false],
      ['referred Fri 10:00, one second after next Fri 10:00', '2026-03-06T10:00Z', '2026-03-13T10:00:01Z', true],
      ['referred Fri 10:00, on the Monday after (1 working day)', '2026-03-06T10:00Z', '2026-03-09T12:00Z', false],
      // referred Saturday → the clock starts Monday 00:00 and runs out at the end of Friday
      ['referred Sat 10:00, one second before Sat 00:00', '2026-03-07T10:00Z', '2026-03-13T23:59:59Z', false],
      ['referred Sat 10:00, at the following Sat 00:00', '2026-03-07T10:00Z', '2026-03-14T00:00:00Z', false],
      [
        'referred Sat 10:00, one second after the following Sat 00:00',
        '2026-03-07T10:00Z',
        '2026-03-14T00:00:01Z',
        true,
      ],
      [
        'referred Sun 22:00, one second after the following Sat 00:00',
        '2026-03-08T22:00Z',
        '2026-03-14T00:00:01Z',
        true,
      ],
      ['referred Mon 00:00, three weeks later', '2026-03-02T00:00Z', '2026-03-23T00:00Z', true],
    ])('%s → raised: %s', (_name, referredAt, now, raised) => {
      const d = detention({ state: 'referred', detainedAt: at('2026-03-01T08:00Z'), referredAt: at(referredAt) });
      // A detention limit long enough to stay out of the way of this table.
      const hits = evaluateDetention(d, at(now), { ...DEFAULTS, maxDetentionDays: 365 });
      expect(rulesOf(hits)).toEqual(raised ? ['rg_decision_overdue'] : []);
    });

    it('is raised as high severity from the working-day deadline, under the configured threshold', () => {
      const d = detention({
        state: 'referred',
        detainedAt: at('2026-03-05T08:00Z'),
        referredAt: at('2026-03-06T10:00Z'),
      });
      const hits = evaluateDetention(d, at('2026-03-16T09:00Z'), DEFAULTS);
      expect(hitFor(hits, 'rg_decision_overdue')).toEqual({
        rule: 'rg_decision_overdue',
        severity: 'high',
        since: at('2026-03-13T10:00Z'),
        thresholds: { rgDecisionMaxWorkingDays: 5 },
      });
    });

    it('dates a referral already overdue when the detention began from the start of the detention', () => {
      const d = detention({
        state: 'referred',
        referredAt: at('2026-03-02T10:00Z'),
        detainedAt: at('2026-03-11T15:00Z'),
      });
      expect(hitFor(evaluateDetention(d, at('2026-03-12T10:00Z'), DEFAULTS), 'rg_decision_overdue')?.since).toEqual(
        at('2026-03-11T15:00Z'),
      );
    });

    it('follows a configured number of working days', () => {
      const d = detention({
        state: 'referred',
        detainedAt: at('2026-03-05T08:00Z'),
        referredAt: at('2026-03-06T10:00Z'),
      });
      const t = { ...DEFAULTS, rgDecisionMaxWorkingDays: 2 };
      expect(rulesOf(evaluateDetention(d, at('2026-03-10T10:00Z'), t))).toEqual([]);
      expect(hitFor(evaluateDetention(d, at('2026-03-10T10:00:01Z'), t), 'rg_decision_overdue')?.thresholds).toEqual({
        rgDecisionMaxWorkingDays: 2,
      });
    });

    it('is not raised when the referral time is unknown', () => {
      const d = detention({ state: 'referred', referredAt: null, detainedAt: at('2026-03-02T10:00Z') });
      expect(rulesOf(evaluateDetention(d, at('2026-03-20T10:00Z'), DEFAULTS))).toEqual([]);
    });

    it('is not raised once the case has left referred', () => {
      const d = detention({
        state: 'rg_negative',
        referredAt: at('2026-03-02T10:00Z'),
        detainedAt: at('2026-03-02T10:00Z'),
      });
      expect(rulesOf(evaluateDetention(d, at('2026-03-20T10:00Z'), DEFAULTS))).toEqual([]);
    });
  });

  describe('victim_detained', () => {
    it.each(CASE_STATES.map((state) => [state, state === 'recovery_period' || state === 'identified_victim']))(
      'in state %s → raised: %s',
      (state, raised) => {
        const d = detention({ state, detainedAt: at('2026-03-02T10:00Z'), referredAt: null });
        const hits = evaluateDetention(d, at('2026-03-02T10:00:01Z'), DEFAULTS);
        expect(rulesOf(hits).includes('victim_detained')).toBe(raised);
      },
    );

    it('is raised as critical with no threshold as soon as the person is detained in a victim state', () => {
      const d = detention({ state: 'recovery_period', detainedAt: at('2026-03-02T10:00Z') });
      expect(evaluateDetention(d, at('2026-03-02T10:00Z'), DEFAULTS)).toEqual([
        { rule: 'victim_detained', severity: 'critical', since: at('2026-03-02T10:00Z'), thresholds: {} },
      ]);
    });

    it.each([
      [
        'detained after the state was entered: since the detention',
        '2026-03-04T10:00Z',
        '2026-03-02T10:00Z',
        '2026-03-04T10:00Z',
      ],
      [
        'state entered during the detention: since the state was entered',
        '2026-03-02T10:00Z',
        '2026-03-04T10:00Z',
        '2026-03-04T10:00Z',
      ],
    ])('dates the hit %s', (_name, detainedAt, stateEnteredAt, since) => {
      const d = detention({
        state: 'identified_victim',
        detainedAt: at(detainedAt),
        stateEnteredAt: at(stateEnteredAt),
      });
      expect(hitFor(evaluateDetention(d, at('2026-03-05T10:00Z'), DEFAULTS), 'victim_detained')?.since).toEqual(
        at(since),
      );
    });

    it('never dates the hit after now, even if the state entry is stamped in the future', () => {
      const d = detention({
        state: 'recovery_period',
        detainedAt: at('2026-03-02T10:00Z'),
        stateEnteredAt: at('2026-03-05T10:00:05Z'),
      });
      expect(hitFor(evaluateDetention(d, at('2026-03-05T10:00Z'), DEFAULTS), 'victim_detained')?.since).toEqual(
        at('2026-03-05T10:00Z'),
      );
    });
  });

  describe('detention_limit_exceeded', () => {
    const detainedAt = at('2026-03-02T10:00Z');
    const limit = plus(detainedAt, 28 * DAY_MS);

    it.each(
      CASE_STATES.flatMap(
        (state) =>
          [
            [state, 'one second before 28 days', -SECOND_MS, false],
            [state, 'at exactly 28 days', 0, false],
            [state, 'one second after 28 days', SECOND_MS, true],
          ] as const,
      ),
    )('in state %s, %s of detention → raised: %s', (state, _name, offset, raised) => {
      const d = detention({ state, detainedAt, referredAt: null });
      expect(rulesOf(evaluateDetention(d, plus(limit, offset), DEFAULTS)).includes('detention_limit_exceeded')).toBe(
        raised,
      );
    });

    it('is raised as critical from the moment the limit passed, under the configured threshold', () => {
      const d = detention({ state: 'not_referred', detainedAt });
      expect(evaluateDetention(d, plus(limit, HOUR_MS), DEFAULTS)).toEqual([
        { rule: 'detention_limit_exceeded', severity: 'critical', since: limit, thresholds: { maxDetentionDays: 28 } },
      ]);
    });

    it('follows a configured limit', () => {
      const d = detention({ state: 'not_referred', detainedAt });
      const t = { ...DEFAULTS, maxDetentionDays: 10 };
      expect(evaluateDetention(d, plus(detainedAt, 10 * DAY_MS), t)).toEqual([]);
      expect(evaluateDetention(d, plus(detainedAt, 10 * DAY_MS + SECOND_MS), t)).toEqual([
        {
          rule: 'detention_limit_exceeded',
          severity: 'critical',
          since: plus(detainedAt, 10 * DAY_MS),
          thresholds: { maxDetentionDays: 10 },
        },
      ]);
    });
  });

  it('raises every rule that holds, in catalogue order', () => {
    const d = detention({ state: 'screening', detainedAt: at('2026-03-02T10:00Z') });
    expect(rulesOf(evaluateDetention(d, at('2026-04-01T10:00Z'), DEFAULTS))).toEqual([
      'screening_overdue',
      'detention_limit_exceeded',
    ]);
  });

  it('raises nothing for a detention that starts after now', () => {
    const d = detention({ state: 'recovery_period', detainedAt: at('2026-03-02T10:00:01Z') });
    expect(evaluateDetention(d, at('2026-03-02T10:00Z'), DEFAULTS)).toEqual([]);
  });

  describe('for any detention, time and thresholds', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms));
    const input = fc.record({
      detainedAt: instant,
      stateEnteredAt: instant,
      referredAt: fc.option(instant, { nil: null }),
      state: fc.oneof(fc.constantFrom(...CASE_STATES), fc.string()),
      now: instant,
      thresholds: fc.record({
        screeningMaxHours: fc.integer({ min: 1, max: 24 * 30 }),
        rgDecisionMaxWorkingDays: fc.integer({ min: 1, max: 60 }),
        maxDetentionDays: fc.integer({ min: 1, max: 365 }),
        reviewResponseDays: fc.integer({ min: 1, max: 90 }),
        visitLateDays: fc.integer({ min: 1, max: 30 }),
        visitReportDays: fc.integer({ min: 1, max: 90 }),
      }),
    });

    it('never raises a rule whose state condition does not hold', () => {
      const stateHolds: Record<DetentionRule, (d: OpenDetention) => boolean> = {
        screening_overdue: (d) => d.state === 'screening',
        rg_decision_overdue: (d) => d.state === 'referred' && d.referredAt !== null,
        victim_detained: (d) => VICTIM_STATES.includes(d.state),
        detention_limit_exceeded: () => true,
      };
      fc.assert(
        fc.property(input, ({ now, thresholds, ...facts }) => {
          const d = detention(facts);
          for (const h of evaluateDetention(d, now, thresholds)) expect(stateHolds[h.rule](d)).toBe(true);
        }),
      );
    });

    it('never dates a hit after now, nor before the detention began', () => {
      fc.assert(
        fc.property(input, ({ now, thresholds, ...facts }) => {
          const d = detention(facts);
          for (const h of evaluateDetention(d, now, thresholds)) {
            expect(h.since.getTime()).toBeLessThanOrEqual(now.getTime());
            expect(h.since.getTime()).toBeGreaterThanOrEqual(d.detainedAt.getTime());
          }
        }),
      );
    });

    it('raises each rule at most once, in catalogue order', () => {
      fc.assert(
        fc.property(input, ({ now, thresholds, ...facts }) => {
          const rules = rulesOf(evaluateDetention(detention(facts), now, thresholds));
          expect(rules).toEqual(DETENTION_RULES.filter((r) => rules.includes(r)));
        }),
      );
    });

    it('keeps a raised rule raised as time goes on while the facts stay the same', () => {
      fc.assert(
        fc.property(input, fc.integer({ min: 0, max: 400 * DAY_MS }), ({ now, thresholds, ...facts }, later) => {
          const d = detention(facts);
          const before = rulesOf(evaluateDetention(d, now, thresholds));
          const after = rulesOf(evaluateDetention(d, plus(now, later), thresholds));
          expect(after).toEqual(expect.arrayContaining(before));
        }),
      );
    });
  });
});

describe('detentionLength', () => {
  const detainedAt = at('2026-03-02T10:00Z');

  it.each([
    [0, 0, 'less than an hour'],
    [HOUR_MS - SECOND_MS, 0, 'less than an hour'],
    [HOUR_MS, 1, '1 hour'],
    [5 * HOUR_MS + 59 * 60 * SECOND_MS, 5, '5 hours'],
    [DAY_MS, 24, '1 day'],
    [DAY_MS + HOUR_MS, 25, '1 day 1 hour'],
    [2 * DAY_MS, 48, '2 days'],
    [3 * DAY_MS + 4 * HOUR_MS, 76, '3 days 4 hours'],
    [29 * DAY_MS + 23 * HOUR_MS, 719, '29 days 23 hours'],
  ])('after %i ms reads %i whole hours, "%s"', (elapsed, totalHours, text) => {
    expect(detentionLength(detainedAt, plus(detainedAt, elapsed))).toEqual({ totalHours, text });
  });

  it('reads "less than an hour" rather than a negative length when the start is after now', () => {
    expect(detentionLength(detainedAt, plus(detainedAt, -HOUR_MS))).toEqual({
      totalHours: 0,
      text: 'less than an hour',
    });
  });
});

describe('isResponseOverdue', () => {
  const due = at('2026-03-30T10:00Z');

  it.each([
    ['one second before it is due', -SECOND_MS, false],
    ['at the instant it is due', 0, false],
    ['one second after it is due', SECOND_MS, true],
  ])('%s → overdue: %s', (_name, offset, overdue) => {
    expect(isResponseOverdue(due, plus(due, offset))).toBe(overdue);
  });
});
