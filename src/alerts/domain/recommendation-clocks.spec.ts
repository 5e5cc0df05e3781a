import fc from 'fast-check';
import {
  decide,
  isResponseOverdue,
  isTargetMissed,
  issue,
  RECOMMENDATION_STATES,
  type RecommendationAction,
  type RecommendationSnapshot,
} from '../../recommendations/domain/recommendation-workflow.js';
import { alertRecipients } from './alert-email.js';
import { RECOMMENDATION_RULES, RULES, type AlertThresholds } from './alert-rules.js';
import { planScan, resolveReason, subjectTypeOf } from './overdue-scan.js';
import {
  evaluateRecommendation,
  recommendationCandidates,
  recommendationResolveReason,
  settleRecommendation,
  type RecommendationClock,
} from './recommendation-clocks.js';
import { DAY_MS } from './working-days.js';

const T: AlertThresholds = {
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
const CONFIG = { responseDays: 28, urgentResponseDays: 7 };
const ISSUED_AT = new Date('2026-03-02T09:15:00Z');
const NOTE = 'The new procedure is not yet applied at the northern posts.';

function issued(priority: 'normal' | 'urgent' = 'normal'): RecommendationSnapshot {
  return issue(priority, { id: 'commissioner' }, ISSUED_AT, CONFIG).snapshot;
}

function accepted(targetDate: string): RecommendationSnapshot {
  return { ...issued(), state: 'accepted', version: 2, targetDate };
}

/** An action the workflow must allow; returns the state after it. */
function after(r: RecommendationSnapshot, action: RecommendationAction, at: Date): RecommendationSnapshot {
  const result = decide(r, action, { id: 'someone' }, at, CONFIG);
  if (!result.ok) throw new Error(result.rejection.message);
  return result.next;
}

const clock = (snapshot: RecommendationSnapshot, id = 'rec-1'): RecommendationClock => ({
  recommendationId: id,
  agencyId: 'agency-1',
  snapshot,
});

describe('recommendation_response_overdue', () => {
  const due = issued().responseDueAt.getTime();

  it('runs strictly after the response was due: at the due instant itself the answer is still on time', () => {
    expect(evaluateRecommendation(issued(), new Date(due))).toEqual([]);
    expect(evaluateRecommendation(issued(), new Date(due + 1))).toEqual([
      {
        rule: 'recommendation_response_overdue',
        severity: 'high',
        subjectKey: '',
        since: new Date(due),
        thresholds: { responseDays: 28 },
      },
    ]);
  });

  it('is critical for an urgent recommendation, due after its 7 days', () => {
    const urgent = issued('urgent');
    const urgentDue = ISSUED_AT.getTime() + 7 * DAY_MS;
    expect(evaluateRecommendation(urgent, new Date(urgentDue))).toEqual([]);
    expect(evaluateRecommendation(urgent, new Date(urgentDue + 1))).toEqual([
      expect.objectContaining({ severity: 'critical', since: new Date(urgentDue), thresholds: { responseDays: 7 } }),
    ]);
    expect(RULES.recommendation_response_overdue.severity).toBe('high');
  });

  it.each(RECOMMENDATION_STATES.filter((s) => s !== 'issued'))('stops once the recommendation is %s', (state) => {
    const r = { ...issued(), state, targetDate: '2099-01-01' };
    expect(evaluateRecommendation(r, new Date(due + 365 * DAY_MS))).toEqual([]);
  });
});

describe('recommendation_target_missed', () => {
  const target = '2026-05-31';
  const dayAfter = Date.parse('2026-06-01T00:00:00Z');

  it('runs from the first instant after the target day (UTC), keyed by that date', () => {
    expect(evaluateRecommendation(accepted(target), new Date(dayAfter - 1))).toEqual([]);
    expect(evaluateRecommendation(accepted(target), new Date(dayAfter))).toEqual([
      {
        rule: 'recommendation_target_missed',
        severity: 'high',
        subjectKey: target,
        since: new Date(dayAfter),
        thresholds: {},
      },
    ]);
  });

  it('runs for a partial acceptance as for a whole one', () => {
    const partly = { ...accepted(target), state: 'partially_accepted' as const };
    expect(evaluateRecommendation(partly, new Date(dayAfter)).map((h) => h.rule)).toEqual([
      'recommendation_target_missed',
    ]);
  });

  it.each(['implementation_claimed', 'implemented', 'withdrawn', 'rejected', 'issued'] as const)(
    'never runs while the recommendation is %s, whatever its target date',
    (state) => {
      const r = { ...accepted(target), state, claimedFrom: state === 'implementation_claimed' ? 'accepted' : null };
      const hits = evaluateRecommendation(r as RecommendationSnapshot, new Date(dayAfter + 30 * DAY_MS));
      expect(hits.filter((h) => h.rule === 'recommendation_target_missed')).toEqual([]);
    },
  );
});

describe('the clocks are the register’s own definitions', () => {
  it('raise exactly when isResponseOverdue and isTargetMissed say so, for any recommendation and instant', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
    const day = instant.map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...RECOMMENDATION_STATES),
        fc.constantFrom('normal' as const, 'urgent' as const),
        instant,
        fc.option(day, { nil: null }),
        instant,
        (state, priority, issuedAt, targetDate, now) => {
          const base = issue(priority, { id: 'c' }, issuedAt, CONFIG).snapshot;
          const r: RecommendationSnapshot = { ...base, state, targetDate };
          const rules = evaluateRecommendation(r, now).map((h) => h.rule);
          expect(rules.includes('recommendation_response_overdue')).toBe(isResponseOverdue(r, now));
          expect(rules.includes('recommendation_target_missed')).toBe(isTargetMissed(r, now));
        },
      ),
    );
  });
});

