import fc from 'fast-check';
import {
  PROTO_KEYS,
  STRING_PERTURBATIONS,
  badDateString,
  badNumber,
  deepValue,
  hugeArray,
  nastyValue,
  numericString,
  protoPayload,
  trickyString,
  uuidish,
  wrongType,
} from './arbitraries.js';
import { RawJson, cloneJson, setOwn, toJsonText } from './json-text.js';

/** One route as the fuzzer drives it: the valid starting points and who calls. */
export interface FuzzTarget {
  /** `POST /api/v1/cases/{id}/decisions` */
  key: string;
  method: string;
  pathTemplate: string;
  pathParams: fc.Arbitrary<Record<string, string>>;
  /** Valid bodies (absent: the route takes no body). */
  body?: fc.Arbitrary<unknown>;
  /** Valid query strings as `[name, value]` pairs (absent: the route takes no query). */
  query?: fc.Arbitrary<[string, string][]>;
  /** The route documents an `Idempotency-Key` header. */
  idempotent: boolean;
  /** Anyone may call it (a 401 then comes from the service, past validation). */
  public: boolean;
  /** `Authorization` header values: mostly a role that may do the thing. */
  auth: fc.Arbitrary<string | undefined>;
  /** `nextCursor` values the route issued, to tamper with. */
  realCursors: readonly string[];
  /** Keys of the cursor positions this route's cursors hold (learned from real ones). */
  cursorKeys: readonly string[];
  /** Every real id the fixtures made: plausible values in the wrong place. */
  realIds: readonly string[];
}

export interface FuzzRequest {
  target: string;
  /** What was done to the valid starting point, for the report. */
  mutation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

type Path = (string | number)[];
type BodyOp =
  | { op: 'drop'; pick: number }
  | { op: 'unknown'; pick: number; key: string; value: unknown }
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'perturb'; pick: number; how: number }
  | { op: 'container'; pick: number; how: number };
type TextOp =
  | 'truncate'
  | 'trailingComma'
  | 'lineComment'
  | 'blockComment'
  | 'singleQuotes'
  | 'duplicateKey'
  | 'bom'
  | 'invalidUtf8'
  | 'literal'
  | 'empty'
  | 'whitespace'
  | 'garbageTail'
  | 'unquotedKey'
  | 'escapedProto'
  | 'contentLength';
type BodyPlan =
  | { kind: 'valid' }
  | { kind: 'structural'; ops: BodyOp[] }
  | { kind: 'root'; value: unknown }
  | { kind: 'text'; op: TextOp; pick: number; also: BodyOp[] }
  | { kind: 'oversized'; bytes: number; pick: number };

const JSON_TYPE = 'application/json';
const OTHER_CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json;charset=UTF-16',
  'APPLICATION/JSON',
  'application/json ; foo=bar',
  'application/json, text/plain',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/octet-stream',
  'application/jsonp',
  'application/merge-patch+json',
  'application/problem+json',
  'application/*',
  '*/*',
  ';;;',
  '',
];

const UNKNOWN_KEYS = fc.oneof(
  fc.constantFrom('id', 'createdAt', 'agencyId', 'role', 'isAdmin', 'version', 'status', 'passwordHash', 'extra', ''),
  fc.constantFrom(...PROTO_KEYS),
  fc.string({ maxLength: 12 }),
);

function bodyOp(realIds: readonly string[]): fc.Arbitrary<BodyOp> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('unknown' as const),
        pick: fc.nat(),
        key: UNKNOWN_KEYS,
        value: fc.oneof(wrongType, protoPayload),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('unknown' as const),
        pick: fc.nat(),
        key: fc.constantFrom(...PROTO_KEYS),
        value: protoPayload,
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: nastyValue(realIds) }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('perturb' as const), pick: fc.nat(), how: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('container' as const), pick: fc.nat(), how: fc.nat() }) },
  );
}

/** An object where an array belongs or the other way round, or an empty one: what `ValidateNested` lets through. */
const CONTAINER_SWAPS: readonly ((v: unknown) => unknown)[] = [
  () => [],
  () => ({}),
  (v) => [v],
  (v) => [v, v],
  (v) =>
    Array.isArray(v) ? Object.fromEntries(v.map((item: unknown, i) => [String(i), item])) : Object.values(v as object),
];

