// The worked example as two files, for the scripts that run the built CLI on it (its build, which
// warms its code cache, and the benchmarks). Node 20 cannot import the TypeScript example itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Writes policy.json and unused.json into a new temporary folder; returns their paths and texts. */
export async function workedExampleFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'worked-example-'));
  await build({
    entryPoints: [new URL('./worked-example.ts', import.meta.url).pathname],
    outfile: join(dir, 'example.mjs'),
    format: 'esm',
    logLevel: 'warning',
  });
  const { workedExample } = await import(join(dir, 'example.mjs'));
  const policy = join(dir, 'policy.json');
  const unused = join(dir, 'unused.json');
  writeFileSync(policy, workedExample.policy);
  writeFileSync(unused, workedExample.unused);
  return { policy, unused, example: workedExample };
}
