import { createHash, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import {
  type ChainHead,
  type CheckpointContent,
  checkpointRoot,
  signingKeyFromSeed,
  signRoot,
  verifyCheckpointSignature,
  verifyKeyFromRaw,
  verifyRoot,
  type VerifyKey,
} from './checkpoint.js';
import { GENESIS_HASH } from './hash-chain.js';

const seedOf = (byte: number) => Buffer.alloc(32, byte);
const sha = (text: string) => createHash('sha256').update(text).digest();

const CONTENT: CheckpointContent = {
  seq: 7,
  createdAt: '2026-11-20T10:00:00.000Z',
  watermark: '123456',
  heads: [
    { chainId: 'case:b', seq: 4, hash: sha('b4') },
    { chainId: 'case:a', seq: 9, hash: sha('a9') },
    { chainId: 'system', seq: 1, hash: sha('s1') },
  ],
};
const PREV_ROOT = sha('previous root');

describe('signingKeyFromSeed', () => {
  it('derives the same key id and public key from the same seed', () => {
    const a = signingKeyFromSeed(seedOf(1));
    const b = signingKeyFromSeed(Buffer.from(seedOf(1)));
    expect(a.keyId).toBe(b.keyId);
    expect(a.publicKeyPem).toBe(b.publicKeyPem);
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('derives different keys from different seeds', () => {
    const a = signingKeyFromSeed(seedOf(1));
    const b = signingKeyFromSeed(seedOf(2));
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
  });

  it('uses the RFC 8032 seed → public key derivation (test 1)', () => {
    // RFC 8032 §7.1, TEST 1: secret key 9d61b19d…7f60, public key d75a9801…511a.
    const key = signingKeyFromSeed(
      Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'),
    );
    const raw = key.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    expect(raw.toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(key.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
  });

  it.each([0, 16, 31, 33, 64])('rejects a seed of %i bytes', (length) => {
    expect(() => signingKeyFromSeed(Buffer.alloc(length, 7))).toThrow(RangeError);
  });
});

describe('verifyKeyFromRaw', () => {
  it('gives the public half of a signing key the same id, PEM and raw key', () => {
    const signing = signingKeyFromSeed(seedOf(3));
    const verifying = verifyKeyFromRaw(Buffer.from(signing.publicKeyBase64, 'base64'));
    expect(verifying.keyId).toBe(signing.keyId);
    expect(verifying.publicKeyPem).toBe(signing.publicKeyPem);
    expect(verifying.publicKeyBase64).toBe(signing.publicKeyBase64);
    expect(Buffer.from(signing.publicKeyBase64, 'base64')).toHaveLength(32);
  });

  it('verifies what the signing key signed', () => {
    const signing = signingKeyFromSeed(seedOf(4));
    const root = sha('root');
    const verifying = verifyKeyFromRaw(Buffer.from(signing.publicKeyBase64, 'base64'));
    expect(verifyRoot(verifying.publicKey, root, signRoot(signing, root))).toBe(true);
  });

  it('refuses anything but 32 bytes', () => {
    expect(() => verifyKeyFromRaw(Buffer.alloc(31))).toThrow(RangeError);
    expect(() => verifyKeyFromRaw(Buffer.alloc(33))).toThrow(RangeError);
  });
});

describe('verifyCheckpointSignature', () => {
  const a = signingKeyFromSeed(seedOf(5));
  const b = signingKeyFromSeed(seedOf(6));
  const root = sha('a root');
  const ring = (...keys: VerifyKey[]) => new Map(keys.map((k) => [k.keyId, k]));

  it('verifies with the key the checkpoint names, among several (a rotated key ring)', () => {
    expect(verifyCheckpointSignature(ring(a, b), a.keyId, root, signRoot(a, root))).toBe('valid');
    expect(verifyCheckpointSignature(ring(a, b), b.keyId, root, signRoot(b, root))).toBe('valid');
  });

  it('calls a signature invalid when the named key did not make it, even if another configured key did', () => {
    expect(verifyCheckpointSignature(ring(a, b), b.keyId, root, signRoot(a, root))).toBe('invalid');
  });

  it('calls a checkpoint whose key is not configured unverifiable, not invalid', () => {
    expect(verifyCheckpointSignature(ring(b), a.keyId, root, signRoot(a, root))).toBe('unknown_key');
  });
});

describe('signRoot / verifyRoot', () => {
  const key = signingKeyFromSeed(seedOf(1));
  const other = signingKeyFromSeed(seedOf(2));
  const root = checkpointRoot(PREV_ROOT, CONTENT);

  it('verifies its own signature, also with the exported PEM', () => {
    const signature = signRoot(key, root);
    expect(verifyRoot(key.publicKey, root, signature)).toBe(true);
    expect(verifyRoot(createPublicKey(key.publicKeyPem), root, signature)).toBe(true);
  });

  it('rejects a signature made with another key', () => {
    expect(verifyRoot(key.publicKey, root, signRoot(other, root))).toBe(false);
  });

  it('rejects a signature over another root', () => {
    const otherRoot = checkpointRoot(PREV_ROOT, { ...CONTENT, seq: CONTENT.seq + 1 });
    expect(verifyRoot(key.publicKey, otherRoot, signRoot(key, root))).toBe(false);
  });

  it('returns false rather than throwing on a malformed signature', () => {
    expect(verifyRoot(key.publicKey, root, Buffer.alloc(3))).toBe(false);
    expect(verifyRoot(key.publicKey, root, Buffer.alloc(0))).toBe(false);
  });

  it('rejects any single flipped bit of the signature', () => {
    const signature = signRoot(key, root);
    fc.assert(
      fc.property(fc.nat({ max: signature.length * 8 - 1 }), (bit) => {
        const flipped = Buffer.from(signature);
        flipped[bit >> 3] ^= 1 << (bit & 7);
        expect(verifyRoot(key.publicKey, root, flipped)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('checkpointRoot', () => {
  const rootOf = (content: CheckpointContent, prev: Buffer = PREV_ROOT) =>
    checkpointRoot(prev, content).toString('hex');
  const base = rootOf(CONTENT);

  const headArb: fc.Arbitrary<ChainHead> = fc.record({
    chainId: fc.string({ unit: 'binary', maxLength: 8 }),
    seq: fc.nat(),
    hash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b)),
  });
  const headsArb = fc.uniqueArray(headArb, { selector: (h) => h.chainId, maxLength: 8 });

  it('is a 32-byte digest', () => {
    expect(checkpointRoot(GENESIS_HASH, CONTENT)).toHaveLength(32);
  });

  it('does not depend on the order of the heads', () => {
    fc.assert(
      fc.property(
        headsArb.chain((heads) =>
          fc.tuple(fc.constant(heads), fc.shuffledSubarray(heads, { minLength: heads.length })),
        ),
        ([heads, shuffled]) => {
          expect(rootOf({ ...CONTENT, heads: shuffled })).toBe(rootOf({ ...CONTENT, heads }));
        },
      ),
    );
  });

  it('changes with the previous root', () => {
    expect(rootOf(CONTENT, GENESIS_HASH)).not.toBe(base);
  });

  it('changes with seq, createdAt and watermark', () => {
    expect(rootOf({ ...CONTENT, seq: 8 })).not.toBe(base);
    expect(rootOf({ ...CONTENT, createdAt: '2026-11-20T10:00:00.001Z' })).not.toBe(base);
    expect(rootOf({ ...CONTENT, watermark: '123457' })).not.toBe(base);
  });

  it('changes when a head is added or removed', () => {
    expect(rootOf({ ...CONTENT, heads: CONTENT.heads.slice(1) })).not.toBe(base);
    expect(rootOf({ ...CONTENT, heads: [...CONTENT.heads, { chainId: 'case:c', seq: 1, hash: sha('c1') }] })).not.toBe(
      base,
    );
    expect(rootOf({ ...CONTENT, heads: [] })).not.toBe(base);
  });

  it("changes with any head's chain id, seq or hash", () => {
    fc.assert(
      fc.property(
        headsArb.filter((h) => h.length > 0),
        fc.nat(),
        fc.constantFrom('chainId', 'seq', 'hash'),
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (heads, pick, field, chainId, seq, hash) => {
          const i = pick % heads.length;
          const head = heads[i];
          const changed: ChainHead =
            field === 'chainId'
              ? { ...head, chainId }
              : field === 'seq'
                ? { ...head, seq }
                : { ...head, hash: Buffer.from(hash) };
          fc.pre(changed.chainId !== head.chainId || changed.seq !== head.seq || !changed.hash.equals(head.hash));
          const after = heads.map((h, j) => (j === i ? changed : h));
          expect(rootOf({ ...CONTENT, heads: after })).not.toBe(rootOf({ ...CONTENT, heads }));
        },
      ),
    );
  });
});
