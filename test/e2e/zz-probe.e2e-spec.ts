import { startTestApp, type TestApp } from '../support/test-app.js';

describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); }, 60000);
  afterAll(async () => t.close(), 60000);
  it('probes', async () => {
    const f = t.app.getHttpAdapter().getInstance();
    const out: string[] = [];
    const shapes: [string, string][] = [
      ['root [{}]x340k', `[${'{},'.repeat(340_000)}{}]`],
      ['root [0]x500k', `[${'0,'.repeat(500_000)}0]`],
      ['field x: [{}]x340k', `{"email":"a@b.test","password":"x","x":[${'{},'.repeat(340_000)}{}]}`],
      ['field email: [{}]x340k', `{"email":[${'{},'.repeat(340_000)}{}],"password":"x"}`],
      ['wide object 60k keys', `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":1`).join(',')}}`],
      ['string 1MB', `{"email":"${'x'.repeat(1_000_000)}","password":"x"}`],
    ];
    for (const [name, body] of shapes) {
      const t0 = performance.now();
      const res = await f.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: body });
      out.push(`${(performance.now() - t0).toFixed(0).padStart(6)} ms ${res.statusCode} ${name} (${body.length} bytes)`);
    }
    process.stdout.write(out.join('\n') + '\n');
    expect(out.length).toBe(shapes.length);
  });
});
