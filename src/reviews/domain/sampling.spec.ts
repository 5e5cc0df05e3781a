import { createHash, createHmac } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import {
  MultisetDigest,
  type PopulationRecord,
  type SampledDecisionType,
  type SamplingRates,
  StratifiedSampler,
  isNegativeDecision,
  selectionScore,
  stratumOf,
} from './sampling.js';

const SEED = createHash('sha256').update('sampling spec seed').digest();
const OTHER_SEED = createHash('sha256').update('another sampling spec seed').digest();
const DEFAULT_RATES: SamplingRates = { rate: 0.05, negativeRate: 0.2, minPerStratum: 1 };

/** A UUID-shaped id per integer, so large populations cost no random generation. */
function syntheticId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function runSample(seed: Buffer, rates: SamplingRates, population: readonly PopulationRecord[]) {
  const sampler = new StratifiedSampler(seed, rates);
  const selected: string[] = [];
  for (const record of population) if (sampler.offer(record)) selected.push(record.id);
  const { topUps, strata } = sampler.finish();
  return { selected: selected.sort(), topUps: topUps.map((r) => r.id).sort(), strata };
}

const KINDS: { type: SampledDecisionType; outcome: string | null }[] = [
  { type: 'refer', outcome: null },
  { type: 'decline_referral', outcome: null },
  { type: 'reasonable_grounds', outcome: 'positive' },
  { type: 'reasonable_grounds', outcome: 'negative' },
  { type: 'conclusive_grounds', outcome: 'positive' },
  { type: 'conclusive_grounds', outcome: 'negative' },
  { type: 'reconsider', outcome: 'upheld' },
  { type: 'reconsider', outcome: 'overturned' },
  { type: 'detain', outcome: null },
  { type: 'close', outcome: 'removed' },
  { type: 'close', outcome: 'support_provided' },
];

const populationArb = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    agencyId: fc.constantFrom('agency-a', 'agency-b', 'agency-c'),
    kind: fc.constantFrom(...KINDS),
  }),
  { selector: (r) => r.id, maxLength: 300 },
);

function toRecords(rows: { id: string; agencyId: string; kind: (typeof KINDS)[number] }[]): PopulationRecord[] {
  return rows.map(({ id, agencyId, kind }) => ({ id, agencyId, type: kind.type, outcome: kind.outcome }));
}

/** The gc function even when node was started without --expose-gc. */
function obtainGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('isNegativeDecision', () => {
  it.each([
    ['refer', null, false],
    ['decline_referral', null, true],
    ['reasonable_grounds', 'positive', false],
    ['reasonable_grounds', 'negative', true],
    ['conclusive_grounds', 'positive', false],
    ['conclusive_grounds', 'negative', true],
    ['reconsider', 'overturned', false],
    ['reconsider', 'upheld', true],
    ['detain', null, true],
    ['close', 'removed', true],
    ['close', 'support_provided', false],
    ['close', 'assisted_return', false],
  ] as const)('classes %s with outcome %s as negative: %s', (type, outcome, negative) => {
    expect(isNegativeDecision(type, outcome)).toBe(negative);
  });
});

describe('stratumOf', () => {
  it('separates strata by agency, type and outcome', () => {
    const keys = new Set(
      KINDS.flatMap((kind) => ['a', 'b'].map((agencyId) => stratumOf({ id: syntheticId(1), agencyId, ...kind }).key)),
    );
    expect(keys.size).toBe(KINDS.length * 2);
  });

  it('ignores the outcome of types that have none', () => {
    const stratum = stratumOf({ id: syntheticId(1), agencyId: 'a', type: 'detain', outcome: 'stray' });
    expect(stratum).toEqual({
      key: stratumOf({ id: syntheticId(2), agencyId: 'a', type: 'detain', outcome: null }).key,
      agencyId: 'a',
      type: 'detain',
      outcome: null,
      negative: true,
    });
  });
});

describe('selectionScore', () => {
  it('matches HMAC-SHA256 of the lower-case id with the top 53 bits of its first 7 bytes', () => {
    const seed = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const id = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    const mac = createHmac('sha256', seed).update(id.toLowerCase(), 'utf8').digest();
    const expected = Number(BigInt(`0x${mac.subarray(0, 7).toString('hex')}`) >> 3n) / 2 ** 53;

    // Pinned too (Python's hmac module gives the same), so a change to the construction cannot pass unnoticed.
    expect(expected).toBe(0.8060740544201664);
    expect(selectionScore(seed, id)).toBe(expected);
    expect(selectionScore(seed, id.toLowerCase())).toBe(expected);
  });

  it('always lies in [0, 1)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uuid(), (seed, id) => {
        const score = selectionScore(Buffer.from(seed), id);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThan(1);
      }),
    );
  });
});

