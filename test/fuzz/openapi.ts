/** The part of an OpenAPI 3 document the fuzzer reads: which operations take input, and its shape. */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  description?: string;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation that takes a body or a query string: what the fuzzer must cover. */
export interface InputOperation {
  /** `POST /api/v1/cases/{id}/decisions`: the catalogue's key. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  /** Header parameters the operation documents (lower case), e.g. `idempotency-key`. */
  headers: string[];
  query: QueryParameter[];
  /** The JSON body's schema, `$ref`s and `allOf`s resolved. */
  body: JsonSchema | undefined;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function inputOperations(doc: OpenApiDocument): InputOperation[] {
  const operations: InputOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      const query = params
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: resolveSchema(doc, p.schema ?? {}) }));
      const json = op.requestBody?.content['application/json']?.schema;
      if (query.length === 0 && !op.requestBody) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        headers: params.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        query,
        body: json ? resolveSchema(doc, json) : undefined,
      });
    }
  }
  return operations;
}

/** Inlines `$ref` and merges `allOf`, all the way down (the DTOs have no cycles; depth is capped anyway). */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 16) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI: unresolved ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolveSchema(doc, { ...target, ...rest }, depth + 1);
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    const merged = allOf.map((s) => resolveSchema(doc, s, depth + 1)).reduce((a, b) => ({ ...a, ...b }), {});
    return resolveSchema(doc, { ...merged, ...rest }, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(doc, v, depth + 1)]),
    );
  }
  if (schema.items) out.items = resolveSchema(doc, schema.items, depth + 1);
  return out;
}
