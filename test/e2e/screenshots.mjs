/* global document, window */
// npm run screenshots: the README's pictures, taken of the built app in Debian's Chromium.
// Not a test: run it by hand when the page changes, and commit the PNGs in public/screenshots.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
mkdirSync('public/screenshots', { recursive: true });
const viewport = { width: 1440, height: 900 };

async function open(example = '', colorScheme = 'light') {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(base);
  if (example) {
    await page.waitForSelector('[data-testid="trie-node"]');
    await page.selectOption('[data-testid="examples"]', example);
    await page.waitForSelector('[data-testid="trie-fold"]');
  }
  await page.waitForSelector('[data-testid="policy"] .monaco-editor');
  await page.waitForSelector('[data-testid="trie-node"]');
  await page.waitForTimeout(800);
  return page;
}

const showTrie = (page) =>
  page.evaluate(() => document.querySelector('[data-testid="trie-panel"]')?.scrollIntoView());

// The first screen: the inputs, the summary beside the recommended policy.
let page = await open();
await page.screenshot({ path: 'public/screenshots/app.png' });
// The trie of s3:Get* with the details of GetBucket.
await page.click('[data-testid="trie-node"][data-prefix="s3:GetBucket"]');
await page.waitForSelector('[data-testid="trie-details"]');
await showTrie(page);
await page.waitForTimeout(500);
await page.screenshot({ path: 'public/screenshots/trie.png' });
await page.close();
// Over the quota: the summary with its table by access level, and the parts under the answer.
page = await open('over-quota');
await page.waitForSelector('[data-testid="policy-parts"]');
await page.evaluate(() =>
  document.querySelector('[data-testid="result"]')?.scrollIntoView({ block: 'start' }),
);
await page.evaluate(() => window.scrollBy(0, 260));
await page.waitForTimeout(500);
await page.screenshot({ path: 'public/screenshots/parts.png' });
await page.close();
// "*": opened on the services that hold unused actions, the kept ones folded; in dark mode.
page = await open('everything', 'dark');
await showTrie(page);
await page.waitForTimeout(500);
await page.screenshot({ path: 'public/screenshots/star-dark.png' });
await browser.close();
await server.close();
console.log('public/screenshots/app.png, trie.png, parts.png, star-dark.png');
