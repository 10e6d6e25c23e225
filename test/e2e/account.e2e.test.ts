// The account view in real Chromium: load an account, watch it refine in workers, sort, search,
// open a principal's policy in the single-policy view, cancel a long run, and refuse a wrong file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { splitAccount } from '../account/accounts';
import { catalog } from '../core/support';
import {
  axeViolations,
  baseUrl,
  openPage,
  recommendedEntries,
  sharedBrowser,
  waitForResult,
} from './browser';

const browser = sharedBrowser();

async function openAccount(page: Page): Promise<void> {
  await page.click('[data-testid="to-account"]');
  await page.waitForSelector('[data-testid="account-view"]');
}

async function rowNames(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="principal-row"] th button', (els) =>
    els.map((e) => (e.textContent ?? '').replace(/^(role|user)\s*/, '').trim()),
  );
}

describe('the account view', () => {
  test('refines the example account into a sortable, searchable table; a policy opens in the policy view', async () => {
    const { page, errors, requests } = await openPage(browser());
    await waitForResult(page);
    await openAccount(page);
    await page.click('[data-testid="account-example"]');
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="account-input-paste"]') as HTMLTextAreaElement
      )?.value.includes('RoleDetailList'),
    );
    await page.click('[data-testid="account-start"]');
    await page.waitForSelector('[data-testid="account-summary"]');
    // Most privilege removed first.
    expect(await rowNames(page)).toEqual(['orders-deployer', 'alice', 'orders-lambda']);
    expect(await page.textContent('[data-testid="account-summary"]')).toContain(
      '3 of 4 principals refined',
    );
    expect(await page.textContent('[data-testid="account-summary"]')).toContain(
      'arn:aws:iam::444455556666:role/other-account-role',
    );
    await page.click('th:has-text("Principal") button');
    expect(await rowNames(page)).toEqual(['alice', 'orders-deployer', 'orders-lambda']);
    await page.fill('[data-testid="principal-search"]', 'queues');
    expect(await rowNames(page)).toEqual(['orders-deployer', 'orders-lambda']);
    await page.fill('[data-testid="principal-search"]', '');
    expect(await axeViolations(page, '[data-testid="account-view"]')).toEqual([]);

    await page.click('[data-testid="principal-row"] button:has-text("orders-deployer")');
    const policies = page.locator('[data-testid="principal-policies"]');
    expect(await policies.textContent()).toContain('as a customer managed copy');
    await page.click('[data-testid="open-policy"]:has-text("AmazonS3ReadOnlyAccess")');
    await page.waitForSelector('[data-testid="account-view"]', { state: 'hidden' });
    await waitForResult(page);
    await page.waitForFunction(async () =>
      document.querySelector('[data-testid="result"]')?.textContent?.includes('s3:Describe*'),
    );
    const entries = await recommendedEntries(page);
    expect(entries).toContain('s3:GetObject*');
    expect(entries).not.toContain('s3:GetBucketPolicy');
    // The trie of the first rewritten pattern is drawn, as for a pasted policy.
    await page.waitForSelector('[data-testid="trie-node"]');
    // Back to the account: the table is as it was.
    await page.click('[data-testid="to-account"]');
    expect(await rowNames(page)).toEqual(['alice', 'orders-deployer', 'orders-lambda']);
    expect(errors).toEqual([]);
    expect(
      requests.filter(
        (u) => !u.startsWith(baseUrl()) && !u.startsWith('data:') && !u.startsWith('blob:'),
      ),
    ).toEqual([]);
  });

  test('reads dropped files in a worker, shows progress, and can be cancelled', async () => {
    const dir = join(tmpdir(), 'iam-refiner-account-e2e-300');
    if (!existsSync(join(dir, 'findings.jsonl')))
      execFileSync(process.execPath, [
        'test/bench/account/generate.mjs',
        '--roles',
        '300',
        '--out',
        dir,
      ]);
    const { page, errors } = await openPage(browser());
    await openAccount(page);
    await page.setInputFiles(
      '[data-testid="account-input-files"]',
      join(dir, 'authorization-details.json'),
    );
    await page.setInputFiles('[data-testid="findings-input-files"]', join(dir, 'findings.jsonl'));
    expect(await page.textContent('[data-testid="account-input"]')).toMatch(
      /authorization-details\.json \(\d+\.\d MB\)/,
    );
    await page.click('[data-testid="account-start"]');
    await page.waitForFunction(() =>
      /refining \d+ \/ 300 principals/.test(
        document.querySelector('[data-testid="account-progress"]')?.textContent ?? '',
      ),
    );
    await page.click('[data-testid="account-cancel"]');
    expect(await page.textContent('[data-testid="account-cancelled"]')).toMatch(
      /Cancelled: \d+ principals were refined/,
    );
    expect(await page.locator('[data-testid="account-summary"]').count()).toBe(0);
    // Started again, it runs to the full table.
    await page.click('[data-testid="account-start"]');
    await page.waitForSelector('[data-testid="account-summary"]', { timeout: 80_000 });
    expect(await page.textContent('[data-testid="principal-count"]')).toBe('300 principals');
    expect(errors).toEqual([]);
  });

  test('shows a result over the quota split into managed policies, each with its size', async () => {
    // `builder`'s inline `ec2:*` becomes some 16,000 characters, cut into three parts.
    const { account, findings } = splitAccount(catalog);
    const { page, errors } = await openPage(browser());
    await openAccount(page);
    await page.fill('[data-testid="account-input-paste"]', account);
    await page.fill('[data-testid="findings-input-paste"]', findings);
    await page.click('[data-testid="account-start"]');
    await page.waitForSelector('[data-testid="account-summary"]');
    expect(await page.textContent('[data-testid="account-summary"]')).toContain(
      'Over the 6,144-character quota: 1: 1 split into 3 managed policies that each fit, attached together.',
    );
    expect(await page.textContent('[data-testid="principal-row"] th')).toContain('split');
    await page.click('[data-testid="principal-row"] button:has-text("builder")');
    expect(await page.textContent('[data-testid="policy-quota"]')).toMatch(
      /over the 6,144-character quota: split into 3 managed policies attached together \(6,1\d\d, 6,1\d\d, \d,\d{3} characters\)/,
    );
    expect(await axeViolations(page, '[data-testid="account-view"]')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('says what a file that is not authorization details is', async () => {
    const { page } = await openPage(browser());
    await openAccount(page);
    await page.fill(
      '[data-testid="account-input-paste"]',
      '{"Version": "2012-10-17", "Statement": []}',
    );
    await page.fill('[data-testid="findings-input-paste"]', '[]');
    await page.click('[data-testid="account-start"]');
    expect(await page.textContent('[data-testid="account-error"]')).toContain(
      'pasted:1:1: This is an IAM policy document, not aws iam get-account-authorization-details output',
    );
  });
});
