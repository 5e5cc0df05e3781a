import { createHash, createHmac } from 'node:crypto';

/** Decision types drawn into sampling runs (SPEC §5). */
export const SAMPLED_DECISION_TYPES = [
  'refer',
  'decline_referral',
  'reasonable_grounds',
  'conclusive_grounds',
  'reconsider',
  'detain',
  'close',
] as const;
export type SampledDecisionType = (typeof SAMPLED_DECISION_TYPES)[number];

const SAMPLED_TYPE_SET: ReadonlySet<string> = new Set(SAMPLED_DECISION_TYPES);

/**
 * Types whose outcome splits the stratum. For the others any outcome a
 * caller passes is ignored, so a stray value cannot create a spurious stratum.
 */
const TYPES_WITH_OUTCOME: ReadonlySet<SampledDecisionType> = new Set([
  'reasonable_grounds',
  'conclusive_grounds',
  'reconsider',
  'close',
]);

/**
 * A seed shorter than this could be guessed, and then agencies could predict
 * which of their decisions will be reviewed (SPEC §5: "unpredictable").
 */
export const MIN_SEED_BYTES = 16;

export interface SamplingRates {
  rate: number;
  negativeRate: number;
  minPerStratum: number;
}

export interface PopulationRecord {
  /** Decision record id (UUID). */
  id: string;
  agencyId: string;
  type: SampledDecisionType;
  outcome: string | null;
}

/**
 * Negative decisions deny or withdraw protection, or expose a possible victim
 * to detention or removal: a wrong one does the most harm, so they are
 * over-sampled (SPEC §5).
 */
export function isNegativeDecision(type: SampledDecisionType, outcome: string | null): boolean {
  switch (type) {
    case 'decline_referral':
    case 'detain':
      return true;
    case 'reasonable_grounds':
    case 'conclusive_grounds':
      return outcome === 'negative';
    case 'reconsider':
      return outcome === 'upheld';
    case 'close':
      return outcome === 'removed';
    case 'refer':
      return false;
  }
}

export interface Stratum {
  /** JSON text of `[agencyId, type, outcome]`: unambiguous whatever the ids contain. */
  key: string;
  agencyId: string;
  type: SampledDecisionType;
  outcome: string | null;
  negative: boolean;
}

export function stratumOf(r: PopulationRecord): Stratum {
  const outcome = TYPES_WITH_OUTCOME.has(r.type) ? r.outcome : null;
  return {
    key: stratumKey(r.agencyId, r.type, outcome),
    agencyId: r.agencyId,
    type: r.type,
    outcome,
    negative: isNegativeDecision(r.type, outcome),
  };
}

function stratumKey(agencyId: string, type: SampledDecisionType, outcome: string | null): string {
  return JSON.stringify([agencyId, type, outcome]);
}

/**
 * A record's selection score, reproducible by anyone holding the seed:
 *
 *   mac   = HMAC-SHA256(key = seed, message = UTF-8(lower-case(recordId)))
 *   v     = mac[0..6] read as a 56-bit big-endian unsigned integer
 *   score = floor(v / 2^3) / 2^53          (the top 53 bits of v)
 *
 * 53 bits is exactly what a double holds, so the score is exact, uniform on
 * [0, 1) and never 1. Lower-casing makes `A1B2…` and `a1b2…` (the same UUID)
 * score the same; PostgreSQL prints UUIDs in lower case anyway.
 * Python: `int.from_bytes(hmac.new(seed, id.lower().encode(), 'sha256').digest()[:7], 'big') >> 3`, over 2**53.
 */
export function selectionScore(seed: Buffer, recordId: string): number {
  const mac = createHmac('sha256', seed).update(recordId.toLowerCase(), 'utf8').digest();
  const high = mac.readUInt32BE(0);
  const low = mac.readUIntBE(4, 3);
  // high·2^24 is a multiple of 8, so the shift only touches the low 24 bits.
  return (high * 2 ** 21 + (low >>> 3)) / 2 ** 53;
}

