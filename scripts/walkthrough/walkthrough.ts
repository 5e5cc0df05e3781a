import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '../../src/bootstrap/http-app.js';
import { SamplingRunner } from '../../src/reviews/sampling-runner.js';
import { DEMO_USERS, type DemoUserKey } from '../../seed/demo-cast.js';
import { DEMO_PLACES } from '../../seed/demo-places.js';
import { utcDate } from '../../seed/demo-visits.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { ref, renderWalkthrough, resolveRefs, type RenderedRequest, type StepResult } from './render.js';

const HOUR = 3_600_000;

/** The shell variable that holds each demo user's token in the README. */
const TOKENS = {
  admin: 'ADMIN',
  commissioner: 'COMMISSIONER',
  reviewer: 'REVIEWER',
  analyst: 'ANALYST',
  bpOfficer: 'OFFICER',
  bpSupervisor: 'SUPERVISOR',
  decisionMaker: 'DECIDER',
} as const satisfies Partial<Record<DemoUserKey, string>>;
type Caller = keyof typeof TOKENS;

interface Context {
  app: NestFastifyApplication;
  /** Variables set so far ($CASE, $ALERT, …). */
  vars: Record<string, string>;
  /** When the walkthrough began (after the seed): the sampling period starts here. */
  startedAt: Date;
}

/**
 * One request of the walkthrough. Adding one is a few lines: a title, who
 * calls, the route, the body, the status it must answer, and what to keep.
 */
export interface Step {
  title: string;
  as?: Caller;
  method: 'GET' | 'POST';
  /** Relative to /api/v1; `$NAME` is a variable an earlier step saved. */
  path: string | ((c: Context) => string);
  /** Evaluated when the step runs; `ref('NAME')` is a saved variable, shown to the reader as `$NAME`. */
  body?: (c: Context) => unknown;
  accept?: string;
  /** The status it must answer (or one of several, where either is right). */
  expect: number | readonly number[];
  /** Variables to save: name → dotted path in the JSON answer (`items.0.id`), or a function choosing from it. */
  save?: Record<string, string | ((answer: unknown) => string)>;
  /** Work a background worker would do first (this process runs none). */
  before?: (c: Context) => Promise<void>;
  maxItems?: number;
  maxLines?: number;
  /** Response headers to show beside the status. */
  headers?: string[];
  note?: string;
}

const CASE_BODY = (c: Context) => ({
  externalRef: 'DEMO-BP-WALKTHROUGH-1',
  subject: {
    pseudonym: 'WT-F-1996-001',
    sex: 'female',
    birthYear: 1996,
    nationality: 'MDA',
    languages: ['ro', 'ru'],
    isChild: false,
    name: 'Walkthrough Person',
    dateOfBirth: '1996-04-12',
  },
  encounter: {
    at: new Date(c.startedAt.getTime() - 51 * HOUR).toISOString(),
    location: 'Northern crossing, lane 3',
    kind: 'border_entry',
  },
  indicators: ['deception', 'document_retention'],
});

/** The places the demo leaves active: the walkthrough's plan visits each of them. */
const ACTIVE_PLACES = DEMO_PLACES.filter((p) => !p.closed).length;

/** The plan's visit to the place with the most people detained (the same place on every run of the demo). */
function busiestVisit(answer: unknown): string {
  const plan = answer as {
    visits: { id: string; placeId: string }[];
    places: { placeId: string; inputs: { detainedNow: number } }[];
  };
  const busiest = plan.places.reduce((a, b) => (b.inputs.detainedNow > a.inputs.detainedNow ? b : a));
  const visit = plan.visits.find((v) => v.placeId === busiest.placeId);
  if (!visit) throw new Error('walkthrough: the plan has no visit to the busiest place');
  return visit.id;
}

