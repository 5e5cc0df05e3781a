import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../scripts/chromium.js';
import { window, type CpuProfile } from './profile-summary.js';

/**
 * `node dist/bench/flame-graph.js <file.cpuprofile> <out.png> [from-s] [to-s]`: the profile's samples between the
 * two times (seconds from its start; all by default) drawn as speedscope's "Left Heavy" flame graph — the same
 * stacks merged, widest first — in Debian's Chromium, saved as a PNG. speedscope's own static build is served
 * from node_modules; nothing leaves the machine.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function main(): Promise<void> {
  const [file, out, from, to] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: flame-graph <file.cpuprofile> <out.png> [from-s] [to-s]');
  const profile = window(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(from ?? 0) * 1000,
    to === undefined ? Infinity : Number(to) * 1000,
  );
  const release = join(dirname(createRequire(import.meta.url).resolve('speedscope/package.json')), 'dist/release');
  const body = JSON.stringify(profile);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/profile.cpuprofile') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const local = normalize(join(release, path === '/' ? 'index.html' : path));
    if (!local.startsWith(release)) {
      res.writeHead(404).end();
      return;
    }
    try {
      res
        .writeHead(200, { 'content-type': TYPES[extname(local)] ?? 'application/octet-stream' })
        .end(readFileSync(local));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const base = `http://127.0.0.1:${port}`;
    await page.goto(
      `${base}/index.html#profileURL=${encodeURIComponent(`${base}/profile.cpuprofile`)}&view=left-heavy`,
    );
    await page.getByText('Left Heavy').first().click();
    await page.waitForTimeout(1_000);
    writeFileSync(out, await page.screenshot());
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
