import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelopes for personal data at rest: `iv (12) ‖ tag (16) ‖
 * ciphertext`, with the key id stored beside it (so keys can be rotated) and
 * a context (e.g. `case:<id>`) as additional authenticated data, so a
 * ciphertext copied onto another row fails to decrypt instead of showing
 * another person's data.
 */
export interface Sealed {
  ciphertext: Buffer;
  keyId: string;
}

export function seal(plaintext: string, key: Buffer, keyId: string, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function open(sealed: Sealed, keys: ReadonlyMap<string, Buffer>, context: string): string {
  const key = keys.get(sealed.keyId);
  if (!key) throw new MissingKeyError(sealed.keyId);
  // GCM accepts tags as short as 4 bytes, and a short one is far easier to forge: an envelope cut short must fail,
  // never be checked against whatever tag bytes are left.
  if (sealed.ciphertext.length < IV_BYTES + TAG_BYTES) throw new Error('PII envelope is too short');
  const iv = sealed.ciphertext.subarray(0, IV_BYTES);
  const tag = sealed.ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}

export class MissingKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`PII key "${keyId}" is not configured (PII_ENCRYPTION_KEYS)`);
  }
}
