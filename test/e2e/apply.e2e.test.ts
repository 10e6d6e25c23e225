// Recommendations that can be applied as they are, in real Chromium: the keep list (typed, kept, shared,
// and one click in the trie), a way under the quota (the parts, each to copy, download or apply), and
// what is gone by access level. axe-core checks the pages, in light and dark, and at 390 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { overQuotaExample } from '../../src/examples/over-quota';
import { workedExample } from '../../src/examples/worked-example';
import { shareFragment } from '../../src/ui/inputs';
import { catalog } from '../core/support';
import {
  axeViolations,
  baseUrl,
  openAt,
  recommendedEntries,
  replaceEditorText,
  serious,
  sharedBrowser,
  trieReady,
  waitForResult,
  trieNode,
} from './browser';

const browser = sharedBrowser();
const DESKTOP = { width: 1440, height: 900 };
const chip = (prefix: string) => `[data-testid="trie-keep-chip"][data-prefix="${prefix}"]`;
const node = trieNode;
const text = (page: Page, id: string) => page.textContent(`[data-testid="${id}"]`);
const OVER_QUOTA = shareFragment({ ...overQuotaExample, used: false });

describe('the keep list', () => {
  test('typed in its editor it changes the result, says where it is wrong, survives a reload and travels in the link', async () => {
    const { page, context, errors } = await openAt(browser(), '', DESKTOP);
    await page.waitForSelector('[data-testid="keep"] .monaco-editor', { timeout: 30_000 });
    await replaceEditorText(page, 'keep', '# restore drills\ns3:GetBucketAcl\ns3:GetBucketCORS\n');
    await expect
      .poll(() => recommendedEntries(page), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['s3:GetBucketAcl', 's3:GetBucketCORS']));
    expect(await text(page, 'proof')).toContain(
      'allows exactly the 92 actions it allowed before, minus 30 unused, 2 of them kept on purpose (64 now)',
    );
    expect(await text(page, 'keep-status')).toBe('2 actions reported unused are kept on purpose.');
    // Kept in this browser.
    await page.reload();
    await waitForResult(page);
    expect(await recommendedEntries(page)).toContain('s3:GetBucketCORS');
    // And in the share link, opened in a browser that has never seen it.
    await page.click('[data-testid="share"]');
    const link = page.url();
    expect(link).toMatch(/&keep=/);
    const other = await openAt(browser(), new URL(link).hash, DESKTOP);
    expect(await recommendedEntries(other.page)).toContain('s3:GetBucketAcl');
    await other.context.close();
    // A word that is no action is shown where it is; the last result stays, marked stale.
    await page.waitForSelector('[data-testid="keep"] .monaco-editor', { timeout: 30_000 });
    await replaceEditorText(page, 'keep', 's3:GetBucketAcl\n  backups');
    await page.waitForSelector('[data-testid="keep-error"]', { timeout: 15_000 });
    expect(await text(page, 'keep-error')).toBe(
      'Line 2, column 3: Keep list: "backups" is not an action: write it as service:Action (for example s3:GetObject) or "*"',
    );
    expect(await text(page, 'stale')).toContain('the keep list cannot be read');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a link whose keep= part is broken opens nothing and leaves the saved work alone', async () => {
    const { page, context } = await openAt(browser(), '', DESKTOP);
    await page.waitForSelector('[data-testid="keep"] .monaco-editor', { timeout: 30_000 });
    await replaceEditorText(page, 'keep', 's3:GetBucketTagging\n');
    await expect.poll(() => recommendedEntries(page)).toContain('s3:GetBucketTagging');
    const broken = `${shareFragment({ policy: '{}', unused: '', used: false })}&keep=zz`;
    await page.goto(new URL(broken, baseUrl()).href);
    await page.waitForSelector('[data-testid="link-problem"]', { timeout: 15_000 });
    expect(await text(page, 'link-problem')).toContain(
      'its keep= part is damaged at character 1 (the link was altered or mistyped)',
    );
    await page.goto(baseUrl());
    await waitForResult(page);
    expect(await recommendedEntries(page)).toContain('s3:GetBucketTagging');
    expect(await recommendedEntries(page)).toContain('s3:GetMulti*');
    await context.close();
  });

  test('in the trie, one click keeps a crossed-out leaf and one lets it go; K does the same; a what-if keep is made lasting', async () => {
    const { page, context, errors } = await openAt(browser(), '', DESKTOP);
    await trieReady(page);
    expect(await page.textContent(chip('s3:GetBucketAcl'))).toBe('keep');
    await page.click(chip('s3:GetBucketAcl'));
    await expect
      .poll(() => recommendedEntries(page), { timeout: 15_000 })
      .toContain('s3:GetBucketAcl');
    await expect.poll(() => page.getAttribute(node('s3:GetBucketAcl'), 'data-kept')).toBe('true');
    expect(await page.locator(`${node('s3:GetBucketAcl')} rect[width="20"]`).count()).toBe(1);
    expect(await text(page, 'keep-status')).toBe('1 action reported unused is kept on purpose.');
    // Nothing was selected by the chip; the same chip now lets it go.
    expect(await page.locator('[data-testid="trie-details"]').count()).toBe(0);
    await expect.poll(() => page.textContent(chip('s3:GetBucketAcl'))).toBe('un-keep');
    await page.click(chip('s3:GetBucketAcl'));
    await expect.poll(() => recommendedEntries(page)).not.toContain('s3:GetBucketAcl');
    await expect.poll(() => page.getAttribute(node('s3:GetBucketAcl'), 'data-kept')).toBe(null);
    // K on the row the tree is on.
    await page.click(node('s3:GetBucketCORS'));
    await page.focus('[data-testid="trie-svg"]');
    await page.keyboard.press('k');
    await expect.poll(() => recommendedEntries(page)).toContain('s3:GetBucketCORS');
    // A what-if keep (for now) becomes a line of the keep list (for good).
    await page.click(node('s3:GetBucketTagging'));
    await page.click('[data-testid="trie-keep"]');
    await expect.poll(() => recommendedEntries(page)).toContain('s3:GetBucketTagging');
    expect(await text(page, 'what-if')).toContain('s3:GetBucketTagging kept');
    await page.click('[data-testid="keep-for-good"]');
    await expect.poll(() => page.locator('[data-testid="what-if"]').count()).toBe(0);
    expect(await recommendedEntries(page)).toContain('s3:GetBucketTagging');
    expect(await text(page, 'keep-status')).toBe('2 actions reported unused are kept on purpose.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a way under the quota', () => {
  test('the parts one under the other, each with its size, Copy, Download and command; the table of what is gone; axe-clean, light and dark', async () => {
    const { page, context, errors } = await openAt(browser(), OVER_QUOTA, DESKTOP);
    await page.waitForSelector('[data-testid="policy-parts"]');
    expect(await page.locator('[data-testid="policy-parts"] h3').textContent()).toBe(
      'Split into 3 managed policies under the quota',
    );
    const sizes = await page.$$eval('[data-testid$="-size"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(sizes).toHaveLength(3);
    for (const s of sizes) {
      const chars = Number(/^([\d,]+) of 6,144/.exec(s)?.[1].replace(/,/g, ''));
      expect(chars).toBeGreaterThan(0);
      expect(chars).toBeLessThanOrEqual(6144);
    }
    expect(await text(page, 'size')).toMatch(
      /over the managed policy quota, so it is split into 3 managed policies below/,
    );
    // Copy puts the part's text on the clipboard; Download saves it under the part's name.
    const partText = (k: number) => page.textContent(`[data-testid="policy-part-${k}"] pre`);
    await page.click('[data-testid="policy-part-1-copy"]');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(await partText(1));
    const saved = page.waitForEvent('download');
    await page.click('[data-testid="policy-part-2-download"]');
    const file = await saved;
    expect(file.suggestedFilename()).toBe('recommended-policy-part-2-of-3.json');
    expect(readFileSync((await file.path()) as string, 'utf8')).toBe(await partText(2));
    // Each part's command, once the ARN is known; the single document's would be refused by IAM.
    expect(await page.isDisabled('[data-testid="policy-part-3-cli"]')).toBe(true);
    await page.fill('[data-testid="arn"]', 'arn:aws:iam::111122223333:policy/ec2-admin');
    await page.click('[data-testid="policy-part-3-cli"]');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^aws iam create-policy --policy-name 'ec2-admin-part-3' --path '\/' /);
    expect(await page.isDisabled('[data-testid="copy-cli"]')).toBe(true);
    expect(await text(page, 'actions-hint')).toContain('IAM would refuse this command');
    // What is gone, by access level.
    expect(await text(page, 'levels-gone')).toMatch(
      /^\d+ Permissions management, \d+ Write, \d+ Read and \d+ List actions are gone\.$/,
    );
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    // A stale result offers no part.
    await page.waitForSelector('[data-testid="policy"] .monaco-editor', { timeout: 30_000 });
    await replaceEditorText(page, 'policy', overQuotaExample.policy.replace('"*"', '"*",'));
    await page.waitForSelector('[data-testid="policy-error"]', { timeout: 15_000 });
    for (const what of ['copy', 'download', 'cli'])
      expect(await page.isDisabled(`[data-testid="policy-part-1-${what}"]`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when no split works, the page says why and what to do instead', async () => {
    // One ec2 action in four unused: a NotAction list of 7,000 characters, which cannot be cut.
    const ec2 = catalog.services.get('ec2')?.names ?? [];
    const link = shareFragment({
      policy: '{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}',
      unused: ec2
        .filter((_, i) => i % 4 === 0)
        .map((n) => `ec2:${n}`)
        .join('\n'),
      used: false,
    });
    const { page, context } = await openAt(browser(), link, DESKTOP);
    const why = await text(page, 'split-why');
    expect(why).toMatch(/NotAction list cannot be cut: use an inline policy instead/);
    expect(why).toMatch(/or ask AWS for a higher quota\.$/);
    await context.close();
  });

  test('at 390 px, in the dark, nothing scrolls sideways and axe-core finds nothing serious', async () => {
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await page.goto(new URL(OVER_QUOTA, baseUrl()).href);
    await waitForResult(page);
    await page.waitForSelector('[data-testid="policy-part-3"]');
    await trieReady(page);
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await wide()).toBeLessThanOrEqual(390);
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    // The keep list's example, with its table and kept leaves.
    await page.selectOption('[data-testid="examples"]', 'keep');
    await expect.poll(() => text(page, 'keep-status')).toMatch(/^3 actions reported unused/);
    expect(await wide()).toBeLessThanOrEqual(390);
    expect((await axeViolations(page)).filter(serious)).toEqual([]);
    await context.close();
  });
});

describe('the worked example', () => {
  test('says what is gone by access level', async () => {
    const { page, context } = await openAt(
      browser(),
      shareFragment({ ...workedExample, used: false }),
      DESKTOP,
    );
    expect(await text(page, 'levels-gone')).toBe(
      '1 Permissions management, 4 Write, 24 Read and 1 List actions are gone.',
    );
    await context.close();
  });
});
