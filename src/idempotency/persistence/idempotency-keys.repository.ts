import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredResponse {
  requestHash: Buffer;
  ciphertext: Buffer | null;
  keyId: string | null;
}

/** The `idempotency_keys` table: a key claimed per actor, the response stored under it, expiry. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: DataSource) {}

  /** Inserts the key row; false if the actor already used the key (the caller then waits on its unique index). */
  async claim(manager: EntityManager, actorId: string, key: string, requestHash: Buffer): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING 1`,
      [actorId, key, requestHash],
    );
    return inserted.length > 0;
  }

  async storedResponse(manager: EntityManager, actorId: string, key: string): Promise<StoredResponse> {
    const [row] = await manager.query<
      { request_hash: Buffer; response_ciphertext: Buffer | null; response_key_id: string | null }[]
    >(
      `SELECT request_hash, response_ciphertext, response_key_id FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    return { requestHash: row.request_hash, ciphertext: row.response_ciphertext, keyId: row.response_key_id };
  }

  async storeResponse(
    manager: EntityManager,
    actorId: string,
    key: string,
    sealed: { ciphertext: Buffer; keyId: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET status_code = 201, response_ciphertext = $3, response_key_id = $4
        WHERE actor_id = $1 AND key = $2`,
      [actorId, key, sealed.ciphertext, sealed.keyId],
    );
  }

  /** Forgets keys older than `hours`; returns how many. */
  async purgeOlderThan(hours: number): Promise<number> {
    const [, purged] = await this.db.query<[unknown[], number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return purged;
  }
}
