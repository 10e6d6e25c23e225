/* global document, requestAnimationFrame, MouseEvent, CSS */
// The built app in headless Chromium, opened as a person opens a share link: how long from navigation
// to the recommended policy on screen, what the page fetched by then and in all (gzip), Monaco's
// share of it, and the trie of "*" over the whole catalog. Printed (median, min, max), never asserted.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import lz from 'lz-string';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { build } from 'vite';
import { load, loadRow, row, spread } from './figures.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
];
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** The recommended policy's text on screen: its own block, or (before it had one) the diff. */
const ANSWER = '[data-testid="recommended-policy"] pre, [data-testid="diff"] td.right';

async function example(file, name) {
  const out = mkdtempSync(join(tmpdir(), 'bench-app-'));
  await esbuild({
    entryPoints: [file],
    outfile: join(out, 'example.mjs'),
    format: 'esm',
    logLevel: 'warning',
  });
  return (await import(join(out, 'example.mjs')))[name];
}

await build({ logLevel: 'warn' });
// The built app served by `vite preview` in a process of its own, so that serving never waits for
// this process's work of driving the browser.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  { stdio: 'ignore' },
);
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  if (
    await fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 300) throw new Error('vite preview did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const worked = await example('src/examples/worked-example.ts', 'workedExample');
const everything = await example('src/examples/everything.ts', 'everythingExample');
const z = lz.compressToEncodedURIComponent;
const shareLink = `${base}#policy=${z(worked.policy)}&unused=${z(worked.unused)}`;
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
const trieLink = `${base}#policy=${z(twoStars)}&unused=${z(everything.unused)}`;

// Monaco: the editor's chunk (Monaco with the app's few editor files), the JSON mode, the workers.
const isMonacoWorker = (f) => /(editor|json)\.worker/.test(f);
const isMonaco = (f) => f.endsWith('.js') && /CodeEditor|jsonMode|(editor|json)\.worker/.test(f);
const gz = (file) =>
  existsSync(join('dist', file)) ? gzipSync(readFileSync(join('dist', file))).length : 0;
const sum = (files, keep = () => true) => files.filter(keep).reduce((s, f) => s + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

/** A fresh profile (nothing cached, no service worker) and the files it fetches, in order. */
async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  // What the page asks for, and apart what the service worker precaches for the next visits.
  const files = [];
  const precached = [];
  context.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (!u.href.startsWith(base)) return;
    (r.serviceWorker() ? precached : files).push(u.pathname.replace(/^\//, '') || 'index.html');
  });
  return { context, page, files, precached };
}

/** Resolves at the first frame on which `test` holds, with performance.now() then. */
const frameWhen = (page, test, arg) =>
  page.waitForFunction(test, arg, { polling: 'raf', timeout: 60_000 }).then((h) => h.jsonValue());

const answer = [];
// Where the answer's time goes: the refiner's first answer reaching the page, and the app's code run.
const workerAnswer = [];
const appCode = [];
const trieCold = [];
const trieWarm = [];
const trieExpand = [];
let bytes = null;
// One page of each kind per round, so both see the machine in the same state.
const loads = [];
for (let i = 0; i < RUNS; i++) {
  loads.push(load());
  {
    const { context, page, files, precached } = await fresh();
    await page.goto(shareLink);
    answer.push(
      await frameWhen(
        page,
        (sel) =>
          [...document.querySelectorAll(sel)].some((c) => c.textContent?.includes('s3:GetMulti*'))
            ? performance.now()
            : null,
        ANSWER,
      ),
    );
    const marks = await page.evaluate(() =>
      ['first:answer', 'first:code'].map((m) => performance.getEntriesByName(m)[0]?.startTime),
    );
    if (marks[0] !== undefined) workerAnswer.push(marks[0]);
    if (marks[1] !== undefined) appCode.push(marks[1]);
    const before = [...new Set(files)];
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="diff"] table', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="trie-node"]', { timeout: 60_000 });
    // The service worker precaches once the page has settled (a build without one: 10 s at most).
    await page.evaluate(() =>
      Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 10_000))]),
    );
    await page.waitForTimeout(1500);
    if (!bytes) {
      const all = [...new Set(files)];
      bytes = {
        before: sum(before),
        beforeJs: sum(before, (f) => f.endsWith('.js')),
        all: sum(all),
        allJs: sum(all, (f) => f.endsWith('.js')),
        monacoPage: sum(all, (f) => isMonaco(f) && !isMonacoWorker(f)),
        monacoWorkers: sum(all, (f) => isMonaco(f) && isMonacoWorker(f)),
        monacoBefore: sum(before, isMonaco),
        files: all.length,
        precached: sum([...new Set(precached)]),
      };
    }
    await context.close();
  }
  {
    // The trie of "*" (95% of the catalog unused), opened by itself while the page still loads, then
    // again with a click in the settled page; and one expand. From the request to the worker to the
    // frame that shows the nodes.
    const { context, page } = await fresh();
    // Nodes drawn before a click are marked old, so only the new trie's nodes count.
    const firstFrame = () =>
      frameWhen(page, () =>
        document.querySelector('[data-testid="trie-node"]:not([data-old])')
          ? new Promise((r) =>
              requestAnimationFrame(() =>
                r(
                  performance.now() -
                    (performance.getEntriesByName('trie:request').at(-1)?.startTime ?? 0),
                ),
              ),
            )
          : null,
      );
    await page.goto(trieLink);
    trieCold.push(await firstFrame());
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    // The view is drawn anew for another pattern, but a quick answer can replace it within one
    // frame, too soon to see the old nodes go.
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid="trie-node"]').forEach((n) => {
        n.dataset.old = '';
      }),
    );
    await page.click('.rewrite >> nth=1');
    trieWarm.push(await firstFrame());
    trieExpand.push(
      await page.evaluate(async () => {
        const count = () => document.querySelectorAll('[data-testid="trie-node"]').length;
        // The toggle beside a closed node (the toggles are for the pointer: no name of their own).
        const closed = document.querySelector('[data-testid="trie-node"][aria-expanded="false"]');
        const toggle =
          closed &&
          document.querySelector(
            `[data-testid="trie-toggle"][data-prefix="${CSS.escape(closed.dataset.prefix)}"]`,
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
}
await browser.close();
server.kill();

loadRow(loads);
row('share link of the worked example -> recommended policy on screen', spread(answer));
row("  the refiner worker's first answer reached the page at", spread(workerAnswer));
row("  the app's code (Preact and the page) had run at", spread(appCode));
row(
  'fetched before the answer, gzip',
  `${kb(bytes.before)} (JS ${kb(bytes.beforeJs)}; Monaco ${kb(bytes.monacoBefore)})`,
);
row(
  'fetched in all (editors, diff, trie loaded), gzip',
  `${kb(bytes.all)} (JS ${kb(bytes.allJs)}, ${bytes.files} files)`,
);
row(
  'then precached by the service worker for offline use, gzip',
  `${kb(bytes.precached)} (fetched after the page settled)`,
);
row(
  'Monaco JS the page loads, gzip',
  `${kb(bytes.monacoPage + bytes.monacoWorkers)} (editor ${kb(bytes.monacoPage)}, workers ${kb(bytes.monacoWorkers)})`,
);
row('trie of "*" over the catalog: first frame, cold (page load)', spread(trieCold));
row('trie of "*" over the catalog: first frame, warm (a click)', spread(trieWarm));
row('trie of "*" over the catalog: one expand (click -> frame)', spread(trieExpand, 1));