export interface StratumSummary {
  key: string;
  agencyId: string;
  type: SampledDecisionType;
  outcome: string | null;
  rate: number;
  population: number;
  /** Records in the sample, top-ups included. */
  sampled: number;
}

interface Candidate {
  score: number;
  id: string;
  record: PopulationRecord;
}

/** (score, id) is a total order, so the top-up does not depend on input order even if two scores tie. */
function isBefore(a: Candidate, b: Candidate): boolean {
  return a.score < b.score || (a.score === b.score && a.id < b.id);
}

/**
 * The k smallest candidates seen so far, as a max-heap so the one to evict
 * is at the root: O(log k) per offer and never more than k entries.
 */
class SmallestK {
  private readonly heap: Candidate[] = [];

  constructor(private readonly capacity: number) {}

  /** `makeRecord` runs only when the candidate is kept, so most records cost no allocation here. */
  offer(score: number, id: string, makeRecord: () => PopulationRecord): void {
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push({ score, id, record: makeRecord() });
      this.siftUp(heap.length - 1);
    } else if (score < heap[0].score || (score === heap[0].score && id < heap[0].id)) {
      heap[0] = { score, id, record: makeRecord() };
      this.siftDown(0);
    }
  }

  ascending(): Candidate[] {
    return [...this.heap].sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isBefore(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && isBefore(heap[largest], heap[left])) largest = left;
      if (right < heap.length && isBefore(heap[largest], heap[right])) largest = right;
      if (largest === i) return;
      [heap[largest], heap[i]] = [heap[i], heap[largest]];
      i = largest;
    }
  }
}

interface StratumState extends Stratum {
  rate: number;
  population: number;
  sampled: number;
  /** Null once the stratum already meets its minimum: no top-up can be needed any more. */
  candidates: SmallestK | null;
}

/**
 * One pass over a streamed population. Selected records are reported by
 * `offer` and not kept, so memory is O(strata × minPerStratum) however many
 * records pass through.
 */
export class StratifiedSampler {
  /** agency → type → outcome: three Map look-ups and no string built per record. */
  private readonly strata = new Map<string, Map<SampledDecisionType, Map<string | null, StratumState>>>();
  private finished = false;

