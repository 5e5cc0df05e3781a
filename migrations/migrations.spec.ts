import { readdirSync } from 'node:fs';
import { migrations } from './index.js';

describe('migrations', () => {
  const files = readdirSync('migrations').filter((f) => /^\d{13}-[A-Za-z]+\.ts$/.test(f));

  it('lists every migration file in migrations/index.ts, in timestamp order', () => {
    const listed = migrations.map((m) => {
      const name = (new m() as { name: string }).name;
      const [, verbNoun, stamp] = /^([A-Za-z]+?)(\d{13})$/.exec(name)!;
      return `${stamp}-${verbNoun}.ts`;
    });
    expect(listed).toEqual([...files].sort());
  });

  it('names files <unix-ms>-<VerbNoun>.ts with the class named after them', () => {
    for (const m of migrations) expect((new m() as { name: string }).name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
  });
});
