/**
 * SQL text for the aggregates the reports share. Keys and expressions come
 * from the code's own catalogues and column names, never from a request.
 */

/** `{ "a": count(*) FILTER (WHERE col = 'a'), … }` over a catalogue of plain snake_case names. */
export function countsBySql(column: string, keys: readonly string[]): string {
  return `jsonb_build_object(${keys.map((k) => `'${safeKey(k)}', count(*) FILTER (WHERE ${column} = '${k}')`).join(', ')})`;
}

/** `(a, b, …)` of plain snake_case names, for `col IN …`. */
export function keyListSql(keys: readonly string[]): string {
  return `(${keys.map((k) => `'${safeKey(k)}'`).join(', ')})`;
}

/** An interval in days, fractional. */
export const daysSql = (interval: string): string => `extract(epoch FROM (${interval})) / 86400.0`;

/** The median of an interval in days over the rows `filter` keeps, two decimals; null over none. */
export const medianDaysSql = (interval: string, filter: string): string =>
  `round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysSql(interval)}) FILTER (WHERE ${filter}))::numeric, 2)::float8`;

/**
 * \`medianDaysSql\` over the (at most two) middle rows of an ordered walk of \`n\` values: the same float arithmetic as
 * percentile_cont(0.5) (the middle value when \`n\` is odd, \`lo + (hi - lo) * 0.5\` when even), the same rounding.
 */
export const middleOfSql = (column: string, n: string): string =>
  `round((CASE WHEN ${n} % 2 = 1 THEN min(${column})
               ELSE min(${column}) + (max(${column}) - min(${column})) * 0.5::float8 END)::numeric, 2)::float8`;

function safeKey(k: string): string {
  if (!/^[a-z_]+$/.test(k)) throw new Error(`sql-aggregates: unsafe key ${k}`);
  return k;
}
