import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json.js';

/**
 * A checkpoint seals the heads of every chain that grew since the previous
 * one. Checkpoints form their own chain (each root covers the previous root)
 * and each root is signed with an Ed25519 key the database never holds, so a
 * chain re-hashed inside the database no longer matches a signed head.
 */
export interface ChainHead {
  chainId: string;
  seq: number;
  hash: Buffer;
}

export interface CheckpointContent {
  seq: number;
  createdAt: string;
  /** Every transaction below this id had finished when the checkpoint was taken. */
  watermark: string;
  heads: ChainHead[];
}

export function checkpointRoot(prevRoot: Buffer, content: CheckpointContent): Buffer {
  const heads = [...content.heads]
    .sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0))
    .map((h) => [h.chainId, h.seq, h.hash.toString('hex')]);
  const text = canonicalJson({
    createdAt: content.createdAt,
    heads,
    prevRoot: prevRoot.toString('hex'),
    seq: content.seq,
    watermark: content.watermark,
  });
  return createHash('sha256').update(text, 'utf8').digest();
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 over the raw public key. */
  keyId: string;
  publicKeyPem: string;
}

export function signingKeyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    privateKey,
    publicKey,
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function signRoot(key: SigningKey, root: Buffer): Buffer {
  return sign(null, root, key.privateKey);
}

export function verifyRoot(publicKey: KeyObject, root: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, root, publicKey, signature);
  } catch {
    return false;
  }
}
