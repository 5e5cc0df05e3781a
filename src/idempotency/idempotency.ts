import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/domain/hash-chain.js';
import { Unprocessable, ValidationFailed } from '../common/domain-errors.js';
import { PiiCipher } from '../pii/pii-cipher.js';

export interface IdempotentResult<T> {
  body: T;
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for POSTs that create records. The key row is inserted
 * first in the writer's own transaction: a retry arriving while the first
 * request is still in flight blocks on the key's unique index until that
 * transaction ends, then sees its stored response instead of writing again.
 * A failed request rolls the key back with everything else, so only
 * successful responses are replayed. Stored responses can contain personal
 * data, so they are encrypted like the rest of it.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly cipher: PiiCipher) {}

  async run<T>(
    manager: EntityManager,
    actorId: string,
    key: string | undefined,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) return { body: await work(), replayed: false };
    if (!KEY.test(key)) {
      throw new ValidationFailed([
        { field: 'Idempotency-Key', message: 'must be 1–255 printable ASCII characters without spaces' },
      ]);
    }
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest();
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING 1`,
      [actorId, key, requestHash],
    );
    if (inserted.length === 0) {
      const [stored] = await manager.query<
        { request_hash: Buffer; response_ciphertext: Buffer | null; response_key_id: string | null }[]
      >(
        `SELECT request_hash, response_ciphertext, response_key_id FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
        [actorId, key],
      );
      if (!stored.request_hash.equals(requestHash)) {
        throw new Unprocessable(
          'idempotency-key-reused',
          'This Idempotency-Key was used with a different request. Use a new key for a new request.',
        );
      }
      const body = this.cipher.openJson<T>(
        { ciphertext: stored.response_ciphertext!, keyId: stored.response_key_id! },
        context(actorId, key),
      );
      return { body, replayed: true };
    }
    const body = await work();
    const sealed = this.cipher.sealJson(body, context(actorId, key));
    await manager.query(
      `UPDATE idempotency_keys SET status_code = 201, response_ciphertext = $3, response_key_id = $4
        WHERE actor_id = $1 AND key = $2`,
      [actorId, key, sealed.ciphertext, sealed.keyId],
    );
    return { body, replayed: false };
  }
}

function context(actorId: string, key: string): string {
  return `idempotency:${actorId}:${key}`;
}
