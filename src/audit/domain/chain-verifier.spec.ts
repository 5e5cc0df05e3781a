import fc from 'fast-check';
import { type AuditEntry, type ChainPosition, sealEvent, type SealedEvent } from './audit-event.js';
import { ChainVerifier, type ChainProblem, type StoredEvent } from './chain-verifier.js';
import { type AuditActor, GENESIS_HASH, type JsonValue } from './hash-chain.js';

const OFFICER: AuditActor = { type: 'user', id: 'user-1', role: 'agency_officer', agencyId: 'agency-1' };
const T0 = Date.parse('2026-11-20T10:00:00.000Z');

function stored(sealed: SealedEvent, signed = false): StoredEvent {
  const c = sealed.content;
  return {
    id: c.id,
    chainId: c.chainId,
    seq: c.seq,
    recordedAt: c.recordedAt,
    actor: c.actor,
    action: c.action,
    subject: c.subject,
    requestId: c.requestId,
    payloadText: sealed.canonicalPayload,
    prevHash: sealed.prevHash,
    hash: sealed.hash,
    signedHash: signed ? sealed.hash : null,
  };
}

/** Seals `payloads` one after another onto `head` (genesis by default), as the app does. */
function sealChain(chainId: string, payloads: JsonValue[], head: ChainPosition = { seq: 0, hash: GENESIS_HASH }) {
  const events: SealedEvent[] = [];
  for (const payload of payloads) {
    const entry: AuditEntry = { chainId, action: 'case.decision', subject: { type: 'Case', id: chainId }, payload };
    const id = `${chainId}#${head.seq + 1}`;
    const sealed = sealEvent(head, entry, OFFICER, `req-${id}`, id, new Date(T0 + head.seq * 1000));
    events.push(sealed);
    head = { seq: sealed.content.seq, hash: sealed.hash };
  }
  return events;
}

function chain(chainId: string, length: number, signedAt: number[] = []): StoredEvent[] {
  const payloads = Array.from({ length }, (_, i) => ({ step: i + 1, note: `event ${i + 1} of ${chainId}` }));
  return sealChain(chainId, payloads).map((e) => stored(e, signedAt.includes(e.content.seq)));
}

/** Feeds events in the given order until the first problem, as the verification service does. */
function verify(events: readonly StoredEvent[]): { problem: ChainProblem | undefined; checked: number; at: number } {
  const verifier = new ChainVerifier();
  for (const [at, event] of events.entries()) {
    const problem = verifier.push(event);
    if (problem) return { problem, checked: verifier.checked, at };
  }
  return { problem: undefined, checked: verifier.checked, at: -1 };
}

/** (chainId, seq) order, as `ORDER BY chain_id, seq` reads them; stable for ties. */
function byChainAndSeq(events: readonly StoredEvent[]): StoredEvent[] {
  return [...events].sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : a.seq - b.seq));
}

/** Rewrites `events[from..]` of a chain with new payloads and re-hashes consistently from its predecessor. */
function rehashFrom(events: StoredEvent[], from: number, payload: (seq: number) => JsonValue): StoredEvent[] {
  const prev = events[from - 1];
  const head: ChainPosition = prev ? { seq: prev.seq, hash: prev.hash } : { seq: 0, hash: GENESIS_HASH };
  const rewritten = sealChain(
    events[from].chainId,
    events.slice(from).map((e) => payload(e.seq)),
    head,
  ).map((e) => stored(e));
  // The attacker cannot touch the signed heads: they keep the originally signed hashes.
  return [...events.slice(0, from), ...rewritten.map((e, i) => ({ ...e, signedHash: events[from + i].signedHash }))];
}

describe('ChainVerifier on an untouched log', () => {
  it('verifies a multi-chain log and counts every event', () => {
    const log = [...chain('case:a', 5, [2]), ...chain('case:b', 1), ...chain('case:c', 3, [3]), ...chain('system', 4)];
    expect(verify(log)).toEqual({ problem: undefined, checked: 13, at: -1 });
  });

  it('verifies an empty log', () => {
    expect(verify([])).toEqual({ problem: undefined, checked: 0, at: -1 });
  });

  it('verifies payloads of every JSON shape, stored as their canonical text', () => {
    const payloads: JsonValue[] = [
      null,
      0,
      -0,
      1e21,
      'ü "q" \\ \u0000 😀',
      [1, [2, {}]],
      { b: 1, a: { z: null, y: [] } },
    ];
    const log = sealChain('case:x', payloads).map((e) => stored(e));
    expect(verify(log).problem).toBeUndefined();
  });
});

