// The app in real Chromium, used as a person would: paste, edit, break, reload, share.
import { describe, expect, test } from 'vitest';
import { examples } from '../../src/examples';
import { workedExample } from '../../src/examples/worked-example';
import { shareFragment } from '../../src/ui/inputs';
import {
  baseUrl,
  diffLines,
  sharedBrowser,
  openPage,
  recommendedEntries,
  replaceEditorText,
  waitForResult,
} from './browser';

const PUBLISHED_TODAY = [
  'lambda:Invoke*',
  's3:GetAccess*',
  's3:GetAccountPublicAccessBlock',
  's3:GetBucketAbac',
  's3:GetBucketMetadataTableConfiguration',
  's3:GetDataAccess',
  's3:GetJobTagging',
  's3:GetMulti*',
  's3:GetObject*',
  's3:GetStorage*',
  's3:List*',
];

const browser = sharedBrowser();

describe('the app', () => {
  test('opens on the worked example and shows the published recommendation in the diff', async () => {
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    expect(await recommendedEntries(page)).toEqual(PUBLISHED_TODAY);
    // The original side still holds what was removed.
    expect(await diffLines(page, 'left')).toContainEqual(
      expect.stringContaining('"lambda:AddPermission"'),
    );
    await expect.poll(() => page.textContent('[data-testid="step"]')).toContain('CREATE_POLICY');
    expect(await page.textContent('[data-testid="proof"]')).toContain(
      'allows exactly the 92 actions it allowed before, minus 30 unused',
    );
    expect(await page.textContent('[data-testid="unused-status"]')).toContain(
      '2 services, 30 actions',
    );
    expect(await page.textContent('[data-testid="rewrites"]')).toContain('s3:Get*');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('follows an edit of the policy in Monaco', async () => {
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    const policy = workedExample.policy.replace(
      '"s3:List*"',
      '"s3:List*",\n        "s3:PutObject"',
    );
    await replaceEditorText(page, 'policy', policy);
    await expect
      .poll(() => recommendedEntries(page), { timeout: 15_000 })
      .toContain('s3:PutObject');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('shows broken JSON at its line and keeps the last good result, marked stale', async () => {
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    const broken = workedExample.policy.replace('"s3:List*"', '"s3:List*",');
    await replaceEditorText(page, 'policy', broken);
    const error = page.locator('[data-testid="policy-error"]');
    await page.waitForFunction(
      () =>
        /trailing comma/i.test(
          document.querySelector('[data-testid="policy-error"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 15_000 },
    );
    const line = broken.split('\n').findIndex((l) => l.includes('"s3:List*",')) + 2;
    expect(await error.textContent()).toMatch(new RegExp(`^Line ${line}, column \\d+:`));
    expect(await error.textContent()).toMatch(/trailing comma/i);
    // A marker in the editor at that line too.
    await page.waitForSelector('[data-testid="policy"] .squiggly-error');
    expect(await page.textContent('[data-testid="stale"]')).toContain('Stale');
    expect(await recommendedEntries(page)).toEqual(PUBLISHED_TODAY);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('keeps both inputs across a reload', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await replaceEditorText(page, 'unused', 's3:GetBucketPolicy\nlambda:GetFunction\n');
    await expect
      .poll(() => page.textContent('[data-testid="unused-status"]'), { timeout: 15_000 })
      .toContain('List of unused actions: 2 services, 2 actions');
    await page.reload();
    await waitForResult(page);
    expect(await page.textContent('[data-testid="unused-status"]')).toContain(
      'List of unused actions: 2 services, 2 actions',
    );
    expect(await recommendedEntries(page)).toContain('s3:GetBucketPolicyStatus');
    await context.close();
  });

  test('opens a share link: both editors loaded and refined at once', async () => {
    const ex = examples.find((e) => e.id === 'whole-service');
    if (!ex) throw new Error('no whole-service example');
    const { page, errors, context } = await openPage(
      browser(),
      shareFragment({ ...ex, used: ex.used === true }),
    );
    await waitForResult(page);
    expect(await recommendedEntries(page)).toEqual(['s3:GetObject']);
    expect(await page.textContent('[data-testid="unused-status"]')).toContain('1 whole service');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('writes the share link into the fragment when an editor loses focus', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await replaceEditorText(page, 'unused', 's3:GetObject\n');
    await page.click('h1');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#policy=.+&unused=.+/);
    const link = await page.evaluate(() => location.href);
    const other = await openPage(browser(), null as unknown as string);
    await other.page.goto(link);
    await waitForResult(other.page);
    expect(await other.page.textContent('[data-testid="unused-status"]')).toContain('1 action');
    await other.context.close();
    await context.close();
  });

  test('loads every example from the menu and proves each', async () => {
    const { page, errors, context } = await openPage(browser());
    await waitForResult(page);
    for (const ex of examples) {
      await page.selectOption('[data-testid="examples"]', ex.id);
      await page.waitForSelector('[data-testid="result"][data-stale="false"]');
      expect(await page.textContent('[data-testid="proof"]')).toMatch(/^Proven over/);
      expect(await page.textContent('[data-testid="step"]')).toMatch(/^(CREATE|DETACH)_POLICY/);
      if (ex.used)
        expect(await page.textContent('[data-testid="unused-status"]')).toContain(
          'List of used actions',
        );
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('completes action names with their access level and explains them on hover', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await replaceEditorText(
      page,
      'policy',
      '{"Statement": {"Effect": "Allow", "Action": "s3:GetBucketPolicy',
    );
    await page.keyboard.press('Control+Space');
    const widget = page.locator('[data-testid="policy"] .suggest-widget');
    await expect
      .poll(() => widget.textContent(), { timeout: 15_000 })
      .toContain('s3:GetBucketPolicyStatus');
    expect(await widget.textContent()).toContain('Read');
    await page.keyboard.press('Escape');
    await replaceEditorText(
      page,
      'policy',
      '{"Statement": {"Effect": "Allow", "Action": ["s3:PutBucketPolicy", "s3:Get*"], "Resource": "*"}}',
    );
    const hover = page.locator('[data-testid="policy"] .monaco-hover:not(.hidden)');
    await page
      .locator('[data-testid="policy"] .view-line span', { hasText: 'PutBucketPolicy' })
      .last()
      .hover();
    await expect
      .poll(() => hover.textContent(), { timeout: 15_000 })
      .toContain('Permissions management');
    await page.mouse.move(0, 0);
    await page
      .locator('[data-testid="policy"] .view-line span', { hasText: 's3:Get*' })
      .last()
      .hover();
    await expect
      .poll(() => hover.textContent(), { timeout: 15_000 })
      .toMatch(/s3:Get\* matches \d+ actions/);
    await context.close();
  });

  test('copies the recommended policy and a ready AWS CLI command', async () => {
    const { page, context } = await openPage(browser());
    await waitForResult(page);
    await page.click('text=Copy policy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).Statement[1].Action).toContain('s3:GetMulti*');
    await page.fill('.arn input', "arn:aws:iam::111122223333:policy/it's-mine");
    await page.click('[data-testid="copy-cli"]');
    const command = await page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(
      /^aws iam create-policy-version --policy-arn 'arn:aws:iam::111122223333:policy\/it'\\''s-mine' --set-as-default --policy-document '/,
    );
    expect(command).toContain('"s3:GetObject*"');
    await context.close();
  });

  test('sends no request outside its own origin and carries a strict Content-Security-Policy', async () => {
    const { page, requests, errors, context } = await openPage(browser());
    await waitForResult(page);
    await page.waitForSelector('[data-testid="policy"] .monaco-editor');
    const origin = new URL(baseUrl()).origin;
    const outside = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    expect(outside).toEqual([]);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    // The browser enforces it: a fetch to another origin is refused.
    const refused = await page.evaluate(() =>
      fetch('http://198.51.100.1/x').then(
        () => false,
        () => true,
      ),
    );
    expect(refused).toBe(true);
    expect(errors.filter((e) => !e.includes('198.51.100.1'))).toEqual([]);
    await context.close();
  });
});
