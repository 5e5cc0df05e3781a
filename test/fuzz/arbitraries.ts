import fc from 'fast-check';
import { RawJson, deepNesting, setOwn } from './json-text.js';

/**
 * Values that break things: the parts the mutators splice into otherwise valid
 * bodies and query strings.
 */

/** Property names the fuzzer plants under `__proto__`/`constructor`; none may ever show up on `{}`. */
export const CANARIES = ['polluted', 'fuzzPolluted', 'isAdmin'] as const;

/** Keys that mean something to JavaScript objects, planted at any depth. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'toJSON',
  'then',
] as const;

/** Characters that trip up parsers, databases, logs and terminals. */
const TRICKY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\uffff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d',
  '😀',
  '👩‍👩‍👧‍👦',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'ﬁ',
  'מ',
  'ع',
  '中',
  '\\',
  '"',
  "'",
  '`',
  '%',
  '$',
  '{',
  '<',
  ';',
  '/',
  '*',
  'a',
  '0',
  ' ',
];

const TRICKY_STRINGS = [
  '',
  ' ',
  '   ',
  'null',
  'undefined',
  'true',
  'NaN',
  '[object Object]',
  '__proto__',
  'constructor',
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '1; SELECT pg_sleep(10)',
  '$1',
  '%00',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x.test/a}',
  '{{7*7}}',
  '\\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202egnp.exe',
  'Ａ'.repeat(10),
];

export const trickyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: 1, maxLength: 40 }),
  // Any code point, lone surrogates included (cheaper than fc.string's 'binary' unit, which maps all of Unicode).
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 30 })
    .map((codePoints) => String.fromCodePoint(...codePoints)),
);

/** Long strings: past every MaxLength, some close to (and a few past) the 1 MiB body limit once in JSON. */
export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(257, 4_001, 8_001, 65_537, 250_000, 700_000, 1_100_000, 1_500_000),
    fc.constantFrom('x', 'é', '😀', '\u0000', 'ab ', '\ud800'),
  )
  .map(([bytes, unit]) => {
    // Sized by the bytes the unit takes in JSON text (`\u0000` is six), so no body grows past ~1.5 MB.
    const perUnit = Buffer.byteLength(JSON.stringify(unit)) - 2;
    return unit.repeat(Math.max(1, Math.floor(bytes / perUnit)));
  });

/** Calendar nonsense, out-of-range values PostgreSQL refuses, and formats only JavaScript accepts. */
const BAD_DATES = [
  '2026-13-45',
  '2026-13-45T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-02-29T10:00:00Z',
  '2026-04-31T10:00:00Z',
  'yesterday',
  'now',
  'today',
  'infinity',
  '-infinity',
  'epoch',
  'allballs',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+010000-01-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T00:00:00+19:59',
  '2026-01-01T00:00:00-23:59',
  '2026-01-01T00:00:00+99:99',
  '2026-01-01T00:00:00.1234567Z',
  '2026-01-01T00:00:00.000000001Z',
  '2026-01-01',
  '2026-01-01T00:00:00',
  '2026-01-01 00:00:00Z',
  '2026-01-01t00:00:00z',
  '2026-W01-1T00:00:00Z',
  '2026-001T00:00:00Z',
  '20260101T000000Z',
  'Tue, 01 Jan 2026 00:00:00 GMT',
  'Thu Jan 01 1970 00:00:00 GMT+0000',
  '1',
  '0',
  '-1',
  '1e20',
  '2100-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-06-15T12:00:00.123456Z',
];

/**
 * Timestamps every validator takes (real calendar dates, an explicit offset) at the edges of what PostgreSQL
 * takes: offsets past ±15:59, years 1 and 9999, microseconds.
 */
const edgeTimestamp: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }),
    fc.constantFrom('', '.1', '.123456'),
    fc.constantFrom('Z', '+14:00', '-12:00', '+15:59', '-15:59', '+16:00', '-23:59', '+23:59'),
  )
  .map(([ms, fraction, offset]) => `${new Date(ms).toISOString().slice(0, 19)}${fraction}${offset}`);

