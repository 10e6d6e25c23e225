/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * No connection to any other origin, no script from elsewhere. Inline styles: Monaco sets them. The
 * service worker and the web manifest come from this origin ('self', as worker-src and default-src
 * allow).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
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

/**
 * The app chunk (React and the first view) is imported by the entry only after it has started the
 * refiner worker; a modulepreload hint lets the browser fetch it alongside the entry instead of after.
 */
function preloadApp(): Plugin {
  return {
    name: 'preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const app = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/mount.tsx'),
        );
        if (!app || app.type !== 'chunk') return [];
        const files = [app.fileName, ...app.imports].filter((file) => !html.includes(file));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

/**
 * `npm start` serves the build's assets compressed once, when the server starts, instead of at each
 * request: vite preview gzips every response on the fly, which on a busy 2-core machine held back the
 * refiner worker's script and the app's chunk by tens of milliseconds on a first visit. The names
 * carry a content hash, so a browser may keep them for good. Anything else (index.html, the service
 * worker, a client that does not take gzip) is left to vite preview.
 */
function precompressedAssets(): Plugin {
  return {
    name: 'precompressed-assets',
    configurePreviewServer(server) {
      const dir = resolve(server.config.root, server.config.build.outDir, 'assets');
      const assets = new Map<string, { body: Buffer; type: string }>();
      if (existsSync(dir))
        for (const file of readdirSync(dir)) {
          const type = COMPRESSIBLE[extname(file)];
          if (type)
            assets.set(`/assets/${file}`, {
              body: gzipSync(readFileSync(join(dir, file)), { level: 9 }),
              type,
            });
        }
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((req, res, next) => {
        const asset = assets.get(new URL(req.url ?? '/', 'http://x').pathname);
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (!asset || !gzip || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value as string);
        res.writeHead(200, {
          'Content-Type': asset.type,
          'Content-Encoding': 'gzip',
          'Content-Length': asset.body.length,
          Vary: [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '),
          'Cache-Control': 'public, max-age=31536000, immutable',
        });
        res.end(req.method === 'HEAD' ? undefined : asset.body);
      });
    },
  };
}

/**
 * Offline after the first visit: Workbox precaches the whole build (the service worker is
 * registered by src/ui/offline.ts once the first page has settled); the manifest makes it
 * installable. A new version waits until the next visit (`prompt`), so a page never mixes files
 * of two builds.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'IAM policy refiner',
    short_name: 'IAM refiner',
    description:
      "Access Analyzer's policy recommendations, computed in your browser and explained. Nothing you type leaves the page.",
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f2937',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  // The icons are in the precache list already (globPatterns).
  includeManifestIcons: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,ttf,svg,png,webmanifest}'],
    // The README's screenshots are served too, but the app never shows them.
    globIgnores: ['screenshots/**'],
    // Monaco's editor chunk is ~3.3 MB before compression.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    navigateFallback: 'index.html',
  },
});

export default defineConfig({
  plugins: [contentSecurityPolicy(), preloadApp(), precompressedAssets(), offline],
  resolve: {
    alias: [
      // The app is written against React's API and runs on Preact's (see docs/design.md): the same
      // components, and an app chunk a quarter of React's size. JSX compiles for Preact (tsconfig).
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
      // Monaco's language worker starter is taken without the contributions it imports (see the file).
      {
        find: /^(\.\.\/)+internal\/common\/workers\.js$/,
        replacement: fileURLToPath(
          new URL('./src/ui/unbundled/monaco-workers.ts', import.meta.url),
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
