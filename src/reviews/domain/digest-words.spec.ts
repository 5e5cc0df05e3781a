import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { digestFromWordSums, MultisetDigest } from './sampling.js';

/** What PostgreSQL computes: per 32-bit word of SHA-256(id), the sum of the unsigned words. */
function wordSums(ids: string[]): bigint[] {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
    ids.reduce(
      (n, id) =>
        n +
        BigInt(
          createHash('sha256')
            .update(id.toLowerCase(), 'utf8')
            .digest()
            .readUInt32BE(i * 4),
        ),
      0n,
    ),
  );
}

describe('digestFromWordSums', () => {
  it('equals the MultisetDigest of the same ids, for any set', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 60 }), (ids) => {
        const direct = new MultisetDigest();
        for (const id of ids) direct.add(id);
        expect(digestFromWordSums(wordSums(ids))).toBe(direct.digest());
      }),
      { numRuns: 200 },
    );
  });

  it('is 64 zeros for the empty set', () => {
    expect(digestFromWordSums(wordSums([]))).toBe('0'.repeat(64));
  });
});
