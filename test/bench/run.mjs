// npm run bench: prints median times (never asserts them). Core in process, the CLI's whole process,
// then the app in headless Chromium when its benchmark is present.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = mkdtempSync(join(tmpdir(), 'bench-'));
await build({
  entryPoints: ['test/bench/core.ts'],
  outfile: join(out, 'core.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
console.log('== core (in process, Node ' + process.version + ')');
execFileSync(process.execPath, [join(out, 'core.mjs')], { stdio: 'inherit' });

await build({
  entryPoints: ['test/bench/diff.ts'],
  outfile: join(out, 'diff.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
console.log("\n== diff (in process): the CLI's unified diff and the app's first page of rows");
execFileSync(process.execPath, [join(out, 'diff.mjs')], { stdio: 'inherit' });

console.log('\n== CLI, whole process (node dist-cli/refine.mjs), worked example');
execFileSync(process.execPath, ['src/cli/build.mjs']);
await build({
  entryPoints: ['src/examples/worked-example.ts'],
  outfile: join(out, 'example.mjs'),
  format: 'esm',
  logLevel: 'warning',
});
const { workedExample } = await import(join(out, 'example.mjs'));
writeFileSync(join(out, 'policy.json'), workedExample.policy);
writeFileSync(join(out, 'unused.json'), workedExample.unused);
const times = [];
for (let i = 0; i < 21; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [
    'dist-cli/refine.mjs',
    '--policy',
    join(out, 'policy.json'),
    '--unused',
    join(out, 'unused.json'),
    '--format',
    'aws',
  ]);
  times.push(performance.now() - t);
  if (r.status !== 0) throw new Error(String(r.stderr));
}
times.sort((a, b) => a - b);
console.log(
  `CLI end to end (--format aws)                               median ${times[10].toFixed(1).padStart(8)} ms   (21 runs, min ${times[0].toFixed(1)} ms)`,
);

console.log('\n== account CLI (generated account, worker threads)');
execFileSync(process.execPath, ['test/bench/account/cli.bench.mjs'], { stdio: 'inherit' });
console.log('\n== account view (built app, headless Chromium, web workers)');
execFileSync(process.execPath, ['test/bench/account/app.bench.mjs'], { stdio: 'inherit' });

if (existsSync('test/bench/app.bench.mjs')) {
  console.log('\n== app (built, headless Chromium)');
  execFileSync(process.execPath, ['test/bench/app.bench.mjs'], { stdio: 'inherit' });
}
