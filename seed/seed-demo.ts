import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { NotificationSender } from '../src/alerts/notification-sender.js';
import type { CaseState } from '../src/cases/domain/identification.js';
import { StartupError } from '../src/common/startup-error.js';
import { AppConfig } from '../src/config/app-config.js';
import { INVESTIGATION_STATES } from '../src/investigations/domain/investigation-workflow.js';
import { RECOMMENDATION_STATES } from '../src/recommendations/domain/recommendation-workflow.js';
import { SamplingRunner } from '../src/reviews/sampling-runner.js';
import { PasswordLinks } from '../src/auth/password-links.js';
import { canReadPii } from '../src/authz/domain/pii-roles.js';
import { planDemoCases, type CasePlan, type DemoActor } from './case-plans.js';
import { type Caller, DemoApi } from './demo-api.js';
import {
  DEMO_ADMIN,
  DEMO_AGENCIES,
  DEMO_API_KEY_NAME,
  DEMO_MARKER_CODE,
  DEMO_USERS,
  type DemoAgencyKey,
  type DemoUserKey,
} from './demo-cast.js';
import { DEMO_PLACES, type DemoPlaceKey } from './demo-places.js';
import { driveComplaints } from './demo-complaints.js';
import { driveRecommendations } from './demo-recommendations.js';
import { driveReviews, type ReviewItem, type SeededCase } from './demo-reviews.js';
import { driveVisits } from './demo-visits.js';
import { formatSummary, readDemoCounts, type DemoCounts } from './demo-summary.js';

export interface SeedDemoOptions {
  /** An administrator to sign in as; without one the seed can only report what is there. */
  admin: { email: string; password: string } | undefined;
  /** Where the summary goes; stdout by default. */
  write?: (text: string) => void;
  /** The anchor of every demo time (default: now). */
  now?: Date;
  /** Cases opened and decided at once. */
  concurrency?: number;
}

export interface SeedDemoReport {
  created: boolean;
  counts: DemoCounts;
  apiKey: string | null;
  reconsideration: { externalRef: string; reviewId: string; caseId: string } | null;
}

const DAY = 86_400_000;

/**
 * Fills the database behind `app` with the demo (SPEC §9) through the public
 * HTTP API, or — if agency DEMO-BP exists already — only reports what is
 * there. Reads go to the database directly; every write is an API request,
 * except what a worker would do (drawing the sampling run, sending the
 * alert e-mails), which calls the same services the workers call, and the
 * back-dating of the few recommendations whose clocks must have run out
 * (demo-recommendations.ts says why).
 */