export const STEPS: Step[] = [
  {
    title: 'Sign in. Every request after this one carries the token (the `login` helper above does this).',
    method: 'POST',
    path: '/auth/login',
    body: () => ({ email: user('bpOfficer').email, password: user('bpOfficer').password }),
    expect: 200,
  },
  {
    title: 'List cases: what a DEMO-BP officer may read (their own agency only), a page at a time.',
    as: 'bpOfficer',
    method: 'GET',
    path: '/cases?state=referred&limit=2',
    expect: 200,
    maxItems: 2,
  },
  {
    title:
      'Open a case. The person was met at the border 51 hours ago; name and date of birth are encrypted at rest ' +
      'and never logged.',
    as: 'bpOfficer',
    method: 'POST',
    path: '/cases',
    body: CASE_BODY,
    expect: 201,
    save: { CASE: 'id', AGENCY: 'agencyId' },
  },
  {
    title:
      'Read it. Personal data comes only when asked for (`?include=pii`), and only that read writes a ' +
      '`case.pii_read` event to the audit log.',
    as: 'bpOfficer',
    method: 'GET',
    path: '/cases/$CASE?include=pii',
    expect: 200,
  },
  {
    title: 'Record a decision: the person was detained 50 hours ago (`expectedVersion` guards against lost updates).',
    as: 'bpOfficer',
    method: 'POST',
    path: '/cases/$CASE/decisions',
    body: (c) => ({
      type: 'detain',
      expectedVersion: 0,
      at: new Date(c.startedAt.getTime() - 50 * HOUR).toISOString(),
      facility: 'Northern District holding facility',
      legalBasis: 'Aliens Act s. 62 (pending identity check)',
    }),
    expect: 201,
  },
  {
    title:
      'Run the overdue-detention scan now (a worker runs it every 15 minutes): screening is overdue after 48 hours.',
    as: 'commissioner',
    method: 'POST',
    path: '/jobs/overdue-scan',
    expect: 200,
  },
  {
    title: "Alerts: the agency's supervisor sees the new one, and whom it was e-mailed to.",
    as: 'bpSupervisor',
    method: 'GET',
    path: '/alerts?caseId=$CASE',
    expect: 200,
    save: { ALERT: 'items.0.id' },
    note:
      'The e-mail is `pending` here because this run had no worker; with `npm start` it is `sent` within seconds ' +
      '(with docker compose, Mailpit shows it at <http://localhost:8025>).',
  },
  {
    title: 'Acknowledge it.',
    as: 'bpSupervisor',
    method: 'POST',
    path: '/alerts/$ALERT/acknowledge',
    expect: 200,
  },
  {
    title: 'Record the next decision: refer the person to the competent authority as a potential victim.',
    as: 'bpOfficer',
    method: 'POST',
    path: '/cases/$CASE/decisions',
    body: () => ({
      type: 'refer',
      expectedVersion: 1,
      reason: 'Recruited with a false job offer; passport kept by the recruiter.',
    }),
    expect: 201,
  },
  {
    title: 'Release the person from detention.',
    as: 'bpOfficer',
    method: 'POST',
    path: '/cases/$CASE/decisions',
    body: () => ({
      type: 'release',
      expectedVersion: 2,
      at: new Date().toISOString(),
      reason: 'Referred as a potential victim; released to a shelter.',
    }),
    expect: 201,
  },
  {
    title: 'The next scan resolves the alert by itself: the detention has ended.',
    as: 'commissioner',
    method: 'POST',
    path: '/jobs/overdue-scan',
    expect: 200,
  },
  {
    title:
      'Independent review: the commissioner starts a sampling run over a period (here: since this walkthrough ' +
      'began, so it holds the referral above).',
    as: 'commissioner',
    method: 'POST',
    path: '/sampling-runs',
    body: (c) => ({ from: c.startedAt.toISOString(), to: new Date().toISOString() }),
    expect: 201,
    save: { RUN: 'id' },
  },
  {
    title: 'A worker draws the sample within seconds; the run then states what it drew from what.',
    as: 'commissioner',
    method: 'GET',
    path: '/sampling-runs/$RUN',
    before: async (c) => void (await c.app.get(SamplingRunner).execute(c.vars.RUN)),
    expect: 200,
  },
  {
    title: 'Reviews: the decisions the run drew.',
    as: 'commissioner',
    method: 'GET',
    path: '/reviews?runId=$RUN',
    expect: 200,
    save: { REVIEW: 'items.0.id' },
    maxItems: 1,
  },
  {
    title:
      'Review a decision without reading personal data: the review embeds the record it reviews (who decided ' +
      'what, the state before and after) and its case without PII (state, indicators, encounter, detention episodes).',
    as: 'reviewer',
    method: 'GET',
    path: '/reviews/$REVIEW',
    expect: 200,
  },
  {
    title: 'Who am I: every account can ask; here the reviewer, whose id the commissioner assigns reviews to.',
    as: 'reviewer',
    method: 'GET',
    path: '/me',
    expect: 200,
    save: { REVIEWER_ID: 'id' },
  },
  {
    title: 'Assign the review to that reviewer.',
    as: 'commissioner',
    method: 'POST',
    path: '/reviews/$REVIEW/assign',
    body: () => ({ reviewerId: ref('REVIEWER_ID') }),
    expect: 200,
  },
  {
    title: 'The reviewer concludes it.',
    as: 'reviewer',
    method: 'POST',
    path: '/reviews/$REVIEW/conclude',
    body: () => ({
      finding: 'concern',
      rationale: 'The referral was right, but the screening interview came 50 hours after detention.',
    }),
    expect: 200,
  },
  {
    title: 'The agency responds to the finding.',
    as: 'bpSupervisor',
    method: 'POST',
    path: '/reviews/$REVIEW/respond',
    body: () => ({
      response: 'accept',
      responseText: 'Agreed: weekend interpreters are now on call for screening interviews.',
    }),
    expect: 200,
  },
  {
    title:
      'The finding becomes a recommendation: what the office asks the agency to change. Its response is due in ' +
      '28 days (7 when urgent).',
    as: 'commissioner',
    method: 'POST',
    path: '/recommendations',
    body: () => ({
      agencyId: ref('AGENCY'),
      source: { kind: 'review', id: ref('REVIEW') },
      theme: 'identification',
      priority: 'normal',
      text: 'Hold the screening interview within 24 hours of detention, weekends included, with an interpreter on call.',
    }),
    expect: 201,
    save: { REC: 'id' },
  },
  {
    title: 'The agency accepts it, with a target date.',
    as: 'bpSupervisor',
    method: 'POST',
    path: '/recommendations/$REC/respond',
    body: (c) => ({ expectedVersion: 1, response: 'accepted', targetDate: utcDate(c.startedAt, 60) }),
    expect: 200,
  },
  {
    title: 'It claims the recommendation implemented, with its evidence.',
    as: 'bpSupervisor',
    method: 'POST',
    path: '/recommendations/$REC/progress',
    body: () => ({
      expectedVersion: 2,
      status: 'implemented',
      note: 'A weekend interpreter roster is in force at every holding facility of the district.',
      evidence: 'Duty roster and the interpreting contract, reference INT-DEMO-7.',
    }),
    expect: 200,
  },
  {
    title:
      'The commissioner checks the claim and verifies it: the recommendation is implemented, and its history ' +
      'says who did what, when.',
    as: 'commissioner',
    method: 'POST',
    path: '/recommendations/$REC/verify',
    body: () => ({
      expectedVersion: 3,
      outcome: 'verified',
      note: 'The last ten weekend detentions each had a screening interview within 24 hours.',
    }),
    expect: 200,
    maxItems: 4,
  },
  {
    title:
      `Unannounced visits: the commissioner draws a plan for the next four weeks. Here \`count\` is every active ` +
      `place (${ACTIVE_PLACES}), so the draw decides only each visit's day; with fewer, places at higher risk ` +
      '(people detained, alerts, time since the last visit, review findings on the agency) are likelier to be ' +
      'drawn. The seed is random unless given; nobody can foresee the plan without it.',
    as: 'commissioner',
    method: 'POST',
    path: '/visit-plans',
    body: (c) => ({ from: utcDate(c.startedAt, 1), to: utcDate(c.startedAt, 28), count: ACTIVE_PLACES }),
    expect: 201,
    save: { VISIT: busiestVisit },
  },
  {
    title: 'Put the reviewer on the team of the visit to the place holding the most people.',
    as: 'commissioner',
    method: 'POST',
    path: '/visits/$VISIT/team',
    body: () => ({ expectedVersion: 0, reviewerIds: [ref('REVIEWER_ID')] }),
    expect: 200,
  },
  {
    title: 'Until the visit starts, the agency running the place cannot tell that it exists.',
    as: 'bpSupervisor',
    method: 'GET',
    path: '/visits/$VISIT',
    expect: 404,
  },
  {
    title: 'The team arrives and starts the visit.',
    as: 'reviewer',
    method: 'POST',
    path: '/visits/$VISIT/start',
    body: () => ({ expectedVersion: 1 }),
    expect: 200,
  },
  {
    title: 'Now the agency sees the visit under way: its place, day and times, never its team.',
    as: 'bpSupervisor',
    method: 'GET',
    path: '/visits/$VISIT',
    expect: 200,
  },
  {
    title:
      'The detention roll, read during the visit: everyone detained at the place now, since when, and the open ' +
      'alerts on their cases (`?include=pii` adds their personal data and writes an audit event).',
    as: 'reviewer',
    method: 'GET',
    path: '/visits/$VISIT/roll',
    expect: 200,
  },
  {
    title:
      'A complaint reaches the office: a reviewer records it. The complainant’s name and contact are encrypted and ' +
      'never in an answer unless asked for with `?include=pii` (by the roles that may read personal data, each ' +
      'read audited); triage is due in 10 working days.',
    as: 'reviewer',
    method: 'POST',
    path: '/complaints',
    body: (c) => ({
      receivedAt: new Date(c.startedAt.getTime() - 2 * HOUR).toISOString(),
      channel: 'phone',
      anonymous: false,
      complainant: {
        name: 'Walkthrough Complainant',
        contact: 'complainant@ngo.demo.oversight.test',
        relationship: 'ngo',
      },
      summary: 'People held at the border over a weekend were screened without an interpreter.',
      agencyIds: [ref('AGENCY')],
    }),
    expect: 201,
    save: { COMPLAINT: 'id' },
  },
  {
    title: 'The agency complained about cannot tell that the complaint exists.',
    as: 'bpSupervisor',
    method: 'GET',
    path: '/complaints/$COMPLAINT',
    expect: 404,
  },
  {
    title: 'The commissioner triages it (once): `investigate` opens an investigation of the agencies it names.',
    as: 'commissioner',
    method: 'POST',
    path: '/complaints/$COMPLAINT/triage',
    body: () => ({
      expectedVersion: 1,
      outcome: 'investigate',
      reason: 'The recommendation above was verified; a complaint saying otherwise needs a closer look.',
      title: 'Weekend screening without interpreters',
      termsOfReference: 'Whether screening interviews held at weekends have an interpreter, and what is recorded.',
    }),
    expect: 200,
    save: { INVESTIGATION: 'investigationId' },
  },
  {
    title:
      'The investigation, as the commissioner reads it. The agency sees it only from the draft on, and never its ' +
      'origin, investigators or evidence.',
    as: 'commissioner',
    method: 'GET',
    path: '/investigations/$INVESTIGATION',
    expect: 200,
  },
  {
    title:
      "Find every removal decision of one agency in the past month, across its cases (the deciding agency's; no PII).",
    as: 'commissioner',
    method: 'GET',
    // The past month as the 30 days before the walkthrough: the seed's history is dated relative to now, so a
    // calendar month would hold different records on different days of the month.
    path: (c) =>
      `/decision-records?type=close&outcome=removed&agencyId=$AGENCY` +
      `&from=${new Date(c.startedAt.getTime() - 30 * 24 * HOUR).toISOString()}&to=${c.startedAt.toISOString()}`,
    expect: 200,
    maxItems: 2,
  },
  {
    title: 'The agency report: decisions, timeliness, alerts and reviews per agency.',
    as: 'commissioner',
    method: 'GET',
    path: (c) =>
      `/reports/agencies?from=${new Date(c.startedAt.getTime() - 92 * 24 * HOUR).toISOString()}` +
      `&to=${new Date().toISOString()}`,
    expect: 200,
    maxItems: 1,
  },
  {
    title:
      'The anonymised export (commissioner, analysts): only combinations shared by at least k = 11 cases are ' +
      'published; the headers say how many were suppressed.',
    as: 'analyst',
    method: 'GET',
    path: '/exports/anonymised',
    accept: 'text/csv',
    expect: 200,
    headers: ['x-k-anonymity', 'x-published-rows', 'x-suppressed-rows'],
    maxLines: 4,
  },
  {
    title: 'Seal a signed checkpoint of the audit log now (a worker does it every ten minutes).',
    as: 'commissioner',
    method: 'POST',
    path: '/audit/checkpoints',
    // 200 (the latest checkpoint) only if nothing could be sealed: a long transaction elsewhere on the server.
    expect: [201, 200],
  },
  {
    title: 'Verify the audit log: every hash chain recomputed, every checkpoint signature checked.',
    as: 'commissioner',
    method: 'GET',
    path: '/audit/verify',
    expect: 200,
  },
];

