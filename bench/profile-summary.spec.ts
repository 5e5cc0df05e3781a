import { ownerOf, summarise, window, type CpuProfile } from './profile-summary.js';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe('ownerOf', () => {
  it.each([
    [frame('parse', 'file:///app/node_modules/fastify/lib/route.js'), 'fastify'],
    [frame('handle', 'file:///app/node_modules/@nestjs/core/router/router-proxy.js'), '@nestjs/core'],
    [frame('x', 'file:///app/node_modules/a/node_modules/pg-protocol/dist/parser.js'), 'pg-protocol'],
    [frame('decide', 'file:///app/dist/src/cases/cases.service.js'), 'src/cases'],
    [frame('readFile', 'node:internal/fs/promises'), 'node:internal'],
    [frame('(garbage collector)'), '(garbage collector)'],
    [frame('JSON.parse'), '(native)'],
  ])('%j belongs to %s', (f, owner) => expect(ownerOf(f)).toBe(owner));
});

describe('summarise', () => {
  // root → a (src/cases) → b (pg) and root → (idle); 4 samples of 1 ms: a, b, b, idle.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4] },
      { id: 2, callFrame: frame('decide', '/x/dist/src/cases/s.js'), children: [3] },
      { id: 3, callFrame: frame('query', '/x/node_modules/pg/lib/client.js') },
      { id: 4, callFrame: frame('(idle)') },
    ],
    startTime: 0,
    endTime: 4_000,
    samples: [2, 3, 3, 4],
    timeDeltas: [1_000, 1_000, 1_000, 1_000],
  };

  it('splits busy time by owner, self and on the stack, leaving idle out of the shares', () => {
    const s = summarise(profile);
    expect(s).toMatchObject({ totalMs: 4, busyMs: 3 });
    expect(s.self).toEqual([
      { owner: 'pg', ms: 2, share: 66.7 },
      { owner: 'src/cases', ms: 1, share: 33.3 },
    ]);
    expect(s.inclusive).toEqual([
      { owner: 'src/cases', ms: 3, share: 100 },
      { owner: 'pg', ms: 2, share: 66.7 },
    ]);
  });

  it('leaves out the samples before fromMs', () => {
    expect(summarise(profile, 2).self).toEqual([{ owner: 'pg', ms: 2, share: 100 }]);
  });

  it('leaves out the samples after toMs', () => {
    expect(summarise(profile, 0, 2).self).toEqual([
      { owner: 'src/cases', ms: 1, share: 50 },
      { owner: 'pg', ms: 1, share: 50 },
    ]);
  });
});

describe('window', () => {
  it('keeps the samples between two times, with their deltas, and moves start and end to them', () => {
    const profile: CpuProfile = {
      nodes: [{ id: 1, callFrame: frame('(root)') }],
      startTime: 100,
      endTime: 4_100,
      samples: [1, 1, 1, 1],
      timeDeltas: [1_000, 1_000, 1_000, 1_000],
    };
    expect(window(profile, 2, 3)).toMatchObject({
      startTime: 1_100,
      endTime: 3_100,
      samples: [1, 1],
      timeDeltas: [1_000, 1_000],
    });
  });
});
