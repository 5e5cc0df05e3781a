import { alertRecipients } from './alert-email.js';
import fc from 'fast-check';
import { diffAlerts, type UnresolvedAlert } from './alert-diff.js';
import {
  ALERT_RULES,
  type AlertRule,
  type AlertThresholds,
  COMPLAINT_RULES,
  DETENTION_RULES,
  RECOMMENDATION_RULES,
  VISIT_RULES,
} from './alert-rules.js';
import {
  type AwaitingResponse,
  escalationCutoff,
  overdueCandidates,
  planScan,
  resolveReason,
  SCANNED_RULES,
  subjectTypeOf,
} from './overdue-scan.js';
import type { OpenDetention } from './overdue-rules.js';
import { DAY_MS, HOUR_MS } from './working-days.js';

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
const NOW = new Date('2026-03-20T12:00Z');
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);

function detention(overrides: Partial<OpenDetention> = {}): OpenDetention {
  const detainedAt = overrides.detainedAt ?? ago(HOUR_MS);
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

function awaiting(overrides: Partial<AwaitingResponse> = {}): AwaitingResponse {
  return { reviewId: 'review-1', caseId: 'case-2', agencyId: 'agency-2', responseDueAt: ago(DAY_MS), ...overrides };
}

describe('overdueCandidates', () => {
  it('turns every rule an open detention meets into a candidate about its episode, in catalogue order', () => {
    const d = detention({ state: 'identified_victim', detainedAt: ago(30 * DAY_MS), stateEnteredAt: ago(DAY_MS) });
    expect(overdueCandidates([d], [], NOW, DEFAULTS)).toEqual([
      {
        rule: 'victim_detained',
        subjectType: 'detention_episode',
        subjectId: 'episode-1',
        caseId: 'case-1',
        agencyId: 'agency-1',
        since: ago(DAY_MS),
        thresholds: {},
      },
      {
        rule: 'detention_limit_exceeded',
        subjectType: 'detention_episode',
        subjectId: 'episode-1',
        caseId: 'case-1',
        agencyId: 'agency-1',
        since: ago(2 * DAY_MS),
        thresholds: { maxDetentionDays: 28 },
      },
    ]);
  });

  it.each([
    ['a day before it is due', -DAY_MS, false],
    ['at the due instant itself', 0, false],
    ['one second after it was due', SECOND_MS, true],
    ['a week after it was due', 7 * DAY_MS, true],
  ])('a response %s → candidate: %s', (_name, overdueBy, expected) => {
    const r = awaiting({ responseDueAt: ago(overdueBy) });
    const candidates = overdueCandidates([], [r], NOW, DEFAULTS);
    expect(candidates).toEqual(
      expected
        ? [
            {
              rule: 'review_response_overdue',
              subjectType: 'review',
              subjectId: 'review-1',
              caseId: 'case-2',
              agencyId: 'agency-2',
              since: r.responseDueAt,
              thresholds: { reviewResponseDays: 28 },
            },
          ]
        : [],
    );
  });

  it('lists detention candidates before response candidates, each in the order loaded', () => {
    const candidates = overdueCandidates(
      [
        detention({ episodeId: 'e1', detainedAt: ago(3 * DAY_MS) }),
        detention({ episodeId: 'e2', detainedAt: ago(3 * DAY_MS) }),
      ],
      [awaiting({ reviewId: 'r1' }), awaiting({ reviewId: 'r2' })],
      NOW,
      DEFAULTS,
    );
    expect(candidates.map((c) => `${c.rule}/${c.subjectId}`)).toEqual([
      'screening_overdue/e1',
      'screening_overdue/e2',
      'review_response_overdue/r1',
      'review_response_overdue/r2',
    ]);
  });

  it('follows the configured thresholds', () => {
    const d = detention({ detainedAt: ago(50 * HOUR_MS) });
    expect(overdueCandidates([d], [], NOW, DEFAULTS).map((c) => c.rule)).toEqual(['screening_overdue']);
    expect(overdueCandidates([d], [], NOW, { ...DEFAULTS, screeningMaxHours: 72 })).toEqual([]);
  });
});

describe('resolveReason', () => {
  const open = new Set(['episode-open']);
  it.each([
    ['screening_overdue', 'episode-open', 'condition_no_longer_holds'],
    ['rg_decision_overdue', 'episode-open', 'condition_no_longer_holds'],
    ['victim_detained', 'episode-open', 'condition_no_longer_holds'],
    ['detention_limit_exceeded', 'episode-open', 'condition_no_longer_holds'],
    ['screening_overdue', 'episode-released', 'detention_ended'],
    ['victim_detained', 'episode-released', 'detention_ended'],
    ['detention_limit_exceeded', 'episode-released', 'detention_ended'],
    ['review_response_overdue', 'review-1', 'response_received'],
    // A review id never names an open episode; even if one did, a review alert ends with the response.
    ['review_response_overdue', 'episode-open', 'response_received'],
  ] as const)('%s on %s → %s', (rule, subjectId, reason) => {
    expect(resolveReason({ rule, subjectId, subjectKey: '' }, open)).toBe(reason);
  });
});

describe('subjectTypeOf', () => {
  // The visit clocks are about a visit (visit-clocks.spec.ts), the recommendation clocks about a recommendation
  // (recommendation-clocks.spec.ts), the complaint clock about a complaint (complaint-clocks.spec.ts).
  const caseRules = ALERT_RULES.filter(
    (rule) => !([...VISIT_RULES, ...RECOMMENDATION_RULES, ...COMPLAINT_RULES] as readonly string[]).includes(rule),
  );
  it.each(caseRules.map((rule) => [rule, (DETENTION_RULES as readonly string[]).includes(rule)] as const))(
    '%s is about a detention episode: %s',
    (rule, detention) => {
      expect(subjectTypeOf(rule)).toBe(detention ? 'detention_episode' : 'review');
    },
  );

  it('agrees with the subject every candidate names', () => {
    const candidates = overdueCandidates(
      [detention({ state: 'recovery_period', detainedAt: ago(40 * DAY_MS) })],
      [awaiting()],
      NOW,
      DEFAULTS,
    );
    expect(candidates.length).toBeGreaterThan(2);
    for (const c of candidates) expect(subjectTypeOf(c.rule)).toBe(c.subjectType);
  });
});

describe('planScan', () => {
  const unresolved = (id: string, rule: AlertRule, subjectId: string): UnresolvedAlert => ({
    id,
    rule,
    subjectId,
    subjectKey: '',
  });

  it('raises what is new, resolves what stopped holding with its reason, leaves what still holds', () => {
    const plan = planScan(
      {
        openDetentions: [
          // still in screening after 3 days: screening_overdue holds
          detention({ episodeId: 'e-screening', detainedAt: ago(3 * DAY_MS) }),
          // screened meanwhile: its screening alert no longer holds though the person is still detained
          detention({
            episodeId: 'e-screened',
            state: 'referred',
            referredAt: ago(HOUR_MS),
            detainedAt: ago(3 * DAY_MS),
          }),
        ],
        awaitingResponse: [awaiting({ reviewId: 'r-late' })],
        unresolved: [
          unresolved('a1', 'screening_overdue', 'e-screening'),
          unresolved('a2', 'screening_overdue', 'e-screened'),
          unresolved('a3', 'detention_limit_exceeded', 'e-released'),
          unresolved('a4', 'review_response_overdue', 'r-answered'),
        ],
      },
      NOW,
      DEFAULTS,
    );
    expect(plan.toRaise.map((c) => `${c.rule}/${c.subjectId}`)).toEqual(['review_response_overdue/r-late']);
    expect(plan.toResolve).toEqual([
      { id: 'a2', reason: 'condition_no_longer_holds' },
      { id: 'a3', reason: 'detention_ended' },
      { id: 'a4', reason: 'response_received' },
    ]);
  });

  it('changes nothing when every candidate already has its alert (the steady state)', () => {
    const d = detention({ detainedAt: ago(3 * DAY_MS) });
    const plan = planScan(
      {
        openDetentions: [d],
        awaitingResponse: [awaiting()],
        unresolved: [
          unresolved('a1', 'screening_overdue', 'episode-1'),
          unresolved('a2', 'review_response_overdue', 'review-1'),
        ],
      },
      NOW,
      DEFAULTS,
    );
    expect(plan).toEqual({ toRaise: [], toResolve: [] });
  });

  it('raises and resolves exactly what diffAlerts does, and names a reason for each resolution', () => {
    const episode = fc.constantFrom('e1', 'e2', 'e3');
    const openDetention = fc.record({
      episodeId: episode,
      state: fc.constantFrom('screening', 'referred', 'recovery_period', 'identified_victim', 'closed'),
      hoursHeld: fc.integer({ min: 0, max: 40 * 24 }),
    });
    const alert = fc.record({
      rule: fc.constantFrom(...SCANNED_RULES),
      subjectId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'r1', 'r2'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(openDetention, { selector: (d) => d.episodeId }),
        fc.uniqueArray(fc.constantFrom('r1', 'r2'), {}),
        fc.uniqueArray(alert, { selector: (a) => `${a.rule}/${a.subjectId}` }),
        (detentions, reviewIds, alerts) => {
          const openDetentions = detentions.map((d) =>
            detention({
              episodeId: d.episodeId,
              state: d.state,
              detainedAt: ago(d.hoursHeld * HOUR_MS),
              referredAt: d.state === 'referred' ? ago(d.hoursHeld * HOUR_MS) : null,
            }),
          );
          const awaitingResponse = reviewIds.map((reviewId) => awaiting({ reviewId }));
          const open = alerts.map((a, i) => ({ id: `a${i}`, ...a, subjectKey: '' }));
          const plan = planScan({ openDetentions, awaitingResponse, unresolved: open }, NOW, DEFAULTS);
          const expected = diffAlerts(overdueCandidates(openDetentions, awaitingResponse, NOW, DEFAULTS), open);
          expect(plan.toRaise).toEqual(expected.toRaise);
          expect(plan.toResolve.map((r) => r.id)).toEqual(expected.toResolve);
          const openEpisodes = new Set(detentions.map((d) => d.episodeId));
          for (const r of plan.toResolve) {
            const a = open.find((o) => o.id === r.id)!;
            expect(r.reason).toBe(resolveReason(a, openEpisodes));
          }
        },
      ),
    );
  });
});

describe('escalationCutoff', () => {
  // An alert escalates when it was raised at or before the cutoff (what the repository reads).
  const escalates = (raisedAt: Date, now: Date, hours: number): boolean =>
    raisedAt.getTime() <= escalationCutoff(now, hours).getTime();

  it.each([
    ['raised just now', 0, 24, false],
    ['raised one second short of 24 h ago', 24 * HOUR_MS - SECOND_MS, 24, false],
    ['raised exactly 24 h ago', 24 * HOUR_MS, 24, true],
    ['raised 24 h and a second ago', 24 * HOUR_MS + SECOND_MS, 24, true],
    ['raised 2 h ago, threshold 1 h', 2 * HOUR_MS, 1, true],
    ['raised 2 h ago, threshold 72 h', 2 * HOUR_MS, 72, false],
    ['raised 3 days ago, threshold 72 h', 3 * DAY_MS, 72, true],
  ])('%s (after %i ms, threshold %i h) → escalated: %s', (_name, age, hours, expected) => {
    expect(escalates(ago(age), NOW, hours)).toBe(expected);
  });

  it('is the configured number of hours before now', () => {
    expect(escalationCutoff(NOW, 24)).toEqual(new Date('2026-03-19T12:00Z'));
    expect(escalationCutoff(NOW, 1)).toEqual(new Date('2026-03-20T11:00Z'));
  });
});

describe('alertRecipients without a competent authority involved', () => {
  const OFFICE = 'alerts@commissioner.example';
  const AGENCY = 'duty@agency.example';

  it.each([
    ['raised', 'screening_overdue', AGENCY, [AGENCY, OFFICE]],
    ['raised', 'victim_detained', AGENCY, [AGENCY, OFFICE]],
    ['raised', 'review_response_overdue', AGENCY, [AGENCY, OFFICE]],
    ['raised', 'screening_overdue', null, [OFFICE]],
    ['raised', 'screening_overdue', undefined, [OFFICE]],
    ['raised', 'screening_overdue', '', [OFFICE]],
    // the agency must not learn of a review it cannot see yet
    ['raised', 'removal_during_review', AGENCY, [OFFICE]],
    // escalation is the commissioner's business, whatever the rule
    ['escalation', 'screening_overdue', AGENCY, [OFFICE]],
    ['escalation', 'detention_limit_exceeded', AGENCY, [OFFICE]],
    ['escalation', 'removal_during_review', AGENCY, [OFFICE]],
  ] as const)('%s %s, agency address %p → %p', (kind, rule, agencyEmail, expected) => {
    expect(
      alertRecipients({ kind, rule, agencyEmail: agencyEmail ?? null, authorityEmails: [], commissionerEmail: OFFICE }),
    ).toEqual(expected);
  });
});
