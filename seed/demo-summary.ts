import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config.js';
import { CASE_STATES, CLOSE_OUTCOMES } from '../src/cases/domain/identification.js';
import { COMPLAINT_STATES, TRIAGE_OUTCOMES } from '../src/complaints/domain/complaint-workflow.js';
import { INVESTIGATION_STATES } from '../src/investigations/domain/investigation-workflow.js';
import { ALERT_RULES } from '../src/alerts/domain/alert-rules.js';
import { RECOMMENDATION_STATES, SOURCE_KINDS } from '../src/recommendations/domain/recommendation-workflow.js';
import { REVIEW_STATUSES } from '../src/reviews/domain/review-workflow.js';
import { VISIT_STATES } from '../src/visits/domain/visit-workflow.js';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-cast.js';

/** What the demo database holds now, read back (SQL reads only) for the summary and the tests. */
export interface DemoCounts {
  agencies: { id: string; code: string; name: string; kind: string; alertEmail: string | null }[];
  users: { email: string; role: string; agencyCode: string | null; conflictCodes: string[] }[];
  casesByAgency: Record<string, number>;
  casesByState: Record<string, number>;
  closedOutcomes: Record<string, number>;
  decisionRecords: number;
  detainedNow: number;
  releasedEpisodes: number;
  alerts: Record<string, { total: number; open: number; acknowledged: number; resolved: number }>;
  emails: Record<string, number>;
  reviewsByStatus: Record<string, number>;
  samplingRun: { id: string; populationCount: number; sampleCount: number } | null;
  activeApiKeys: number;
  places: { total: number; active: number; byAgency: Record<string, number>; detainedAtPlaces: number };
  visitsByState: Record<string, number>;
  visitPlans: number;
  visitFindings: number;
  recommendationsByState: Record<string, number>;
  recommendationsBySource: Record<string, number>;
  /** Still `issued` after the due instant; accepted in whole or part with the target date over. */
  recommendationsOverdue: { response: number; target: number };
  recommendationRepeats: number;
  complaintsByState: Record<string, number>;
  complaintsByOutcome: Record<string, number>;
  anonymousComplaints: number;
  investigationsByState: Record<string, number>;
}

