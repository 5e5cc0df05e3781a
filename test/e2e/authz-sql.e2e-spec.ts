import fc from 'fast-check';
import { defineAbilityFor, subjectOf, type Action } from '../../src/authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../src/authz/domain/rules-to-sql.js';
import { actorArb, sampleArb } from '../factories/authz-samples.js';
import { useTestDatabase } from '../support/test-database.js';

/** One column per attribute any subject has (attribute names lower-cased, as PostgreSQL folds them). */
const TABLE = `CREATE TEMP TABLE t (n int PRIMARY KEY, agencyid text, everreferred boolean, state text, concluded boolean,
                                    caseagencyid text, assignedreviewerid text, commissioneronly boolean, id text,
                                    started boolean, reported boolean, onteam boolean, inscope boolean,
                                    disclosed boolean, investigator boolean, conflicted boolean) ON COMMIT DROP`;

/**
 * Every list is filtered in SQL by the caller's rules. For random actors and
 * records of every subject, the rows PostgreSQL keeps under the generated
 * condition are exactly those CASL allows: no list shows what a read would
 * refuse, none hides what it would allow.
 */
describe('SQL list filters agree with CASL, in PostgreSQL', () => {
  const db = useTestDatabase(1);

  it('for random actors and records', async () => {
    const seen = { allowed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.array(fc.tuple(sampleArb, fc.nat()), { minLength: 1, maxLength: 25 }),
        async (actor, samples) => {
          const ability = defineAbilityFor(actor);
          const client = await db.sql.connect();
          try {
            await client.query('BEGIN');
            await client.query(TABLE);
            for (const [n, [sample, pick]] of samples.entries()) {
              const columns = Object.keys(sample.attributes).map((k) => k.toLowerCase());
              await client.query(
                `INSERT INTO t (n${columns.map((c) => `, ${c}`).join('')})
                 VALUES ($1${columns.map((_, i) => `, $${i + 2}`).join('')})`,
                [n, ...Object.values(sample.attributes)],
              );
              const action: Action = sample.actions[pick % sample.actions.length];
              const params = new SqlParams();
              const condition = accessibleSql(
                ability,
                action,
                sample.type,
                Object.fromEntries(
                  Object.keys(sample.attributes).map((k) => [k, `t.${k.toLowerCase()}`]),
                ) as SqlColumns<typeof sample.type>,
                params,
              );
              const { rows } = await client.query(`SELECT 1 FROM t WHERE n = ${params.add(n)} AND (${condition})`, [
                ...params.values,
              ]);
              const allowed = ability.can(action, subjectOf(sample.type, sample.attributes as never));
              const what = `${actor.role} ${action} ${sample.type} ${JSON.stringify(sample.attributes)} (${condition})`;
              expect(`${what}: ${rows.length === 1}`).toBe(`${what}: ${allowed}`);
              seen[allowed ? 'allowed' : 'refused'] += 1;
            }
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        },
      ),
      { numRuns: 300 },
    );
    // Both sides were exercised, so agreement is not the trivial "nothing anywhere".
    expect(seen.allowed).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
