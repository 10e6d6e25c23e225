// Bundles and runs generate.ts (Node 20 cannot run TypeScript): the arguments pass through.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = join(mkdtempSync(join(tmpdir(), 'account-gen-')), 'generate.mjs');
await build({
  entryPoints: [new URL('./generate.ts', import.meta.url).pathname],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
execFileSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
