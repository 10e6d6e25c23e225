// The trie view in real Chromium: the worked example's s3:Get* and the whole catalog under "*".
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { everythingExample } from '../../src/examples/everything';
import { shareFragment } from '../../src/ui/inputs';
import { openPage, sharedBrowser, trieNode, waitForResult } from './browser';

const browser = sharedBrowser();

const node = trieNode;

describe('the trie view', () => {
  test('s3:Get*: Access, Multi, Object, Storage green and written; Bucket orange with its unused actions', async () => {
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    // The first rewritten pattern opens by itself.
    await page.waitForSelector(node('s3:GetBucket'), { timeout: 20_000 });
    for (const word of ['Access', 'Multi', 'Object', 'Storage']) {
      const n = page.locator(node(`s3:Get${word}`));
      expect(await n.getAttribute('data-safe')).toBe('true');
      expect(await n.getAttribute('data-written')).toBe('true');
    }
    expect(await page.locator(node('s3:GetMulti')).getAttribute('data-entry')).toBe('s3:GetMulti*');
    expect(await page.locator(node('s3:GetBucket')).getAttribute('data-safe')).toBe('false');
    expect(await page.locator(node('s3:GetBucket')).getAttribute('data-written')).toBe('false');
    await page.locator(node('s3:GetBucket')).first().click();
    const details = page.locator('[data-testid="trie-details"]');
    await details.waitFor();
    expect(await details.getAttribute('data-prefix')).toBe('s3:GetBucket');
    const text = await details.textContent();
    for (const a of ['s3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetBucketTagging'])
      expect(text).toContain(a);
    expect(await page.textContent('[data-testid="trie-why"]')).toMatch(/s3:GetBucket\*.*unused/);
    // The character-level comparison is built when it is opened.
    await page.click('[data-testid="trie-char-toggle"]');
    await page.waitForSelector('[data-testid="trie-compare-char"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="trie-compare-char"]')).toContain('s3:GetAcces*');
    expect(await page.textContent('[data-testid="trie-compare-word"]')).toContain('s3:GetAccess*');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a click on a line number of the recommended policy opens that node', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await page.waitForSelector('[data-testid="trie-view"]', { timeout: 20_000 });
    const row = page.locator('[data-testid="diff"] tr', { hasText: '"s3:GetObject*"' });
    await row.locator('td').nth(3).click(); // the right side's line number
    await expect
      .poll(() => page.getAttribute('[data-testid="trie-details"]', 'data-prefix'), {
        timeout: 10_000,
      })
      .toBe('s3:GetObject');
    await context.close();
  });

  test('"*" over the whole catalog opens collapsed, and the search finds ec2:TerminateInstances', async () => {
    const { page, errors, context } = await openPage(
      browser(),
      shareFragment({ ...everythingExample, used: false }),
    );
    await waitForResult(page);
    await page.waitForSelector('[data-testid="trie-svg"]', { timeout: 30_000 });
    // The kept services open folded into one row; unfolded, they are some 450 more rows.
    await page.click('[data-testid="trie-fold"][data-parent="*"]');
    await page.waitForSelector(node('lambda:'));
    const shown = await page.locator('[data-testid="trie-node"]').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(1500);
    // Only the nodes in and around the view are drawn; the SVG file has every open node.
    const open = Number(await page.getAttribute('[data-testid="trie-svg"]', 'data-open'));
    const rows = () => page.locator('[data-testid="trie-node"], [data-testid="trie-fold"]').count();
    expect(await rows()).toBe(
      Number(await page.getAttribute('[data-testid="trie-svg"]', 'data-drawn')),
    );
    expect(await rows()).toBeLessThan(open);
    const drawnRows = await rows();
    const download = page.waitForEvent('download');
    await page.click('[data-testid="trie-export"]');
    const svg = readFileSync((await (await download).path()) as string, 'utf8');
    expect(svg.match(/data-testid="trie-(node|fold)"/g)?.length).toBe(open);
    expect(await rows()).toBe(drawnRows);
    // Panning far down draws the nodes that come into view.
    const drawnPrefixes = () =>
      page.$$eval('[data-testid="trie-node"]', (all) =>
        all.map((el) => el.getAttribute('data-prefix')).join(' '),
      );
    const before = await drawnPrefixes();
    await page.locator('[data-testid="trie-svg"]').scrollIntoViewIfNeeded();
    const box = (await page.locator('[data-testid="trie-svg"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 5 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(drawnPrefixes).not.toBe(before);
    await page.fill('[data-testid="trie-search"]', 'ec2:TerminateInstances');
    // The match is listed once the page has the query; Enter then shows the best one.
    await page.waitForSelector('.trie-search__hits button:text-is("ec2:TerminateInstances")');
    await page.keyboard.press('Enter');
    await page.waitForSelector(node('ec2:TerminateInstances'), { timeout: 10_000 });
    expect(
      await page.locator(node('ec2:TerminateInstances')).getAttribute('data-unused-action'),
    ).toBe('true');
    await expect
      .poll(() => page.getAttribute('[data-testid="trie-details"]', 'data-prefix'))
      .toBe('ec2:TerminateInstances');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('steps through the algorithm with a line of narration per step, and exports SVG', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await page.waitForSelector('[data-testid="trie-step-start"]', { timeout: 20_000 });
    await page.click('[data-testid="trie-step-start"]');
    const narration = page.locator('[data-testid="trie-narration"]');
    const first = await narration.textContent();
    await page.getByRole('button', { name: /next/i }).click();
    expect(await narration.textContent()).not.toBe(first);
    const download = page.waitForEvent('download');
    await page.click('[data-testid="trie-export"]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    await context.close();
  });
});