function user(key: DemoUserKey) {
  return DEMO_USERS.find((u) => u.key === key)!;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  headers: Record<string, string>;
  /** The parsed JSON answer, read by dotted paths (`at`). */
  json: unknown;
}

async function call(
  app: NestFastifyApplication,
  request: RenderedRequest,
  c: Pick<Context, 'vars'> & { tokens?: Record<string, string> },
): Promise<Answer> {
  const path = request.path.replace(/\$([A-Z_]+)/g, (_m, name: string) => {
    if (!(name in c.vars)) throw new Error(`walkthrough: $${name} is used before a step sets it`);
    return encodeURIComponent(c.vars[name]);
  });
  const token = request.token ? (c.tokens?.[request.token] ?? c.vars[request.token]) : undefined;
  const res = await app
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: request.method,
      url: `/${API_PREFIX}${path}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(request.accept ? { accept: request.accept } : {}),
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { payload: JSON.stringify(resolveRefs(request.body, c.vars)) } : {}),
    });
  const contentType = String(res.headers['content-type'] ?? '');
  return {
    status: res.statusCode,
    contentType,
    text: res.body,
    headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)])),
    json: /json/.test(contentType) && res.body ? (JSON.parse(res.body) as unknown) : undefined,
  };
}

function at(value: unknown, path: string): string {
  const found = path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
  if (typeof found !== 'string') throw new Error(`walkthrough: the answer has no string at ${path}`);
  return found;
}

/** Runs every step against `app` in order; a status other than the expected one stops it with the answer. */
export async function runSteps(app: NestFastifyApplication, steps: readonly Step[] = STEPS): Promise<StepResult[]> {
  const tokens: Record<string, string> = {};
  for (const [key, name] of Object.entries(TOKENS)) {
    const u = user(key as Caller);
    const answer = await call(
      app,
      { method: 'POST', path: '/auth/login', body: { email: u.email, password: u.password } },
      { vars: {} },
    );
    if (answer.status !== 200) throw new Error(`walkthrough: ${u.email} could not sign in (${answer.status})`);
    tokens[name] = at(answer.json, 'accessToken');
  }
  const c: Context & { tokens: Record<string, string> } = { app, vars: {}, startedAt: new Date(), tokens };
  const results: StepResult[] = [];
  for (const step of steps) {
    await step.before?.(c);
    const request: RenderedRequest = {
      method: step.method,
      path: typeof step.path === 'function' ? step.path(c) : step.path,
      ...(step.as ? { token: TOKENS[step.as] } : {}),
      ...(step.accept ? { accept: step.accept } : {}),
      ...(step.body ? { body: step.body(c) } : {}),
    };
    const answer = await call(app, request, c);
    if (![step.expect].flat().includes(answer.status)) {
      throw new Error(
        `walkthrough: "${step.title}" answered ${answer.status}, not ${String(step.expect)}: ${answer.text}`,
      );
    }
    const saved = Object.entries(step.save ?? {}).map(([name, path]): [string, string] => {
      c.vars[name] = typeof path === 'string' ? at(answer.json, path) : path(answer.json);
      return [name, c.vars[name]];
    });
    results.push({
      title: step.title,
      request,
      status: answer.status,
      contentType: answer.contentType,
      body: answer.text,
      headers: (step.headers ?? []).map((name): [string, string] => [name, answer.headers[name] ?? '(missing)']),
      saved,
      maxItems: step.maxItems ?? 3,
      maxLines: step.maxLines ?? 12,
      ...(step.note ? { note: step.note } : {}),
    });
  }
  return results;
}

/**
 * The README section: the seed's sign-in table, the shell set-up, then every
 * step with the answer it really got. `app` must hold an empty database.
 */
export async function produceWalkthrough(
  app: NestFastifyApplication,
  admin: { email: string; password: string },
): Promise<string> {
  let seedOutput = '';
  // One case at a time: the seed then writes in the same order on every run, so lists come back the same.
  await seedDemo(app, { admin, write: (text) => void (seedOutput += text), concurrency: 1 });
  const results = await runSteps(app);
  return renderWalkthrough(intro(seedOutput), results);
}

function intro(seedOutput: string): string {
  const credentials = /\nSign in with[^\n]*\n((?: {2}[^\n]*\n)+)/.exec(seedOutput)?.[1];
  if (!credentials) throw new Error('walkthrough: the seed printed no sign-in table');
  const logins = Object.entries(TOKENS).map(([key, name]) => {
    const u = user(key as Caller);
    return `${name}=$(login ${u.email} ${u.password})`;
  });
  return [
    'Generated by `npm run docs:walkthrough` from a real run on an empty database (requests and answers are real;',
    'an e2e test fails when this text and a fresh run differ in anything but ids, times, tokens and counts).',
    '',
    'Start the API and fill an empty database with the demo (places of detention, about 225 cases through the HTTP',
    'API, alerts, a sampling run and its reviews, unannounced visits and a visit plan, recommendations in every state,',
    'complaints triaged each way and an investigation in every state).',
    'The seed prints who to sign in as; the passwords are published here on purpose, for a local demo database only',
    '(the seed refuses `NODE_ENV=production`):',
    '',
    '```bash',
    'npm start &            # API + workers on :3000',
    'npm run seed:demo      # or DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_demo npm run seed:demo',
    '```',
    '',
    '```text',
    credentials.trimEnd(),
    '```',
    '',
    'Sign in as each of them once (access tokens last 15 minutes):',
    '',
    '```bash',
    'BASE=http://localhost:3000/api/v1',
    `login() { curl -s "$BASE/auth/login" -H 'content-type: application/json' \\`,
    `  -d "{\\"email\\":\\"$1\\",\\"password\\":\\"$2\\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/'; }`,
    ...logins,
    '```',
  ].join('\n');
}
