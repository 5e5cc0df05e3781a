/** PostgreSQL's SQLSTATE of an error thrown through TypeORM or pg, if any. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { driverError?: { code?: unknown }; code?: unknown } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** Rethrows a unique violation as `error` (a domain error), anything else as is. */
export function uniqueViolationAs(error: Error): (err: unknown) => never {
  return (err: unknown) => {
    throw sqlState(err) === UNIQUE_VIOLATION ? error : err;
  };
}