describe('ChainVerifier on a tampered log', () => {
  const A = () => chain('case:a', 5);
  const B = () => chain('case:b', 4);

  it('reports a modified payload text as hash_mismatch at that event', () => {
    const b = B();
    b[2] = { ...b[2], payloadText: b[2].payloadText.replace('"step":3', '"step":30') };
    expect(verify([...A(), ...b]).problem).toEqual({
      reason: 'hash_mismatch',
      eventId: 'case:b#3',
      chainId: 'case:b',
      seq: 3,
    });
  });

  it('reports a modified payload text that is still the same JSON as hash_mismatch', () => {
    const a = A();
    a[1] = { ...a[1], payloadText: a[1].payloadText.replace(',', ', ') };
    expect(verify(a).problem).toMatchObject({ reason: 'hash_mismatch', eventId: 'case:a#2' });
  });

  it('reports a deleted middle event as sequence_gap at the next one', () => {
    const a = A();
    a.splice(2, 1);
    expect(verify([...a, ...B()]).problem).toEqual({
      reason: 'sequence_gap',
      eventId: 'case:a#4',
      chainId: 'case:a',
      seq: 4,
    });
  });

  it('reports a deleted first event as sequence_gap at the new first one', () => {
    const b = B().slice(1);
    expect(verify([...A(), ...b]).problem).toMatchObject({ reason: 'sequence_gap', eventId: 'case:b#2' });
  });

  it('reports two adjacent events that swapped places as broken_link at the one moved up', () => {
    const a = A();
    // Swap the seq of #2 and #3 and read in seq order: #3 now comes second.
    a[1] = { ...a[1], seq: 3 };
    a[2] = { ...a[2], seq: 2 };
    expect(verify(byChainAndSeq([...B(), ...a])).problem).toEqual({
      reason: 'broken_link',
      eventId: 'case:a#3',
      chainId: 'case:a',
      seq: 2,
    });
  });

  it('reports an event inserted into a chain as broken_link', () => {
    const a = A();
    const intruder = stored(sealChain('case:a', [{ forged: true }], { seq: 1, hash: GENESIS_HASH })[0]);
    const log = [a[0], intruder, ...a.slice(1).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verify(log).problem).toMatchObject({ reason: 'broken_link', eventId: intruder.id });
  });

  it('reports a consistent re-hash that a signed head contradicts as checkpoint_mismatch from the previous signed head', () => {
    // Signed heads at #2 and #5; #4 is rewritten and #4..#6 re-hashed so every link holds.
    const a = chain('case:a', 6, [2, 5]);
    const forged = rehashFrom(a, 3, (seq) => ({ forged: seq }));
    expect(verify([...B(), ...forged]).problem).toEqual({
      reason: 'checkpoint_mismatch',
      eventId: 'case:a#3',
      chainId: 'case:a',
      seq: 3,
    });
  });

  it('points checkpoint_mismatch at the first event of the chain when no earlier head was signed', () => {
    const a = chain('case:a', 6, [5]);
    const forged = rehashFrom(a, 3, (seq) => ({ forged: seq }));
    expect(verify([...B(), ...forged]).problem).toMatchObject({ reason: 'checkpoint_mismatch', eventId: 'case:a#1' });
  });

  it('restarts the unsealed stretch after every valid signed head', () => {
    // Signed at #2, #4 and #6; the rewrite starts at #5, after the valid head at #4.
    const a = chain('case:a', 7, [2, 4, 6]);
    const forged = rehashFrom(a, 4, (seq) => ({ forged: seq }));
    expect(verify(forged).problem).toEqual({
      reason: 'checkpoint_mismatch',
      eventId: 'case:a#5',
      chainId: 'case:a',
      seq: 5,
    });
  });

  it('does not carry the unsealed stretch over from the previous chain', () => {
    const a = chain('case:a', 3);
    const b = rehashFrom(chain('case:b', 4, [3]), 1, (seq) => ({ forged: seq }));
    expect(verify([...a, ...b]).problem).toMatchObject({ reason: 'checkpoint_mismatch', eventId: 'case:b#1' });
  });

  it('accepts a re-hash that happened after the last signed head (only checkpoints can catch that later)', () => {
    const a = chain('case:a', 6, [3]);
    expect(verify(rehashFrom(a, 4, (seq) => ({ forged: seq }))).problem).toBeUndefined();
  });
});

