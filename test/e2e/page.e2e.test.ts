// The page that teaches, in real Chromium: a trie you can read, the answer in view, what if, the
// keyboard, a phone, dark mode, and nothing copied from a stale answer. axe-core checks the rest.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { everythingExample } from '../../src/examples/everything';
import { workedExample } from '../../src/examples/worked-example';
import { shareFragment } from '../../src/ui/inputs';
import {
  axeViolations,
  baseUrl,
  openAt as open,
  openPage,
  overlappingLabels,
  recommendedEntries,
  replaceEditorText,
  serious,
  sharedBrowser,
  trieReady,
  waitForResult,
  trieNode,
} from './browser';

const browser = sharedBrowser();

const node = trieNode;
const WORKED = shareFragment({
  policy: workedExample.policy,
  unused: workedExample.unused,
  used: false,
});
const STAR = shareFragment({ ...everythingExample, used: false });

const openAt = (path: string, viewport: { width: number; height: number }, dark = false) =>
  open(browser(), path, viewport, dark);

/** Whether an element's box lies inside another's (the trie's canvas, the window). */
async function boxInside(page: Page, inner: string, outer: string | null): Promise<boolean> {
  return page.evaluate(
    ([i, o]) => {
      const a = document.querySelector(i)?.getBoundingClientRect();
      const b = o
        ? document.querySelector(o)?.getBoundingClientRect()
        : { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      return (
        !!a &&
        !!b &&
        a.left >= b.left &&
        a.right <= b.right &&
        a.top >= b.top &&
        a.bottom <= b.bottom
      );
    },
    [inner, outer] as const,
  );
}

describe('a readable trie', () => {
  test('labels at least 12 px and counts 11 px at the default zoom; no two labels overlap, expanded or not; zoom and fit', async () => {
    const { page, context, errors } = await openAt('', { width: 1440, height: 900 });
    await trieReady(page);
    const scale = Number(await page.getAttribute('[data-testid="trie-svg"]', 'data-scale'));
    const sizes = async (cls: string) =>
      page.$$eval(`[data-testid="trie-node"] .${cls}`, (ts) =>
        ts.map((t) => Number(t.getAttribute('font-size'))),
      );
    expect(Math.min(...(await sizes('trie-token'))) * scale).toBeGreaterThanOrEqual(12);
    expect(Math.min(...(await sizes('trie-counts'))) * scale).toBeGreaterThanOrEqual(11);
    // The worked example: "→ s3:GetAccountPublicAccessBlock" used to run over "Metadata".
    await page.waitForSelector(node('s3:GetBucketMetadata'));
    expect(await overlappingLabels(page)).toEqual([]);
    await page.click('[data-testid="trie-expand-all"]');
    await page.waitForSelector(node('s3:GetBucketMetadataTableConfiguration'));
    expect(await overlappingLabels(page)).toEqual([]);
    // Zoom in, out, and fit the whole open tree in the canvas.
    const scaleNow = async () =>
      Number(await page.getAttribute('[data-testid="trie-svg"]', 'data-scale'));
    const before = await scaleNow();
    await page.click('[data-testid="trie-zoom-in"]');
    expect(await scaleNow()).toBeGreaterThan(before);
    await page.click('[data-testid="trie-zoom-out"]');
    await page.click('[data-testid="trie-zoom-out"]');
    expect(await scaleNow()).toBeLessThan(before);
    await page.click('[data-testid="trie-fit"]');
    await page.locator('[data-testid="trie-svg"]').scrollIntoViewIfNeeded();
    expect(
      await boxInside(page, '[data-testid="trie-svg"] g[data-zoom]', '[data-testid="trie-svg"]'),
    ).toBe(true);
    // The exported SVG has the same layout: every node at the place it has on the page.
    const placed = await page.$$eval('[data-testid="trie-node"]', (ns) =>
      Object.fromEntries(
        ns.map((n) => [n.getAttribute('data-prefix'), n.parentElement?.getAttribute('transform')]),
      ),
    );
    const download = page.waitForEvent('download');
    await page.click('[data-testid="trie-export"]');
    const svg = readFileSync((await (await download).path()) as string, 'utf8');
    const inFile = [
      ...svg.matchAll(/<g transform="([^"]+)"[^>]*>\s*<g [^>]*data-prefix="([^"]+)"/g),
    ];
    expect(inFile.length).toBe(Object.keys(placed).length);
    for (const [, transform, prefix] of inFile) expect(placed[prefix]).toBe(transform);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('"*" opens on the services that hold unused actions, folds the kept ones, and says why NotAction', async () => {
    const { page, context, errors } = await openAt(STAR, { width: 1440, height: 900 });
    await trieReady(page);
    await page.locator('[data-testid="trie-svg"]').scrollIntoViewIfNeeded();
    for (const service of ['ec2:', 'iam:', 's3:'])
      expect(await boxInside(page, node(service), '[data-testid="trie-svg"]')).toBe(true);
    const fold = page.locator('[data-testid="trie-fold"][data-parent="*"]');
    expect(await fold.textContent()).toMatch(/^45\d services entirely kept .* → written svc:\*$/);
    expect(Number(await page.getAttribute('[data-testid="trie-svg"]', 'data-open'))).toBeLessThan(
      80,
    );
    expect(await page.textContent('[data-testid="trie-heading"]')).toMatch(
      /Why \* became NotAction \[\d+ entries\]/,
    );
    expect(await page.textContent('[data-testid="trie-form"]')).toMatch(
      /uses the NotAction form.*over the 6,144-character quota/,
    );
    // The narration ends by saying which form is written, and why.
    await page.click('[data-testid="trie-step-start"]');
    const next = page.getByRole('button', { name: 'Next' });
    for (let k = 0; k < 300 && (await next.isEnabled()); k++) await next.click();
    expect(await page.textContent('[data-testid="trie-narration"]')).toMatch(
      /^Done: .*The recommendation uses the NotAction form/,
    );
    await page.click('text=Leave step-through');
    // After a search, still no two labels over each other.
    await page.fill('[data-testid="trie-search"]', 'ec2:TerminateInstances');
    await page.keyboard.press('Enter');
    await page.waitForSelector(node('ec2:TerminateInstances'));
    expect(await overlappingLabels(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the answer in view', () => {
  test('at 1440×900 the recommended policy and its Copy are on the first screen, beside the summary; picking brings the trie and links both ways', async () => {
    const { page, context } = await openAt(WORKED, { width: 1440, height: 900 });
    await page.waitForSelector('[data-testid="recommended-policy"] .recommended__text');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await boxInside(page, '[data-testid="copy-policy"]', null)).toBe(true);
    const first = await page
      .locator('[data-testid="recommended-policy"] .line', { hasText: 'lambda:Invoke*' })
      .boundingBox();
    expect(first && first.y + first.height).toBeLessThanOrEqual(900);
    const summary = (await page.locator('[data-testid="summary"]').boundingBox())!;
    const policy = (await page.locator('[data-testid="recommended-policy"]').boundingBox())!;
    expect(summary.x + summary.width).toBeLessThanOrEqual(policy.x);
    expect(Math.abs(summary.y - policy.y)).toBeLessThan(5);
    // A rewrite picked in the summary brings its trie into view.
    await trieReady(page);
    await page.click('[data-testid="rewrites"] button.rewrite');
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector('[data-testid="trie-svg"]')!.getBoundingClientRect().top,
        ),
      )
      .toBeLessThan(900);
    // A node picked in the trie marks its entries in the policy and its pattern in the editor.
    await page.locator(node('s3:GetMulti')).click();
    await expect
      .poll(() =>
        page.$$eval('[data-testid="recommended-policy"] [data-picked]', (ls) =>
          ls.map((l) => l.textContent?.trim()),
        ),
      )
      .toEqual(['"s3:GetMulti*",']);
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="policy"] .picked-pattern').first().textContent(), {
        timeout: 10_000,
      })
      .toContain('s3:Get*');
    // And a line of the recommended policy picks its node in the trie.
    await page
      .locator('[data-testid="recommended-policy"] .line', { hasText: '"s3:GetObject*"' })
      .click();
    await expect
      .poll(() => page.getAttribute('[data-testid="trie-details"]', 'data-prefix'))
      .toBe('s3:GetObject');
    await context.close();
  });
});

describe('what if', () => {
  test('a leaf marked used changes the recommendation and the trie at once, survives a reload, and Reset undoes it', async () => {
    const { page, context } = await openAt('', { width: 1440, height: 900 });
    await trieReady(page);
    expect(await recommendedEntries(page)).not.toContain('s3:GetBucketAcl');
    await page.click('[data-testid="trie-what-if"]');
    await page.locator(node('s3:GetBucketAcl')).click();
    await expect
      .poll(() => recommendedEntries(page), { timeout: 15_000 })
      .toContain('s3:GetBucketAcl');
    await expect
      .poll(() => page.getAttribute(node('s3:GetBucketAcl'), 'data-override'))
      .toBe('used');
    // The mark shows at once; the node is written once the trie of the new refinement arrives.
    await expect
      .poll(() => page.getAttribute(node('s3:GetBucketAcl'), 'data-written'))
      .toBe('true');
    expect(await page.textContent('[data-testid="what-if"]')).toContain('s3:GetBucketAcl used');
    // One more unused action changes a wildcard: s3:GetObject* gives way to its parts.
    await page.locator(node('s3:GetBucketAcl')).click(); // back to the findings
    await expect.poll(() => recommendedEntries(page)).not.toContain('s3:GetBucketAcl');
    await page.locator(node('s3:GetObject')).click(); // what-if mode: not a leaf, so it selects
    await page.click('[data-testid="trie-flip"]');
    await expect.poll(() => recommendedEntries(page)).not.toContain('s3:GetObject*');
    expect(await page.textContent('[data-testid="what-if"]')).toContain('s3:GetObject unused');
    await page.reload();
    await waitForResult(page);
    expect(await recommendedEntries(page)).not.toContain('s3:GetObject*');
    await page.click('[data-testid="reset-marks"]');
    await expect.poll(() => recommendedEntries(page)).toContain('s3:GetObject*');
    expect(await page.locator('[data-testid="what-if"]').count()).toBe(0);
    // Kept, the third state: a crossed-out leaf kept with one click becomes a leaf of its own kind.
    await trieReady(page);
    await page.locator(node('s3:GetBucketAcl')).click();
    await page.click('[data-testid="trie-keep"]');
    await expect.poll(() => recommendedEntries(page)).toContain('s3:GetBucketAcl');
    await expect.poll(() => page.getAttribute(node('s3:GetBucketAcl'), 'data-kept')).toBe('true');
    expect(await page.textContent('[data-testid="what-if"]')).toContain('s3:GetBucketAcl kept');
    await page.click('[data-testid="reset-marks"]');
    await expect.poll(() => recommendedEntries(page)).not.toContain('s3:GetBucketAcl');
    await context.close();
  });
});

describe('keyboard and screen readers', () => {
  test('Tab leaves Monaco; the trie is one tab stop, a tree walked with arrows, Enter selects and Escape closes', async () => {
    const { page, context } = await openAt('', { width: 1440, height: 900 });
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="tab-hint"]')).toMatch(/Ctrl\s*\+\s*M/);
    await page.locator('[data-testid="policy"] .view-lines').click();
    await page.keyboard.press('Tab');
    const inPolicy = () =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="policy"]'));
    await expect.poll(inPolicy).toBe(false);
    // Ctrl+M makes Tab indent again, and back.
    await page.locator('[data-testid="policy"] .view-lines').click();
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await inPolicy()).toBe(true);
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect.poll(inPolicy).toBe(false);
    await trieReady(page);
    const tree = page.locator('[data-testid="trie-svg"]');
    expect(await tree.getAttribute('role')).toBe('tree');
    expect(await tree.getAttribute('tabindex')).toBe('0');
    expect(await page.locator('[data-testid="trie-svg"] [tabindex]').count()).toBe(0);
    expect(
      await page.locator('[data-testid="trie-svg"] [role="treeitem"]').count(),
    ).toBeGreaterThan(10);
    await tree.focus();
    const active = () => tree.getAttribute('aria-activedescendant');
    const start = await active();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await active()).not.toBe(start);
    const prefix = await page.getAttribute(`#${await active()}`, 'data-prefix');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('[data-testid="trie-details"]', 'data-prefix')).toBe(prefix);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="trie-details"]').count()).toBe(0);
    await context.close();
  });

  test('axe-core: no serious or critical violation on the default page, the "*" example, and the trie with details open', async () => {
    const { page, context } = await openAt('', { width: 1440, height: 900 });
    await trieReady(page);
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    await page.locator(node('s3:GetBucket')).click();
    await page.waitForSelector('[data-testid="trie-details"]');
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    await page.goto(new URL(STAR, baseUrl()).href);
    await page.reload();
    await waitForResult(page);
    await trieReady(page);
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    // The same in dark mode.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    await context.close();
  });
});

