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

// SPKI DER prefix of an Ed25519 public key; the 32 raw bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A public key that verifies checkpoints, named by its id. */
export interface VerifyKey {
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 over the raw public key: derived, so a name cannot point at another key. */
  keyId: string;
  publicKeyPem: string;
  /** The raw 32 bytes, base64 (how AUDIT_VERIFY_KEYS takes it). */
  publicKeyBase64: string;
}

export interface SigningKey extends VerifyKey {
  privateKey: KeyObject;
}

export function verifyKeyFromRaw(raw: Buffer): VerifyKey {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  return describe(createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }));
}

function describe(publicKey: KeyObject): VerifyKey {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey,
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyBase64: raw.toString('base64'),
  };
}

export function signingKeyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, ...describe(createPublicKey(privateKey)) };
}

export function signRoot(key: SigningKey, root: Buffer): Buffer {
  return sign(null, root, key.privateKey);
}

/**
 * The outcome of checking a checkpoint's signature with the key its `keyId`
 * names among `keys`: a checkpoint whose key is not configured cannot be
 * verified, which is reported as such rather than as a forgery.
 */
export function verifyCheckpointSignature(
  keys: ReadonlyMap<string, VerifyKey>,
  keyId: string,
  root: Buffer,
  signature: Buffer,
): 'valid' | 'invalid' | 'unknown_key' {
  const key = keys.get(keyId);
  if (!key) return 'unknown_key';
  return verifyRoot(key.publicKey, root, signature) ? 'valid' : 'invalid';
}

export function verifyRoot(publicKey: KeyObject, root: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, root, publicKey, signature);
  } catch {
    return false;
  }
}