describe('StratifiedSampler', () => {
  it('gives the same sample and top-ups for the same seed and population in any input order', () => {
    fc.assert(
      fc.property(
        populationArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        fc.uint8Array({ minLength: 16, maxLength: 32 }),
        fc.integer({ min: 0, max: 4 }),
        ([rows, shuffled], seed, minPerStratum) => {
          const rates = { rate: 0.1, negativeRate: 0.3, minPerStratum };
          const first = runSample(Buffer.from(seed), rates, toRecords(rows));
          const second = runSample(Buffer.from(seed), rates, toRecords(shuffled));
          expect(second).toEqual(first);
        },
      ),
    );
  });

  it('gives different samples for different seeds', () => {
    const population = Array.from({ length: 3000 }, (_, n) => ({
      id: syntheticId(n),
      agencyId: `agency-${n % 3}`,
      ...KINDS[n % KINDS.length],
    }));
    const first = runSample(SEED, DEFAULT_RATES, population);
    const second = runSample(OTHER_SEED, DEFAULT_RATES, population);

    expect(first.selected.length).toBeGreaterThan(0);
    expect(second.selected).not.toEqual(first.selected);
  });

  it('samples each stratum at its rate, within a binomial 99.9% interval, over 200,000 records', () => {
    const perStratum = 50_000;
    const kinds = [KINDS[0], KINDS[2], KINDS[1], KINDS[3]]; // two positive strata, two negative
    const sampler = new StratifiedSampler(SEED, DEFAULT_RATES);
    for (let n = 0; n < perStratum * kinds.length; n++) {
      sampler.offer({ id: syntheticId(n), agencyId: 'agency-a', ...kinds[n % kinds.length] });
    }
    const { topUps, strata } = sampler.finish();

    expect(topUps).toEqual([]);
    expect(strata).toHaveLength(kinds.length);
    for (const s of strata) {
      const expectedRate = isNegativeDecision(s.type, s.outcome) ? 0.2 : 0.05;
      const halfWidth = 3.2905 * Math.sqrt((expectedRate * (1 - expectedRate)) / perStratum);
      expect(s.rate).toBe(expectedRate);
      expect(s.population).toBe(perStratum);
      expect(Math.abs(s.sampled / perStratum - expectedRate)).toBeLessThanOrEqual(halfWidth);
    }
  });

  it('tops every non-empty stratum up to minPerStratum, strata of one record included', () => {
    fc.assert(
      fc.property(populationArb, fc.integer({ min: 0, max: 5 }), (rows, minPerStratum) => {
        const population = toRecords(rows);
        const { selected, topUps, strata } = runSample(SEED, { rate: 0, negativeRate: 0.1, minPerStratum }, population);

        expect(new Set([...selected, ...topUps]).size).toBe(selected.length + topUps.length);
        for (const s of strata) {
          expect(s.sampled).toBeGreaterThanOrEqual(Math.min(minPerStratum, s.population));
        }
      }),
    );
  });

  it('tops up with the smallest-score unselected records of the stratum', () => {
    const population = Array.from({ length: 40 }, (_, n) => ({
      id: syntheticId(n),
      agencyId: 'agency-a',
      type: 'refer' as const,
      outcome: null,
    }));
    const { selected, topUps } = runSample(SEED, { rate: 0, negativeRate: 0, minPerStratum: 3 }, population);
    const bySmallestScore = population
      .map((r) => ({ id: r.id, score: selectionScore(SEED, r.id) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 3)
      .map((r) => r.id)
      .sort();

    expect(selected).toEqual([]);
    expect(topUps).toEqual(bySmallestScore);
  });

  it('samples the single record of a one-record stratum', () => {
    const only = { id: syntheticId(7), agencyId: 'agency-z', type: 'close' as const, outcome: 'transferred' };
    const { selected, topUps, strata } = runSample(SEED, { rate: 0, negativeRate: 0, minPerStratum: 1 }, [only]);

    expect(selected).toEqual([]);
    expect(topUps).toEqual([only.id]);
    expect(strata).toEqual([
      expect.objectContaining({
        agencyId: 'agency-z',
        type: 'close',
        outcome: 'transferred',
        population: 1,
        sampled: 1,
      }),
    ]);
  });

  it('reports population and sample size per stratum, top-ups included', () => {
    fc.assert(
      fc.property(populationArb, fc.integer({ min: 0, max: 3 }), (rows, minPerStratum) => {
        const population = toRecords(rows);
        const sampler = new StratifiedSampler(SEED, { rate: 0.1, negativeRate: 0.3, minPerStratum });
        const selectedByKey = new Map<string, number>();
        const populationByKey = new Map<string, number>();
        for (const record of population) {
          const { key } = stratumOf(record);
          populationByKey.set(key, (populationByKey.get(key) ?? 0) + 1);
          if (sampler.offer(record)) selectedByKey.set(key, (selectedByKey.get(key) ?? 0) + 1);
        }
        const { topUps, strata } = sampler.finish();
        for (const record of topUps) {
          const { key } = stratumOf(record);
          selectedByKey.set(key, (selectedByKey.get(key) ?? 0) + 1);
        }

        expect(strata.map((s) => s.key).sort()).toEqual([...populationByKey.keys()].sort());
        for (const s of strata) {
          expect(s.population).toBe(populationByKey.get(s.key));
          expect(s.sampled).toBe(selectedByKey.get(s.key) ?? 0);
          expect(s.rate).toBe(isNegativeDecision(s.type, s.outcome) ? 0.3 : 0.1);
        }
      }),
    );
  });

  it('refuses a seed too short to be unpredictable and rates outside [0, 1]', () => {
    expect(() => new StratifiedSampler(Buffer.alloc(8), DEFAULT_RATES)).toThrow(RangeError);
    expect(() => new StratifiedSampler(SEED, { ...DEFAULT_RATES, rate: 1.5 })).toThrow(RangeError);
    expect(() => new StratifiedSampler(SEED, { ...DEFAULT_RATES, negativeRate: Number.NaN })).toThrow(RangeError);
    expect(() => new StratifiedSampler(SEED, { ...DEFAULT_RATES, minPerStratum: -1 })).toThrow(RangeError);
  });

  it('refuses records after finish', () => {
    const sampler = new StratifiedSampler(SEED, DEFAULT_RATES);
    sampler.finish();

    expect(() => sampler.offer({ id: syntheticId(1), agencyId: 'a', type: 'refer', outcome: null })).toThrow(
      'after finish',
    );
  });

  it('keeps memory bounded while 1,000,000 records stream through', () => {
    const gc = obtainGc();
    const total = 1_000_000;
    const agencies = Array.from({ length: 20 }, (_, n) => `agency-${n}`);
    const sampler = new StratifiedSampler(SEED, { rate: 0.05, negativeRate: 0.2, minPerStratum: 5 });

    gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    let selected = 0;
    for (let n = 0; n < total; n++) {
      const kind = KINDS[n % KINDS.length];
      if (sampler.offer({ id: syntheticId(n), agencyId: agencies[n % agencies.length], ...kind })) selected += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    gc?.();
    const growth = process.memoryUsage().heapUsed - before;
    const { strata } = sampler.finish();

    process.stdout.write(
      `StratifiedSampler: ${total} records in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} records/s; ` +
        `heap growth ${(growth / 2 ** 20).toFixed(1)} MiB (${gc ? 'after gc' : 'no gc available'})\n`,
    );
    expect(selected).toBeGreaterThan(0);
    expect(strata.reduce((sum, s) => sum + s.population, 0)).toBe(total);
    expect(growth).toBeLessThan(50 * 2 ** 20);
  }, 60_000); // about 4 s alone; the margin is for a machine busy with other suites
});

describe('MultisetDigest', () => {
  const digestOf = (ids: readonly string[]) => {
    const digest = new MultisetDigest();
    for (const id of ids) digest.add(id);
    return digest.digest();
  };

  it('is the sum of the SHA-256 of each lower-case id modulo 2^256, in 64 hex digits', () => {
    const ids = [syntheticId(1), syntheticId(2).toUpperCase(), syntheticId(3)];
    const sum = ids.reduce(
      (acc, id) => acc + BigInt(`0x${createHash('sha256').update(id.toLowerCase()).digest('hex')}`),
      0n,
    );
    const expected = (sum % 2n ** 256n).toString(16).padStart(64, '0');

    expect(digestOf(ids)).toBe(expected);
    expect(digestOf([])).toBe('0'.repeat(64));
  });

  it('does not depend on the order the ids arrive in', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.uuid(), { maxLength: 50 })
          .chain((ids) =>
            fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })),
          ),
        ([ids, shuffled]) => {
          expect(digestOf(shuffled)).toBe(digestOf(ids));
        },
      ),
    );
  });

  it('changes when an id is added or removed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 50 }), (ids) => {
        const full = digestOf(ids);
        expect(digestOf(ids.slice(1))).not.toBe(full);
        expect(digestOf([...ids, syntheticId(ids.length)])).not.toBe(full);
      }),
    );
  });

  it('counts the ids added', () => {
    const digest = new MultisetDigest();
    digest.add(syntheticId(1));
    digest.add(syntheticId(1));

    expect(digest.size).toBe(2);
  });

  it('carries across 32-bit limbs like 256-bit addition', () => {
    const ids = Array.from({ length: 1000 }, (_, n) => syntheticId(n));
    const sum = ids.reduce((acc, id) => acc + BigInt(`0x${createHash('sha256').update(id).digest('hex')}`), 0n);

    expect(digestOf(ids)).toBe((sum % 2n ** 256n).toString(16).padStart(64, '0'));
  });
});