/*
 * Random logs (several chains, random payloads, some heads signed) stay
 * valid; after one random single-field corruption, re-sorted as the database
 * would read them, the first problem comes at or before the corrupted event.
 */
describe('ChainVerifier properties', () => {
  const payloadArb = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
  const chainArb = fc.record({
    payloads: fc.array(payloadArb, { minLength: 1, maxLength: 6 }),
    signed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  });
  const logArb = fc
    .array(chainArb, { minLength: 1, maxLength: 4 })
    .map((chains) =>
      chains.flatMap(({ payloads, signed }, c) =>
        sealChain(`chain-${c}`, payloads).map((e, i) => stored(e, signed[i])),
      ),
    );

  const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b));
  const text = fc.string({ unit: 'binary', maxLength: 10 });
  type Corruption = (e: StoredEvent) => StoredEvent;
  const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
    text.map((v): Corruption => (e) => ({ ...e, id: v })),
    fc
      .constantFrom('chain-0', 'chain-1', 'chain-2', 'chain-9', '')
      .map((v): Corruption => (e) => ({ ...e, chainId: v })),
    fc.integer({ min: -1, max: 8 }).map((v): Corruption => (e) => ({ ...e, seq: v })),
    text.map((v): Corruption => (e) => ({ ...e, recordedAt: v })),
    fc
      .constantFrom('user', 'api_key', 'system')
      .map((v): Corruption => (e) => ({ ...e, actor: { ...e.actor, type: v } })),
    fc.option(text, { nil: null }).map((v): Corruption => (e) => ({ ...e, actor: { ...e.actor, id: v } })),
    fc.option(text, { nil: null }).map((v): Corruption => (e) => ({ ...e, actor: { ...e.actor, role: v } })),
    fc.option(text, { nil: null }).map((v): Corruption => (e) => ({ ...e, actor: { ...e.actor, agencyId: v } })),
    text.map((v): Corruption => (e) => ({ ...e, action: v })),
    text.map((v): Corruption => (e) => ({ ...e, subject: { ...e.subject, type: v } })),
    fc.option(text, { nil: null }).map((v): Corruption => (e) => ({ ...e, subject: { ...e.subject, id: v } })),
    fc.option(text, { nil: null }).map((v): Corruption => (e) => ({ ...e, requestId: v })),
    payloadArb.map((v): Corruption => (e) => ({ ...e, payloadText: JSON.stringify(v) })),
    bytes32.map((v): Corruption => (e) => ({ ...e, prevHash: v })),
    bytes32.map((v): Corruption => (e) => ({ ...e, hash: v })),
    bytes32.map((v): Corruption => (e) => ({ ...e, signedHash: v })),
  );

  it('never reports a problem on an untouched log', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const { problem, checked } = verify(log);
        expect(problem).toBeUndefined();
        expect(checked).toBe(log.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a single-field corruption at or before the corrupted event', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), corruptionArb, (log, pick, corrupt) => {
        const index = pick % log.length;
        const original = log[index];
        const corrupted = corrupt(original);
        fc.pre(JSON.stringify(corrupted) !== JSON.stringify(original));
        const feed = byChainAndSeq(log.map((e, i) => (i === index ? corrupted : e)));
        const corruptedAt = feed.indexOf(corrupted);

        const { problem, at } = verify(feed);
        expect(problem).toBeDefined();
        expect(at).toBeLessThanOrEqual(corruptedAt);
        // The event it names comes no later than where the problem surfaced.
        expect(feed.slice(0, at + 1).some((e) => e.id === problem?.eventId)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