export const badDateString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 2, arbitrary: edgeTimestamp },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('Z', '+00:00', '+14:00', '-12:00', '+15:59', '+16:00', '-20:00', '+01', ''),
      )
      .map(([y, mo, d, h, mi, tz]) => {
        const p = (n: number, w = 2) => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:00${tz}`;
      }),
  },
);

export const badDate: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: badDateString },
  { weight: 1, arbitrary: fc.constantFrom(1e20, -1, 0, 1_767_225_600_000, 2 ** 31) },
);

/** Numbers JSON can spell, chosen to overflow `int4`, `int8` and doubles, plus literals JSON cannot. */
export const badNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1.5,
    -1.5,
    0.1,
    5e-324,
    1e20,
    -1e20,
    1e29,
    1e308,
    -1e308,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 63,
    -(2 ** 63),
    1899,
    2101,
    1001,
  ),
  fc.constantFrom(
    new RawJson('1e999'),
    new RawJson('-1e999'),
    new RawJson('1e-999'),
    new RawJson('-0'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('0.1e1'),
    new RawJson('1E+2'),
    new RawJson('NaN'),
    new RawJson('Infinity'),
    new RawJson('0x10'),
    new RawJson('01'),
    new RawJson('.5'),
    new RawJson('+1'),
  ),
  fc.double(),
  fc.integer(),
);

/** Numbers as strings: what a form or a query string sends. */
export const numericString: fc.Arbitrary<string> = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e309',
  '1e2',
  '0x1F',
  '0b11',
  '0o7',
  ' 42 ',
  '42abc',
  '4 2',
  '1,000',
  '9'.repeat(400),
  '2147483648',
  '9007199254740993',
  '٣',
  '１',
  '',
);

/** Strings that look like ids but are not the right ones (or not ids at all). */
export function uuidish(realIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '{6f1c8a2e-2b7e-4b8e-9a53-8a3b3c1d2e4f}',
      '6f1c8a2e2b7e4b8e9a538a3b3c1d2e4f',
      '6f1c8a2e-2b7e-4b8e-9a53-8a3b3c1d2e4',
      '6f1c8a2e-2b7e-4b8e-9a53-8a3b3c1d2e4f0',
      'g f1c8a2e-2b7e-4b8e-9a53-8a3b3c1d2e4f',
      ' 6f1c8a2e-2b7e-4b8e-9a53-8a3b3c1d2e4f',
    ),
    fc.uuid(),
    ...(realIds.length > 0
      ? [
          fc.constantFrom(...realIds),
          fc.constantFrom(...realIds).map((id) => id.toUpperCase()),
          fc.constantFrom(...realIds).map((id) => `${id}\u0000`),
        ]
      : []),
  );
}

/** A JSON value nested `depth` levels deep, built as text. */
export const deepValue: fc.Arbitrary<RawJson> = fc
  .tuple(
    fc.constantFrom(65, 100, 1_000, 1_500, 3_000, 5_000, 10_000),
    fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
    fc.constantFrom('1', '"x"', 'null', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'),
  )
  .map(([depth, shape, inner]) => deepNesting(depth, shape, inner));

/** Arrays with many elements (past every ArrayMaxSize; the largest are a few hundred kB of JSON). */
export const hugeArray: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(101, 1_000, 10_000, 50_000), fc.constantFrom('0', '"a"', '{}', 'null', '[]'))
  .map(([n, item]) => new RawJson(`[${`${item},`.repeat(n - 1)}${item}]`));

/** An object whose keys poison prototypes if anything copies them naively. */
export const protoPayload: fc.Arbitrary<unknown> = fc.constantFrom(...CANARIES).chain((canary) =>
  fc.constantFrom<unknown>(
    { [canary]: 'yes' },
    { prototype: { [canary]: 'yes' } },
    'yes',
    1,
    null,
    [{ [canary]: 'yes' }],
    (() => {
      const o: Record<string, unknown> = {};
      setOwn(o, '__proto__', { [canary]: 'yes' });
      return o;
    })(),
  ),
);

/** Any value of the wrong type, shallow. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, '', [], {}, [null], [[]], { a: 1 }, ['a', 1, null]),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
);

/** Everything a field's value may be replaced with. */
export function nastyValue(realIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: wrongType },
    { weight: 4, arbitrary: trickyString },
    { weight: 4, arbitrary: badNumber },
    { weight: 2, arbitrary: numericString },
    { weight: 4, arbitrary: badDate },
    { weight: 2, arbitrary: uuidish(realIds) },
    { weight: 1, arbitrary: longString },
    { weight: 1, arbitrary: hugeArray },
    { weight: 1, arbitrary: deepValue },
    { weight: 1, arbitrary: protoPayload },
  );
}

/** Small edits of a valid string: an enum value or a pattern match that is almost right. */
export const STRING_PERTURBATIONS: readonly ((s: string) => string)[] = [
  (s) => s.toUpperCase(),
  (s) => ` ${s}`,
  (s) => `${s} `,
  (s) => `${s}\u0000`,
  (s) => `\u200b${s}`,
  (s) => s.slice(0, -1),
  (s) => `${s}${s}`,
  (s) => s.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  (s) => s.normalize('NFD'),
  (s) => s.replace(/e/g, 'e\u0301'),
  (s) => `${s}\ud800`,
  (s) => s.split('').reverse().join(''),
  () => '',
];
