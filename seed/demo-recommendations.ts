import type { DataSource } from 'typeorm';
import type { RecommendationsConfig } from '../src/config/app-config.js';
import type { Priority, RecommendationState, Theme } from '../src/recommendations/domain/recommendation-workflow.js';
import type { Caller, DemoApi } from './demo-api.js';
import type { DemoAgencyKey } from './demo-cast.js';
import { utcDate } from './demo-visits.js';

type Addressee = Exclude<DemoAgencyKey, 'oc'>;

export interface RecommendationCast {
  commissioner: Caller;
  /** Who answers for the agency: DEMO-BP's supervisor, the authority's decision maker. DEMO-LI has nobody. */
  addressees: Partial<Record<Addressee, Caller>>;
}

interface Action {
  by: 'addressee' | 'commissioner';
  action: 'respond' | 'progress' | 'verify' | 'withdraw';
  /** `day(n)`: the UTC date n days from today. */
  body: (day: (n: number) => string) => Record<string, unknown>;
}

interface RecommendationStory {
  key: string;
  agency: Addressee;
  /** A review source is a concluded concern or disagreement about a decision of that agency, where there is one. */
  source: 'review' | 'own_initiative';
  theme: Theme;
  priority: Priority;
  text: string;
  repeatOf?: string;
  actions: Action[];
  end: RecommendationState;
  /** Moved back in time after it is written (see `backdate`), so that a clock has run out. */
  late?: { issuedDaysAgo: number; respondedDaysAgo?: number; targetDaysAgo?: number };
}

const accept = (days: number): Action => ({
  by: 'addressee',
  action: 'respond',
  body: (day) => ({ response: 'accepted', targetDate: day(days) }),
});
const claim = (note: string, evidence: string): Action => ({
  by: 'addressee',
  action: 'progress',
  body: () => ({ status: 'implemented', note, evidence }),
});

