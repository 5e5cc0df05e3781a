import type { DataSource } from 'typeorm';

/** A row of a raw query, as PostgreSQL names its columns. */
export type RawRow = Record<string, unknown>;

/**
 * Raw rows (`SELECT *` or `RETURNING *`) as entities, read by the column names
 * the entity declares: the same mapping `manager.insert` writes with, so reads
 * and writes of a table cannot name its columns differently.
 */
export function toEntities<E extends object>(db: DataSource, entity: new () => E, rows: readonly RawRow[]): E[] {
  const columns = db.getMetadata(entity).columns;
  return rows.map((row) => {
    const e = new entity();
    for (const column of columns) column.setEntityValue(e, row[column.databaseName]);
    return e;
  });
}