export async function seedDemo(app: NestFastifyApplication, options: SeedDemoOptions): Promise<SeedDemoReport> {
  const db = app.get(DataSource);
  const config = app.get(AppConfig);
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const [present] = await db.query<{ id: string }[]>(`SELECT id FROM agencies WHERE lower(code) = lower($1)`, [
    DEMO_MARKER_CODE,
  ]);
  if (present) {
    const counts = await readDemoCounts(db);
    write(formatSummary({ created: false, seconds: null, counts, apiKey: null, reconsideration: null, config }));
    const incomplete =
      !counts.samplingRun ||
      Object.keys(counts.casesByState).length < 9 ||
      Object.keys(counts.recommendationsByState).length < RECOMMENDATION_STATES.length ||
      Object.keys(counts.investigationsByState).length < INVESTIGATION_STATES.length;
    if (incomplete) {
      write(
        'Warning: the demo looks incomplete (an earlier seed was interrupted?). ' +
          'Seed an empty database instead, e.g. DATABASE_URL=…/oversight_demo npm run seed:demo.\n',
      );
    }
    return { created: false, counts, apiKey: null, reconsideration: null };
  }
  if (!options.admin) {
    throw new StartupError(
      `This database has users but no demo admin (${DEMO_ADMIN.email}), and the seed may not create a first admin ` +
        'itself. Set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to an existing administrator so the seed can ' +
        'sign in as them, or seed an empty database.',
    );
  }

  const started = Date.now();
  const now = options.now ?? new Date();
  const api = new DemoApi(app);
  write('Seeding the demo through the HTTP API (in-process)…\n');
  const admin = await api.login('admin', options.admin.email, options.admin.password).catch((err: unknown) => {
    throw new StartupError(
      `The seed could not sign in as ${options.admin!.email} (${err instanceof Error ? err.message : String(err)}). ` +
        'Check BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD.',
    );
  });

  // Agencies, people and the API key: what an administrator sets up first.
  const agencyIds = {} as Record<DemoAgencyKey, string>;
  for (const a of DEMO_AGENCIES) {
    const created = await api.post<{ id: string }>('/agencies', admin, {
      name: a.name,
      code: a.code,
      kind: a.kind,
      alertEmail: a.alertEmail,
    });
    agencyIds[a.key] = created.id;
  }
  const existing = new Set(
    (
      await db.query<{ email: string }[]>(`SELECT email FROM users WHERE email = ANY($1)`, [
        DEMO_USERS.map((u) => u.email),
      ])
    ).map((u) => u.email),
  );
  const userIds = {} as Record<DemoUserKey, string>;
  for (const u of DEMO_USERS) {
    if (existing.has(u.email)) continue;
    // Accounts that read personal data set their own password (SPEC §8): the seed takes the set-password token
    // in-process, as if it had followed the e-mailed link, and sets the demo password through the public route.
    const ownLink = canReadPii(u.role);
    const created = await api.post<{ id: string }>('/users', admin, {
      email: u.email,
      ...(ownLink ? {} : { password: u.password }),
      role: u.role,
      ...(u.agency ? { agencyId: agencyIds[u.agency] } : {}),
      ...(u.conflicts.length > 0 ? { conflictAgencyIds: u.conflicts.map((k) => agencyIds[k]) } : {}),
    });
    if (ownLink) {
      const link = await app.get(PasswordLinks).issueInProcess(created.id);
      await api.post('/auth/set-password', null, { token: link.token, password: u.password }, 204);
    }
    userIds[u.key] = created.id;
  }

  const signIn = async (key: Exclude<DemoUserKey, 'admin'>): Promise<Caller> => {
    const u = DEMO_USERS.find((x) => x.key === key)!;
    return api.login(key, u.email, u.password);
  };
  const [commissioner, reviewer, conflictedReviewer, bpOfficer, bpSupervisor, liOfficer, decisionMaker] =
    await Promise.all(
      (
        [
          'commissioner',
          'reviewer',
          'conflictedReviewer',
          'bpOfficer',
          'bpSupervisor',
          'liOfficer',
          'decisionMaker',
        ] as const
      ).map(signIn),
    );
  // SPEC §2: an agency's keys are issued by its own supervisor.
  const issued = await api.post<{ key: string }>(`/agencies/${agencyIds.bp}/api-keys`, bpSupervisor, {
    name: DEMO_API_KEY_NAME,
  });
  // Places of detention: the administrator registers them, the agency's supervisor one of its own, and the office
  // closes the ones nobody may be held at any more.
  const placeIds = {} as Record<DemoPlaceKey, string>;
  for (const p of DEMO_PLACES) {
    const created = await api.post<{ id: string }>('/places', p.registeredByAgency ? bpSupervisor : admin, {
      agencyId: agencyIds[p.agency],
      name: p.name,
      kind: p.kind,
      region: p.region,
      ...(p.capacity ? { capacity: p.capacity } : {}),
    });
    placeIds[p.key] = created.id;
    if (p.closed) await api.patch(`/places/${created.id}`, admin, { active: false });
  }
  write(`  ${DEMO_PLACES.length} places of detention\n`);

  const actors: Record<DemoActor, Caller> = {
    bpOfficer,
    bpSupervisor,
    bpApiKey: { label: 'DEMO-BP API key', auth: `Bearer ${issued.key}` },
    liOfficer,
    decisionMaker,
    commissioner,
  };

  // Cases: about 225 decision streams, each checked by the real state machine on its way in.
  const plans = planDemoCases(now, {
    recoveryPeriodDays: config.cases.recoveryPeriodDays,
    screeningMaxHours: config.alerts.screeningMaxHours,
    rgDecisionMaxWorkingDays: config.alerts.rgDecisionMaxWorkingDays,
    maxDetentionDays: config.alerts.maxDetentionDays,
  });
  const seeded = await inPool(plans, options.concurrency ?? 8, (plan) => openAndDecide(api, actors, placeIds, plan));
  const cases = new Map(seeded.map((c) => [c.id, c]));
  write(`  ${seeded.length} cases with their decision streams\n`);

  // Alerts: a scan now, one person released, a second scan that resolves that alert, two acknowledgements.
  await api.post('/jobs/overdue-scan', commissioner, {}, 200);
  const releasable = seeded.find((c, i) => plans[i].scenario === 'screening overdue, detained' && c.agency === 'bp');
  if (releasable) {
    const answer = await api.post<{ case: { version: number } }>(`/cases/${releasable.id}/decisions`, bpOfficer, {
      type: 'release',
      expectedVersion: releasable.version,
      at: new Date(Date.now() - 60_000).toISOString(),
      reason: 'Released on reporting conditions while the screening interview is arranged.',
    });
    releasable.version = answer.case.version;
    await api.post('/jobs/overdue-scan', commissioner, {}, 200);
  }
  await acknowledgeOne(api, bpSupervisor, 'rg_decision_overdue');
  await acknowledgeOne(api, commissioner, 'detention_limit_exceeded');
  write('  overdue scans and their alerts\n');

  // Independent review: a run over the seeded period, drawn at once, then the workflow.
  const run = await api.post<{ id: string }>('/sampling-runs', commissioner, {
    from: new Date(now.getTime() - 92 * DAY).toISOString(),
    to: new Date().toISOString(),
  });
  // A worker of a running `npm start` may draw the run first: then this finds it drawn ('skipped').
  const outcome = await app.get(SamplingRunner).execute(run.id);
  const [{ status }] = await db.query<{ status: string }[]>(`SELECT status FROM sampling_runs WHERE id = $1`, [run.id]);
  if (status !== 'completed') throw new Error(`The sampling run ${run.id} ended ${outcome} (${status}).`);
  const reviews = await listReviews(api, commissioner, run.id);
  const office = {
    commissioner,
    reviewer: { ...reviewer, id: userIds.reviewer ?? (await idOf(api, reviewer)) },
    conflictedReviewer: {
      ...conflictedReviewer,
      id: userIds.conflictedReviewer ?? (await idOf(api, conflictedReviewer)),
    },
  };
  const { reconsideration } = await driveReviews(
    api,
    {
      ...office,
      bpSupervisor,
      responders: new Map([
        [agencyIds.bp, bpSupervisor],
        [agencyIds.nrm, decisionMaker],
      ]),
    },
    reviews,
    cases,
  );
  write(`  a sampling run of ${reviews.length} reviews, taken through the review workflow\n`);

  // Visits come after the alerts and reviews: a plan's risk figures are drawn from both.
  await driveVisits(api, office, placeIds, now);
  write('  unannounced visits with their findings, and a visit plan\n');

  await driveRecommendations(
    api,
    db,
    { commissioner, addressees: { bp: bpSupervisor, nrm: decisionMaker } },
    agencyIds,
    config.recommendations,
  );
  write('  recommendations in every state, answered by the agencies\n');

  // After the reviews and alerts: a complaint names reviewable cases, and an investigation cites an alert.
  await driveComplaints(api, db, { commissioner, reviewer: office.reviewer, bpSupervisor }, agencyIds, placeIds);
  write('  complaints triaged each way, and an investigation in every state\n');

  // A last scan sees the visits, recommendations and the untriaged complaint too. Workers are off in this process:
  // send what the outbox holds now, as the worker would.
  await api.post('/jobs/overdue-scan', commissioner, {}, 200);
  const sender = app.get(NotificationSender);
  const owed = await db.query<{ id: string }[]>(
    `SELECT id FROM alert_notifications WHERE status = 'pending' ORDER BY created_at, id`,
  );
  for (const n of owed) await sender.deliver(n.id);
  write('  a last overdue scan, and the alert e-mails\n');

  // Sealed now rather than by the ten-minute schedule, so verify shows a signed checkpoint at once.
  // 200: a running worker's schedule sealed everything a moment ago, and only that checkpoint is returned.
  await api.post('/audit/checkpoints', commissioner, undefined, [201, 200]);
  write('  a signed audit checkpoint\n');

  const counts = await readDemoCounts(db);
  const report: SeedDemoReport = { created: true, counts, apiKey: issued.key, reconsideration };
  write(
    formatSummary({
      created: true,
      seconds: (Date.now() - started) / 1000,
      counts,
      apiKey: issued.key,
      reconsideration,
      config,
    }),
  );
  return report;
}