function bodyPlan(realIds: readonly string[]): fc.Arbitrary<BodyPlan> {
  const ops = fc.array(bodyOp(realIds), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 7, arbitrary: fc.constant({ kind: 'valid' as const }) },
    { weight: 60, arbitrary: ops.map((o) => ({ kind: 'structural' as const, ops: o })) },
    {
      weight: 5,
      arbitrary: fc
        .oneof(wrongType, deepValue, hugeArray, trickyString, badNumber, protoPayload)
        .map((value) => ({ kind: 'root' as const, value })),
    },
    {
      weight: 14,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        op: fc.constantFrom<TextOp>(
          'truncate',
          'trailingComma',
          'lineComment',
          'blockComment',
          'singleQuotes',
          'duplicateKey',
          'bom',
          'invalidUtf8',
          'literal',
          'empty',
          'whitespace',
          'garbageTail',
          'unquotedKey',
          'escapedProto',
          'contentLength',
        ),
        pick: fc.nat(),
        also: fc.array(bodyOp(realIds), { maxLength: 1 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('oversized' as const),
        bytes: fc.integer({ min: 1_050_000, max: 1_500_000 }),
        pick: fc.nat(),
      }),
    },
  );
}

/** Every node of a JSON value with its path (RawJson parts are leaves). */
function nodes(value: unknown): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = [];
  const stack: { path: Path; value: unknown }[] = [{ path: [], value }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.value;
    if (v instanceof RawJson || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ path: [...node.path, i], value: item }));
    else
      for (const k of Object.keys(v)) stack.push({ path: [...node.path, k], value: (v as Record<string, unknown>)[k] });
  }
  return out;
}

function parentOf(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path.slice(0, -1)) v = (v as Record<string | number, unknown>)[step];
  return v;
}

function pathText(path: Path): string {
  return path.length === 0 ? '(body)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.');
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string' && value.length > 40) return `string(${value.length})`;
  if (value instanceof RawJson && value.text.length > 40) {
    return `json(${value.text.length} chars: ${value.text.slice(0, 16)}…)`;
  }
  const text = value instanceof RawJson ? value.text : toJsonText(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(root, path) as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent[last as number] = value;
  else setOwn(parent, String(last), value);
  return root;
}

/** Applies one structural edit; returns the new body and what was done. */
function applyBodyOp(body: unknown, op: BodyOp): { body: unknown; label: string } {
  const all = nodes(body);
  const inner = all.filter((n) => n.path.length > 0);
  switch (op.op) {
    case 'drop': {
      if (inner.length === 0) return { body: undefined, label: 'drop (body)' };
      const { path } = inner[op.pick % inner.length];
      const parent = parentOf(body, path);
      const last = path[path.length - 1];
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last as string];
      return { body, label: `drop ${pathText(path)}` };
    }
    case 'unknown': {
      const objects = all.filter(
        (n) =>
          n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && !(n.value instanceof RawJson),
      );
      if (objects.length === 0) return { body, label: 'unknown (no object)' };
      const { path, value } = objects[op.pick % objects.length];
      // A copy: fast-check hands out the same constant objects again, and later edits must not reach them.
      setOwn(value as Record<string, unknown>, op.key, cloneJson(op.value));
      return { body, label: `add ${pathText([...path, op.key])} = ${describeValue(op.value)}` };
    }
    case 'replace': {
      const { path } = inner.length > 0 ? inner[op.pick % inner.length] : { path: [] as Path };
      return {
        body: setAt(body, path, cloneJson(op.value)),
        label: `set ${pathText(path)} = ${describeValue(op.value)}`,
      };
    }
    case 'container': {
      const containers = inner.filter(
        (n) => n.value !== null && typeof n.value === 'object' && !(n.value instanceof RawJson),
      );
      if (containers.length === 0) return { body, label: 'container (none)' };
      const { path, value } = containers[op.pick % containers.length];
      const swapped = CONTAINER_SWAPS[op.how % CONTAINER_SWAPS.length](cloneJson(value));
      return { body: setAt(body, path, swapped), label: `swap ${pathText(path)} = ${describeValue(swapped)}` };
    }
    case 'perturb': {
      const strings = inner.filter((n) => typeof n.value === 'string');
      if (strings.length === 0) return { body, label: 'perturb (no string)' };
      const { path, value } = strings[op.pick % strings.length];
      const changed = STRING_PERTURBATIONS[op.how % STRING_PERTURBATIONS.length](value as string);
      return { body: setAt(body, path, changed), label: `perturb ${pathText(path)} = ${describeValue(changed)}` };
    }
  }
}

