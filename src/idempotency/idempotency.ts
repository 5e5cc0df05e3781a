import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../common/canonical-json.js';
import { Unprocessable, ValidationFailed } from '../common/domain-errors.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { IdempotencyKeysRepository } from './persistence/idempotency-keys.repository.js';

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
  constructor(
    private readonly cipher: PiiCipher,
    private readonly keys: IdempotencyKeysRepository,
  ) {}

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
    if (!(await this.keys.claim(manager, actorId, key, requestHash))) {
      const stored = await this.keys.storedResponse(manager, actorId, key);
      if (!stored.requestHash.equals(requestHash)) {
        throw new Unprocessable(
          'idempotency-key-reused',
          'This Idempotency-Key was used with a different request. Use a new key for a new request.',
        );
      }
      const body = this.cipher.openJson<T>(
        { ciphertext: stored.ciphertext!, keyId: stored.keyId! },
        context(actorId, key),
      );
      return { body, replayed: true };
    }
    const body = await work();
    await this.keys.storeResponse(manager, actorId, key, this.cipher.sealJson(body, context(actorId, key)));
    return { body, replayed: false };
  }
}

function context(actorId: string, key: string): string {
  return `idempotency:${actorId}:${key}`;
}