/** Every state of SPEC §12, a repeat, and both clocks run out (response overdue, target missed). */
const STORIES: RecommendationStory[] = [
  {
    key: 'screening',
    agency: 'bp',
    source: 'review',
    theme: 'identification',
    priority: 'normal',
    text:
      'Screen every person detained under the Aliens Act for trafficking indicators within 24 hours, with an ' +
      'interpreter, and record the indicators considered in the decision.',
    actions: [
      accept(90),
      {
        by: 'addressee',
        action: 'progress',
        body: () => ({
          status: 'in_progress',
          note: 'Interpreters are now on call at weekends; the screening checklist is being revised with NGO first responders.',
        }),
      },
    ],
    end: 'accepted',
  },
  {
    key: 'referral',
    agency: 'bp',
    source: 'review',
    theme: 'referral',
    priority: 'normal',
    text:
      'Refer every person with two or more recorded indicators to the competent authority instead of deciding ' +
      'at the border that there is nothing to refer.',
    actions: [
      {
        by: 'addressee',
        action: 'respond',
        body: (day) => ({
          response: 'partially_accepted',
          targetDate: day(120),
          reason:
            'Accepted for adults. Children are referred by the child-protection service directly; a second ' +
            'referral by us would only delay theirs.',
        }),
      },
    ],
    end: 'partially_accepted',
  },
  {
    key: 'overnight',
    agency: 'bp',
    source: 'own_initiative',
    theme: 'detention',
    priority: 'urgent',
    text:
      'Stop holding people overnight in the custody rooms of the Northern crossing border post: they have no ' +
      'beds, no daylight and no telephone to reach a lawyer.',
    actions: [
      {
        by: 'addressee',
        action: 'respond',
        body: () => ({
          response: 'rejected',
          reason:
            'The rooms are used for at most twelve hours and meet the minimum standards of the Aliens Act ' +
            'regulations; closing them would mean transfers at night.',
        }),
      },
    ],
    end: 'rejected',
  },
  {
    key: 'overnight-again',
    agency: 'bp',
    source: 'own_initiative',
    theme: 'detention',
    priority: 'urgent',
    repeatOf: 'overnight',
    text:
      'The office repeats its recommendation: people were again held overnight in the custody rooms of the ' +
      'Northern crossing border post, one of them for thirty hours.',
    actions: [],
    end: 'issued',
  },
  {
    key: 'training',
    agency: 'bp',
    source: 'own_initiative',
    theme: 'training',
    priority: 'normal',
    text:
      'Train every officer of the Northern District to recognise indicators of labour exploitation, together ' +
      'with the labour inspectorate.',
    actions: [
      accept(60),
      claim(
        'All 140 officers of the district completed the one-day course this quarter.',
        'Attendance lists and the course material (reference TR-DEMO-14) were sent to the office.',
      ),
    ],
    end: 'implementation_claimed',
  },
  {
    key: 'places',
    agency: 'bp',
    source: 'own_initiative',
    theme: 'data',
    priority: 'normal',
    text: 'Record the place of every detention from the register of places, not as free text.',
    actions: [
      accept(30),
      claim(
        'The case-management system now offers only registered places of detention.',
        'Release notes of the case-management system, version 4.2.',
      ),
      {
        by: 'commissioner',
        action: 'verify',
        body: () => ({
          outcome: 'verified',
          note: 'Checked on today’s visit: every detention recorded since the release names a registered place.',
        }),
      },
    ],
    end: 'implemented',
  },
  {
    key: 'removal',
    agency: 'bp',
    source: 'review',
    theme: 'removal',
    priority: 'normal',
    text:
      'Before any removal, record a non-refoulement risk assessment that addresses the trafficking indicators ' +
      'in the file.',
    actions: [accept(0)],
    end: 'accepted',
    late: { issuedDaysAgo: 75, respondedDaysAgo: 60, targetDaysAgo: 10 },
  },
  {
    key: 'rg-reasons',
    agency: 'nrm',
    source: 'review',
    theme: 'identification',
    priority: 'normal',
    text: 'Give reasons on every recorded indicator in a negative reasonable-grounds decision.',
    actions: [
      accept(45),
      claim('The decision template now lists every recorded indicator.', 'Decision template, version 3.'),
      {
        by: 'commissioner',
        action: 'verify',
        body: (day) => ({
          outcome: 'not_verified',
          note: 'The negative decisions sampled since the new template still leave indicators unaddressed.',
          targetDate: day(60),
        }),
      },
    ],
    end: 'accepted',
  },
  {
    key: 'rg-detained',
    agency: 'nrm',
    source: 'own_initiative',
    theme: 'referral',
    priority: 'urgent',
    text: 'Decide within five working days on the referral of a person who is detained, as the law requires.',
    actions: [],
    end: 'issued',
    late: { issuedDaysAgo: 10 },
  },
  {
    key: 'checklist',
    agency: 'li',
    source: 'own_initiative',
    theme: 'identification',
    priority: 'normal',
    text:
      'Bring the trafficking-indicator checklist to every joint workplace inspection and record which ' +
      'indicators were considered.',
    actions: [],
    end: 'issued',
    late: { issuedDaysAgo: 35 },
  },
  {
    key: 'li-training',
    agency: 'li',
    source: 'review',
    theme: 'training',
    priority: 'normal',
    text: 'Train inspectors to refer workers with indicators of forced labour instead of closing the inspection.',
    actions: [
      {
        by: 'commissioner',
        action: 'withdraw',
        body: () => ({
          reason: 'Superseded by the joint training programme agreed with the inspectorate’s management.',
        }),
      },
    ],
    end: 'withdrawn',
  },
];

interface RecommendationAnswer {
  id: string;
  version: number;
  state: RecommendationState;
}

/**
 * Recommendations (SPEC §12), issued by the commissioner and answered by the
 * addressed agency through the API, then the few whose clocks must have run
 * out moved back in time.
 */