function applyTextOp(
  text: string,
  op: TextOp,
  pick: number,
): { payload: string | Buffer; extraHeaders?: Record<string, string> } {
  const at = text.length > 0 ? pick % text.length : 0;
  switch (op) {
    case 'truncate':
      return { payload: text.slice(0, Math.max(1, at)) };
    case 'trailingComma':
      return { payload: text.replace(/([}\]])$/, ',$1') };
    case 'lineComment':
      return { payload: text.replace(/^([{[])/, '$1 // a comment\n') };
    case 'blockComment':
      return { payload: `/* a comment */ ${text}` };
    case 'singleQuotes':
      return { payload: text.replace(/"/g, "'") };
    case 'duplicateKey': {
      const first = /^\{("(?:[^"\\]|\\.)*"):/.exec(text);
      return { payload: first ? `{${first[1]}:null,${text.slice(1)}` : `{"a":1,"a":2}` };
    }
    case 'bom':
      return { payload: `\ufeff${text}` };
    case 'invalidUtf8': {
      const bytes = Buffer.from(text);
      const cut = bytes.length > 0 ? pick % bytes.length : 0;
      return {
        payload: Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), bytes.subarray(cut)]),
      };
    }
    case 'literal':
      return {
        payload: text.replace(
          /:("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/,
          `:${['NaN', 'undefined', 'Infinity', "'x'", '0x10', 'True'][pick % 6]}`,
        ),
      };
    case 'empty':
      return { payload: '' };
    case 'whitespace':
      return { payload: ' \n\t ' };
    case 'garbageTail':
      return { payload: `${text}${['}', ']', 'x', '\u0000', ',', '{}', '\n{"a":1}'][pick % 7]}` };
    case 'unquotedKey':
      return { payload: text.replace(/"([A-Za-z]+)":/, '$1:') };
    case 'escapedProto': {
      const keys = [
        '"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"yes"}',
        '"__proto__":{"polluted":"yes"}',
        '"\\u0063onstructor":{"prototype":{"polluted":"yes"}}',
        '"constructor":{"prototype":{"polluted":"yes"}}',
      ];
      const key = keys[pick % keys.length];
      return { payload: text.startsWith('{') && text !== '{}' ? `{${key},${text.slice(1)}` : `{${key}}` };
    }
    case 'contentLength': {
      const length = Buffer.byteLength(text);
      return {
        payload: text,
        extraHeaders: { 'content-length': String(pick % 2 === 0 ? length + 10 : Math.max(0, length - 1)) },
      };
    }
  }
}

