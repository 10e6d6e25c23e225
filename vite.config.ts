/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * No connection to any other origin, no script from elsewhere. Inline styles are allowed because
 * Monaco and the diff viewer set them; the diff viewer computes in a blob: worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The built page carries the policy (the dev server's module preamble would break under it). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // The diff viewer's YAML mode and syntax highlighting are never used, and Monaco's language
    // worker starter is taken without the contributions it imports (see the files for why).
    alias: [
      {
        find: /^js-yaml$/,
        replacement: fileURLToPath(new URL('./src/ui/unbundled/js-yaml.ts', import.meta.url)),
      },
      {
        find: /^(\.\.\/)+internal\/common\/workers\.js$/,
        replacement: fileURLToPath(
          new URL('./src/ui/unbundled/monaco-workers.ts', import.meta.url),
        ),
      },
      {
        find: /^refractor\/core$/,
        replacement: fileURLToPath(
          new URL('./src/ui/unbundled/refractor-core.ts', import.meta.url),
        ),
      },
    ],
  },
  base: './',
  worker: { format: 'es' },
  // The catalog as a JSON.parse of one string: far quicker to load than an object literal.
  json: { stringify: true },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    manifest: true,
  },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
        },
      },
      {
        // Real Chromium against the built app; one file at a time on a 2-core machine.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
