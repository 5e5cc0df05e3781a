import type { EntityManager } from 'typeorm';

/**
 * One `INSERT` of a row whose keys are its column names, as repositories keep them (snake_case, written in code,
 * never taken from input). PostgreSQL types each parameter from its column, so arrays reach `uuid[]` columns as
 * they are; a `jsonb` value must be passed as JSON text.
 */
export async function insertRow(manager: Pick<EntityManager, 'query'>, table: string, row: object): Promise<void> {
  const columns = Object.keys(row);
  for (const name of [table, ...columns]) {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`insertRow: ${JSON.stringify(name)} is not a plain column name`);
  }
  await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

/**
 * Writes `changes` to the row `id` only if it is still at `expectedVersion`: the conditional `UPDATE` that decides
 * between concurrent writers of one version (one wins; the others change nothing and answer 409). Column names as
 * for `insertRow`.
 */
export async function updateAtVersion(
  manager: Pick<EntityManager, 'query'>,
  table: string,
  id: string,
  expectedVersion: number,
  changes: object,
): Promise<boolean> {
  const columns = Object.keys(changes);
  for (const name of [table, ...columns]) {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`updateAtVersion: ${JSON.stringify(name)} is not a plain column name`);
  }
  const [, affected] = await manager.query<[unknown[], number]>(
    `UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')} WHERE id = $1 AND version = $2`,
    [id, expectedVersion, ...(Object.values(changes) as unknown[])],
  );
  return affected === 1;
}
