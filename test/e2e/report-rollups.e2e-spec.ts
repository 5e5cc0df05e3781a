import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { defineAbilityFor } from '../../src/authz/domain/abilities.js';
import type { RequestContext } from '../../src/common/request-context.js';
import { CONSISTENCY_GROUPINGS, type ConsistencyMetric } from '../../src/reports/domain/consistency.js';
import { ConsistencyQueries } from '../../src/reports/persistence/consistency.queries.js';
import { ReportRollups } from '../../src/reports/persistence/report-rollups.js';
import { ReportsService } from '../../src/reports/reports.service.js';
import { agencyFiguresFromTables, CONSISTENCY_FROM_TABLES } from '../support/report-ground-truth.js';
import { useTestDatabase } from '../support/test-database.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Histories live in three days around two UTC midnights, so periods cut days at every distance from them. */
const BASE = Date.parse('2031-03-10T00:00:00Z');

const DECISIONS = [
  { type: 'refer', outcome: null },
  { type: 'decline_referral', outcome: null },
  { type: 'reasonable_grounds', outcome: 'positive' },
  { type: 'reasonable_grounds', outcome: 'negative' },
  { type: 'conclusive_grounds', outcome: 'positive' },
  { type: 'conclusive_grounds', outcome: 'negative' },
  { type: 'request_reconsideration', outcome: null },
  { type: 'reconsider', outcome: 'overturned' },
  { type: 'reconsider', outcome: 'upheld' },
  { type: 'detain', outcome: null },
  { type: 'release', outcome: null },
  { type: 'close', outcome: 'removed' },
] as const;
const STATES = ['screening', 'referred', 'not_referred', 'recovery_period', 'rg_negative', 'identified_victim'];

/** One write: a new case, a decision on an existing case (maybe entered late, before earlier ones), a state change. */
const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('case' as const), agency: fc.nat(2), at: fc.integer({ min: 0, max: 3 * DAY }) }),
  fc.record({
    kind: fc.constant('decision' as const),
    caseIndex: fc.nat(),
    decision: fc.constantFrom(...DECISIONS),
    byAuthority: fc.boolean(),
    after: fc.integer({ min: -2 * HOUR, max: 2 * DAY }),
  }),
  fc.record({ kind: fc.constant('state' as const), caseIndex: fc.nat(), state: fc.constantFrom(...STATES) }),
);
type Write = typeof writeArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A batch: its writes in one transaction, committed or rolled back; batches of a round run side by side. Like the
 * service, a batch writes to one existing case (and to cases it opens): two batches locking two cases in opposite
 * orders would deadlock, which the service never does.
 */
const batchArb = fc
  .record({ writes: fc.array(writeArb, { minLength: 1, maxLength: 8 }), commit: fc.boolean(), caseIndex: fc.nat() })
  .map(({ writes, commit, caseIndex }) => ({
    writes: writes.map((w) => (w.kind === 'case' ? w : { ...w, caseIndex })),
    commit,
  }));
const roundArb = fc.array(batchArb, { minLength: 1, maxLength: 4 });

/** A period: any instants, or whole days, anywhere around the history. */
const periodArb = fc
  .tuple(fc.integer({ min: -DAY, max: 5 * DAY }), fc.integer({ min: 1, max: 4 * DAY }), fc.boolean())
  .map(([start, length, wholeDays]) => {
    const from = wholeDays ? Math.floor((BASE + start) / DAY) * DAY : BASE + start;
    const to = wholeDays ? from + Math.ceil(length / DAY) * DAY : from + length;
    return { from: new Date(from), to: new Date(to) };
  });

interface World {
  frontline: string[];
  authority: string;
  cases: { id: string; agencyId: string; encounterAt: number }[];
}

let sequence = 0;

/** Applies one write in a batch; `cases` are those the batch can see (the committed ones and its own). */
async function apply(
  client: pg.PoolClient,
  world: World,
  cases: World['cases'],
  seen: number,
  write: Write,
): Promise<void> {
  if (write.kind === 'case') {
    const id = randomUUID();
    const agencyId = world.frontline[write.agency % world.frontline.length];
    const encounterAt = BASE + write.at;
    await client.query(
      `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, is_child, encounter_at,
                          encounter_location, encounter_kind, state_entered_at, audit_seq, audit_hash, created_at, updated_at)
       VALUES ($1::uuid, $2, $1::text, 'screening', 1, 'P', 'unknown', false, $3, 'Border', 'inland', $3, 1, '\\x00', now(), now())`,
      [id, agencyId, new Date(encounterAt)],
    );
    cases.push({ id, agencyId, encounterAt });
    return;
  }
  // The case is chosen among those the batch saw at its start, so a batch that opens cases still writes to one.
  if (seen === 0) return;
  const c = cases[write.caseIndex % seen];
  if (write.kind === 'state') {
    await client.query(`UPDATE cases SET state = $2, version = version + 1 WHERE id = $1`, [c.id, write.state]);
    return;
  }
  const deciding = write.byAuthority ? world.authority : c.agencyId;
  await client.query(
    `INSERT INTO decision_records (id, case_id, sequence, type, outcome, payload, agency_id, actor_type, actor_id,
                                   actor_role, actor_agency_id, occurred_at, recorded_at, audit_event_id, audit_hash,
                                   deciding_agency_id, state_before, state_after)
     VALUES ($1, $2, $3, $4, $5, '{}', $6, 'user', $1, 'officer', $7, $8, now(), $1, '\\x00', $7, 'screening', 'screening')`,
    [
      randomUUID(),
      c.id,
      (sequence += 1),
      write.decision.type,
      write.decision.outcome,
      c.agencyId,
      deciding,
      new Date(c.encounterAt + write.after),
    ],
  );
}

