import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) text of a JSON value: what the audit log hashes and what an
 * Idempotency-Key compares requests by, so key order and number spelling
 * never make two equal values differ.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised');
  return text;
}
