import type { PoolClient, Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';

/**
 * A raw `pg` client from TypeORM's own pool (same role, same settings), for
 * what TypeORM does not do: streaming large reads with a cursor so memory
 * stays flat (audit verification, sampling, exports).
 */
export async function withPgClient<T>(db: DataSource, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

/** Rows of `sql` as arrays, fetched `batchSize` at a time through a server-side cursor. */
export async function* streamRows(
  client: PoolClient,
  sql: string,
  params: unknown[] = [],
  batchSize = 5_000,
): AsyncGenerator<unknown[]> {
  const stream = client.query(new QueryStream(sql, params, { batchSize, highWaterMark: batchSize, rowMode: 'array' }));
  try {
    for await (const row of stream as AsyncIterable<unknown[]>) yield row;
  } finally {
    stream.destroy();
  }
}