export async function readDemoCounts(db: DataSource): Promise<DemoCounts> {
  const agencies = await db.query<
    { id: string; code: string; name: string; kind: string; alert_email: string | null }[]
  >(`SELECT id, code, name, kind, alert_email FROM agencies WHERE lower(code) = ANY($1) ORDER BY code`, [
    DEMO_AGENCIES.map((a) => a.code.toLowerCase()),
  ]);
  const ids = agencies.map((a) => a.id);
  const codeOf = new Map(agencies.map((a) => [a.id, a.code]));
  const count = async (sql: string, params: unknown[] = [ids]) =>
    (await db.query<{ key: string; n: number }[]>(sql, params)).reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.key]: r.n }),
      {},
    );

  const users = await db.query<
    { email: string; role: string; agency_id: string | null; conflict_agency_ids: string[] }[]
  >(`SELECT email, role, agency_id, conflict_agency_ids FROM users WHERE email = ANY($1)`, [
    DEMO_USERS.map((u) => u.email),
  ]);
  const alertRows = await db.query<{ rule: string; status: string; n: number }[]>(
    `SELECT rule, status, count(*)::int AS n FROM alerts WHERE agency_id = ANY($1) GROUP BY rule, status`,
    [ids],
  );
  const alerts: DemoCounts['alerts'] = {};
  for (const r of alertRows) {
    const entry = (alerts[r.rule] ??= { total: 0, open: 0, acknowledged: 0, resolved: 0 });
    entry.total += r.n;
    entry[r.status as 'open' | 'acknowledged' | 'resolved'] += r.n;
  }
  const [totals] = await db.query<
    { decisions: number; detained: number; released: number; keys: number; run_id: string | null }[]
  >(
    `SELECT (SELECT count(*)::int FROM decision_records WHERE agency_id = ANY($1)) AS decisions,
            (SELECT count(*)::int FROM detention_episodes WHERE agency_id = ANY($1) AND released_at IS NULL) AS detained,
            (SELECT count(*)::int FROM detention_episodes WHERE agency_id = ANY($1) AND released_at IS NOT NULL) AS released,
            (SELECT count(*)::int FROM api_keys WHERE agency_id = ANY($1) AND revoked_at IS NULL) AS keys,
            (SELECT r.run_id FROM reviews r WHERE r.case_agency_id = ANY($1) ORDER BY r.created_at DESC LIMIT 1) AS run_id`,
    [ids],
  );
  const [oversight] = await db.query<
    {
      places: number;
      active: number;
      at_places: number;
      plans: number;
      findings: number;
      response_overdue: number;
      target_missed: number;
      repeats: number;
    }[]
  >(
    `SELECT (SELECT count(*)::int FROM places WHERE agency_id = ANY($1)) AS places,
            (SELECT count(*)::int FROM places WHERE agency_id = ANY($1) AND active) AS active,
            (SELECT count(*)::int FROM detention_episodes
              WHERE agency_id = ANY($1) AND released_at IS NULL AND place_id IS NOT NULL) AS at_places,
            (SELECT count(DISTINCT plan_id)::int FROM visits WHERE agency_id = ANY($1)) AS plans,
            (SELECT count(*)::int FROM visit_findings f JOIN visits v ON v.id = f.visit_id
              WHERE v.agency_id = ANY($1)) AS findings,
            (SELECT count(*)::int FROM recommendations
              WHERE agency_id = ANY($1) AND state = 'issued' AND response_due_at < now()) AS response_overdue,
            (SELECT count(*)::int FROM recommendations
              WHERE agency_id = ANY($1) AND state IN ('accepted', 'partially_accepted')
                AND target_date < (now() AT TIME ZONE 'UTC')::date) AS target_missed,
            (SELECT count(*)::int FROM recommendations WHERE agency_id = ANY($1) AND repeat_of IS NOT NULL) AS repeats`,
    [ids],
  );
  const [run] = totals.run_id
    ? await db.query<{ id: string; population_count: number; sample_count: number }[]>(
        `SELECT id, population_count, sample_count FROM sampling_runs WHERE id = $1`,
        [totals.run_id],
      )
    : [];

  return {
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, alertEmail: a.alert_email })),
    users: DEMO_USERS.flatMap((demo) => {
      const u = users.find((x) => x.email === demo.email);
      return u
        ? [
            {
              email: u.email,
              role: u.role,
              agencyCode: u.agency_id ? (codeOf.get(u.agency_id) ?? null) : null,
              conflictCodes: u.conflict_agency_ids.map((id) => codeOf.get(id) ?? id),
            },
          ]
        : [];
    }),
    casesByAgency: Object.fromEntries(
      Object.entries(
        await count(`SELECT agency_id AS key, count(*)::int AS n FROM cases WHERE agency_id = ANY($1) GROUP BY 1`),
      ).map(([id, n]) => [codeOf.get(id) ?? id, n]),
    ),
    casesByState: await count(
      `SELECT state AS key, count(*)::int AS n FROM cases WHERE agency_id = ANY($1) GROUP BY 1`,
    ),
    closedOutcomes: await count(
      `SELECT closed_outcome AS key, count(*)::int AS n FROM cases
        WHERE agency_id = ANY($1) AND state = 'closed' GROUP BY 1`,
    ),
    decisionRecords: totals.decisions,
    detainedNow: totals.detained,
    releasedEpisodes: totals.released,
    alerts,
    emails: await count(
      `SELECT n.status AS key, count(*)::int AS n FROM alert_notifications n JOIN alerts a ON a.id = n.alert_id
        WHERE a.agency_id = ANY($1) GROUP BY 1`,
    ),
    reviewsByStatus: await count(
      `SELECT status AS key, count(*)::int AS n FROM reviews WHERE case_agency_id = ANY($1) GROUP BY 1`,
    ),
    samplingRun: run ? { id: run.id, populationCount: run.population_count, sampleCount: run.sample_count } : null,
    activeApiKeys: totals.keys,
    places: {
      total: oversight.places,
      active: oversight.active,
      byAgency: Object.fromEntries(
        Object.entries(
          await count(`SELECT agency_id AS key, count(*)::int AS n FROM places WHERE agency_id = ANY($1) GROUP BY 1`),
        ).map(([id, n]) => [codeOf.get(id) ?? id, n]),
      ),
      detainedAtPlaces: oversight.at_places,
    },
    visitsByState: await count(
      `SELECT state AS key, count(*)::int AS n FROM visits WHERE agency_id = ANY($1) GROUP BY 1`,
    ),
    visitPlans: oversight.plans,
    visitFindings: oversight.findings,
    recommendationsByState: await count(
      `SELECT state AS key, count(*)::int AS n FROM recommendations WHERE agency_id = ANY($1) GROUP BY 1`,
    ),
    recommendationsBySource: await count(
      `SELECT source_kind AS key, count(*)::int AS n FROM recommendations WHERE agency_id = ANY($1) GROUP BY 1`,
    ),
    recommendationsOverdue: { response: oversight.response_overdue, target: oversight.target_missed },
    recommendationRepeats: oversight.repeats,
    // A complaint or investigation about several agencies counts once if any is a demo agency.
    complaintsByState: await count(
      `SELECT state AS key, count(*)::int AS n FROM complaints WHERE agency_ids && $1::uuid[] GROUP BY 1`,
    ),
    complaintsByOutcome: await count(
      `SELECT triage_outcome AS key, count(*)::int AS n FROM complaints
        WHERE agency_ids && $1::uuid[] AND triage_outcome IS NOT NULL GROUP BY 1`,
    ),
    anonymousComplaints: (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM complaints WHERE agency_ids && $1::uuid[] AND anonymous`,
        [ids],
      )
    )[0].n,
    investigationsByState: await count(
      `SELECT state AS key, count(*)::int AS n FROM investigations WHERE agency_ids && $1::uuid[] GROUP BY 1`,
    ),
  };
}

export interface SummaryInput {
  created: boolean;
  seconds: number | null;
  counts: DemoCounts;
  apiKey: string | null;
  reconsideration: { externalRef: string; reviewId: string } | null;
  config: AppConfig;
}

/** The text a newcomer reads after `npm run seed:demo`: who to sign in as, what is there, what to try. */
export function formatSummary(s: SummaryInput): string {
  const { counts: c, config } = s;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const list = (keys: readonly string[], r: Record<string, number>) =>
    keys
      .filter((k) => r[k])
      .map((k) => `${k} ${r[k]}`)
      .join(' · ');

  push(
    '',
    s.created
      ? `Demo data created through the HTTP API (in-process) in ${s.seconds?.toFixed(1)} s.`
      : 'The demo data is already in this database (agency DEMO-BP exists): nothing was written.',
    '',
    'Sign in with (demo passwords, published in the README: for a local demo database only)',
  );
  const rows = DEMO_USERS.filter((u) => c.users.some((x) => x.email === u.email)).map((u) => {
    const found = c.users.find((x) => x.email === u.email)!;
    const conflicts = found.conflictCodes.length > 0 ? ` (conflict: ${found.conflictCodes.join(', ')})` : '';
    return [u.email, u.password, u.role, `${found.agencyCode ?? '–'}${conflicts}`];
  });
  push(...table([['E-MAIL', 'PASSWORD', 'ROLE', 'AGENCY'], ...rows]).map((l) => `  ${l}`));
  const missing = DEMO_USERS.filter((u) => !c.users.some((x) => x.email === u.email));
  if (missing.length > 0) push(`  (missing: ${missing.map((u) => u.email).join(', ')})`);

  const bp = c.agencies.find((a) => a.code === 'DEMO-BP');
  push('');
  if (s.apiKey) {
    push(
      'API key of DEMO-BP (acts as an agency officer of it; shown this once, only its hash is stored):',
      `  ${s.apiKey}`,
    );
  } else {
    push(
      `API key of DEMO-BP: ${c.activeApiKeys} active; it was shown once, on the first run. Issue another as its supervisor:`,
      `  POST /api/v1/agencies/${bp?.id ?? '<DEMO-BP id>'}/api-keys {"name":"…"}`,
    );
  }

  push('', 'Agencies');
  push(
    ...table(c.agencies.map((a) => [a.code, a.kind, a.name, a.alertEmail ? `alerts to ${a.alertEmail}` : ''])).map(
      (l) => `  ${l}`,
    ),
  );

  const byAgency = Object.entries(c.casesByAgency)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  push(
    '',
    `Cases: ${total(c.casesByState)} (${byAgency}); ${c.decisionRecords} decision records; ` +
      `${c.detainedNow} people detained now, ${c.releasedEpisodes} detentions ended`,
    `  ${list(CASE_STATES, c.casesByState)}`,
    `  closed: ${list(CLOSE_OUTCOMES, c.closedOutcomes)}`,
  );

  const alertTotal = Object.values(c.alerts).reduce((a, b) => a + b.total, 0);
  push('', `Alerts: ${alertTotal}`);
  for (const rule of ALERT_RULES) {
    const a = c.alerts[rule];
    if (!a) continue;
    const parts = (['open', 'acknowledged', 'resolved'] as const).filter((k) => a[k]).map((k) => `${a[k]} ${k}`);
    push(`  ${rule.padEnd(26)} ${String(a.total).padStart(3)}  (${parts.join(', ')})`);
  }

  const run = c.samplingRun;
  push(
    '',
    `Reviews: ${total(c.reviewsByStatus)}` +
      (run ? ` (sampling run ${run.id}: ${run.sampleCount} of ${run.populationCount} decisions drawn)` : ''),
    `  ${list(REVIEW_STATUSES, c.reviewsByStatus)}`,
  );
  if (s.reconsideration) {
    push(
      `  an accepted disagreement (review ${s.reconsideration.reviewId}) led to a reconsideration request on ` +
        `case ${s.reconsideration.externalRef}`,
    );
  }

  const byPlaceAgency = Object.entries(c.places.byAgency)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  push(
    '',
    `Places of detention: ${c.places.total} (${byPlaceAgency}), ${c.places.active} active; ` +
      `${c.places.detainedAtPlaces} people detained at them now`,
    `Visits: ${total(c.visitsByState)} (${list(VISIT_STATES, c.visitsByState)}); ` +
      `${c.visitFindings} finding${c.visitFindings === 1 ? '' : 's'}; ` +
      `${c.visitPlans} visit plan${c.visitPlans === 1 ? '' : 's'}`,
  );

  const overdue = c.recommendationsOverdue;
  push(
    '',
    `Recommendations: ${total(c.recommendationsByState)} (${list(SOURCE_KINDS, c.recommendationsBySource)}); ` +
      `${c.recommendationRepeats} repeat${c.recommendationRepeats === 1 ? 's' : ''} an earlier one`,
    `  ${list(RECOMMENDATION_STATES, c.recommendationsByState)}`,
    `  overdue now: ${overdue.response} response${overdue.response === 1 ? '' : 's'}, ` +
      `${overdue.target} target date${overdue.target === 1 ? '' : 's'} missed`,
  );

  push(
    '',
    `Complaints: ${total(c.complaintsByState)} (${c.anonymousComplaints} anonymous); ` +
      `${list(COMPLAINT_STATES, c.complaintsByState)}`,
    `  triaged: ${list(TRIAGE_OUTCOMES, c.complaintsByOutcome)}`,
    `Investigations: ${total(c.investigationsByState)} (${list(INVESTIGATION_STATES, c.investigationsByState)})`,
  );

  const sent = c.emails.sent ?? 0;
  const waiting = (c.emails.pending ?? 0) + (c.emails.sending ?? 0);
  const where = config.mail.smtpUrl
    ? `over SMTP to ${smtpHost(config.mail.smtpUrl)} (with docker compose: Mailpit at http://localhost:8025)`
    : `as .eml files to ${resolve(config.mail.outboxDir)}`;
  push(
    '',
    `E-mails: ${sent} alert e-mail${sent === 1 ? '' : 's'} sent ${where}` +
      (waiting ? `; ${waiting} still in the outbox (a worker sends them: npm start)` : '') +
      (c.emails.failed ? `; ${c.emails.failed} failed (see GET /api/v1/alerts)` : ''),
  );

  const base = config.http.publicBaseUrl;
  const commissioner = DEMO_USERS.find((u) => u.key === 'commissioner')!;
  push(
    '',
    'Try it: start the API (npm start), then',
    `  BASE=${base}`,
    `  TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/login" -H 'content-type: application/json' \\`,
    `    -d '{"email":"${commissioner.email}","password":"${commissioner.password}"}' \\`,
    `    | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/alerts?status=open"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/cases?state=recovery_period&detained=true"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/reviews?status=awaiting_response"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/visits?state=reported"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/recommendations?overdue=true"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/complaints?state=received"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/investigations?state=factual_accuracy"`,
    `  curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/audit/verify"`,
    `  curl -s -H "authorization: Bearer $TOKEN" -H 'accept: text/csv' \\`,
    `    "$BASE/api/v1/reports/agencies?from=${day(-92)}T00:00:00Z&to=${day(1)}T00:00:00Z"`,
    `  curl -s -H "authorization: Bearer ${s.apiKey ?? '<DEMO-BP API key>'}" "$BASE/api/v1/cases?limit=5"`,
    `  OpenAPI UI: ${base}/docs`,
    '',
  );
  return lines.join('\n');
}

/** The UTC date `offset` days from today, as YYYY-MM-DD. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function smtpHost(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? 465 : 25)}`;
}
