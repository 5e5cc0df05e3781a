import { DETENTION_RULES } from '../src/alerts/domain/alert-rules.js';
import { rolesThatMay } from '../src/authz/domain/abilities.js';
import type { Role } from '../src/authz/domain/roles.js';
import { evaluateDetention } from '../src/alerts/domain/overdue-rules.js';
import {
  CASE_STATES,
  decide,
  NO_REVIEWS,
  openingSnapshot,
  type CaseSnapshot,
  type CloseOutcome,
  type DecisionRequest,
} from '../src/cases/domain/identification.js';
import { generalise } from '../src/reports/domain/anonymisation.js';
import { planDemoCases, type CasePlan, type DemoActor, type DemoRules } from './case-plans.js';
import { DEMO_PLACES, demoPlace } from './demo-places.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const RULES: DemoRules = {
  recoveryPeriodDays: 30,
  screeningMaxHours: 48,
  rgDecisionMaxWorkingDays: 5,
  maxDetentionDays: 28,
};
const ROLE: Record<DemoActor, Role> = {
  bpOfficer: 'agency_officer',
  bpApiKey: 'agency_officer',
  bpSupervisor: 'agency_supervisor',
  liOfficer: 'agency_officer',
  decisionMaker: 'decision_maker',
  commissioner: 'commissioner',
};

/** Plays a plan through the real state machine, as the API would (a few seconds after NOW). */
function replay(plan: CasePlan): CaseSnapshot {
  const now = new Date(NOW.getTime() + 5_000);
  let snapshot = openingSnapshot(new Date(plan.body.encounter.at), plan.body.indicators);
  const steps: { by: DemoActor; request: DecisionRequest }[] = [];
  if (plan.body.detention) {
    const { place, legalBasis } = plan.body.detention;
    const at = new Date(plan.body.detention.at);
    // The API takes the place's name as the facility when only its id is sent.
    const facility = demoPlace(place).name;
    steps.push({ by: plan.openedBy, request: { type: 'detain', occurredAt: at, at, facility, legalBasis } });
  }
  for (const d of plan.decisions) {
    const { at, occurredAt, place, ...rest } = d.body;
    steps.push({
      by: d.by,
      request: {
        ...rest,
        ...(place ? { facility: demoPlace(place).name } : {}),
        occurredAt: new Date(occurredAt),
        at: at ? new Date(at) : null,
      },
    });
  }
  for (const { by, request } of steps) {
    if (!rolesThatMay(request.type, 'Case').includes(ROLE[by])) {
      throw new Error(`${plan.scenario}: a ${ROLE[by]} may not record ${request.type}`);
    }
    const decided = decide(snapshot, NO_REVIEWS, request, now, {
      recoveryPeriodDays: RULES.recoveryPeriodDays,
    });
    if (!decided.ok) throw new Error(`${plan.scenario}: ${decided.rejection.message}`);
    snapshot = decided.next;
  }
  return snapshot;
}

