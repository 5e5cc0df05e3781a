import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

interface Rule {
  propertyName: string;
  name?: string;
  constraints?: unknown[];
  each?: boolean;
}

/**
 * The class-validator rules of the DTOs, written into their component schemas: a request DTO's decorators are
 * the one statement of what the server accepts (integer, bounds, lengths, pattern, e-mail, UUID), so the
 * document cannot claim less than the validation pipe enforces. What a property's `@ApiProperty` states
 * already is kept.
 */
export function applyValidationRules(schemas: Record<string, SchemaObject>): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  const classes = [...storage.validationMetadatas.keys()].filter(
    (target): target is abstract new () => unknown => typeof target === 'function',
  );
  for (const cls of classes) {
    const schema = schemas[cls.name];
    if (!schema?.properties) continue;
    for (const rule of rulesOf(cls, storage.validationMetadatas)) {
      const property = schema.properties[rule.propertyName] as SchemaObject | undefined;
      if (!property || '$ref' in property) continue;
      const target = rule.each && property.type === 'array' ? (property.items as SchemaObject | undefined) : property;
      if (target && !('$ref' in target)) apply(target, rule);
    }
  }
}

const MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * The same rules, written into the `@ApiProperty` metadata itself before the document is scanned: query
 * parameters are made from a query DTO's properties and keep no link to their class afterwards. Only what a
 * property's own options leave open is filled in; rules on array items (`each`) are left to
 * {@link applyValidationRules}.
 */
export function annotateValidatedModels(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    const prototype = (target as { prototype: object }).prototype;
    for (const rule of rules) {
      if (rule.each) continue;
      // `@ApiProperty` options as stored: `type` may be a constructor (Number) or a name.
      const existing = Reflect.getMetadata(MODEL_PROPERTIES, prototype, rule.propertyName) as
        (Omit<SchemaObject, 'type'> & { type?: unknown; isArray?: boolean }) | undefined;
      if (!existing || Array.isArray(existing.type) || existing.isArray) continue;
      const patch: SchemaObject = {};
      apply(patch, rule);
      if (patch.type === 'integer' && existing.type !== Number && existing.type !== 'number') delete patch.type;
      const merged = { ...patch, ...existing, ...(patch.type ? { type: patch.type } : {}) };
      Reflect.defineMetadata(MODEL_PROPERTIES, merged, prototype, rule.propertyName);
    }
  }
}

/** A class's rules with those it inherits (a subclass repeats none of its parent's decorators). */
function rulesOf(cls: abstract new () => unknown, all: Map<unknown, Rule[]>): Rule[] {
  const rules: Rule[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    rules.push(...(all.get(c) ?? []));
  }
  return rules;
}

/** Rules that carry one JSON Schema keyword: the keyword and its value, from the rule's first constraint. */
const KEYWORDS = new Map<string, (first: unknown) => Partial<SchemaObject>>([
  ['min', (n) => ({ minimum: n as number })],
  ['max', (n) => ({ maximum: n as number })],
  ['minLength', (n) => ({ minLength: n as number })],
  ['maxLength', (n) => ({ maxLength: n as number })],
  ['arrayMinSize', (n) => ({ minItems: n as number })],
  ['arrayMaxSize', (n) => ({ maxItems: n as number })],
  ['isEmail', () => ({ format: 'email' })],
  ['isUuid', () => ({ format: 'uuid' })],
  ['arrayUnique', () => ({ uniqueItems: true })],
]);

function apply(schema: SchemaObject, rule: Rule): void {
  const [first, second] = rule.constraints ?? [];
  const set = <K extends keyof SchemaObject>(key: K, value: SchemaObject[K]): void => {
    if (schema[key] === undefined && value !== undefined) schema[key] = value;
  };
  const keyword = rule.name === undefined ? undefined : KEYWORDS.get(rule.name);
  if (keyword) {
    for (const [key, value] of Object.entries(keyword(first))) set(key as keyof SchemaObject, value);
    return;
  }
  switch (rule.name) {
    case 'isInt':
      if (schema.type === 'number' || schema.type === undefined) schema.type = 'integer';
      break;
    case 'isLength':
      set('minLength', first as number);
      set('maxLength', second as number | undefined);
      break;
    case 'matches':
      // A pattern with flags (e.g. /…/i) has no JSON Schema spelling; it stays in the description.
      if (first instanceof RegExp && first.flags === '') set('pattern', first.source);
      else if (typeof first === 'string' && !second) set('pattern', first);
      break;
  }
}