function contentTypes(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 85, arbitrary: fc.constant(JSON_TYPE) },
    { weight: 13, arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

const IDEMPOTENCY_KEYS = fc.oneof(
  fc.uuid(),
  fc.constantFrom('k', '', ' ', 'same-key', 'x'.repeat(300), 'a b', '%00', '../../x', '{"a":1}'),
);

/** A request with a JSON body: a valid one, then broken. */
function bodyRequest(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      params: target.pathParams,
      body: target.body!,
      plan: bodyPlan(target.realIds),
      contentType: contentTypes(),
      auth: target.auth,
      idempotencyKey: target.idempotent ? fc.option(IDEMPOTENCY_KEYS, { freq: 3 }) : fc.constant(null),
      query: fc.option(fc.constantFrom('limit=1', '__proto__[polluted]=yes', 'a=1&a=2', 'x=%zz'), { freq: 10 }),
    })
    .map(({ params, body, plan, contentType, auth, idempotencyKey, query }) => {
      let value: unknown = cloneJson(body);
      const labels: string[] = [];
      let payload: string | Buffer | undefined;
      let extraHeaders: Record<string, string> = {};
      switch (plan.kind) {
        case 'valid':
          labels.push('valid');
          break;
        case 'structural':
          for (const op of plan.ops) {
            const r = applyBodyOp(value, op);
            value = r.body;
            labels.push(r.label);
          }
          break;
        case 'root':
          value = cloneJson(plan.value);
          labels.push(`body = ${describeValue(plan.value)}`);
          break;
        case 'oversized': {
          const big = 'x'.repeat(plan.bytes);
          const strings = nodes(value).filter((n) => n.path.length > 0 && typeof n.value === 'string');
          if (strings.length > 0) value = setAt(value, strings[plan.pick % strings.length].path, big);
          else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            setOwn(value as Record<string, unknown>, 'padding', big);
          } else value = big;
          labels.push(`oversized (${plan.bytes} bytes)`);
          break;
        }
        case 'text': {
          for (const op of plan.also) {
            const r = applyBodyOp(value, op);
            value = r.body;
            labels.push(r.label);
          }
          const r = applyTextOp(value === undefined ? '' : toJsonText(value), plan.op, plan.pick);
          payload = r.payload;
          extraHeaders = r.extraHeaders ?? {};
          labels.push(`text ${plan.op}`);
          break;
        }
      }
      if (payload === undefined && value !== undefined) payload = toJsonText(value);
      if (contentType !== JSON_TYPE) labels.push(`content-type ${JSON.stringify(contentType ?? null)}`);
      const headers: Record<string, string> = { ...extraHeaders };
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (auth !== undefined) headers.authorization = auth;
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      const path = fillPath(target.pathTemplate, params);
      return {
        target: target.key,
        mutation: labels.join('; '),
        method: target.method,
        url: query ? `${path}?${query}` : path,
        headers,
        payload,
      };
    });
}

type QueryPair = { key: string; value: string; raw?: boolean };
type QueryOp =
  | { op: 'drop'; pick: number }
  | { op: 'unknown'; key: string; value: string }
  | { op: 'repeat'; pick: number; value: string }
  | { op: 'replace'; pick: number; value: string }
  | { op: 'perturb'; pick: number; how: number }
  | { op: 'bracket'; pick: number; form: number }
  | { op: 'raw'; text: string }
  | { op: 'limit'; value: string }
  | { op: 'cursor'; value: string };

const RAW_QUERY_PIECES = [
  '%',
  '%zz',
  '%00',
  'cursor=%ff%fe',
  '%C0%AF',
  '&&&',
  '=',
  '==',
  'a==b',
  '&=x',
  '+',
  ';',
  'a;b=c',
  'state=%E0%A4%A',
  'é=é',
  'a[b][c][d]=1',
  'a[]=1&a[]=2',
  'limit=1&limit=2',
  '__proto__=x',
  '__proto__[polluted]=yes',
  '__proto__.polluted=yes',
  'constructor[prototype][polluted]=yes',
  'constructor=x',
  'prototype=x',
  '__proto__=a&__proto__=b',
  'hasOwnProperty=x',
  'toString=x',
  'valueOf=1',
  '__defineGetter__=x',
];

const LIMITS = fc.oneof(
  numericString,
  fc.constantFrom('0', '1', '200', '201', '1000', '1e2', '1.0', '+5', ' 5', '5 ', '05', '[]', '{}', 'true', '%00'),
);

function queryValue(realIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: trickyString },
    { weight: 2, arbitrary: numericString },
    { weight: 4, arbitrary: badDateString },
    { weight: 2, arbitrary: uuidish(realIds) },
    // Up to 16 KiB: Node's HTTP server refuses longer request lines before the app sees them (431).
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(101, 257, 513, 4_097, 16_000), fc.constantFrom('q', 'é', '😀', '\u0000', '%', '\ud800'))
        .map(([n, unit]) => unit.repeat(n / unit.length)),
    },
  );
}

