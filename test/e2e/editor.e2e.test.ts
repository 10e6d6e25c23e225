// The policy editor in real Chromium, with the page's own JSON language instead of Monaco's JSON
// service: the grammar's keys and values completed and explained, JSON coloured as before in both
// themes, folding of a policy pasted flush left, find and F8, and no JSON worker fetched.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, replaceEditorText, sharedBrowser, waitForResult } from './browser';

const browser = sharedBrowser();

const POLICY = '[data-testid="policy"]';

/** The policy editor's text as drawn, one string per line on screen. */
const shownLines = (page: Page) =>
  page.$$eval(`${POLICY} .view-line`, (lines) =>
    lines
      .map((l) => ({ top: parseFloat((l as HTMLElement).style.top), text: l.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, ' ')),
  );

/** The colour of the first token drawn with exactly this text. */
// Monaco redraws a line's spans as it colours them: a span read while it was being replaced has no
// colour (''), so each colour is polled until the line has settled.
const colourOf = (page: Page, text: string) =>
  page
    .locator(`${POLICY} .view-line span span`, { hasText: text })
    .first()
    .evaluate((s) => getComputedStyle(s).color);

describe('the policy editor', () => {
  test("completes the grammar's keys and Effect's values, explains them on hover, and fetches no JSON worker", async () => {
    const { page, errors, requests, context } = await openPage(browser());
    await waitForResult(page);
    const widget = page.locator(`${POLICY} .suggest-widget.visible`);
    await replaceEditorText(page, 'policy', '{"Statement": [{"Eff');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => widget.textContent(), { timeout: 15_000 }).toContain('Effect');
    // Only a statement's keys: no action name, no document key.
    expect(await widget.textContent()).not.toMatch(/Version|s3:/);
    await page.keyboard.press('Enter');
    // The key is written with its colon, and its values are offered at once.
    await expect.poll(() => widget.textContent(), { timeout: 15_000 }).toMatch(/Allow.*Deny/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownLines(page)).toEqual(['{"Statement": [{"Effect": "Deny"']);

    // A quote typed where Version's value goes offers its values.
    await replaceEditorText(page, 'policy', '{"Version": ');
    await page.keyboard.type('"');
    await expect.poll(() => widget.textContent(), { timeout: 15_000 }).toContain('2012-10-17');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownLines(page)).toEqual(['{"Version": "2012-10-17"']);

    // Short lines: the editor does not scroll sideways to the end of a long one.
    await replaceEditorText(
      page,
      'policy',
      '{"Statement": {\n"Effect": "Allow",\n"Action": "s3:GetObject",\n"Resource": "*"}}',
    );
    const hover = page.locator(`${POLICY} .monaco-hover:not(.hidden)`);
    await page.locator(`${POLICY} .view-line span span`, { hasText: 'Effect' }).first().hover();
    await expect
      .poll(() => hover.textContent(), { timeout: 15_000 })
      .toContain('Effect: Allow or Deny');
    await page.mouse.move(0, 0);
    await page.locator(`${POLICY} .view-line span span`, { hasText: 'Allow' }).first().hover();
    await expect
      .poll(() => hover.textContent(), { timeout: 15_000 })
      .toContain('Allow: The statement grants');
    expect(requests.filter((u) => /json\.worker|jsonMode/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("colours keys, string values, numbers and keywords as Monaco's JSON mode did, light and dark", async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await replaceEditorText(
      page,
      'policy',
      '{"Statement": {"Effect": "Allow", "n": 12, "b": true}}',
    );
    await expect
      .poll(() => colourOf(page, '"Effect"'), { timeout: 15_000 })
      .toBe('rgb(163, 21, 21)');
    await expect.poll(() => colourOf(page, '"Allow"')).toBe('rgb(4, 81, 165)');
    await expect.poll(() => colourOf(page, '12')).toBe('rgb(9, 134, 88)');
    await expect.poll(() => colourOf(page, 'true')).toBe('rgb(4, 81, 165)');
    await page.selectOption('[data-testid="theme"]', 'dark');
    await expect.poll(() => colourOf(page, '"Effect"')).toBe('rgb(156, 220, 254)');
    await expect.poll(() => colourOf(page, '"Allow"')).toBe('rgb(206, 145, 120)');
    await expect.poll(() => colourOf(page, '12')).toBe('rgb(181, 206, 168)');
    await expect.poll(() => colourOf(page, 'true')).toBe('rgb(206, 145, 120)');
    await context.close();
  });

  test('folds a policy pasted flush left on its brackets; find and F8 work', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    const flush = [
      '{',
      '"Version": "2012-10-17",',
      '"Statement": [',
      '{',
      '"Effect": "Allow",',
      '"Action": "s3:GetObject",',
      '"Resource": "*"',
      '}',
      ']',
      '}',
    ];
    await replaceEditorText(page, 'policy', flush.join('\n'));
    await expect.poll(() => shownLines(page)).toEqual(flush);
    // Fold the statements' list from its first line: its content goes, its closing bracket stays.
    await page.locator(`${POLICY} .view-line`, { hasText: '"Statement": [' }).click();
    await page.keyboard.press('Control+Shift+BracketLeft');
    await expect
      .poll(() => shownLines(page))
      .toEqual(['{', '"Version": "2012-10-17",', '"Statement": [', ']', '}']);
    await page.keyboard.press('Control+Shift+BracketRight');
    await expect.poll(() => shownLines(page)).toEqual(flush);

    await page.keyboard.press('Control+F');
    const find = page.locator(`${POLICY} .find-widget.visible`);
    await find.waitFor();
    await page.keyboard.type('Allow');
    await expect.poll(() => find.locator('.matchesCount').textContent()).toBe('1 of 1');
    await page.keyboard.press('Escape');

    // core's error, as a marker F8 goes to and shows.
    await replaceEditorText(page, 'policy', flush.join('\n').replace('"Allow"', '"Alow"'));
    await page.waitForSelector(`${POLICY} .squiggly-error`, { timeout: 15_000 });
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.locator(`${POLICY} .marker-widget`).textContent(), { timeout: 15_000 })
      .toContain('"Effect" must be "Allow" or "Deny"');
    await context.close();
  });

  test('keys typed right after a paste land where they were typed, and one undo takes them back', async () => {
    // The page writes its own value into the editor after each render; a keystroke typed before that
    // write must not be replaced by the older value (it was, 7 times in 10, with a wrapper that wrote
    // from a passive effect: "xyAB"}z).
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    for (let i = 0; i < 8; i++) {
      await replaceEditorText(page, 'policy', `{"Sid": "AB${i}"}`);
      for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('xyz');
      await expect.poll(() => shownLines(page)).toEqual([`{"Sid": "xyzAB${i}"}`]);
    }
    await page.keyboard.press('Control+Z');
    await expect.poll(() => shownLines(page)).toEqual(['{"Sid": "AB7"}']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
