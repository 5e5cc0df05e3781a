import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

/**
 * Arbitraries of valid values for fields the OpenAPI schema cannot describe
 * well enough (patterns, real ids), keyed by dotted path (`subject.languages`;
 * for a query, the parameter name).
 */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const HOUR = 3_600_000;
const SAFE_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/** A recent instant (the last 30 days, at least an hour ago), as `toISOString()` writes it. */
export function recentTimestamp(): fc.Arbitrary<string> {
  return fc
    .integer({ min: 1, max: 30 * 24 })
    .chain((hoursAgo) => fc.integer({ min: 0, max: HOUR - 1 }).map((ms) => hoursAgo * HOUR + ms))
    .map((ago) => new Date(Date.now() - ago).toISOString());
}

/**
 * Valid values derived from a resolved JSON schema: the starting points the
 * mutators break. Where the schema says too little (a `Matches` pattern is not
 * in the document), a hint supplies the value.
 */
export function validValue(schema: JsonSchema, hints: Hints, path = ''): fc.Arbitrary<unknown> {
  const hint = hints[path];
  if (hint) return hint;
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return validObject(schema, hints, path);
    case 'array': {
      const item = validValue(schema.items ?? { type: 'string' }, hints, path ? `${path}[]` : '[]');
      return fc.uniqueArray(item, { maxLength: 3, selector: (v) => JSON.stringify(v) });
    }
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer': {
      const min = Math.ceil(schema.minimum ?? 0);
      const max = Math.floor(schema.maximum ?? Math.max(min, 100));
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case 'string':
      return validString(schema);
    default:
      return schema.properties ? validObject(schema, hints, path) : fc.constant('value');
  }
}

function validObject(schema: JsonSchema, hints: Hints, path: string): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => [name, validValue(property, hints, path ? `${path}.${name}` : name)] as const,
  );
  const model = Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>;
  return fc.record(model, { requiredKeys: schema.required ?? [] });
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid({ version: [4, 7] });
  if (schema.format === 'date-time') return recentTimestamp();
  if (typeof schema.example === 'string') return fc.constant(schema.example);
  const minLength = Math.max(1, schema.minLength ?? 1);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, minLength + 24));
  return fc.string({ unit: fc.constantFrom(...SAFE_CHARS), minLength, maxLength });
}
