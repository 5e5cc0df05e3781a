import pg from 'pg';
import { defineAbilityFor } from '../src/authz/domain/abilities.js';
import { SqlParams } from '../src/authz/domain/rules-to-sql.js';
import { THEMES } from '../src/recommendations/domain/recommendation-workflow.js';
import { recommendationFiguresSql } from '../src/recommendations/persistence/recommendations.repository.js';

/**
 * Phase (i)'s data: `target` recommendations written in two set-based
 * statements, spread over the frontline agencies and the competent
 * authority, every state, every theme, a tenth urgent and a tenth repeating
 * the agency's earlier one. Each has the history its state needs (one line
 * per version, as the service writes them), its issue and response times
 * in the past two years, some of the still-issued ones overdue and about
 * one in six accepted targets missed. On a kept database it only tops the
 * register up to `target`.
 */
export async function loadRecommendations(
  url: string,
  target: number,
): Promise<{ inserted: number; recommendations: number; historyLines: number; ms: number }> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = Date.now();
  try {
    const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM recommendations')).rows;
    let inserted = 0;
    if (count < target) {
      await db.query('BEGIN');
      // n picks everything: the agency (n mod agencies), the state (n mod 20, by the weights below), the theme
      // ((n div agencies) mod 7, so every agency gets every theme). A tenth repeat the same agency's recommendation
      // n − agencies when that one is older.
      await db.query(
        `WITH p AS (
           SELECT (SELECT array_agg(id ORDER BY code) FROM agencies WHERE kind IN ('frontline', 'competent_authority'))
                    AS agencies,
                  (SELECT array_agg(kind ORDER BY code) FROM agencies WHERE kind IN ('frontline', 'competent_authority'))
                    AS kinds,
                  (SELECT id FROM users WHERE role = 'commissioner' ORDER BY id LIMIT 1) AS commissioner,
                  $3::text[] AS themes,
                  now() AS t0),
         s AS (
           SELECT n, p.*, cardinality(p.agencies) AS a,
                  CASE WHEN n % 20 < 4 THEN 'issued' WHEN n % 20 < 8 THEN 'accepted'
                       WHEN n % 20 < 10 THEN 'partially_accepted' WHEN n % 20 < 12 THEN 'rejected'
                       WHEN n % 20 < 14 THEN 'implementation_claimed' WHEN n % 20 < 18 THEN 'implemented'
                       ELSE 'withdrawn' END AS state,
                  CASE WHEN n % 10 = 3 THEN 'urgent' ELSE 'normal' END AS priority
             FROM generate_series($1::int, $2::int) n, p),
         g AS (
           SELECT s.*, s.agencies[1 + n % s.a] AS agency_id, s.kinds[1 + n % s.a] AS agency_kind,
                  -- Still-issued ones within the last 40 days (some overdue), the others 60–730 days ago.
                  t0 - CASE WHEN state = 'issued' THEN interval '1 hour' * (n % 960)
                            ELSE interval '1 hour' * (1440 + n % 16080) END AS issued_at,
                  CASE state WHEN 'issued' THEN 1 WHEN 'implementation_claimed' THEN 3 WHEN 'implemented' THEN 4
                             ELSE 2 END AS version
             FROM s),
         r AS (
           SELECT g.*,
                  -- A version 7 UUID of the issue time, as the service makes them: id order is issue order.
                  (lpad(to_hex((extract(epoch FROM issued_at) * 1000)::bigint), 12, '0') || '7'
                   || substr(md5(n::text), 1, 3) || '8' || substr(md5(n::text), 4, 15))::uuid AS id,
                  issued_at + interval '1 hour' * (24 + n % 480) AS responded_at
             FROM g),
         x AS (
           SELECT r.*, ARRAY[issued_at, CASE WHEN state = 'withdrawn' THEN issued_at + interval '2 days'
                                              ELSE responded_at END,
                             responded_at + interval '10 days', responded_at + interval '20 days'] AS times,
                  CASE WHEN state IN ('accepted', 'partially_accepted')
                         THEN (t0 AT TIME ZONE 'UTC')::date + (n % 120 - 20)
                       WHEN state IN ('implementation_claimed', 'implemented')
                         THEN (responded_at AT TIME ZONE 'UTC')::date + 60 END AS target_date
             FROM r),
         rec AS (
           INSERT INTO recommendations (id, agency_id, source_kind, source_id, theme, priority, text, repeat_of, state,
                                        claimed_from, version, issued_at, response_due_at, responded_at, target_date,
                                        created_by, updated_at)
           SELECT x.id, x.agency_id, 'own_initiative', NULL, x.themes[1 + (x.n / x.a) % cardinality(x.themes)],
                  x.priority, 'Bench recommendation ' || x.n,
                  CASE WHEN x.n % 10 = 7 AND prev.issued_at < x.issued_at THEN prev.id END,
                  x.state, CASE WHEN x.state = 'implementation_claimed' THEN 'accepted' END, x.version, x.issued_at,
                  x.issued_at + CASE WHEN x.priority = 'urgent' THEN interval '7 days' ELSE interval '28 days' END,
                  CASE WHEN x.state NOT IN ('issued', 'withdrawn') THEN x.responded_at END, x.target_date,
                  x.commissioner, x.times[x.version]
             FROM x LEFT JOIN x prev ON prev.n = x.n - x.a
            -- Rows in the order the service would have written them.
            ORDER BY x.issued_at)
         INSERT INTO recommendation_history (id, recommendation_id, version, at, action, actor_id, actor_role,
                                             from_state, to_state, details)
         SELECT gen_random_uuid(), x.id, v, times[v],
                CASE v WHEN 1 THEN 'issue' WHEN 2 THEN CASE WHEN state = 'withdrawn' THEN 'withdraw' ELSE 'respond' END
                       WHEN 3 THEN 'progress' ELSE 'verify' END,
                -- The bench has no supervisor accounts: the agency's id stands in for whoever answered for it.
                CASE WHEN v = 1 OR v = 4 OR state = 'withdrawn' THEN commissioner ELSE agency_id END,
                CASE WHEN v = 1 OR v = 4 OR state = 'withdrawn' THEN 'commissioner'
                     WHEN agency_kind = 'competent_authority' THEN 'decision_maker' ELSE 'agency_supervisor' END,
                CASE v WHEN 1 THEN NULL WHEN 2 THEN 'issued' WHEN 3 THEN 'accepted' ELSE 'implementation_claimed' END,
                CASE v WHEN 1 THEN 'issued'
                       WHEN 2 THEN CASE WHEN state IN ('implementation_claimed', 'implemented') THEN 'accepted'
                                        ELSE state END
                       WHEN 3 THEN 'implementation_claimed' ELSE 'implemented' END,
                CASE v WHEN 1 THEN jsonb_build_object('priority', priority)
                       WHEN 2 THEN CASE state
                         WHEN 'withdrawn' THEN jsonb_build_object('reason', 'Overtaken by events.')
                         WHEN 'rejected' THEN jsonb_build_object('response', 'rejected',
                                                                 'reason', 'No budget line for this in the plan.')
                         WHEN 'partially_accepted' THEN jsonb_build_object('response', 'partially_accepted',
                                                                           'targetDate', target_date::text,
                                                                           'reason', 'Only at the larger border posts.')
                         ELSE jsonb_build_object('response', 'accepted', 'targetDate', target_date::text) END
                       WHEN 3 THEN jsonb_build_object('status', 'implemented', 'note', 'Done.', 'evidence', 'Circular.')
                       ELSE jsonb_build_object('outcome', 'verified', 'note', 'Seen on a visit.') END
           FROM x CROSS JOIN LATERAL generate_series(1, x.version) v
          ORDER BY times[v]`,
        [count + 1, target, [...THEMES]],
      );
      await db.query('COMMIT');
      inserted = target - count;
    }
    // VACUUM as well: visibility and hint bits set, as autovacuum leaves a register that grew over years.
    await db.query('VACUUM ANALYZE recommendations');
    await db.query('VACUUM ANALYZE recommendation_history');
    const [counted] = (
      await db.query<{ recommendations: number; history: number }>(
        `SELECT (SELECT count(*)::int FROM recommendations) AS recommendations,
                (SELECT count(*)::int FROM recommendation_history) AS history`,
      )
    ).rows;
    return {
      inserted,
      recommendations: counted.recommendations,
      historyLines: counted.history,
      ms: Date.now() - started,
    };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

/**
 * The agency report's recommendation figures alone, as the commissioner's report runs them (every agency, the
 * period from 2000 to `now`, like phase (f)): the statement the report joins in. The median of five runs on one
 * connection after a warm-up, in ms.
 */
export async function timeFiguresAlone(url: string, now: Date): Promise<number> {
  const commissioner = defineAbilityFor({
    kind: 'user',
    id: 'bench-commissioner',
    role: 'commissioner',
    agencyId: null,
    agencyKind: 'commissioner_office',
    conflictAgencyIds: [],
  });
  const params = new SqlParams();
  const text = recommendationFiguresSql(commissioner, params, {
    agencyIds: '(SELECT a.id FROM agencies a)',
    from: new Date('2000-01-01T00:00:00Z'),
    to: now,
    now,
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(text, params.values);
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = process.hrtime.bigint();
      await db.query(text, params.values);
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return Math.round(runs.sort((a, b) => a - b)[2] * 10) / 10;
  } finally {
    await db.end();
  }
}
