/* global document, requestAnimationFrame, MouseEvent */
// The built app in headless Chromium: what the page transfers (gzip) and how long from navigation to
// the first recommendation of the worked example. Printed, never asserted.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
];
const RUNS = 7;

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];

// The app is what the entry reaches without the editor's lazy chunk; Monaco is the rest (that chunk,
// what only it imports, and the editor and JSON workers).
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const appFiles = new Set();
const visit = (key) => {
  const e = manifest[key];
  if (!e || appFiles.has(e.file) || /CodeEditor/.test(e.file)) return;
  appFiles.add(e.file);
  for (const c of e.css ?? []) appFiles.add(c);
  for (const i of [...(e.imports ?? []), ...(e.dynamicImports ?? [])]) visit(i);
};
for (const [key, e] of Object.entries(manifest)) if (e.isEntry) visit(key);
const isMonaco = (file) => !appFiles.has(file) && !/refiner\.worker/.test(file);

const gz = (file) => gzipSync(readFileSync(join('dist', file))).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const firsts = [];
let transfer = null;
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.href.startsWith(base) && /\.(js|css)$/.test(u.pathname))
      files.add(u.pathname.replace(/^\//, '').replace(/^.*?assets\//, 'assets/'));
  });
  await page.goto(base);
  const t = await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll('[data-testid="diff"] td.right')];
      return cells.some((c) => c.textContent?.includes('s3:GetMulti*')) ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  firsts.push(await t.jsonValue());
  await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
  await page.waitForTimeout(300);
  if (!transfer) {
    const all = [...files].filter((f) => existsSync(join('dist', f)));
    const app = all.filter((f) => !isMonaco(f));
    const mon = all.filter((f) => isMonaco(f));
    const sum = (list, ext) => list.filter((f) => f.endsWith(ext)).reduce((s, f) => s + gz(f), 0);
    transfer = {
      appJs: sum(app, '.js'),
      appCss: sum(app, '.css'),
      monJs: sum(mon, '.js'),
      monCss: sum(mon, '.css'),
    };
  }
  await context.close();
}

// The trie of "*" over the whole catalog. Cold: the first one, opened by itself while the page is
// still loading (Monaco, the trie view's chunk, the worker's first trie). Warm: opened with a click in
// a settled page. First frame: from the request to the worker to the frame that shows the nodes.
// Expand: a click on a collapsed node to the next frame.
const everything = JSON.parse(
  JSON.stringify(
    await (async () => {
      const out = mkdtempSync(join(tmpdir(), 'bench-app-'));
      await esbuild({
        entryPoints: ['src/examples/everything.ts'],
        outfile: join(out, 'everything.mjs'),
        format: 'esm',
        logLevel: 'warning',
      });
      return (await import(join(out, 'everything.mjs'))).everythingExample;
    })(),
  ),
);
const twoStars = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'One', Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::one/*' },
      { Sid: 'Two', Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::two/*' },
    ],
  },
  null,
  2,
);
const { default: lz } = await import('lz-string');
const z = lz.compressToEncodedURIComponent;
const trieUrl = `${base}#policy=${z(twoStars)}&unused=${z(everything.unused)}`;
const trieCold = [];
const trieWarm = [];
const trieExpand = [];
const firstFrame = (page) =>
  page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="trie-node"]')
          ? new Promise((r) =>
              requestAnimationFrame(() =>
                r(
                  performance.now() -
                    (performance.getEntriesByName('trie:request').at(-1)?.startTime ?? 0),
                ),
              ),
            )
          : null,
      null,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((h) => h.jsonValue());
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(trieUrl);
  trieCold.push(await firstFrame(page));
  await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.click('.rewrite >> nth=1');
  await page.waitForSelector('[data-testid="trie-node"]', { state: 'detached', timeout: 60_000 });
  trieWarm.push(await firstFrame(page));
  trieExpand.push(
    await page.evaluate(async () => {
      const count = () => document.querySelectorAll('[data-testid="trie-node"]').length;
      const toggle = [...document.querySelectorAll('[data-testid="trie-toggle"]')].find((el) =>
        el.getAttribute('aria-label')?.startsWith('Expand'),
      );
      if (!toggle) return NaN;
      const before = count();
      const t0 = performance.now();
      toggle.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () =>
          count() !== before ? requestAnimationFrame(resolve) : requestAnimationFrame(check);
        check();
      });
      return performance.now() - t0;
    }),
  );
  await context.close();
}
await browser.close();
await server.close();

firsts.sort((a, b) => a - b);
const row = (label, value) => console.log(`${label.padEnd(60)}${value}`);
row(
  'first recommendation of the worked example (navigation ->)',
  `median ${firsts[RUNS >> 1].toFixed(0).padStart(6)} ms   (${RUNS} runs, min ${firsts[0].toFixed(0)} ms)`,
);
row(
  'app JS + CSS transferred, gzip (own code, catalog, React...)',
  `${kb(transfer.appJs + transfer.appCss)} (JS ${kb(transfer.appJs)}, CSS ${kb(transfer.appCss)})`,
);
row(
  'Monaco JS + CSS transferred, gzip (editor chunk and workers)',
  `${kb(transfer.monJs + transfer.monCss)} (JS ${kb(transfer.monJs)}, CSS ${kb(transfer.monCss)})`,
);
for (const list of [trieCold, trieWarm, trieExpand]) list.sort((a, b) => a - b);
const median = (list, digits = 0) =>
  `median ${list[RUNS >> 1].toFixed(digits).padStart(6)} ms   (${RUNS} runs, min ${list[0].toFixed(digits)} ms)`;
row('trie of "*" over the catalog: first frame, cold (page load)', median(trieCold));
row('trie of "*" over the catalog: first frame, warm (a click)', median(trieWarm));
row('trie of "*" over the catalog: one expand (click -> frame)', median(trieExpand, 1));
