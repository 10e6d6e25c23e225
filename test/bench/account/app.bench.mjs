/* global document, window, requestAnimationFrame */
// The account view in headless Chromium on the generated account (2,000 roles x 4 policies): time
// from "Refine the account" to the full table, and the longest frame meanwhile (long-animation-frame
// entries, or long tasks where the browser has none). Printed, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const RUNS = Number(process.env.ACCOUNT_BENCH_RUNS ?? 3);
const dir = join(tmpdir(), 'iam-refiner-account-2000x4');
if (!existsSync(join(dir, 'findings.jsonl')))
  execFileSync(process.execPath, ['test/bench/account/generate.mjs', '--out', dir], {
    stdio: 'inherit',
  });
await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.resolvedUrls.local[0]);
  // As a person arrives: the page and its editor loaded, then the account view.
  await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 60_000 });
  await page.click('[data-testid="to-account"]');
  await page.setInputFiles(
    '[data-testid="account-input-files"]',
    join(dir, 'authorization-details.json'),
  );
  await page.setInputFiles('[data-testid="findings-input-files"]', join(dir, 'findings.jsonl'));
  await page.evaluate(() => {
    const w = window;
    w.longest = 0;
    for (const type of ['long-animation-frame', 'longtask']) {
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        }).observe({ type, buffered: false });
      } catch {
        /* not supported */
      }
    }
    w.started = performance.now();
  });
  await page.click('[data-testid="account-start"]');
  await page.waitForSelector('[data-testid="account-summary"]', { timeout: 600_000 });
  const r = await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            ms: performance.now() - window.started,
            longest: window.longest,
            rows: document.querySelector('[data-testid="principal-count"]')?.textContent,
          }),
        ),
      ),
  );
  runs.push(r);
  await page.close();
}
await browser.close();
await server.close();
const stat = (key) => {
  const v = runs.map((r) => r[key]).sort((a, b) => a - b);
  return `median ${v[Math.floor(v.length / 2)].toFixed(0)}, min ${v[0].toFixed(0)}, max ${v[v.length - 1].toFixed(0)}`;
};
console.log(`account view, ${runs[0].rows} in ${RUNS} runs`);
console.log(`  click to full table  ms  ${stat('ms')}`);
console.log(`  longest frame        ms  ${stat('longest')}`);