describe('recommendationCandidates', () => {
  it('makes each hit an alert about the recommendation, of the addressed agency, about no case', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    expect(recommendationCandidates([clock(issued('urgent')), clock(accepted('2026-05-31'), 'rec-2')], now)).toEqual([
      {
        rule: 'recommendation_response_overdue',
        severity: 'critical',
        subjectType: 'recommendation',
        subjectId: 'rec-1',
        subjectKey: '',
        caseId: null,
        agencyId: 'agency-1',
        since: new Date(ISSUED_AT.getTime() + 7 * DAY_MS),
        thresholds: { responseDays: 7 },
      },
      {
        rule: 'recommendation_target_missed',
        severity: 'high',
        subjectType: 'recommendation',
        subjectId: 'rec-2',
        subjectKey: '2026-05-31',
        caseId: null,
        agencyId: 'agency-1',
        since: new Date('2026-06-01T00:00:00Z'),
        thresholds: {},
      },
    ]);
    for (const rule of RECOMMENDATION_RULES) expect(subjectTypeOf(rule)).toBe('recommendation');
  });
});

describe('recommendationResolveReason', () => {
  const target = '2026-05-31';
  const claimed: RecommendationSnapshot = {
    ...accepted(target),
    state: 'implementation_claimed',
    claimedFrom: 'accepted',
  };
  it.each([
    ['recommendation_response_overdue', '', 'accepted', 'response_received', { ...accepted(target) }],
    ['recommendation_response_overdue', '', 'rejected', 'response_received', { ...issued(), state: 'rejected' }],
    [
      'recommendation_response_overdue',
      '',
      'withdrawn',
      'recommendation_withdrawn',
      { ...issued(), state: 'withdrawn' },
    ],
    ['recommendation_response_overdue', '', 'still issued', 'condition_no_longer_holds', issued()],
    ['recommendation_target_missed', target, 'claimed', 'implementation_claimed', claimed],
    [
      'recommendation_target_missed',
      target,
      'implemented',
      'implementation_claimed',
      { ...claimed, state: 'implemented' },
    ],
    [
      'recommendation_target_missed',
      target,
      'withdrawn',
      'recommendation_withdrawn',
      { ...accepted(target), state: 'withdrawn' },
    ],
    ['recommendation_target_missed', target, 'given a new date', 'target_date_changed', accepted('2026-08-31')],
    ['recommendation_target_missed', target, 'unchanged', 'condition_no_longer_holds', accepted(target)],
    ['recommendation_target_missed', target, 'not loaded', 'condition_no_longer_holds', undefined],
  ] as const)('%s (key %p), the recommendation %s → %s', (rule, subjectKey, _label, reason, current) => {
    expect(recommendationResolveReason({ rule, subjectKey }, current)).toBe(reason);
  });
});