function cursorAbuse(target: FuzzTarget, otherCursors: readonly string[]): fc.Arbitrary<string> {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const keys = target.cursorKeys.length > 0 ? target.cursorKeys : ['id', 'updatedAt', 'createdAt', 'seq'];
  const positionValue = fc.oneof(
    badDateString,
    uuidish(target.realIds),
    wrongType,
    fc.constantFrom('1', '0', '-1', '999999999', '9'.repeat(30), new Date().toISOString()),
  );
  const forged = fc
    .tuple(fc.array(positionValue, { minLength: keys.length, maxLength: keys.length }), fc.nat())
    .map(([values, drop]) => {
      const position: Record<string, unknown> = {};
      keys.forEach((k, i) => setOwn(position, k, values[i]));
      if (drop % 5 === 0) delete position[keys[drop % keys.length]];
      if (drop % 7 === 0) setOwn(position, '__proto__', { polluted: 'yes' });
      return b64(toJsonText(position));
    });
  // A real position with one value swapped: the others stay plausible, so the forged one is what gets checked.
  const positions = target.realCursors.map(
    (c) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Record<string, unknown>,
  );
  const tampered =
    positions.length > 0 && keys.length > 0
      ? fc.tuple(fc.constantFrom(...positions), fc.constantFrom(...keys), fc.nat()).chain(([position, key, n]) =>
          // A timestamp is mostly replaced by a date-like string (JavaScript and PostgreSQL disagree on many).
          (typeof position[key] === 'string' && !Number.isNaN(Date.parse(position[key])) && n % 4 !== 0
            ? badDateString
            : positionValue
          ).map((value) => {
            const copy = cloneJson(position);
            setOwn(copy, key, value);
            return b64(toJsonText(copy));
          }),
        )
      : forged;
  const real = target.realCursors;
  return fc.oneof(
    { weight: 2, arbitrary: trickyString },
    { weight: 1, arbitrary: fc.constantFrom(513, 4_096).map((n) => 'A'.repeat(n)) },
    { weight: 3, arbitrary: forged },
    { weight: 5, arbitrary: tampered },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        b64('not json'),
        b64('null'),
        b64('[]'),
        b64('"x"'),
        b64('1'),
        b64('{}'),
        b64('{"__proto__":{"polluted":"yes"}}'),
        b64('{"constructor":{"prototype":{"polluted":"yes"}}}'),
        '====',
        '+/+/',
        '%',
      ),
    },
    ...(real.length > 0
      ? [
          {
            weight: 3,
            arbitrary: fc.tuple(fc.constantFrom(...real), fc.nat(), fc.nat(5)).map(([c, at, how]) => {
              const i = at % c.length;
              return [
                c.slice(0, i),
                `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`,
                `${c}=`,
                Buffer.from(c, 'base64url').toString('base64'),
                c.toUpperCase(),
                `${c}${c}`,
              ][how];
            }),
          },
        ]
      : []),
    ...(otherCursors.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...otherCursors) }] : []),
  );
}

function queryOp(target: FuzzTarget, otherCursors: readonly string[]): fc.Arbitrary<QueryOp> {
  const value = queryValue(target.realIds);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('unknown' as const),
        key: fc.oneof(fc.constantFrom('id', 'role', 'sort', 'offset', 'page', 'q', ''), fc.string({ maxLength: 10 })),
        value,
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('repeat' as const), pick: fc.nat(), value }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('perturb' as const), pick: fc.nat(), how: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bracket' as const), pick: fc.nat(), form: fc.nat() }) },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('raw' as const), text: fc.constantFrom(...RAW_QUERY_PIECES) }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('limit' as const), value: LIMITS }) },
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('cursor' as const), value: cursorAbuse(target, otherCursors) }),
    },
  );
}

