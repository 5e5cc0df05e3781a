import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type ActorType,
  type AuditEventContent,
  canonicalEvent,
  canonicalEventText,
  chainHash,
  GENESIS_HASH,
  hashEvent,
  type JsonValue,
} from './hash-chain.js';
import { canonicalJson } from '../../common/canonical-json.js';

/*
 * Strings are drawn from every Unicode scalar value (fast-check's `binary`
 * unit: U+0000…U+10FFFF without surrogate halves) plus a unit biased towards
 * what breaks hand-written JSON: quotes, backslashes, control characters,
 * U+2028/2029, DEL and astral emoji. Lone surrogates are left out on purpose:
 * `canonicalize` refuses them (RFC 8785 §3.2.2.2 requires well-formed
 * strings), so `canonicalEvent` cannot produce a reference text for them; the
 * test at the end pins that refusal down.
 *
 * Numbers are NOT restricted: `fc.jsonValue()` yields -0, subnormals and huge
 * doubles, and `canonicalize` serialises all finite doubles the ES way, which
 * is exactly JCS (RFC 8785 §3.2.2.3). NaN and ±Infinity are not JSON and are
 * never generated.
 */
const tricky = fc.constantFrom(
  '"',
  '\\',
  '\u0000',
  '\u0008',
  '\u001f',
  '\n',
  '\u007f',
  '\u2028',
  '\u2029',
  '😀',
  'é',
  'a',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.constantFrom('', 'null', '"null"', 'true', '0'),
);
const nullableText = fc.option(text, { nil: null });
const payload: fc.Arbitrary<JsonValue> = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }) as fc.Arbitrary<JsonValue>;
// The seq is an integer in practice; any finite double (incl. -0, 1e21, 5e-324) must still agree.
const seq = fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const actorType = fc.oneof(fc.constantFrom<ActorType>('user', 'api_key', 'system'), text as fc.Arbitrary<ActorType>);

const eventArb: fc.Arbitrary<AuditEventContent> = fc.record({
  id: text,
  chainId: text,
  seq,
  recordedAt: text,
  actor: fc.record({ type: actorType, id: nullableText, role: nullableText, agencyId: nullableText }),
  action: text,
  subject: fc.record({ type: text, id: nullableText }),
  requestId: nullableText,
  payload,
});

function withoutPayload(event: AuditEventContent): Omit<AuditEventContent, 'payload'> {
  const { payload: _payload, ...rest } = event;
  return rest;
}

describe('canonicalEventText', () => {
  it('equals the JCS text of the whole event for any content', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(canonicalEventText(withoutPayload(event), canonicalJson(event.payload))).toBe(canonicalEvent(event));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps -0, huge and tiny numbers in the payload in JCS form', () => {
    const event: AuditEventContent = {
      id: 'e',
      chainId: 'c',
      seq: -0,
      recordedAt: 't',
      actor: { type: 'system', id: null, role: null, agencyId: null },
      action: 'a',
      subject: { type: 's', id: null },
      requestId: null,
      payload: [-0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Number('333333333.33333329')],
    };
    const text = canonicalEventText(withoutPayload(event), canonicalJson(event.payload));
    expect(text).toBe(canonicalEvent(event));
    expect(text).toContain('"payload":[0,1e+21,1e-7,5e-324,1.7976931348623157e+308,333333333.3333333]');
    expect(text).toContain('"seq":0');
  });
});

describe('chainHash', () => {
  it('is SHA-256 over the previous hash followed by the UTF-8 text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ unit: 'binary', maxLength: 64 }),
        (prev, canonicalText) => {
          const prevHash = Buffer.from(prev);
          const expected = createHash('sha256')
            .update(Buffer.concat([prevHash, Buffer.from(canonicalText, 'utf8')]))
            .digest();
          expect(chainHash(prevHash, canonicalText).equals(expected)).toBe(true);
        },
      ),
    );
  });

  it('links the first event of a chain to 32 zero bytes', () => {
    expect(GENESIS_HASH.equals(Buffer.alloc(32))).toBe(true);
  });
});

