// The diff view in real Chromium: a policy of 1,000 rewritten statements shows its first rows at
// once, draws more as the list scrolls, opens a fold on a click, and passes axe-core.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { shareFragment } from '../../src/ui/inputs';
import { axeViolations, openPage, sharedBrowser, waitForResult } from './browser';

const browser = sharedBrowser();

/** N statements whose wildcards are rewritten; Sid, resource and condition stay (and are folded). */
function statements(n: number): string {
  const list = Array.from({ length: n }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i}` } },
    Action: ['s3:Get*', 'ec2:Describe*', 'lambda:InvokeFunction'],
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: list }, null, 2);
}

const rows = (page: Page) => page.locator('[data-testid="diff"] tr.diff-row').count();

describe('the diff view', () => {
  test('1,000 rewritten statements: a page of rows, more as it scrolls, folds that open', async () => {
    const { page, errors, context } = await openPage(
      browser(),
      shareFragment({
        policy: statements(1_000),
        unused: 's3:GetObject\nec2:DescribeInstances',
        used: false,
      }),
    );
    await waitForResult(page);
    expect(await rows(page)).toBe(501);
    expect(await axeViolations(page, '[data-testid="diff"]')).toEqual([]);
    // Scrolling to the end of the list draws the next page.
    await page.locator('[data-testid="diff"] .diff-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => rows(page), { timeout: 10_000 }).toBeGreaterThan(501);
    // A fold hides the unchanged lines between two statements' changes; a click shows them.
    const sid = page.locator('[data-testid="diff"] td.left', { hasText: '"Sid": "S1",' });
    expect(await sid.count()).toBe(0);
    await page.locator('[data-testid="diff"] tr.fold button').nth(1).click();
    expect(await sid.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
