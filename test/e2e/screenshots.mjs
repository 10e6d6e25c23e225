/* global document */
// npm run screenshots: the README's pictures, taken of the built app in Debian's Chromium.
// Not a test: run it by hand when the page changes, and commit the two PNGs in public/screenshots.
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
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(base);
await page.waitForSelector('[data-testid="policy"] .monaco-editor');
await page.waitForSelector('[data-testid="trie-node"]');
await page.waitForTimeout(800);
await page.screenshot({ path: 'public/screenshots/app.png' });
await page.click('[data-testid="trie-node"][data-prefix="s3:GetBucket"]');
await page.waitForSelector('[data-testid="trie-details"]');
await page.evaluate(() => document.querySelector('[data-testid="trie-panel"]')?.scrollIntoView());
await page.waitForTimeout(500);
await page.screenshot({ path: 'public/screenshots/trie.png' });
await browser.close();
await server.close();
console.log('public/screenshots/app.png, public/screenshots/trie.png');