describe('settleRecommendation: what an action ends, in its own transaction', () => {
  const late = new Date(ISSUED_AT.getTime() + 40 * DAY_MS);
  const responseAlert = {
    id: 'a-resp',
    rule: 'recommendation_response_overdue' as const,
    subjectId: 'rec-1',
    subjectKey: '',
  };

  it('resolves the overdue response when the addressee responds, whatever the response', () => {
    for (const action of [
      { type: 'respond', response: 'accepted', targetDate: '2026-06-30' },
      { type: 'respond', response: 'rejected', reason: 'The law leaves this decision to the minister.' },
    ] as const) {
      const next = after(issued(), action, late);
      expect(settleRecommendation(clock(next), [responseAlert], late)).toEqual([
        { id: 'a-resp', reason: 'response_received' },
      ]);
    }
  });

  it('resolves a missed target when an implementation is claimed, and leaves it on a progress note', () => {
    const target = '2026-03-31';
    const missed = {
      id: 'a-tgt',
      rule: 'recommendation_target_missed' as const,
      subjectId: 'rec-1',
      subjectKey: target,
    };
    const r = accepted(target);
    const noted = after(r, { type: 'progress', status: 'in_progress', note: 'Training booked.' }, late);
    expect(settleRecommendation(clock(noted), [missed], late)).toEqual([]);
    const claimed = after(
      r,
      { type: 'progress', status: 'implemented', note: 'Done.', evidence: 'Circular 4/2026' },
      late,
    );
    expect(settleRecommendation(clock(claimed), [missed], late)).toEqual([
      { id: 'a-tgt', reason: 'implementation_claimed' },
    ]);
  });

  it('resolves both clocks on a withdrawal', () => {
    const withdrawn = after(issued(), { type: 'withdraw', reason: 'Superseded.' }, late);
    const stale = {
      id: 'a-tgt',
      rule: 'recommendation_target_missed' as const,
      subjectId: 'rec-1',
      subjectKey: '2026-03-31',
    };
    expect(settleRecommendation(clock(withdrawn), [responseAlert, stale], late)).toEqual([
      { id: 'a-resp', reason: 'recommendation_withdrawn' },
      { id: 'a-tgt', reason: 'recommendation_withdrawn' },
    ]);
  });

  it("touches only the recommendation's own alerts, and none that still hold", () => {
    const other = { ...responseAlert, id: 'a-other', subjectId: 'rec-2' };
    expect(settleRecommendation(clock(issued()), [responseAlert, other], late)).toEqual([]);
  });
});