/**
 * SPEC §14 / issue "Consistency" item 4: the agency report's case, decision and duration figures and the consistency
 * counts come from rollups kept by triggers. Over random histories — written by concurrent transactions, some rolled
 * back, decisions entered late with earlier times, the rollups compacted at random moments — every figure equals
 * the same figure counted from the tables, for random periods cut anywhere in a day.
 */
describe('report rollups equal the figures counted from the tables', () => {
  const db = useTestDatabase(6);
  const commissioner = {
    ability: defineAbilityFor({
      kind: 'user',
      id: randomUUID(),
      role: 'commissioner',
      agencyId: null,
      agencyKind: 'commissioner_office',
      conflictAgencyIds: [],
    }),
  } as unknown as RequestContext;
  /** The services' DataSource, as far as they use it: statements, and a transaction on one connection. */
  const dataSource = () =>
    ({
      query: async (sql: string, params?: unknown[]) => (await db.sql.query(sql, params)).rows,
      transaction: async <T>(
        work: (m: { query: (sql: string, params?: unknown[]) => Promise<unknown> }) => Promise<T>,
      ) => {
        const client = await db.sql.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        } finally {
          client.release();
        }
      },
    }) as unknown as DataSource;

  async function newWorld(): Promise<World> {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await db.sql.query(`INSERT INTO agencies (id, name, code, kind) VALUES ($1, $2, $3, $4)`, [
        id,
        `Agency ${id}`,
        `R${id.slice(0, 8)}`,
        i < 2 ? 'frontline' : 'competent_authority',
      ]);
    }
    return { frontline: ids.slice(0, 2), authority: ids[2], cases: [] };
  }

  async function play(world: World, rounds: { writes: Write[]; commit: boolean }[][]): Promise<void> {
    for (const round of rounds) {
      const rejected: unknown[] = [];
      await Promise.all(
        round.map(async (batch, i) => {
          const client = await db.sql.connect();
          const cases = [...world.cases];
          const seen = cases.length;
          try {
            await client.query('BEGIN');
            for (const write of batch.writes) await apply(client, world, cases, seen, write);
            // Compaction runs while other batches are open, before or after their lines are committed.
            if (i === 0) await client.query('SELECT compact_report_rollups(7)');
            await client.query(batch.commit ? 'COMMIT' : 'ROLLBACK');
            if (batch.commit) world.cases.push(...cases.filter((c) => !world.cases.includes(c)));
          } catch (err) {
            rejected.push(err);
            await client.query('ROLLBACK');
          } finally {
            client.release();
          }
        }),
      );
      expect(rejected).toEqual([]);
    }
  }

  async function expectEqualFigures(world: World, period: { from: Date; to: Date }): Promise<void> {
    const agencyIds = [...world.frontline, world.authority];
    const truth = await agencyFiguresFromTables(db.sql, agencyIds, period);
    const report = await new ReportsService(dataSource()).agencies(commissioner, {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    });
    for (const agencyId of agencyIds) {
      const fromRollups = report.agencies.find((a) => a.agency.id === agencyId)!;
      const expected = truth.get(agencyId)!;
      const nonZero = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).filter(([, n]) => n));
      expect(nonZero(fromRollups.casesOwnedByState)).toEqual(nonZero(expected.casesOwnedByState));
      expect(nonZero(fromRollups.decisionsMadeByType)).toEqual(nonZero(expected.decisionsMadeByType));
      expect({
        screening_to_referral: fromRollups.durations.screeningToReferral,
        referral_to_rg: fromRollups.durations.referralToReasonableGrounds,
        rg_to_cg: fromRollups.durations.reasonableGroundsToConclusiveGrounds,
      }).toEqual(expected.durations);
    }
    const queries = new ConsistencyQueries(dataSource());
    for (const [metric, sql] of Object.entries(CONSISTENCY_FROM_TABLES)) {
      for (const grouping of CONSISTENCY_GROUPINGS) {
        const column = grouping === 'case_agency' ? 'agency_id' : 'deciding_agency_id';
        const expected = new Map(
          (
            await db.sql.query<{ agency_id: string; numerator: string; denominator: string }>(sql(column), [
              period.from,
              period.to,
            ])
          ).rows.map((r) => [r.agency_id, { numerator: Number(r.numerator), denominator: Number(r.denominator) }]),
        );
        const counted = await queries.counts(
          metric as ConsistencyMetric,
          grouping,
          ['frontline', 'competent_authority'],
          period,
        );
        for (const agencyId of agencyIds) {
          const got = counted.find((c) => c.agencyId === agencyId)!;
          expect({ metric, grouping, numerator: got.numerator, denominator: got.denominator }).toEqual({
            metric,
            grouping,
            ...(expected.get(agencyId) ?? { numerator: 0, denominator: 0 }),
          });
        }
      }
    }
  }

  it('for random histories, concurrent and rolled-back writers, and random periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(roundArb, { minLength: 1, maxLength: 5 }),
        fc.array(periodArb, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        async (rounds, periods, compactFirst) => {
          const world = await newWorld();
          // Cases first, so that decisions and state changes have something to land on.
          await play(world, [
            [{ writes: [0, 1, 2, 3].map((i) => ({ kind: 'case', agency: i, at: i * 17 * HOUR })), commit: true }],
          ]);
          await play(world, rounds);
          if (compactFirst) await new ReportRollups(dataSource()).compact();
          for (const period of [...periods, { from: new Date(0), to: new Date(BASE + 30 * DAY) }]) {
            await expectEqualFigures(world, period);
          }
        },
      ),
      // No shrinking: a counterexample of this size takes minutes to shrink; the first one is printed as it is.
      { numRuns: 25, endOnFailure: true },
    );
  }, 300_000);

  it('keeps a rolled-back transaction out of every rollup', async () => {
    const world = await newWorld();
    await play(world, [[{ writes: [{ kind: 'case', agency: 0, at: HOUR }], commit: true }]]);
    const before = await db.sql.query(`SELECT count(*)::int AS n FROM report_rollup_deltas`);
    await play(world, [
      [
        {
          writes: [
            { kind: 'case', agency: 1, at: 2 * HOUR },
            { kind: 'decision', caseIndex: 0, decision: DECISIONS[0], byAuthority: false, after: HOUR },
            { kind: 'state', caseIndex: 0, state: 'referred' },
          ],
          commit: false,
        },
      ],
    ]);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM report_rollup_deltas`)).rows).toEqual(before.rows);
    await expectEqualFigures(world, { from: new Date(BASE), to: new Date(BASE + DAY) });
  });

  it('counts a late decision that moves a step earlier once, at its new end', async () => {
    const world = await newWorld();
    await play(world, [[{ writes: [{ kind: 'case', agency: 0, at: 0 }], commit: true }]]);
    const refer = (after: number): Write => ({
      kind: 'decision',
      caseIndex: 0,
      decision: DECISIONS[0],
      byAuthority: false,
      after,
    });
    await play(world, [[{ writes: [refer(30 * HOUR)], commit: true }], [{ writes: [refer(5 * HOUR)], commit: true }]]);
    const steps = await db.sql.query(`SELECT step, ended_at FROM case_steps WHERE case_id = $1`, [world.cases[0].id]);
    expect(steps.rows).toEqual([{ step: 'screening_to_referral', ended_at: new Date(BASE + 5 * HOUR) }]);
    await expectEqualFigures(world, { from: new Date(BASE + DAY), to: new Date(BASE + 2 * DAY) });
    await expectEqualFigures(world, { from: new Date(BASE), to: new Date(BASE + DAY) });
  });

  it('counts a case detained and referred by four transactions at once as one detained case with one step', async () => {
    const world = await newWorld();
    await play(world, [[{ writes: [{ kind: 'case', agency: 0, at: 0 }], commit: true }]]);
    const batch = (after: number) => ({
      writes: [
        { kind: 'decision', caseIndex: 0, decision: DECISIONS[9], byAuthority: false, after },
        { kind: 'decision', caseIndex: 0, decision: DECISIONS[0], byAuthority: false, after },
      ] as Write[],
      commit: true,
    });
    await play(world, [[batch(4 * HOUR), batch(3 * HOUR), batch(2 * HOUR), batch(HOUR)]]);
    const counted = await db.sql.query(
      `SELECT measure, sum(n)::int AS n FROM (SELECT measure, n FROM report_rollups WHERE agency_id = $1
                                             UNION ALL SELECT measure, n FROM report_rollup_deltas WHERE agency_id = $1) r
        WHERE measure IN ('detained_case', 'step') GROUP BY 1 ORDER BY 1`,
      [world.frontline[0]],
    );
    expect(counted.rows).toEqual([
      { measure: 'detained_case', n: 1 },
      { measure: 'step', n: 1 },
    ]);
    await expectEqualFigures(world, { from: new Date(BASE - DAY), to: new Date(BASE + 2 * DAY) });
  });

  it('lets the application read the rollups and fold them, but not write a count', async () => {
    const role =
      (await db.sql.query<{ r: string }>(`SELECT current_setting('oversight.app_role', true) AS r`)).rows[0].r ||
      'oversight_app';
    const client = await db.sql.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${role}`);
      await client.query(`SELECT count(*) FROM report_rollups`);
      await client.query(`SELECT compact_report_rollups()`);
      await expect(
        client.query(
          `INSERT INTO report_rollup_deltas (measure, day, agency_id, other_agency_id, key, detail, n)
           VALUES ('case', '2031-01-01', gen_random_uuid(), gen_random_uuid(), 'screening', '', 1000)`,
        ),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
