import type { AppConfig } from '../config/app-config.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';

const limiter = (n: number) => new ConcurrencyLimiter({ http: { expensiveConcurrency: n } } as AppConfig);

describe('ConcurrencyLimiter', () => {
  it('admits up to the limit per group, and one more after a release', () => {
    const l = limiter(2);
    const a = l.tryAcquire('reports');
    const b = l.tryAcquire('reports');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(l.tryAcquire('reports')).toBeUndefined();
    a!();
    expect(l.tryAcquire('reports')).toBeDefined();
    expect(l.tryAcquire('reports')).toBeUndefined();
  });

  it('keeps groups apart', () => {
    const l = limiter(1);
    expect(l.tryAcquire('reports')).toBeDefined();
    expect(l.tryAcquire('reports')).toBeUndefined();
    expect(l.tryAcquire('audit-verify')).toBeDefined();
  });

  it('counts a release once however often it is called', () => {
    const l = limiter(1);
    const release = l.tryAcquire('exports')!;
    release();
    release();
    expect(l.tryAcquire('exports')).toBeDefined();
    expect(l.tryAcquire('exports')).toBeUndefined();
  });
});
