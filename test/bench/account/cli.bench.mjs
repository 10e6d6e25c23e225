// The account CLI on a generated account (2,000 roles x 4 policies by default): wall time, CPU time
// and peak memory of the whole process (its worker threads included), as /usr/bin/time reports them.
// Printed, never asserted. The machine's load is printed too: wall time on a shared machine follows it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.ACCOUNT_BENCH_RUNS ?? 3);
const dir = join(tmpdir(), 'iam-refiner-account-2000x4');
if (!existsSync(join(dir, 'findings.jsonl')))
  execFileSync(process.execPath, ['test/bench/account/generate.mjs', '--out', dir], {
    stdio: 'inherit',
  });
execFileSync(process.execPath, ['src/cli/build.mjs']);

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const load = loadavg()[0];
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %U %S %M',
      process.execPath,
      'dist-cli/refine.cjs',
      '--account',
      join(dir, 'authorization-details.json'),
      '--findings',
      join(dir, 'findings.jsonl'),
      '--format',
      'jsonl',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  runs.push({ wall, cpu: user + sys, mb: kb / 1024, load, lines: r.stdout.split('\n').length - 1 });
}
const stat = (key) => {
  const v = runs.map((r) => r[key]).sort((a, b) => a - b);
  return `median ${v[Math.floor(v.length / 2)].toFixed(1)}, min ${v[0].toFixed(1)}, max ${v[v.length - 1].toFixed(1)}`;
};
console.log(
  `account CLI, ${runs[0].lines - 1} principals refined in ${RUNS} runs (--format jsonl, ${join(dir, 'authorization-details.json')})`,
);
console.log(`  wall time        s  ${stat('wall')}`);
console.log(
  `  CPU (user+sys)   s  ${stat('cpu')}   (all threads; an idle 2-core machine needs about half of it as wall time)`,
);
console.log(`  peak memory     MB  ${stat('mb')}`);
console.log(`  load average        ${stat('load')}   (1-minute, at the start of each run)`);
