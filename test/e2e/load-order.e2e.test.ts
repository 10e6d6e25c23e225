// What a person sees first when opening a share link: the summary and the recommended policy, then
// the trie, the side-by-side diff and the editors, arriving without moving what is already there.
import { describe, expect, test } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { shareFragment } from '../../src/ui/inputs';
import { baseUrl, openPage, sharedBrowser } from './browser';

const browser = sharedBrowser();

const PARTS = {
  summary: '[data-testid="summary"]',
  recommended: '[data-testid="recommended-policy"] pre',
  trie: '[data-testid="trie-node"]',
  diff: '[data-testid="diff"] table',
  editor: '[data-testid="policy"] .monaco-editor',
} as const;

declare global {
  interface Window {
    __seen: Record<string, { t: number; top: number }>;
    __shifts: { t: number; value: number }[];
    __refines: number;
    __boots: number;
  }
}

describe('the order of what appears', () => {
  test('summary and recommended policy first; trie, diff and editors after, with no layout shift', async () => {
    const { page, context, errors } = await openPage(browser(), null as unknown as string);
    // Before any script of the page: note when each part first appears, and every layout shift.
    await page.addInitScript((parts: Record<string, string>) => {
      window.__seen = {};
      window.__shifts = [];
      const look = () => {
        for (const [name, selector] of Object.entries(parts)) {
          if (window.__seen[name]) continue;
          const el = document.querySelector(selector);
          if (el)
            window.__seen[name] = { t: performance.now(), top: el.getBoundingClientRect().top };
        }
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true });
      // Monaco's own lines settling inside an editor it has just drawn are not the page moving.
      type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
      const inEditor = (n: Node | null) =>
        n instanceof Element ? n.closest('.monaco-editor') !== null : false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Shift[])
          if (!e.sources.every((s) => inEditor(s.node)))
            window.__shifts.push({ t: e.startTime, value: e.value });
      }).observe({ type: 'layout-shift', buffered: true });
    }, PARTS);
    await page.goto(new URL(shareFragment({ ...workedExample, used: false }), baseUrl()).href);
    for (const selector of Object.values(PARTS)) await page.waitForSelector(selector);
    await page.waitForTimeout(1000);
    const { seen, shifts, tops } = await page.evaluate((parts: Record<string, string>) => {
      const tops: Record<string, number> = {};
      for (const name of ['summary', 'recommended'])
        tops[name] = document.querySelector(parts[name])?.getBoundingClientRect().top ?? NaN;
      return { seen: window.__seen, shifts: window.__shifts, tops };
    }, PARTS);
    const answer = Math.max(seen.summary.t, seen.recommended.t);
    for (const later of ['trie', 'diff', 'editor'] as const)
      expect(seen[later].t, `${later} after the answer`).toBeGreaterThan(answer);
    // Nothing that was on screen moved while the rest arrived.
    expect(tops.summary).toBe(seen.summary.top);
    expect(tops.recommended).toBe(seen.recommended.top);
    const moved = shifts.filter((s) => s.t >= answer).reduce((sum, s) => sum + s.value, 0);
    expect(moved).toBeLessThan(0.01);
    await context.close();
    expect(errors).toEqual([]);
  });

  test('the first answer is refined once, by a worker started with it, though the app asks again when it mounts', async () => {
    const { page, context, errors } = await openPage(browser(), null as unknown as string);
    await page.addInitScript(() => {
      window.__refines = 0;
      window.__boots = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (
        this: Worker,
        ...args: Parameters<Worker['postMessage']>
      ) {
        if ((args[0] as { type?: string })?.type === 'refine') window.__refines++;
        return post.apply(this, args);
      } as Worker['postMessage'];
      // A worker given its first refinement in its name (the page's first request rides there).
      const Real = Worker;
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          if (options?.name?.startsWith('refine:')) window.__boots++;
          super(url, options);
        }
      };
    });
    // The app's code arrives well after the worker has answered the entry's early request.
    await page.route(/\/assets\/mount-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(new URL(shareFragment({ ...workedExample, used: false }), baseUrl()).href);
    await page.waitForSelector(PARTS.recommended);
    await page.waitForSelector(PARTS.trie);
    expect(await page.evaluate(() => [window.__boots, window.__refines])).toEqual([1, 0]);
    await context.close();
    expect(errors).toEqual([]);
  });
});
