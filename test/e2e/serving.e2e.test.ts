// What `npm start` (vite preview) sends: the build's assets compressed once at start, with the
// Content-Security-Policy and a cache lifetime their hashed names allow; anything else as vite sends it.
import { readdirSync, readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { baseUrl } from './browser';

function fetchRaw(
  path: string,
  headers: Record<string, string>,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(new URL(path, baseUrl()), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('serving the build', () => {
  const worker = readdirSync('dist/assets').find((f) => /^refiner\.worker-.*\.js$/.test(f));

  test('assets go out gzipped as they were compressed at start, with the CSP', async () => {
    expect(worker).toBeDefined();
    const { res, body } = await fetchRaw(`assets/${worker}`, {
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers.vary).toContain('Accept-Encoding');
    // Compressed at start: the length is known before sending (vite's own compression streams it).
    expect(Number(res.headers['content-length'])).toBe(body.length);
    expect(gunzipSync(body).equals(readFileSync(`dist/assets/${worker}`))).toBe(true);
  });

  test('a client that takes no gzip, and the page itself, are served as vite serves them', async () => {
    const plain = await fetchRaw(`assets/${worker}`, {});
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(`dist/assets/${worker}`))).toBe(true);
    const page = await fetchRaw('', { 'Accept-Encoding': 'gzip' });
    expect(page.res.headers['cache-control']).not.toContain('immutable');
    expect(page.res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