export async function driveRecommendations(
  api: DemoApi,
  db: DataSource,
  cast: RecommendationCast,
  agencyIds: Record<DemoAgencyKey, string>,
  config: RecommendationsConfig,
): Promise<void> {
  const sources = await reviewSources(db, agencyIds);
  const ids = new Map<string, string>();
  const day = (n: number) => utcDate(new Date(), n);
  for (const story of STORIES) {
    const reviewId = story.source === 'review' ? sources.get(agencyIds[story.agency])?.shift() : undefined;
    let r = await api.post<RecommendationAnswer>('/recommendations', cast.commissioner, {
      agencyId: agencyIds[story.agency],
      source: reviewId ? { kind: 'review', id: reviewId } : { kind: 'own_initiative' },
      theme: story.theme,
      priority: story.priority,
      text: story.text,
      ...(story.repeatOf ? { repeatOf: ids.get(story.repeatOf) } : {}),
    });
    ids.set(story.key, r.id);
    for (const a of story.actions) {
      const as = a.by === 'commissioner' ? cast.commissioner : cast.addressees[story.agency];
      if (!as) throw new Error(`The demo has nobody to ${a.action} for ${story.agency} (${story.key}).`);
      r = await api.post<RecommendationAnswer>(
        `/recommendations/${r.id}/${a.action}`,
        as,
        { ...a.body(day), expectedVersion: r.version },
        200,
      );
    }
    if (r.state !== story.end) throw new Error(`Demo recommendation ${story.key} ended ${r.state}, not ${story.end}.`);
    if (story.late) await backdate(db, r.id, story.priority, story.late, config);
  }
}

/**
 * Concluded reviews with finding concern or disagree, by the agency whose
 * decision they reviewed, in a stable order (the sample itself is random).
 */
async function reviewSources(db: DataSource, agencyIds: Record<DemoAgencyKey, string>): Promise<Map<string, string[]>> {
  const rows = await db.query<{ id: string; agency_id: string }[]>(
    `SELECT r.id, r.deciding_agency_id AS agency_id FROM reviews r JOIN cases c ON c.id = r.case_id
      WHERE r.deciding_agency_id = ANY($1) AND r.concluded_at IS NOT NULL AND r.finding IN ('concern', 'disagree')
      ORDER BY r.finding DESC, c.external_ref, r.id`,
    [Object.values(agencyIds)],
  );
  const byAgency = new Map<string, string[]>();
  for (const r of rows) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), r.id]);
  return byAgency;
}

const DAY = 86_400_000;

/**
 * The API stamps a recommendation with the server's clock, and rightly offers
 * no way to issue one in the past or to accept with a target date already
 * over. The demo's cases are dated in the past through the API's own
 * occurrence times (`encounter.at`, `occurredAt`); recommendations have none,
 * so the only way to show a response overdue or a target missed on the day
 * of seeding is this: the register row alone is moved back in time. Its
 * history and audit events are append-only and keep the time the seed really
 * wrote them. The only write of the seed outside the API.
 */
async function backdate(
  db: DataSource,
  id: string,
  priority: Priority,
  late: NonNullable<RecommendationStory['late']>,
  config: RecommendationsConfig,
): Promise<void> {
  const now = Date.now();
  const issuedAt = new Date(now - late.issuedDaysAgo * DAY);
  const dueDays = priority === 'urgent' ? config.urgentResponseDays : config.responseDays;
  await db.query(
    `UPDATE recommendations
        SET issued_at = $2, response_due_at = $3,
            responded_at = CASE WHEN responded_at IS NULL THEN NULL ELSE $4::timestamptz END,
            target_date = CASE WHEN target_date IS NULL THEN NULL ELSE $5::date END
      WHERE id = $1`,
    [
      id,
      issuedAt,
      new Date(issuedAt.getTime() + dueDays * DAY),
      late.respondedDaysAgo === undefined ? null : new Date(now - late.respondedDaysAgo * DAY),
      late.targetDaysAgo === undefined ? null : utcDate(new Date(now), -late.targetDaysAgo),
    ],
  );
}
