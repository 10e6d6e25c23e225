/* global document, window, requestAnimationFrame */
// The account view in headless Chromium on the generated account (2,000 roles x 4 policies): time
// from "Refine the account" to the full table, the CPU time Chromium spent on it, and the longest
// frame meanwhile (long-animation-frame entries, or long tasks where the browser has none). On a
// shared machine a frame can be long because the page's thread waited for a core: the page's tasks
// over 50 ms are read from a Chromium trace with their own CPU time beside their wall time.
// Printed, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
/** CPU seconds (user + system) of this process's descendants: the browser we started, not others'. */
function descendantsCpu() {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(pid), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // gone meanwhile
    }
  }
  const ours = new Set([process.pid]);
  let cpu = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs)
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        cpu += p.cpu;
        grew = true;
      }
  }
  return cpu;
}

/** The page's main-thread tasks over 50 ms in a trace: their wall time and their own CPU time. */
function longTasks(events) {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 50_000 && main.has(`${e.pid}:${e.tid}`),
  );
  const ms = (us) => us / 1000;
  const longest = tasks.reduce((a, e) => (a && a.dur >= e.dur ? a : e), null);
  return {
    tasksWall: ms(tasks.reduce((n, e) => n + e.dur, 0)),
    tasksCpu: ms(tasks.reduce((n, e) => n + (e.tdur ?? 0), 0)),
    longestWall: longest ? ms(longest.dur) : 0,
    longestCpu: longest ? ms(longest.tdur ?? 0) : 0,
  };
}

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
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] },
  });
  const load = loadavg()[0];
  const cpu0 = descendantsCpu();
  await page.click('[data-testid="account-start"]');
  await page.waitForSelector('[data-testid="account-summary"]', { timeout: 600_000 });
  const cpu = descendantsCpu() - cpu0;
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
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  runs.push({ ...r, load, cpu, ...longTasks(events) });
  await page.close();
}
await browser.close();
await server.close();
const stat = (key, digits = 0) => {
  const v = runs.map((r) => r[key]).sort((a, b) => a - b);
  const f = (x) => x.toFixed(digits);
  return `median ${f(v[Math.floor(v.length / 2)])}, min ${f(v[0])}, max ${f(v[v.length - 1])}`;
};
console.log(`account view, ${runs[0].rows} in ${RUNS} runs`);
console.log(`  click to full table   ms  ${stat('ms')}`);
console.log(`  Chromium CPU           s  ${stat('cpu', 1)}   (all its processes and threads)`);
console.log(`  longest frame         ms  ${stat('longest')}`);
console.log(`  longest page task     ms  ${stat('longestWall')}   (wall time)`);
console.log(`    of it on the CPU    ms  ${stat('longestCpu')}`);
console.log(`  page tasks over 50 ms ms  ${stat('tasksWall')}   (wall time, all together)`);
console.log(`    of it on the CPU    ms  ${stat('tasksCpu')}   (the rest: waiting for a core)`);
console.log(`  load average              ${stat('load', 1)}   (1-minute, at each start)`);
