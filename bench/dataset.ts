import { once } from 'node:events';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 } from 'uuid';
import { auditActorOf, chains, sealEvent, type SealedEvent } from '../src/audit/domain/audit-event.js';
import { GENESIS_HASH } from '../src/audit/domain/hash-chain.js';
import type { Actor } from '../src/authz/domain/roles.js';
import {
  apply,
  openingSnapshot,
  type CaseSnapshot,
  type DecisionRequest,
  type DecisionType,
} from '../src/cases/domain/identification.js';
import { INDICATOR_CODES } from '../src/cases/domain/indicators.js';
import { seal } from '../src/pii/envelope.js';

/**
 * Generates a realistic data set straight into PostgreSQL with COPY: cases
 * whose projections are folded from their decision streams with the real
 * state machine (`apply`), audit chains sealed with the real hash-chain code
 * (so verification has real work and must pass), PII encrypted with the real
 * envelope, and open detention episodes for ~2% of cases.
 */
export interface DatasetOptions {
  url: string;
  cases: number;
  agencyIds: string[];
  officerOf: (agencyId: string) => Actor;
  decisionMaker: Actor;
  piiKey: { id: string; key: Buffer };
  detainedShare: number;
  seed: number;
  log: (line: string) => void;
}

export interface DatasetSummary {
  cases: number;
  decisionRecords: number;
  auditEvents: number;
  openDetentions: number;
  byState: Record<string, number>;
  /** Rebuilding the report rollups from the loaded tables (the migration's backfill). */
  rollupRebuildMs?: number;
  ms: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Plan = DecisionType | 'rg+' | 'rg-' | 'cg+' | 'cg-' | 'reconsider_upheld' | 'close_support' | 'close_removed';

/** Final states and the decision paths that reach them, with how common each is. */
const PATHS: { weight: number; steps: Plan[] }[] = [
  { weight: 20, steps: [] },
  { weight: 10, steps: ['refer'] },
  { weight: 14, steps: ['decline_referral'] },
  { weight: 9, steps: ['refer', 'rg+'] },
  { weight: 9, steps: ['refer', 'rg-'] },
  { weight: 9, steps: ['refer', 'rg+', 'cg+'] },
  { weight: 5, steps: ['refer', 'rg+', 'cg-'] },
  { weight: 4, steps: ['decline_referral', 'request_reconsideration'] },
  { weight: 2, steps: ['refer', 'rg-', 'request_reconsideration', 'reconsider_upheld'] },
  { weight: 9, steps: ['refer', 'rg+', 'cg+', 'close_support'] },
  { weight: 9, steps: ['decline_referral', 'close_removed'] },
];
const TOTAL_WEIGHT = PATHS.reduce((n, p) => n + p.weight, 0);

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same data set. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadDataset(o: DatasetOptions): Promise<DatasetSummary> {
  const started = Date.now();
  const random = prng(o.seed);
  // The rollup triggers would add a delta line per row; the load turns them off and rebuilds the rollups from the
  // loaded tables at the end, with the same function the migration backfills existing data with.
  await rollupTriggers(o.url, 'DISABLE');
  const clients = await Promise.all(
    ['cases', 'decision_records', 'audit_events', 'detention_episodes'].map(() => connect(o.url)),
  );
  const [casesCopy, recordsCopy, eventsCopy, episodesCopy] = clients.map((c, i) =>
    c.query(
      copyFrom(
        `COPY ${['cases', 'decision_records', 'audit_events', 'detention_episodes'][i]} (${COLUMNS[i].join(', ')}) FROM STDIN`,
      ),
    ),
  );
  const summary: DatasetSummary = {
    cases: 0,
    decisionRecords: 0,
    auditEvents: 0,
    openDetentions: 0,
    byState: {},
    ms: 0,
  };
  const now = Date.now();
  const chunk = { cases: [] as string[], records: [] as string[], events: [] as string[], episodes: [] as string[] };
  const flush = async () => {
    await write(casesCopy, chunk.cases);
    await write(recordsCopy, chunk.records);
    await write(eventsCopy, chunk.events);
    await write(episodesCopy, chunk.episodes);
    chunk.cases = [];
    chunk.records = [];
    chunk.events = [];
    chunk.episodes = [];
  };

  for (let i = 0; i < o.cases; i++) {
    const agencyId = o.agencyIds[i % o.agencyIds.length];
    const officer = o.officerOf(agencyId);
    const steps = pickPath(random);
    const detainedNow = random() < o.detainedShare && !steps.some((s) => s.startsWith('close'));
    // Detain/release pairs before the path bring a case to 4-6 records (4.4 on average, so 1M cases hold the
    // issue's 4M+ decision records for the sampling run).
    const fillerPairs = Math.max(
      0,
      Math.min(2, (Math.floor(4 + random() * 3) - steps.length - (detainedNow ? 1 : 0)) >> 1),
    );
    // Enough history for every step (a conclusive-grounds decision waits 30 days).
    const span = 60 * DAY + random() * 300 * DAY;
    const encounterAt = new Date(now - span - HOUR);
    const id = v7({ msecs: encounterAt.getTime() });
    const indicators = pickIndicators(random, steps.length === 0 && random() < 0.1 ? 0 : 1 + Math.floor(random() * 3));
    let t = encounterAt.getTime() + HOUR;
    const requests: { request: DecisionRequest; actor: Actor }[] = [];
    const at = (hours: number) => new Date((t += hours * HOUR));
    for (let p = 0; p < fillerPairs; p++) {
      const d = at(1 + random() * 3);
      requests.push({
        request: { type: 'detain', occurredAt: d, at: d, facility: 'Holding centre', legalBasis: 'Aliens Act s. 62' },
        actor: officer,
      });
      const r = at(2 + random() * 20);
      requests.push({
        request: { type: 'release', occurredAt: r, at: r, reason: 'Released after interview' },
        actor: officer,
      });
    }
    for (const step of steps) requests.push(decisionFor(step, at, officer, o.decisionMaker, indicators, random));
    if (detainedNow) {
      // Recent enough that some are just inside and some well past every alert threshold.
      const d = new Date(now - random() * 40 * DAY);
      const atD = new Date(Math.max(d.getTime(), t + HOUR));
      if (atD.getTime() < now - 60_000) {
        requests.push({
          request: {
            type: 'detain',
            occurredAt: atD,
            at: atD,
            facility: 'Holding centre',
            legalBasis: 'Aliens Act s. 62',
          },
          actor: officer,
        });
      }
    }

    // Fold the stream with the real state machine; seal the case's audit chain as the service would.
    let snapshot: CaseSnapshot = openingSnapshot(encounterAt, indicators);
    let head: { seq: number; hash: Buffer } = { seq: 0, hash: GENESIS_HASH };
    const opened = sealEvent(
      head,
      {
        chainId: chains.case(id),
        action: 'case.opened',
        subject: { type: 'case', id },
        payload: {
          agencyId,
          externalRef: `B-${i}`,
          piiFields: ['name', 'dateOfBirth', 'documentNumber', 'contact'],
          indicators,
        },
      },
      auditActorOf(officer),
      null,
      v7({ msecs: encounterAt.getTime() }),
      encounterAt,
    );
    head = { seq: 1, hash: opened.hash };
    chunk.events.push(eventLine(opened));
    let openEpisode: { id: string; detainedAt: Date; recordId: string } | undefined;
    for (const { request, actor } of requests) {
      const stateBefore = snapshot.state;
      snapshot = apply(snapshot, request);
      const recordId = v7({ msecs: request.occurredAt.getTime() });
      const payload = detailsOf(request);
      const event = sealEvent(
        head,
        {
          chainId: chains.case(id),
          action: 'case.decision_recorded',
          subject: { type: 'case', id },
          payload: {
            decisionId: recordId,
            sequence: snapshot.version,
            type: request.type,
            outcome: request.outcome ?? null,
            reason: request.reason ?? null,
            details: payload,
            reviewId: null,
            occurredAt: request.occurredAt.toISOString(),
            agencyId,
          },
        },
        auditActorOf(actor),
        null,
        v7({ msecs: request.occurredAt.getTime() }),
        request.occurredAt,
      );
      head = { seq: event.content.seq, hash: event.hash };
      chunk.events.push(eventLine(event));
      chunk.records.push(
        line([
          recordId,
          id,
          snapshot.version,
          request.type,
          request.outcome ?? null,
          request.reason ?? null,
          JSON.stringify(payload),
          agencyId,
          actor.kind,
          actor.id,
          actor.role,
          actor.agencyId,
          actor.agencyId ?? agencyId,
          null,
          request.occurredAt.toISOString(),
          request.occurredAt.toISOString(),
          event.id,
          bytea(event.hash),
          stateBefore,
          snapshot.state,
        ]),
      );
      if (request.type === 'detain')
        openEpisode = { id: v7({ msecs: request.at!.getTime() }), detainedAt: request.at!, recordId };
      if (request.type === 'release' && openEpisode) {
        chunk.episodes.push(
          line([
            openEpisode.id,
            id,
            agencyId,
            openEpisode.detainedAt.toISOString(),
            'Holding centre',
            'Aliens Act s. 62',
            openEpisode.recordId,
            request.at!.toISOString(),
            request.reason ?? null,
            recordId,
          ]),
        );
        openEpisode = undefined;
      }
    }
    if (openEpisode) {
      chunk.episodes.push(
        line([
          openEpisode.id,
          id,
          agencyId,
          openEpisode.detainedAt.toISOString(),
          'Holding centre',
          'Aliens Act s. 62',
          openEpisode.recordId,
          null,
          null,
          null,
        ]),
      );
      summary.openDetentions += 1;
    }
    const pii = seal(
      JSON.stringify({
        name: `Bench Person ${i}`,
        dateOfBirth: '1990-01-01',
        documentNumber: `X${i}`,
        contact: `+000 ${i}`,
      }),
      o.piiKey.key,
      o.piiKey.id,
      `case:${id}`,
    );
    const lastAt = requests.length > 0 ? requests[requests.length - 1].request.occurredAt : encounterAt;
    chunk.cases.push(
      line([
        id,
        agencyId,
        `B-${i}`,
        snapshot.state,
        snapshot.version,
        `BN-${i}`,
        ['female', 'male', 'other', 'unknown'][Math.floor(random() * 4)],
        1960 + Math.floor(random() * 48),
        ['KHM', 'VNM', 'NGA', 'UKR', 'ROU', 'ALB', 'ERI', 'SYR'][Math.floor(random() * 8)],
        '{en}',
        false,
        bytea(pii.ciphertext),
        pii.keyId,
        encounterAt.toISOString(),
        'Border crossing',
        ['border_entry', 'border_exit', 'inland', 'workplace_inspection', 'other'][Math.floor(random() * 5)],
        `{${indicators.join(',')}}`,
        snapshot.everReferred,
        snapshot.referredAt?.toISOString() ?? null,
        snapshot.rgPositiveAt?.toISOString() ?? null,
        snapshot.reconsiderationFrom,
        snapshot.stateEnteredAt.toISOString(),
        snapshot.detainedSince?.toISOString() ?? null,
        snapshot.closedOutcome,
        head.seq,
        bytea(head.hash),
        encounterAt.toISOString(),
        lastAt.toISOString(),
      ]),
    );
    summary.cases += 1;
    summary.decisionRecords += requests.length;
    summary.auditEvents += 1 + requests.length;
    summary.byState[snapshot.state] = (summary.byState[snapshot.state] ?? 0) + 1;
    if (chunk.cases.length >= 2_000) await flush();
    if ((i + 1) % 100_000 === 0) o.log(`  generated ${i + 1} cases (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await flush();
  for (const stream of [casesCopy, recordsCopy, eventsCopy, episodesCopy]) {
    stream.end();
    await once(stream, 'finish');
  }
  await Promise.all(clients.map((c) => c.end()));
  const rebuilt = Date.now();
  await rollupTriggers(o.url, 'ENABLE ALWAYS');
  summary.rollupRebuildMs = Date.now() - rebuilt;
  summary.ms = Date.now() - started;
  return summary;
}

async function rollupTriggers(url: string, action: 'DISABLE' | 'ENABLE ALWAYS'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER TABLE cases ${action} TRIGGER cases_report_rollups`);
    await client.query(`ALTER TABLE decision_records ${action} TRIGGER decision_records_report_rollups`);
    if (action !== 'DISABLE') await client.query(`SELECT rebuild_report_rollups()`);
  } finally {
    await client.end();
  }
}

const COLUMNS = [
  [
    'id',
    'agency_id',
    'external_ref',
    'state',
    'version',
    'pseudonym',
    'sex',
    'birth_year',
    'nationality',
    'languages',
    'is_child',
    'pii_ciphertext',
    'pii_key_id',
    'encounter_at',
    'encounter_location',
    'encounter_kind',
    'indicators',
    'ever_referred',
    'referred_at',
    'rg_positive_at',
    'reconsideration_from',
    'state_entered_at',
    'detained_since',
    'closed_outcome',
    'audit_seq',
    'audit_hash',
    'created_at',
    'updated_at',
  ],
  [
    'id',
    'case_id',
    'sequence',
    'type',
    'outcome',
    'reason',
    'payload',
    'agency_id',
    'actor_type',
    'actor_id',
    'actor_role',
    'actor_agency_id',
    'deciding_agency_id',
    'review_id',
    'occurred_at',
    'recorded_at',
    'audit_event_id',
    'audit_hash',
    'state_before',
    'state_after',
  ],
  [
    'id',
    'chain_id',
    'seq',
    'recorded_at',
    'actor_type',
    'actor_id',
    'actor_role',
    'actor_agency_id',
    'action',
    'subject_type',
    'subject_id',
    'request_id',
    'payload',
    'prev_hash',
    'hash',
  ],
  [
    'id',
    'case_id',
    'agency_id',
    'detained_at',
    'facility',
    'legal_basis',
    'detain_record_id',
    'released_at',
    'release_reason',
    'release_record_id',
  ],
];

function pickPath(random: () => number): Plan[] {
  let r = random() * TOTAL_WEIGHT;
  for (const p of PATHS) {
    if ((r -= p.weight) < 0) return p.steps;
  }
  return [];
}

function pickIndicators(random: () => number, n: number): string[] {
  const picked = new Set<string>();
  while (picked.size < n) picked.add(INDICATOR_CODES[Math.floor(random() * INDICATOR_CODES.length)]);
  return [...picked].sort();
}

function decisionFor(
  step: Plan,
  at: (hours: number) => Date,
  officer: Actor,
  decisionMaker: Actor,
  indicators: string[],
  random: () => number,
): { request: DecisionRequest; actor: Actor } {
  switch (step) {
    case 'refer':
      return {
        request: { type: 'refer', occurredAt: at(2 + random() * 24), reason: 'Indicators of exploitation' },
        actor: officer,
      };
    case 'decline_referral':
      return {
        request: {
          type: 'decline_referral',
          occurredAt: at(2 + random() * 24),
          reason: 'No indicators of trafficking after interview',
          indicatorsConsidered: indicators,
        },
        actor: officer,
      };
    case 'rg+':
    case 'rg-':
      return {
        request: {
          type: 'reasonable_grounds',
          occurredAt: at(24 + random() * 100),
          outcome: step === 'rg+' ? 'positive' : 'negative',
          reason: 'Assessment of the referral',
        },
        actor: decisionMaker,
      };
    case 'cg+':
    case 'cg-':
      return {
        request: {
          type: 'conclusive_grounds',
          occurredAt: at(30 * 24 + 1 + random() * 72),
          outcome: step === 'cg+' ? 'positive' : 'negative',
          reason: 'Conclusive assessment',
        },
        actor: decisionMaker,
      };
    case 'request_reconsideration':
      return {
        request: { type: 'request_reconsideration', occurredAt: at(24 + random() * 48), reason: 'New evidence' },
        actor: officer,
      };
    case 'reconsider_upheld':
      return {
        request: {
          type: 'reconsider',
          occurredAt: at(24 + random() * 48),
          outcome: 'upheld',
          reason: 'Evidence does not change the outcome',
        },
        actor: decisionMaker,
      };
    case 'close_support':
      return {
        request: { type: 'close', occurredAt: at(24 + random() * 200), outcome: 'support_provided' },
        actor: officer,
      };
    case 'close_removed':
      return {
        request: {
          type: 'close',
          occurredAt: at(24 + random() * 200),
          outcome: 'removed',
          riskAssessmentRef: 'RA-2026-1',
        },
        actor: officer,
      };
    default:
      throw new Error(`no plan for ${step}`);
  }
}

function detailsOf(r: DecisionRequest): Record<string, string | string[]> {
  const d: Record<string, string | string[]> = {};
  if (r.at) d.at = r.at.toISOString();
  if (r.facility) d.facility = r.facility;
  if (r.legalBasis) d.legalBasis = r.legalBasis;
  if (r.riskAssessmentRef) d.riskAssessmentRef = r.riskAssessmentRef;
  if (r.indicatorsConsidered) d.indicatorsConsidered = [...r.indicatorsConsidered];
  return d;
}

function eventLine(e: SealedEvent): string {
  const c = e.content;
  return line([
    e.id,
    c.chainId,
    c.seq,
    c.recordedAt,
    c.actor.type,
    c.actor.id,
    c.actor.role,
    c.actor.agencyId,
    c.action,
    c.subject.type,
    c.subject.id,
    c.requestId,
    e.canonicalPayload,
    bytea(e.prevHash),
    bytea(e.hash),
  ]);
}

function bytea(b: Buffer): string {
  return `\\x${b.toString('hex')}`;
}

/** One row of COPY's text format. */
function line(values: (string | number | boolean | null)[]): string {
  return values.map((v) => (v === null ? '\\N' : escape(String(v)))).join('\t') + '\n';
}

function escape(v: string): string {
  return v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

async function write(stream: Writable, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  if (!stream.write(lines.join(''))) await once(stream, 'drain');
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Loading as the owner: skip foreign-key triggers for speed (the generator writes consistent rows).
  await client.query(`SET session_replication_role = replica`);
  return client;
}
