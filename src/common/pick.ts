/**
 * The named fields of `source`, in the order named: for responses and audit
 * payloads that pass an entity's own fields on as they are.
 */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}