  constructor(
    private readonly seed: Buffer,
    private readonly rates: SamplingRates,
  ) {
    if (seed.length < MIN_SEED_BYTES) throw new RangeError(`the sampling seed needs at least ${MIN_SEED_BYTES} bytes`);
    for (const name of ['rate', 'negativeRate'] as const) {
      const value = rates[name];
      if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must lie in [0, 1], got ${value}`);
    }
    if (!Number.isSafeInteger(rates.minPerStratum) || rates.minPerStratum < 0) {
      throw new RangeError(`minPerStratum must be a non-negative integer, got ${rates.minPerStratum}`);
    }
  }

  /** Feed one record; returns true when it is in the sample right away (score < its stratum's rate). */
  offer(record: PopulationRecord): boolean {
    if (this.finished) throw new Error('StratifiedSampler.offer called after finish');
    if (!SAMPLED_TYPE_SET.has(record.type)) throw new TypeError(`decision type ${record.type} is not sampled`);
    const stratum = this.stratumState(record);
    stratum.population += 1;
    const score = selectionScore(this.seed, record.id);
    if (score < stratum.rate) {
      stratum.sampled += 1;
      if (stratum.sampled >= this.rates.minPerStratum) stratum.candidates = null;
      return true;
    }
    // Copied because callers streaming rows may reuse or mutate the object after offer returns.
    stratum.candidates?.offer(score, record.id.toLowerCase(), () => ({
      id: record.id,
      agencyId: record.agencyId,
      type: record.type,
      outcome: record.outcome,
    }));
    return false;
  }

  /**
   * After the last record: the top-ups (per stratum below minPerStratum, its
   * unselected records with the smallest scores), ordered by stratum key then
   * score, and the per-stratum summaries ordered by key.
   */
  finish(): { topUps: PopulationRecord[]; strata: StratumSummary[] } {
    if (this.finished) throw new Error('StratifiedSampler.finish called twice');
    this.finished = true;
    const all: StratumState[] = [];
    for (const byType of this.strata.values()) {
      for (const byOutcome of byType.values()) all.push(...byOutcome.values());
    }
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    const topUps: PopulationRecord[] = [];
    const strata: StratumSummary[] = [];
    for (const s of all) {
      const missing = this.rates.minPerStratum - s.sampled;
      if (missing > 0 && s.candidates) {
        const chosen = s.candidates.ascending().slice(0, missing);
        for (const c of chosen) topUps.push(c.record);
        s.sampled += chosen.length;
      }
      s.candidates = null;
      strata.push({
        key: s.key,
        agencyId: s.agencyId,
        type: s.type,
        outcome: s.outcome,
        rate: s.rate,
        population: s.population,
        sampled: s.sampled,
      });
    }
    return { topUps, strata };
  }

  private stratumState(record: PopulationRecord): StratumState {
    let byType = this.strata.get(record.agencyId);
    if (!byType) {
      byType = new Map();
      this.strata.set(record.agencyId, byType);
    }
    let byOutcome = byType.get(record.type);
    if (!byOutcome) {
      byOutcome = new Map();
      byType.set(record.type, byOutcome);
    }
    const outcome = TYPES_WITH_OUTCOME.has(record.type) ? record.outcome : null;
    let state = byOutcome.get(outcome);
    if (!state) {
      const stratum = stratumOf({ ...record, outcome });
      state = {
        ...stratum,
        rate: stratum.negative ? this.rates.negativeRate : this.rates.rate,
        population: 0,
        sampled: 0,
        candidates: this.rates.minPerStratum > 0 ? new SmallestK(this.rates.minPerStratum) : null,
      };
      byOutcome.set(outcome, state);
    }
    return state;
  }
}

const HASH_WORDS = 8;

/**
 * Order-independent digest of a multiset of ids, so the population and the
 * sample can be fingerprinted while they stream past in any order:
 *
 *   digest = Σ SHA-256(UTF-8(lower-case(id)))  mod 2^256
 *
 * each hash read as a 256-bit big-endian unsigned integer, the sum printed as
 * 64 lower-case hex digits, big-endian; the empty multiset digests to 64
 * zeros. An additive hash resists accidental collisions, not an adversary
 * who may choose many ids freely (Wagner's k-sum attack); record ids are
 * server-generated UUIDs, and the run should store `size` beside the digest.
 */
export class MultisetDigest {
  /** 32-bit limbs, most significant first. */
  private readonly words = new Uint32Array(HASH_WORDS);
  private count = 0;

  add(id: string): void {
    const hash = createHash('sha256').update(id.toLowerCase(), 'utf8').digest();
    let carry = 0;
    for (let i = HASH_WORDS - 1; i >= 0; i--) {
      const sum = this.words[i] + hash.readUInt32BE(i * 4) + carry;
      this.words[i] = sum; // a Uint32Array stores sum mod 2^32
      carry = sum > 0xffffffff ? 1 : 0;
    }
    this.count += 1;
  }

  /** How many ids were added (with repetitions). */
  get size(): number {
    return this.count;
  }

  digest(): string {
    let hex = '';
    for (const word of this.words) hex += word.toString(16).padStart(8, '0');
    return hex;
  }
}

/**
 * The MultisetDigest of a set of ids from sums the database computed: for each
 * 32-bit word i of SHA-256(id) (big-endian, most significant first), the sum of
 * the word read as an unsigned integer. The digest is Σ word_i · 2^(32·(7−i))
 * mod 2^256 — equal to MultisetDigest over the same ids (a unit test holds them
 * together). Sums of 32-bit words stay exact in 64-bit integers for any
 * population below 2^31 records, so the database can add them in parallel.
 */
export function digestFromWordSums(sums: readonly bigint[]): string {
  if (sums.length !== 8) throw new RangeError('SHA-256 has eight 32-bit words');
  const modulus = 1n << 256n;
  let total = 0n;
  sums.forEach((sum, i) => {
    total = (total + sum * (1n << BigInt(32 * (7 - i)))) % modulus;
  });
  return total.toString(16).padStart(64, '0');
}
