import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `ovk_<key id without dashes>_<43 characters>`. The id
 * finds the row; only SHA-256 of the random part is stored. A fast hash is
 * right here (unlike passwords): the secret has 256 bits of entropy, and
 * every request pays for the check.
 */
const PREFIX = 'ovk_';

export function isApiKeyToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

export function newApiKeySecret(keyId: string): { token: string; secretHash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}${keyId.replace(/-/g, '')}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseApiKeyToken(token: string): { keyId: string; secret: string } | undefined {
  const m = /^ovk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return undefined;
  const h = m[1];
  const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { keyId, secret: m[2] };
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const hash = hashSecret(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
