import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import type { PiiCipher } from './pii-cipher.js';

/** Where encrypted data lives, and the AAD context each row's ciphertext is bound to. */
const ENCRYPTED = [
  {
    table: 'cases',
    key: 'id',
    data: 'pii_ciphertext',
    keyId: 'pii_key_id',
    context: (r: Record<string, unknown>) => `case:${String(r.id)}`,
  },
  {
    table: 'complaints',
    key: 'id',
    data: 'complainant_ciphertext',
    keyId: 'complainant_key_id',
    context: (r: Record<string, unknown>) => `complaint:${String(r.id)}`,
  },
  {
    table: 'sampling_runs',
    key: 'id',
    data: 'seed_ciphertext',
    keyId: 'seed_key_id',
    context: (r: Record<string, unknown>) => `sampling-run:${String(r.id)}`,
  },
] as const;

export interface RotationReport {
  activeKeyId: string;
  reEncrypted: Record<string, number>;
}

/**
 * Re-encrypts everything not yet under the active key (the first of
 * PII_ENCRYPTION_KEYS), in batches, each row guarded by its old key id so a
 * concurrent writer is never overwritten. Stored idempotent responses are
 * short-lived; they are dropped rather than re-encrypted. Once it reports
 * zero rows left, the old key can be removed from the configuration.
 */
export async function rotatePiiKey(db: DataSource, cipher: PiiCipher, batchSize = 500): Promise<RotationReport> {
  const active = cipher.activeKeyId;
  const reEncrypted: Record<string, number> = {};
  for (const target of ENCRYPTED) {
    let count = 0;
    for (;;) {
      const rows = await db.query<Record<string, unknown>[]>(
        `SELECT ${target.key}, ${target.data} AS data, ${target.keyId} AS key_id FROM ${target.table}
          WHERE ${target.keyId} IS NOT NULL AND ${target.keyId} <> $1 ORDER BY ${target.key} LIMIT $2`,
        [active, batchSize],
      );
      if (rows.length === 0) break;
      await db.transaction(async (manager) => {
        for (const row of rows) {
          const context = target.context(row);
          const plain = cipher.openJson<unknown>(
            { ciphertext: row.data as Buffer, keyId: row.key_id as string },
            context,
          );
          const sealed = cipher.sealJson(plain, context);
          await manager.query(
            `UPDATE ${target.table} SET ${target.data} = $2, ${target.keyId} = $3 WHERE ${target.key} = $1 AND ${target.keyId} = $4`,
            [row[target.key], sealed.ciphertext, sealed.keyId, row.key_id],
          );
        }
      });
      count += rows.length;
    }
    reEncrypted[target.table] = count;
  }
  const dropped = await db.query<[unknown[], number]>(
    `DELETE FROM idempotency_keys WHERE response_key_id IS NOT NULL AND response_key_id <> $1`,
    [active],
  );
  reEncrypted.idempotency_keys_dropped = dropped[1];
  await db.transaction((manager) =>
    new AuditLog().append(
      manager,
      { actor: SYSTEM_ACTOR, requestId: null },
      {
        chainId: chains.system,
        action: 'pii.key_rotated',
        subject: { type: 'system', id: null },
        payload: { activeKeyId: active, reEncrypted },
      },
    ),
  );
  return { activeKeyId: active, reEncrypted };
}