describe('a new target date after a claim that was not verified', () => {
  it('resolves the alert of the old date and raises a new one once the new date is missed', () => {
    const first = '2026-04-30';
    let r = accepted(first);
    const missedFirst = new Date('2026-05-01T00:00:00Z');
    const scan1 = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [], recommendations: [clock(r)] },
      missedFirst,
      T,
    );
    expect(scan1.toRaise.map((c) => [c.rule, c.subjectKey])).toEqual([['recommendation_target_missed', first]]);
    const oldAlert = {
      id: 'a-1',
      rule: 'recommendation_target_missed' as const,
      subjectId: 'rec-1',
      subjectKey: first,
    };

    r = after(r, { type: 'progress', status: 'implemented', note: 'Done.', evidence: 'Circular 4/2026' }, missedFirst);
    expect(settleRecommendation(clock(r), [oldAlert], missedFirst)).toEqual([
      { id: 'a-1', reason: 'implementation_claimed' },
    ]);
    const second = '2026-06-30';
    r = after(r, { type: 'verify', outcome: 'not_verified', note: NOTE, targetDate: second }, missedFirst);
    expect(r).toMatchObject({ state: 'accepted', targetDate: second });

    // Before the new date passes, nothing runs; the (resolved) old alert is not in the way of the new key.
    const beforeSecond = new Date('2026-06-30T23:59:59.999Z');
    expect(
      planScan(
        { openDetentions: [], awaitingResponse: [], unresolved: [], recommendations: [clock(r)] },
        beforeSecond,
        T,
      ).toRaise,
    ).toEqual([]);
    const missedSecond = new Date('2026-07-01T00:00:00Z');
    const scan2 = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [], recommendations: [clock(r)] },
      missedSecond,
      T,
    );
    expect(scan2.toRaise.map((c) => [c.rule, c.subjectId, c.subjectKey, c.since])).toEqual([
      ['recommendation_target_missed', 'rec-1', second, missedSecond],
    ]);
  });

  it('at a scan that missed the claim, resolves the old date’s alert as a changed target date', () => {
    const r = accepted('2026-09-30');
    const stale = {
      id: 'a-1',
      rule: 'recommendation_target_missed' as const,
      subjectId: 'rec-1',
      subjectKey: '2026-04-30',
    };
    const now = new Date('2026-07-01T00:00:00Z');
    const plan = planScan(
      { openDetentions: [], awaitingResponse: [], unresolved: [stale], recommendations: [clock(r)] },
      now,
      T,
    );
    expect(plan).toEqual({ toRaise: [], toResolve: [{ id: 'a-1', reason: 'target_date_changed' }] });
    expect(resolveReason(stale, new Set(), new Map([['rec-1', r]]))).toBe('target_date_changed');
  });
});

describe('planScan with recommendations', () => {
  it('leaves an alert that still holds (the steady state), and resolves with the reason the state gives', () => {
    const now = new Date(ISSUED_AT.getTime() + 40 * DAY_MS);
    const unresolved = [
      { id: 'a-1', rule: 'recommendation_response_overdue' as const, subjectId: 'rec-1', subjectKey: '' },
      { id: 'a-2', rule: 'recommendation_response_overdue' as const, subjectId: 'rec-2', subjectKey: '' },
    ];
    const answered = { ...issued(), state: 'rejected' as const };
    const plan = planScan(
      {
        openDetentions: [],
        awaitingResponse: [],
        unresolved,
        recommendations: [clock(issued()), clock(answered, 'rec-2')],
      },
      now,
      T,
    );
    expect(plan).toEqual({ toRaise: [], toResolve: [{ id: 'a-2', reason: 'response_received' }] });
  });
});

describe('who is told, and on what basis', () => {
  it('e-mails a new alert to the addressed agency and the office; an escalation to the office alone', () => {
    const to = {
      agencyEmail: 'alerts@nrm.example',
      authorityEmails: ['other-authority@example.org'],
      commissionerEmail: 'office@commissioner.example',
    };
    for (const rule of RECOMMENDATION_RULES) {
      expect(RULES[rule]).toMatchObject({ commissionerOnly: false, competentAuthority: false });
      expect(alertRecipients({ ...to, kind: 'raised', rule })).toEqual([
        'alerts@nrm.example',
        'office@commissioner.example',
      ]);
      expect(alertRecipients({ ...to, kind: 'escalation', rule })).toEqual(['office@commissioner.example']);
    }
  });

  it("calls the deadlines the commissioner's own, with the configured days, not law", () => {
    const basis = RULES.recommendation_response_overdue.basis(T);
    expect(basis).toContain('within 28 days of its issue, 7 days when it is urgent');
    expect(basis).toContain("the commissioner's own deadlines, not time limits set by law");
    expect(RULES.recommendation_response_overdue.basis({ ...T, recommendationResponseDays: 42 })).toContain(
      'within 42 days',
    );
    const target = RULES.recommendation_target_missed.basis(T);
    expect(target).toContain('set this target date itself');
    expect(target).toContain('not a time limit set by law');
  });
});
