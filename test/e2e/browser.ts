// Real Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** One browser for the tests of a file: launched before them, closed after. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

/** A fresh context and page that record console errors and every request made. */
export async function openPage(browser: Browser, path = ''): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  context.on('request', (r) => requests.push(r.url()));
  if (path !== null) await page.goto(new URL(path, baseUrl()).href);
  return { page, context, errors, requests };
}

/** The text of one side of the diff, line by line, blank filler lines left out. */
export async function diffLines(page: Page, side: 'left' | 'right'): Promise<string[]> {
  await page.waitForSelector('[data-testid="diff"] table');
  return page.$$eval(`[data-testid="diff"] td.${side}`, (cells) =>
    cells.map((c) => c.textContent ?? '').filter((t) => t.trim().length > 0),
  );
}

/** The quoted entries of the recommended side: `["lambda:Invoke*", ...]`. */
export async function recommendedEntries(page: Page): Promise<string[]> {
  const lines = await diffLines(page, 'right');
  return lines.map((l) => /^\s*"([^"]*)",?\s*$/.exec(l)?.[1]).filter((x): x is string => !!x);
}

/** A page at `path` in a context of its own size and colour scheme, once its first result is in. */
export async function openAt(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number },
  dark = false,
) {
  const context = await browser.newContext({ viewport, colorScheme: dark ? 'dark' : 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, baseUrl()).href);
  await waitForResult(page);
  return { page, context, errors };
}

/** The trie is drawn and d3-zoom has placed it. */
/** The trie's node for a prefix, as a selector. */
export const trieNode = (prefix: string) => `[data-testid="trie-node"][data-prefix="${prefix}"]`;

export async function trieReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="trie-node"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="trie-svg"][data-scale]');
}

/** axe-core findings that are serious or critical. */
export const serious = (v: { impact: string | null }) =>
  v.impact === 'serious' || v.impact === 'critical';

export async function waitForResult(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    /refined in/.test(document.querySelector('[data-testid="timing"]')?.textContent ?? ''),
  );
  await page.waitForSelector('[data-testid="diff"] table');
}

/** Replaces the whole content of a Monaco editor as a paste would. */
export async function replaceEditorText(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.locator(`[data-testid="${testId}"] .monaco-editor`);
  await editor.waitFor();
  // Pasted over a selection of everything, as a person would, in one edit: typed text would be
  // auto-indented and auto-closed by Monaco, and an empty editor in between could be refined.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/** One axe-core finding: the rule, how bad, and the first elements it names. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page as it stands. Evaluated through the debugging protocol, so the page's
 * Content-Security-Policy (script-src 'self') does not stop it.
 */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as { axe: { run: (c: Document | string) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(sel ?? document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, selector);
}

/** Pairs of labels of the trie drawn on the page whose boxes overlap: `"a" / "b"`. */
export async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = await page.$$eval('[data-testid="trie-node"], [data-testid="trie-fold"]', (nodes) =>
    nodes.flatMap((n, k) =>
      [...n.querySelectorAll('text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { k, text: t.textContent ?? '', x: r.left, y: r.top, w: r.width, h: r.height };
      }),
    ),
  );
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.k === b.k || a.w === 0 || b.w === 0) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 0.5 && oy > 0.5) out.push(`"${a.text}" / "${b.text}"`);
    }
  return out;
}