describe('demo case plans', () => {
  const plans = planDemoCases(NOW, RULES);

  it('are the same on every run for the same anchor time', () => {
    expect(planDemoCases(NOW, RULES)).toEqual(plans);
  });

  it('number about two hundred and twenty cases over both frontline agencies', () => {
    expect(plans.length).toBeGreaterThanOrEqual(200);
    expect(plans.length).toBeLessThanOrEqual(240);
    expect(new Set(plans.map((p) => p.agency))).toEqual(new Set(['bp', 'li']));
    expect(new Set(plans.map((p) => p.body.externalRef)).size).toBe(plans.length);
  });

  it('place every event in the last ninety days, in order, before the anchor time', () => {
    for (const plan of plans) {
      const times = [
        plan.body.encounter.at,
        ...(plan.body.detention ? [plan.body.detention.at] : []),
        ...plan.decisions.map((d) => d.body.occurredAt),
      ].map((t) => Date.parse(t));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThan(NOW.getTime() - 92 * 86_400_000);
      expect(times[times.length - 1]).toBeLessThan(NOW.getTime());
    }
  });

  it('are accepted by the state machine and end in the state each scenario names', () => {
    for (const plan of plans) {
      const end = replay(plan);
      expect({ scenario: plan.scenario, state: end.state }).toEqual({
        scenario: plan.scenario,
        state: plan.expectedState,
      });
      expect(end.detainedSince !== null).toBe(plan.detainedAtEnd);
    }
  });

  it('cover every identification state and raise every detention alert rule', () => {
    expect(new Set(plans.map((p) => p.expectedState))).toEqual(new Set(CASE_STATES));
    const hits = new Set<string>();
    for (const plan of plans) {
      const end = replay(plan);
      if (!end.detainedSince) continue;
      for (const hit of evaluateDetention(
        {
          episodeId: 'e',
          caseId: 'c',
          agencyId: 'a',
          detainedAt: end.detainedSince,
          state: end.state,
          stateEnteredAt: end.stateEnteredAt,
          referredAt: end.referredAt,
        },
        NOW,
        { ...RULES, reviewResponseDays: 28 },
      ))
        hits.add(hit.rule);
    }
    expect([...hits].sort()).toEqual([...DETENTION_RULES].sort());
  });

  it('detain people only at active places of their own agency, the most of them at the first place', () => {
    const detentions = plans.flatMap((plan) => [
      ...(plan.body.detention ? [{ agency: plan.agency, place: plan.body.detention.place }] : []),
      ...plan.decisions
        .filter((d) => d.body.type === 'detain')
        .map((d) => ({ agency: plan.agency, place: d.body.place })),
    ]);
    expect(detentions.length).toBeGreaterThan(20);
    for (const { agency, place } of detentions) {
      expect(place).toBeDefined();
      expect(demoPlace(place!)).toMatchObject({ agency });
      expect(demoPlace(place!).closed).toBeUndefined();
    }
    const detainedAt = new Map<string, number>();
    for (const plan of plans.filter((p) => p.detainedAtEnd)) {
      const place = plan.decisions.findLast((d) => d.body.type === 'detain')?.body.place ?? plan.body.detention!.place;
      detainedAt.set(place, (detainedAt.get(place) ?? 0) + 1);
    }
    // The walkthrough visits the place holding the most people: DEMO-BP's, so its supervisor's view can be shown.
    const [busiest, ...others] = [...detainedAt.entries()].sort((a, b) => b[1] - a[1]);
    expect(busiest[0]).toBe(DEMO_PLACES[0].key);
    expect(busiest[1]).toBeGreaterThan(others[0][1]);
  });

  it('close with every outcome, returns always with a risk assessment', () => {
    const closes = plans.flatMap((p) => p.decisions.filter((d) => d.body.type === 'close').map((d) => d.body));
    expect(new Set(closes.map((c) => c.outcome))).toEqual(
      new Set(['support_provided', 'assisted_return', 'removed', 'released', 'lost_contact', 'transferred']),
    );
    for (const c of closes.filter((c) => c.outcome === 'removed' || c.outcome === 'assisted_return')) {
      expect(c.riskAssessmentRef).toMatch(/^RA-DEMO-\d{4}$/);
    }
  });

  it('use only obviously fictitious personal data', () => {
    for (const { body } of plans) {
      expect(body.subject.name).toMatch(/^Demo Person \d{3}$/);
      expect(body.subject.pseudonym).toMatch(/^[A-Z]{2}-[FMXU]-\d{4}-\d{3}$/);
      expect(body.subject.documentNumber ?? 'DEMO-none').toMatch(/^DEMO-/);
      expect(body.subject.contact ?? 'c/o Demo Shelter 1, +00 555 0000').toMatch(
        /^c\/o Demo Shelter \d, \+00 555 0\d{3}$/,
      );
    }
  });

  it.each([NOW, new Date('2027-01-04T09:00:00Z')])(
    'give the anonymised export at least two combinations of 11 or more cases (anchor %s)',
    (anchor) => {
      const counts = new Map<string, number>();
      for (const plan of planDemoCases(anchor, RULES)) {
        const close = plan.decisions.findLast((d) => d.body.type === 'close');
        const key = JSON.stringify(
          generalise({
            birthYear: plan.body.subject.birthYear,
            isChild: plan.body.subject.isChild,
            sex: plan.body.subject.sex,
            nationality: plan.body.subject.nationality,
            encounterKind: plan.body.encounter.kind,
            encounterAt: new Date(plan.body.encounter.at),
            indicators: plan.body.indicators,
            state: plan.expectedState,
            closedOutcome: (close?.body.outcome as CloseOutcome | undefined) ?? null,
          }),
        );
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect([...counts.values()].filter((n) => n >= 11).length).toBeGreaterThanOrEqual(2);
    },
  );
});
