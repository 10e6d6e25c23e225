// Global setup of the browser tests: build the app as it ships, serve dist/ with vite preview
// (which sends the Content-Security-Policy header), and hand the URL to the tests.
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { ensureChromium, thisMachine } from '../setup/chromium.mjs';

let server: PreviewServer | null = null;

export default async function setup(project: TestProject) {
  // `npm test` checked already; this is for browser tests run on their own.
  const chromium = ensureChromium(thisMachine);
  if (!chromium.ok) throw new Error(chromium.line);
  // Vitest sets NODE_ENV=test, which would give React's development build: test what ships.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = env;
  }
  server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
