// Where the CLI refines: in its own process when the inputs are small and no --time-limit is given,
// in a child process (stopped at the time limit) otherwise; the output is the same either way.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IN_PROCESS_CHARS } from '../../src/cli/args';
import { workedExample } from '../../src/examples/worked-example';
import { buildCli, runInProcess, spawnCli } from './support';

const dir = mkdtempSync(join(tmpdir(), 'refine-paths-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const policy = file('policy.json', workedExample.policy);
const unused = file('unused.json', workedExample.unused);

/** The worked example's policy padded with trailing white space to `chars` characters. */
function policyOf(chars: number): string {
  return file(`padded-${chars}.json`, workedExample.policy.padEnd(chars, ' '));
}
const U = workedExample.unused.length;

describe('the choice (in process, the job runners recorded)', () => {
  it('the worked example, no --time-limit: refined here', async () => {
    const r = await runInProcess(['--policy', policy, '--unused', unused]);
    expect(r.status).toBe(0);
    expect(r.ran).toBe('here');
  });

  it('any explicit --time-limit: in the child, with that limit', async () => {
    const r = await runInProcess(['--policy', policy, '--unused', unused, '--time-limit', '30']);
    expect(r.ran).toBe('child');
    expect(r.timeLimitMs).toBe(30_000);
  });

  it('inputs of 64 KB in all: in the child with the default 30 s; one character less: here', async () => {
    const at = await runInProcess(['--policy', policyOf(IN_PROCESS_CHARS - U), '--unused', unused]);
    expect(at.status).toBe(0);
    expect(at.ran).toBe('child');
    expect(at.timeLimitMs).toBe(30_000);
    const under = await runInProcess([
      ...['--policy', policyOf(IN_PROCESS_CHARS - U - 1), '--unused', unused],
    ]);
    expect(under.status).toBe(0);
    expect(under.ran).toBe('here');
  });

  it('every input counts: two policies and a keep list that make 64 KB together', async () => {
    const keepText = 's3:GetObjectAcl\n';
    const keep = file('keep.txt', keepText);
    const second = policyOf(IN_PROCESS_CHARS - 30_000 - U - keepText.length);
    const two = ['--policy', policyOf(30_000), '--policy', second, '--unused', unused];
    expect((await runInProcess(two)).ran).toBe('here');
    expect((await runInProcess([...two, '--keep', keep])).ran).toBe('child');
  });
});

describe('the bundled command', () => {
  beforeAll(buildCli);

  // NODE_DEBUG=child_process makes Node log each process it starts.
  const started = (args: string[]) =>
    /CHILD_PROCESS \d+: spawn/.test(
      spawnCli(args, undefined, { env: { ...process.env, NODE_DEBUG: 'child_process' } }).stderr,
    );

  it('starts no child for the worked example, one with --time-limit or past 64 KB', () => {
    expect(started(['--policy', policy, '--unused', unused])).toBe(false);
    expect(started(['--policy', policy, '--unused', unused, '--time-limit', '30'])).toBe(true);
    expect(started(['--policy', policyOf(IN_PROCESS_CHARS), '--unused', unused])).toBe(true);
  });

  const other = file(
    'other.json',
    JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: ['lambda:GetFunction', 'foo:Bar', 's3:List*'], Resource: '*' },
      ],
    }),
  );
  const keep = file('keep.txt', 's3:GetObjectAcl\n');
  const broken = file('broken.json', '{"Statement": [');
  it.each([
    ['one policy', ['--policy', policy, '--unused', unused]],
    [
      'two policies, one with a warning',
      ['--policy', policy, '--policy', other, '--unused', unused],
    ],
    ['a keep list', ['--policy', policy, '--unused', unused, '--keep', keep]],
    ['the used actions', ['--policy', policy, '--used', unused]],
    ['a broken second policy', ['--policy', policy, '--policy', broken, '--unused', unused]],
  ])('%s: the same status, stdout and stderr here and in the child, in every format', (_, args) => {
    for (const format of ['policy', 'diff', 'json', 'aws']) {
      const here = spawnCli([...args, '--format', format]);
      const child = spawnCli([...args, '--format', format, '--time-limit', '600']);
      expect(child, format).toEqual(here);
      expect(here.stdout.length + here.stderr.length).toBeGreaterThan(0);
    }
  });

  it('a slow small input with an explicit --time-limit stops at the limit: exit 3', () => {
    // 2,000 patterns like *:*e17 (21 KB): each is matched over the whole catalog, seconds of work.
    const patterns = Array.from({ length: 2000 }, (_, i) => `*:*e${i}`);
    const text = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: patterns, Resource: '*' }],
    });
    expect(text.length + U).toBeLessThan(IN_PROCESS_CHARS);
    const slow = file('slow.json', text);
    const r = spawnCli(['--policy', slow, '--unused', unused, '--time-limit', '0.1']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'refine: stopped after 0.1 s, the time limit (--time-limit S sets it, up to 600)\n',
    );
  });
});
