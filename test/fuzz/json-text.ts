/**
 * JSON text the fuzzer writes verbatim into a body: deep nesting built as text
 * (no recursion to build or print it), literals JSON has no word for (`NaN`),
 * huge arrays.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Sets `key` as an own, enumerable property, even `__proto__` (an assignment would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of a body that may hold `RawJson` parts and own `__proto__` keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`);
    return `{${parts.join(',')}}`;
  }
  // Lone surrogates come out escaped (`"\ud800"`): well-formed JSON.stringify (ES2019).
  return JSON.stringify(value) ?? 'null';
}

/** A copy of a plain JSON value that keeps own `__proto__` keys and `RawJson` parts. */
export function cloneJson<T>(value: T): T {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const k of Object.keys(value)) setOwn(copy, k, cloneJson((value as Record<string, unknown>)[k]));
    return copy as T;
  }
  return value;
}

/** `[[[…]]]`, `{"a":{"a":…}}` or a mix, `depth` levels deep, with `inner` at the bottom. */
export function deepNesting(depth: number, shape: 'array' | 'object' | 'mixed', inner = '1'): RawJson {
  if (shape === 'array') return new RawJson(`${'['.repeat(depth)}${inner}${']'.repeat(depth)}`);
  if (shape === 'object') return new RawJson(`${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`);
  const half = Math.floor(depth / 2);
  return new RawJson(`${'[{"a":'.repeat(half)}${inner}${'}]'.repeat(half)}`);
}