describe('a phone', () => {
  test('at 390 px nothing scrolls sideways, the details sit under the trie, and the diff is one column', async () => {
    {
      const context = await browser().newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      const page = await context.newPage();
      await page.goto(baseUrl());
      await waitForResult(page);
      await trieReady(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      expect(await page.getAttribute('[data-testid="diff"]', 'data-layout')).toBe('unified');
      await page.locator(node('s3:GetBucket')).tap();
      await page.waitForSelector('[data-testid="trie-details"]');
      const svg = (await page.locator('[data-testid="trie-svg"]').boundingBox())!;
      const details = (await page.locator('[data-testid="trie-details"]').boundingBox())!;
      expect(svg.width).toBeGreaterThan(300);
      expect(details.y).toBeGreaterThanOrEqual(svg.y + svg.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await context.close();
    }
  });
});

describe('dark mode', () => {
  test('follows prefers-color-scheme for the page, Monaco, the diff and the trie; the switch overrides it', async () => {
    const { page, context } = await openAt('', { width: 1440, height: 900 }, true);
    await trieReady(page);
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
    const looks = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        body: getComputedStyle(document.documentElement).backgroundColor,
        monaco: document
          .querySelector('[data-testid="policy"] .monaco-editor')
          ?.classList.contains('vs-dark'),
        diff: getComputedStyle(document.querySelector('[data-testid="diff"] table')!)
          .backgroundColor,
        trie: (document.querySelector('[data-testid="trie-svg"]') as SVGElement).style.background,
      }));
    expect(await looks()).toEqual({
      theme: 'dark',
      body: 'rgb(13, 17, 23)',
      monaco: true,
      diff: expect.not.stringMatching(/255, 255, 255/),
      trie: 'rgb(13, 17, 23)',
    });
    await page.selectOption('[data-testid="theme"]', 'light');
    await expect.poll(looks).toMatchObject({
      theme: 'light',
      body: 'rgb(255, 255, 255)',
      monaco: false,
      trie: 'rgb(255, 255, 255)',
    });
    // The choice is kept.
    await page.reload();
    await waitForResult(page);
    await trieReady(page);
    expect((await looks()).theme).toBe('light');
    await context.close();
  });
});

describe('no copying a stale answer', () => {
  test('Copy, Download and the CLI command are off while the result is stale; the command asks for the ARN', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    const cli = page.locator('[data-testid="copy-cli"]');
    expect(await cli.isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid="actions-hint"]')).toContain('Enter the ARN');
    await page.fill('[data-testid="arn"]', 'not an arn');
    expect(await cli.isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid="actions-hint"]')).toContain('not a policy ARN');
    await page.fill('[data-testid="arn"]', 'arn:aws:iam::111122223333:policy/mine');
    expect(await cli.isEnabled()).toBe(true);
    await replaceEditorText(
      page,
      'policy',
      workedExample.policy.replace('"s3:List*"', '"s3:List*",'),
    );
    await page.waitForSelector('[data-testid="policy-error"]', { timeout: 15_000 });
    expect(await page.getAttribute('[data-testid="result"]', 'data-stale')).toBe('true');
    for (const id of ['copy-policy', 'download-policy', 'copy-cli'])
      expect(await page.locator(`[data-testid="${id}"]`).isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid="actions-hint"]')).toContain('wait for the result');
    await context.close();
  });
});
