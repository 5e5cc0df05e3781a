import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { PoolClient } from 'pg';
import { AuditVerificationQueries } from '../../src/audit/persistence/audit-verification.repository.js';
import {
  allowedFromState,
  apply,
  CASE_STATES,
  CLOSE_OUTCOMES,
  openingSnapshot,
  type CaseSnapshot,
  type DecisionRequest,
  type DecisionType,
} from '../../src/cases/domain/identification.js';
import { useTestDatabase } from '../support/test-database.js';

const HOUR = 3_600_000;
const OUTCOMES: Partial<Record<DecisionType, readonly string[]>> = {
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  reconsider: ['upheld', 'overturned'],
  close: CLOSE_OUTCOMES,
};

interface Episode {
  detainRecordId: string;
  detainedAt: Date;
  releasedAt: Date | null;
  releaseRecordId: string | null;
}

interface Walked {
  id: string;
  encounterAt: Date;
  records: { id: string; request: DecisionRequest }[];
  episodes: Episode[];
  projection: CaseSnapshot;
}

/**
 * A case's decision stream: at each step one of the decisions the state
 * machine allows from where the case stands (detention included), with an
 * outcome, folded with the domain's `apply` into the projection the service
 * would have stored.
 */
function walk(choices: number[]): Walked {
  const encounterAt = new Date(Date.UTC(2026, 0, 1));
  let t = encounterAt.getTime();
  let snapshot = openingSnapshot(encounterAt, ['deception']);
  const records: Walked['records'] = [];
  const episodes: Episode[] = [];
  for (const choice of choices) {
    const allowed = allowedFromState(snapshot);
    if (allowed.length === 0) break;
    const type = allowed[choice % allowed.length];
    const outcomes = OUTCOMES[type];
    t += HOUR;
    const at = new Date(t);
    const request: DecisionRequest = {
      type,
      occurredAt: at,
      outcome: outcomes ? outcomes[Math.floor(choice / allowed.length) % outcomes.length] : null,
      reason: `Reason ${records.length + 1}`,
      at: type === 'detain' || type === 'release' ? at : null,
      facility: type === 'detain' ? `Facility ${records.length + 1}` : null,
      legalBasis: type === 'detain' ? 'Aliens Act s. 62' : null,
    };
    const id = randomUUID();
    if (type === 'detain')
      episodes.push({ detainRecordId: id, detainedAt: at, releasedAt: null, releaseRecordId: null });
    if (type === 'release') Object.assign(episodes[episodes.length - 1], { releasedAt: at, releaseRecordId: id });
    records.push({ id, request });
    snapshot = apply(snapshot, request);
  }
  return { id: randomUUID(), encounterAt, records, episodes, projection: snapshot };
}

async function insertCase(client: PoolClient, agencyId: string, c: Walked): Promise<void> {
  const p = c.projection;
  await client.query(
    `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, is_child, encounter_at,
                        encounter_location, encounter_kind, state_entered_at, detained_since, audit_seq, audit_hash,
                        created_at, updated_at)
     VALUES ($1::uuid, $2, $1::text, $3, $4, 'P', 'unknown', false, $5, 'Here', 'inland', $6, $7, 1, '\\x00', $5, $5)`,
    [c.id, agencyId, p.state, p.version, c.encounterAt, p.stateEnteredAt, p.detainedSince],
  );
  const event = `INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, action, subject_type, subject_id,
                                           payload, prev_hash, hash)
                 VALUES ($1, 'case:' || $2::text, $3, $4, 'system', $5, 'case', $2::uuid, $6, '\\x00', '\\x00')`;
  await client.query(event, [randomUUID(), c.id, 1, c.encounterAt, 'case.opened', JSON.stringify({ agencyId })]);
  for (const [i, { id, request: r }] of c.records.entries()) {
    const eventId = randomUUID();
    await client.query(event, [eventId, c.id, i + 2, r.occurredAt, 'case.decision_recorded', '{}']);
    const details: Record<string, string> = {};
    if (r.at) details.at = r.at.toISOString();
    if (r.facility) details.facility = r.facility;
    if (r.legalBasis) details.legalBasis = r.legalBasis;
    await client.query(
      `INSERT INTO decision_records (id, case_id, sequence, type, outcome, reason, payload, agency_id, actor_type,
                                     actor_id, actor_role, deciding_agency_id, occurred_at, recorded_at, audit_event_id,
                                     audit_hash, state_before, state_after)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, 'user', $1::uuid, 'agency_officer', $8, $9, $9, $10, '\\x00',
               'screening', 'screening')`,
      [id, c.id, i + 1, r.type, r.outcome, r.reason, details, agencyId, r.occurredAt, eventId],
    );
  }
  for (const e of c.episodes) {
    const release = c.records.find((r) => r.id === e.releaseRecordId)?.request;
    const detain = c.records.find((r) => r.id === e.detainRecordId)!.request;
    await client.query(
      `INSERT INTO detention_episodes (id, case_id, agency_id, detained_at, facility, legal_basis, detain_record_id,
                                       released_at, release_reason, release_record_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        randomUUID(),
        c.id,
        agencyId,
        e.detainedAt,
        detain.facility,
        detain.legalBasis,
        e.detainRecordId,
        e.releasedAt,
        release?.reason ?? null,
        e.releaseRecordId,
      ],
    );
  }
}

/**
 * Verification recomputes each case's projection and detention episodes from
 * its decision records in SQL (src/audit/persistence/). For random decision
 * streams the state machine allows, the SQL must agree with the domain's
 * `apply` fold, and name a case exactly when its row or an episode was edited.
 */
describe('the SQL projection check equals the domain fold', () => {
  const db = useTestDatabase(1);

  it('for random decision streams, and names exactly the case edited', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.nat(1_000), { maxLength: 14 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('state', 'version', 'detained_since', 'episode'),
        async (streams, pick, edit) => {
          const client = await db.sql.connect();
          try {
            await client.query('BEGIN');
            const agencyId = randomUUID();
            await client.query(
              `INSERT INTO agencies (id, name, code, kind) VALUES ($1::uuid, 'A', $1::text, 'frontline')`,
              [agencyId],
            );
            const cases = streams.map(walk);
            for (const c of cases) await insertCase(client, agencyId, c);
            const q = new AuditVerificationQueries(client);
            expect(await q.casesWithAlteredProjection(100)).toEqual([]);
            expect(await q.casesWithAlteredDetention(100)).toEqual([]);

            const target = cases[pick % cases.length];
            const p = target.projection;
            const onEpisode = edit === 'episode' && target.episodes.length > 0;
            if (onEpisode) {
              await client.query(`UPDATE detention_episodes SET facility = 'Elsewhere' WHERE case_id = $1`, [
                target.id,
              ]);
            } else {
              const set =
                edit === 'version'
                  ? ['version = version + 1']
                  : edit === 'detained_since'
                    ? [p.detainedSince ? 'detained_since = NULL' : `detained_since = encounter_at`]
                    : [`state = $2`, CASE_STATES.find((s) => s !== p.state)];
              await client.query(`UPDATE cases SET ${set[0]} WHERE id = $1`, [target.id, ...set.slice(1)]);
            }
            expect({
              detention: await q.casesWithAlteredDetention(100),
              projection: await q.casesWithAlteredProjection(100),
            }).toEqual(
              onEpisode ? { detention: [target.id], projection: [] } : { detention: [], projection: [target.id] },
            );
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
