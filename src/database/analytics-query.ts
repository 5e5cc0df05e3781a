import type { DataSource } from 'typeorm';

/**
 * One reporting statement, with PostgreSQL's JIT off and room to sort in memory. The reports' cost estimates are
 * inflated by their per-agency subplans (the median walks), so PostgreSQL would JIT-compile a statement that runs in
 * a few hundred milliseconds: at 1 M cases the compilation alone took 290 ms of the agency report. `SET LOCAL`
 * needs the statement's own transaction, and ends with it.
 */
export async function analyticsQuery<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  return db.transaction(async (m) => {
    await m.query(`SET LOCAL jit = off`);
    await m.query(`SET LOCAL work_mem = '32MB'`);
    return m.query<T>(sql, params);
  });
}
