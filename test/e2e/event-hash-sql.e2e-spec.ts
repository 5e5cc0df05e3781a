import fc from 'fast-check';
import {
  canonicalEvent,
  hashEvent,
  type AuditEventContent,
  type JsonValue,
} from '../../src/audit/domain/hash-chain.js';
import { canonicalJson } from '../../src/common/canonical-json.js';
import { CANONICAL_EVENT_SQL, EVENT_HASH_SQL } from '../../src/audit/event-hash-sql.js';
import { useTestDatabase } from '../support/test-database.js';

/** Text PostgreSQL can hold (no NUL, no lone surrogate), with the characters JSON escaping is about. */
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u001f', '\u007f', '\u2028', 'é', '😀'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  })
  .filter((s) => !s.includes('\u0000') && s.isWellFormed());
const uuid = fc.uuid();
const json: fc.Arbitrary<JsonValue> = fc
  .jsonValue({ maxDepth: 3 })
  .filter((v) => !JSON.stringify(v).includes('\\u0000')) as fc.Arbitrary<JsonValue>;

const event: fc.Arbitrary<AuditEventContent> = fc.record({
  id: uuid,
  chainId: text,
  seq: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  recordedAt: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actor: fc.record({
    type: fc.constantFrom('user' as const, 'api_key' as const, 'system' as const),
    id: fc.option(uuid, { nil: null }),
    role: fc.option(text, { nil: null }),
    agencyId: fc.option(uuid, { nil: null }),
  }),
  action: text,
  subject: fc.record({ type: text, id: fc.option(uuid, { nil: null }) }),
  requestId: fc.option(text, { nil: null }),
  payload: json,
});

/**
 * Verification recomputes hashes in PostgreSQL (src/audit/event-hash-sql.ts).
 * For random events, awkward characters included, the SQL rendering must be
 * the RFC 8785 text the domain seals, and the SQL hash the domain's hash.
 */
describe('the SQL event hash equals the domain hash', () => {
  const db = useTestDatabase(1);

  it('for random events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 20 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (events, prev) => {
          const client = await db.sql.connect();
          try {
            await client.query('BEGIN');
            await client.query(`CREATE TEMP TABLE ev (n int, id uuid, chain_id text, seq int, recorded_at timestamptz,
            actor_type text, actor_id uuid, actor_role text, actor_agency_id uuid, action text, subject_type text,
            subject_id uuid, request_id text, payload json, prev_hash bytea) ON COMMIT DROP`);
            for (const [n, e] of events.entries()) {
              await client.query(
                `INSERT INTO ev VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
                [
                  n,
                  e.id,
                  e.chainId,
                  e.seq,
                  e.recordedAt,
                  e.actor.type,
                  e.actor.id,
                  e.actor.role,
                  e.actor.agencyId,
                  e.action,
                  e.subject.type,
                  e.subject.id,
                  e.requestId,
                  canonicalJson(e.payload),
                  Buffer.from(prev),
                ],
              );
            }
            const { rows } = await client.query<{ text: string; hash: Buffer }>(
              `SELECT ${CANONICAL_EVENT_SQL} AS text, ${EVENT_HASH_SQL} AS hash FROM ev e ORDER BY n`,
            );
            await client.query('ROLLBACK');
            rows.forEach((row, n) => {
              expect(row.text).toBe(canonicalEvent(events[n]));
              expect(row.hash.equals(hashEvent(Buffer.from(prev), events[n]))).toBe(true);
            });
          } finally {
            client.release();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
