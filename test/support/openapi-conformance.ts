import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';

/**
 * Checks HTTP responses against the OpenAPI 3.0 document the API serves: the status is documented for the
 * operation, the documented headers are there and well-formed, and a JSON body matches its schema, with no
 * member the schema does not name. The shared test app (test-app.ts) runs every response of the e2e suite
 * through it.
 */

/** One response, as the server sent it. */
export interface Exchange {
  method: string;
  /** The route as fastify matched it (`/api/v1/cases/:id`), or undefined when no route matched. */
  route: string | undefined;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The serialized body; undefined for a stream (a file, a CSV export), whose body is not checked. */
  body: string | Buffer | undefined;
}

/** Routes the document leaves out on purpose: the document itself, its UI, the queue dashboard, metrics, the console. */
const UNDOCUMENTED_ROUTES = /^\/(docs|queues|metrics|console)(\/|$)/;

type Json = Record<string, unknown>;

interface MediaType {
  schema?: Json;
}
interface Header {
  $ref?: string;
  required?: boolean;
  schema?: Json;
}
interface ResponseObject {
  $ref?: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  components?: Json;
}

const addFormats = ((formatsModule as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;

export class OpenApiConformance {
  private readonly doc: OpenApi;
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  /** fastify route template → document path, e.g. `/api/v1/cases/:id` → `/api/v1/cases/{id}`. */
  private readonly paths = new Map<string, string>();

  constructor(document: OpenApi) {
    this.doc = closeObjects(structuredClone(document));
    const doc = this.doc;
    // OpenAPI 3.0 schemas are a superset of draft-07 that Ajv reads (including `nullable`); `example` and
    // other annotations are not validation keywords, hence not strict.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, 'openapi.json');
    for (const path of Object.keys(doc.paths)) this.paths.set(path.replace(/\{(\w+)\}/g, ':$1'), path);
  }

  /** What is wrong with this response, one line each; empty when it conforms. */
  check(exchange: Exchange): string[] {
    const method = exchange.method.toLowerCase() === 'head' ? 'get' : exchange.method.toLowerCase();
    if (exchange.route === undefined) return [];
    if (UNDOCUMENTED_ROUTES.test(exchange.route)) return [];
    const name = `${exchange.method.toUpperCase()} ${exchange.route} → ${exchange.status}`;
    const path = this.paths.get(exchange.route);
    if (!path) {
      return [
        `${name}: the route is not in the OpenAPI document (document it; or, if it is no API route, add it to ` +
          'UNDOCUMENTED_ROUTES in test/support/openapi-conformance.ts)',
      ];
    }
    const operation = this.doc.paths[path][method];
    if (!operation) return [`${name}: the method is not in the OpenAPI document`];
    const status = String(exchange.status);
    const responses = operation.responses ?? {};
    const key = [status, `${status[0]}XX`, 'default'].find((k) => responses[k]);
    if (!key) {
      return [`${name}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    }
    const response = this.resolve<ResponseObject>(responses[key]);
    const pointer = `#/paths/${segment(path)}/${method}/responses/${key}`;
    return [...this.checkHeaders(name, exchange, response), ...this.checkBody(name, exchange, response, pointer)];
  }

  private checkHeaders(name: string, exchange: Exchange, response: ResponseObject): string[] {
    const problems: string[] = [];
    for (const [header, declared] of Object.entries(response.headers ?? {})) {
      const spec = this.resolve<Header>(declared);
      const raw = exchange.headers[header.toLowerCase()];
      if (raw === undefined) {
        if (spec.required) problems.push(`${name}: required header ${header} is missing`);
        continue;
      }
      if (!spec.schema) continue;
      const value = String(Array.isArray(raw) ? raw[0] : raw);
      const type = this.resolve<Json>(spec.schema).type;
      const typed =
        type === 'integer' || type === 'number' ? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value) : value;
      const validate = this.validator(`header ${JSON.stringify(spec.schema)}`, spec.schema);
      if (!validate(typed)) problems.push(...describe(`${name}: header ${header}`, validate.errors));
    }
    return problems;
  }

  private checkBody(name: string, exchange: Exchange, response: ResponseObject, pointer: string): string[] {
    if (exchange.body === undefined) return [];
    const text = Buffer.isBuffer(exchange.body) ? exchange.body.toString('utf8') : exchange.body;
    const contentType = headerValue(exchange.headers['content-type']);
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    const content = response.content ?? {};
    if (text.length === 0) {
      return Object.keys(content).length > 0 ? [`${name}: the body is empty, the document declares one`] : [];
    }
    if (!mediaType) return [`${name}: a body without a content type`];
    const media = content[mediaType];
    if (!media) {
      const declared = Object.keys(content);
      return [`${name}: content type ${mediaType} is not documented (${declared.join(', ') || 'no body documented'})`];
    }
    if (!media.schema || !/[/+]json$/.test(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${name}: the ${mediaType} body is not JSON`];
    }
    const schemaPointer = `${pointer}/content/${segment(mediaType)}/schema`;
    const validate = this.validator(schemaPointer, { $ref: `openapi.json${schemaPointer}` });
    return validate(body) ? [] : describe(`${name}: body`, validate.errors);
  }

  /** One compiled validator per schema and process: the suite sends thousands of responses through here. */
  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private resolve<T>(value: T & { $ref?: string }): T {
    if (!value.$ref) return value;
    const target = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], this.doc);
    if (target === undefined) throw new Error(`OpenAPI: unresolved ${value.$ref}`);
    return this.resolve(target as T & { $ref?: string });
  }
}

/**
 * Every object schema with `properties` and no word on others is taken as closed: a field the server sends but
 * the document does not name is one a generated client never sees, so here it is a violation.
 */
function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) {
    node.forEach((child) => closeObjects(child));
  } else if (node && typeof node === 'object') {
    const schema = node as Json;
    for (const [key, child] of Object.entries(schema)) {
      if (key !== 'example' && key !== 'examples' && key !== 'default' && key !== 'enum') closeObjects(child);
    }
    if (schema.properties && typeof schema.properties === 'object' && schema.additionalProperties === undefined) {
      const names = Object.keys(schema.properties);
      // `properties` as a schema keyword, not a property that happens to be called so.
      if (names.every((name) => typeof (schema.properties as Json)[name] === 'object'))
        schema.additionalProperties = false;
    }
  }
  return node;
}

/** A JSON pointer segment inside a URI fragment (`{id}` is no URI character; Ajv decodes it again). */
function segment(name: string): string {
  return encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function headerValue(value: Exchange['headers'][string]): string | undefined {
  return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
}

function describe(prefix: string, errors: ErrorObject[] | null | undefined): string[] {
  // Array indices are folded (`/items/[i]/…`) so that one fault in a list of fifty reads as one line.
  return (errors ?? []).map((e) =>
    `${prefix} ${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/[i]') || '/'} ${e.message ?? 'is invalid'} ${paramsOf(e)}`.trim(),
  );
}

function paramsOf(error: ErrorObject): string {
  const params = Object.entries(error.params ?? {}).filter(([, v]) => v !== undefined);
  return params.length > 0 ? `(${params.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})` : '';
}

const checkers = new Map<string, OpenApiConformance>();

/** One checker per distinct document and process (every test app of a run serves the same one). */
export function conformanceFor(documentText: string): OpenApiConformance {
  let checker = checkers.get(documentText);
  if (!checker) {
    checker = new OpenApiConformance(JSON.parse(documentText) as OpenApi);
    checkers.set(documentText, checker);
  }
  return checker;
}