describe('hashEvent known answer', () => {
  /*
   * Reproduce without this code base: JCS-canonicalise the event below with
   * any RFC 8785 library (`npx canonicalize`, Python `jcs`, Go
   * `cyberphone/json-canonicalization`…), which must give CANONICAL, then
   *   (head -c 32 /dev/zero; printf '%s' "$CANONICAL") | sha256sum
   * (the first event of a chain links to 32 zero bytes).
   */
  const event: AuditEventContent = {
    id: '3f0c8b52-7a1e-4d9b-9e6f-0c2d4b6a8e10',
    chainId: 'case:8d5e2c1a-0b3f-4e7d-a9c6-5f1b2d3e4a70',
    seq: 2,
    recordedAt: '2026-11-20T10:15:30.250Z',
    actor: {
      type: 'user',
      id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      role: 'agency_officer',
      agencyId: '9e8d7c6b-5a4f-4e3d-b2c1-a0f9e8d7c6b5',
    },
    action: 'case.decision.refer',
    subject: { type: 'Case', id: '8d5e2c1a-0b3f-4e7d-a9c6-5f1b2d3e4a70' },
    requestId: null,
    payload: {
      type: 'refer',
      reason: 'Said "the debt" was €3 000\\month',
      indicators: ['deception', 'debt_bondage'],
      expectedVersion: 1,
      weight: 1.5e-7,
    },
  };
  const CANONICAL =
    '{"action":"case.decision.refer","actor":{"agencyId":"9e8d7c6b-5a4f-4e3d-b2c1-a0f9e8d7c6b5",' +
    '"id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","role":"agency_officer","type":"user"},' +
    '"chainId":"case:8d5e2c1a-0b3f-4e7d-a9c6-5f1b2d3e4a70","id":"3f0c8b52-7a1e-4d9b-9e6f-0c2d4b6a8e10",' +
    '"payload":{"expectedVersion":1,"indicators":["deception","debt_bondage"],' +
    '"reason":"Said \\"the debt\\" was €3 000\\\\month","type":"refer","weight":1.5e-7},' +
    '"recordedAt":"2026-11-20T10:15:30.250Z","requestId":null,"seq":2,' +
    '"subject":{"id":"8d5e2c1a-0b3f-4e7d-a9c6-5f1b2d3e4a70","type":"Case"}}';
  const HASH = '68700595745ea8f5b2c355379252df7255f8eaa45dc11995ad74c7d23a2c2b8c';

  it('canonicalises the fixed event to the pinned text', () => {
    expect(canonicalEvent(event)).toBe(CANONICAL);
    expect(canonicalEventText(withoutPayload(event), canonicalJson(event.payload))).toBe(CANONICAL);
  });

  it('hashes the fixed event to the pinned digest', () => {
    expect(hashEvent(GENESIS_HASH, event).toString('hex')).toBe(HASH);
  });
});

describe('hashEvent sensitivity', () => {
  type Mutation = (event: AuditEventContent, value: string | null) => AuditEventContent;
  const FIELDS: Record<string, Mutation> = {
    id: (e, v) => ({ ...e, id: v ?? '' }),
    chainId: (e, v) => ({ ...e, chainId: v ?? '' }),
    recordedAt: (e, v) => ({ ...e, recordedAt: v ?? '' }),
    'actor.type': (e, v) => ({ ...e, actor: { ...e.actor, type: (v ?? '') as ActorType } }),
    'actor.id': (e, v) => ({ ...e, actor: { ...e.actor, id: v } }),
    'actor.role': (e, v) => ({ ...e, actor: { ...e.actor, role: v } }),
    'actor.agencyId': (e, v) => ({ ...e, actor: { ...e.actor, agencyId: v } }),
    action: (e, v) => ({ ...e, action: v ?? '' }),
    'subject.type': (e, v) => ({ ...e, subject: { ...e.subject, type: v ?? '' } }),
    'subject.id': (e, v) => ({ ...e, subject: { ...e.subject, id: v } }),
    requestId: (e, v) => ({ ...e, requestId: v }),
    payload: (e, v) => ({ ...e, payload: v }),
  };

  it.each(Object.keys(FIELDS))('changes when only %s changes', (field) => {
    fc.assert(
      fc.property(eventArb, nullableText, (event, value) => {
        const changed = FIELDS[field](event, value);
        fc.pre(canonicalEvent(changed) !== canonicalEvent(event));
        expect(hashEvent(GENESIS_HASH, changed).equals(hashEvent(GENESIS_HASH, event))).toBe(false);
      }),
    );
  });

  it('changes when only seq changes', () => {
    fc.assert(
      fc.property(eventArb, fc.nat(), (event, seq) => {
        fc.pre(String(seq) !== String(event.seq));
        expect(hashEvent(GENESIS_HASH, { ...event, seq }).equals(hashEvent(GENESIS_HASH, event))).toBe(false);
      }),
    );
  });

  it('tells null apart from the string "null" in nullable fields', () => {
    const base: AuditEventContent = {
      id: 'e',
      chainId: 'c',
      seq: 1,
      recordedAt: 't',
      actor: { type: 'system', id: null, role: null, agencyId: null },
      action: 'a',
      subject: { type: 's', id: null },
      requestId: null,
      payload: null,
    };
    const hash = (e: AuditEventContent) => hashEvent(GENESIS_HASH, e).toString('hex');
    expect(hash({ ...base, requestId: 'null' })).not.toBe(hash(base));
    expect(hash({ ...base, actor: { ...base.actor, id: 'null' } })).not.toBe(hash(base));
    expect(hash({ ...base, payload: 'null' })).not.toBe(hash(base));
  });

  it('changes when only the previous hash changes', () => {
    fc.assert(
      fc.property(eventArb, fc.uint8Array({ minLength: 32, maxLength: 32 }), (event, prev) => {
        const prevHash = Buffer.from(prev);
        fc.pre(!prevHash.equals(GENESIS_HASH));
        expect(hashEvent(prevHash, event).equals(hashEvent(GENESIS_HASH, event))).toBe(false);
      }),
    );
  });
});