function applyQueryOp(pairs: QueryPair[], op: QueryOp): string {
  const pick = (n: number) => (pairs.length > 0 ? n % pairs.length : -1);
  switch (op.op) {
    case 'drop': {
      const i = pick(op.pick);
      if (i < 0) return 'drop (no parameter)';
      const [gone] = pairs.splice(i, 1);
      return `drop ${gone.key}`;
    }
    case 'unknown':
      pairs.push({ key: op.key, value: op.value });
      return `add ${op.key}=${describeValue(op.value)}`;
    case 'repeat': {
      const i = pick(op.pick);
      if (i < 0) return 'repeat (no parameter)';
      pairs.push({ key: pairs[i].key, value: op.value });
      return `repeat ${pairs[i].key}=${describeValue(op.value)}`;
    }
    case 'replace': {
      const i = pick(op.pick);
      if (i < 0) return 'replace (no parameter)';
      pairs[i] = { key: pairs[i].key, value: op.value };
      return `set ${pairs[i].key}=${describeValue(op.value)}`;
    }
    case 'perturb': {
      const i = pick(op.pick);
      if (i < 0) return 'perturb (no parameter)';
      const value = STRING_PERTURBATIONS[op.how % STRING_PERTURBATIONS.length](pairs[i].value);
      pairs[i] = { key: pairs[i].key, value };
      return `perturb ${pairs[i].key}=${describeValue(value)}`;
    }
    case 'bracket': {
      const i = pick(op.pick);
      if (i < 0) return 'bracket (no parameter)';
      const key = `${pairs[i].key}${['[]', '[0]', '[a]', '.a', '[__proto__]'][op.form % 5]}`;
      pairs[i] = { key, value: pairs[i].value };
      return `rename to ${key}`;
    }
    case 'raw':
      pairs.push({ key: op.text, value: '', raw: true });
      return `raw ${op.text}`;
    case 'limit':
      pairs.push({ key: 'limit', value: op.value });
      return `limit=${describeValue(op.value)}`;
    case 'cursor':
      pairs.push({ key: 'cursor', value: op.value });
      return `cursor=${describeValue(op.value)}`;
  }
}

const LONE_SURROGATE = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;

/** Percent-encodes like encodeURIComponent, but writes a lone surrogate as its (invalid) UTF-8 bytes. */
function percentEncode(text: string): string {
  if (text.isWellFormed()) return encodeURIComponent(text);
  return text
    .split(LONE_SURROGATE)
    .map((part, i) => {
      if (i % 2 === 0) return encodeURIComponent(part);
      const cu = part.charCodeAt(0);
      return [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function queryText(pairs: QueryPair[]): string {
  return pairs.map((p) => (p.raw ? p.key : `${percentEncode(p.key)}=${percentEncode(p.value)}`)).join('&');
}

/** A request with a query string: a valid one, then broken (and, now and then, a body it does not take). */
function queryRequest(target: FuzzTarget, otherCursors: readonly string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      params: target.pathParams,
      pairs: target.query!,
      ops: fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as QueryOp[]) },
        { weight: 9, arbitrary: fc.array(queryOp(target, otherCursors), { minLength: 1, maxLength: 3 }) },
      ),
      auth: target.auth,
      strayBody: fc.option(
        fc.tuple(
          fc.constantFrom(JSON_TYPE, 'text/plain', 'application/x-www-form-urlencoded'),
          fc.oneof(wrongType, deepValue),
        ),
        { freq: 20 },
      ),
    })
    .map(({ params, pairs, ops, auth, strayBody }) => {
      const list: QueryPair[] = pairs.map(([key, value]) => ({ key, value }));
      const labels = ops.length === 0 ? ['valid'] : ops.map((op) => applyQueryOp(list, op));
      const headers: Record<string, string> = {};
      if (auth !== undefined) headers.authorization = auth;
      let payload: string | undefined;
      if (strayBody) {
        headers['content-type'] = strayBody[0];
        payload = toJsonText(strayBody[1]);
        labels.push(`stray ${strayBody[0]} body`);
      }
      const qs = queryText(list);
      const path = fillPath(target.pathTemplate, params);
      return {
        target: target.key,
        mutation: labels.join('; '),
        method: target.method,
        url: qs ? `${path}?${qs}` : path,
        headers,
        payload,
      };
    });
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? name));
}

/** Requests for a target: bodies for routes that take one, query strings otherwise (or both). */
export function requestsFor(target: FuzzTarget, otherCursors: readonly string[]): fc.Arbitrary<FuzzRequest> {
  if (target.body && target.query) {
    return fc.oneof(bodyRequest(target), queryRequest(target, otherCursors));
  }
  return target.body ? bodyRequest(target) : queryRequest(target, otherCursors);
}