async function openAndDecide(
  api: DemoApi,
  actors: Record<DemoActor, Caller>,
  placeIds: Record<DemoPlaceKey, string>,
  plan: CasePlan,
): Promise<SeededCase> {
  // Detentions name the place only: the API takes its name as the facility.
  const { detention, ...opening } = plan.body;
  const opened = await api.post<{ id: string; version: number; state: CaseState }>('/cases', actors[plan.openedBy], {
    ...opening,
    ...(detention
      ? { detention: { at: detention.at, placeId: placeIds[detention.place], legalBasis: detention.legalBasis } }
      : {}),
  });
  let { version, state } = opened;
  for (const d of plan.decisions) {
    const { place, ...body } = d.body;
    const answer = await api.post<{ case: { version: number; state: CaseState } }>(
      `/cases/${opened.id}/decisions`,
      actors[d.by],
      { ...body, ...(place ? { placeId: placeIds[place] } : {}), expectedVersion: version },
    );
    ({ version, state } = answer.case);
  }
  if (state !== plan.expectedState) {
    throw new Error(`Demo case ${plan.body.externalRef} (${plan.scenario}) ended ${state}, not ${plan.expectedState}.`);
  }
  return { id: opened.id, agency: plan.agency, externalRef: plan.body.externalRef, state, version };
}

async function acknowledgeOne(api: DemoApi, as: Caller, rule: string): Promise<void> {
  const page = await api.get<{ items: { id: string }[] }>(`/alerts?status=open&rule=${rule}&limit=1`, as);
  if (page.items[0]) await api.post(`/alerts/${page.items[0].id}/acknowledge`, as, {}, 200);
}

async function listReviews(api: DemoApi, as: Caller, runId: string): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/reviews?runId=${runId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.get<{ items: ReviewItem[]; nextCursor: string | null }>(query, as);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function idOf(api: DemoApi, as: Caller): Promise<string> {
  return (await api.get<{ id: string }>('/me', as)).id;
}

/** Runs `fn` over `items` with at most `size` at a time; results keep the input order. */
async function inPool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
