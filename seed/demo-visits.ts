import type { Caller, DemoApi } from './demo-api.js';
import type { DemoPlaceKey } from './demo-places.js';

export interface VisitCast {
  commissioner: Caller;
  reviewer: Caller & { id: string };
  /** Has a conflict with DEMO-BP: only ever on a team for DEMO-LI's places. */
  conflictedReviewer: Caller & { id: string };
}

type Severity = 'info' | 'concern' | 'serious';

interface FindingPlan {
  severity: Severity;
  text: string;
  /** How many of the longest-held people on the roll the finding names. */
  names?: number;
}

interface UnannouncedVisit {
  place: DemoPlaceKey;
  team: 'reviewer' | 'conflictedReviewer';
  findings: FindingPlan[];
  /** The report; a visit without one is left in progress. */
  summary?: string;
}

/** Visits made today, ahead of any plan: three reported with their findings, one still in progress. */
const UNANNOUNCED: UnannouncedVisit[] = [
  {
    place: 'bpHolding',
    team: 'reviewer',
    findings: [
      {
        severity: 'serious',
        names: 2,
        text:
          'Two people have been held longer than the detention limit without a decision on their identification; ' +
          'neither had been told they could speak to a lawyer.',
      },
      {
        severity: 'concern',
        text: 'The paper register did not match the roll: a person released last week was still listed as detained.',
      },
      {
        severity: 'info',
        text: 'Telephone interpreting is available in fourteen languages and the detainees we spoke to knew of it.',
      },
    ],
    summary:
      'The facility is clean and not overcrowded, but detention beyond the limit ' +
      'and an unreliable register need the agency’s attention; recommendations follow.',
  },
  {
    place: 'liHarbour',
    team: 'conflictedReviewer',
    findings: [
      {
        severity: 'concern',
        names: 1,
        text: 'The person held longest here has spent more than a week in a room meant for a few hours.',
      },
      { severity: 'info', text: 'The holding room is used rarely and was in good order.' },
    ],
    summary: 'Short unannounced visit after the harbour inspections; one person awaits screening.',
  },
  {
    place: 'bpRemoval',
    team: 'reviewer',
    findings: [
      {
        severity: 'concern',
        names: 1,
        text: 'Trafficking indicators recorded at the border were not passed on to the centre’s staff.',
      },
    ],
    summary: 'Removal centre visited with the national preventive mechanism; conditions meet the standards.',
  },
  {
    place: 'bpPort',
    team: 'reviewer',
    findings: [
      {
        severity: 'concern',
        names: 1,
        text: 'The person held longest here had not been told, in a language they understand, why they are detained.',
      },
    ],
  },
];

const CANCEL_REASON = 'Postponed: the team is needed for the follow-up of today’s visit to the holding facility.';

interface VisitAnswer {
  id: string;
  version: number;
  placeId: string;
}

/**
 * The visits (SPEC §11), through the API as the office would make them:
 * unannounced visits today, each with its team, its start, the roll read on
 * arrival and findings naming people on it; then a plan for the next two
 * weeks, one of whose visits gets a team and one is called off.
 */
export async function driveVisits(
  api: DemoApi,
  cast: VisitCast,
  placeIds: Record<DemoPlaceKey, string>,
  now: Date,
): Promise<{ planId: string }> {
  for (const v of UNANNOUNCED) {
    const member = cast[v.team];
    let visit = await api.post<VisitAnswer>('/visits', cast.commissioner, {
      placeId: placeIds[v.place],
      day: utcDate(now, 0),
    });
    visit = await api.post<VisitAnswer>(
      `/visits/${visit.id}/team`,
      cast.commissioner,
      { expectedVersion: visit.version, reviewerIds: [member.id] },
      200,
    );
    visit = await api.post<VisitAnswer>(`/visits/${visit.id}/start`, member, { expectedVersion: visit.version }, 200);
    const roll = await api.get<{ detained: { caseId: string; hoursDetained: number }[] }>(
      `/visits/${visit.id}/roll`,
      member,
    );
    const longestHeld = [...roll.detained].sort((a, b) => b.hoursDetained - a.hoursDetained).map((d) => d.caseId);
    for (const f of v.findings) {
      const caseIds = longestHeld.slice(0, f.names ?? 0);
      visit = await api.post<VisitAnswer>(
        `/visits/${visit.id}/findings`,
        member,
        { expectedVersion: visit.version, text: f.text, severity: f.severity, ...(caseIds.length ? { caseIds } : {}) },
        200,
      );
    }
    if (v.summary) {
      await api.post(`/visits/${visit.id}/report`, member, { expectedVersion: visit.version, summary: v.summary }, 200);
    }
  }

  const from = nextMonday(now);
  const plan = await api.post<{ id: string; visits: VisitAnswer[] }>('/visit-plans', cast.commissioner, {
    from: utcDate(from, 0),
    to: utcDate(from, 11),
    count: 4,
  });
  const [first, ...rest] = plan.visits;
  await api.post(
    `/visits/${first.id}/team`,
    cast.commissioner,
    { expectedVersion: first.version, reviewerIds: [cast.reviewer.id] },
    200,
  );
  const last = rest.at(-1)!;
  await api.post(
    `/visits/${last.id}/cancel`,
    cast.commissioner,
    { expectedVersion: last.version, reason: CANCEL_REASON },
    200,
  );
  return { planId: plan.id };
}

/** The UTC date `days` after `from`, as YYYY-MM-DD. */
export function utcDate(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first Monday after `now` (UTC), a week ahead on a Monday. */
export function nextMonday(now: Date): Date {
  const ahead = (8 - now.getUTCDay()) % 7 || 7;
  return new Date(now.getTime() + ahead * 86_400_000);
}
