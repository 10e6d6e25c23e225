// The bundled command against hostile files and pipes (issue "Hostile input, round two"): endless or
// huge inputs stop at the limit, a closed pipe ends quietly, same-named files stay apart, odd names
// and encodings are named, and a slow refinement stops at the time limit.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { buildCli, REFINE_PATHS, spawnCli, type RefinePath } from './support';

const dir = mkdtempSync(join(tmpdir(), 'refine-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content);
  return name;
};
/** Run where the files are, so they are named as typed. */
const cli = (args: string[], input?: string | Uint8Array, path?: RefinePath) =>
  spawnCli(args, input, { cwd: dir }, path);
const bundle = resolve('dist-cli/refine.cjs');
/** A shell pipeline; the exit status of its command number `at` is printed last on stderr. */
const pipeline = (script: string, at: number) =>
  spawnSync('bash', ['-c', `${script}; echo "refine exit \${PIPESTATUS[${at}]}" >&2`], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, REFINE: `${process.execPath} ${bundle}` },
  });

/** N statements whose every wildcard is rewritten: seconds of work, megabytes of output. */
function manyStatements(n: number): string {
  const statement = {
    Effect: 'Allow',
    Action: ['s3:Get*', 'ec2:Describe*', 'lambda:InvokeFunction'],
    Resource: '*',
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: Array(n).fill(statement) }, null, 2);
}

const oneLine = (text: string) => expect(text.split('\n').filter(Boolean)).toHaveLength(1);

beforeAll(() => {
  buildCli();
  file('policy.json', workedExample.policy);
  file('unused.json', workedExample.unused);
  file('unused.txt', 's3:GetObject\nec2:DescribeInstances\n');
});

describe('endless and huge inputs stop at the limit (exit 2, one line)', () => {
  it('--policy /dev/zero', () => {
    const r = cli(['--policy', '/dev/zero', '--unused', 'unused.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'refine: /dev/zero: over the 8 MB limit for a policy: stopped reading after 24 MB\n',
    );
  });

  it('--unused /dev/zero', () => {
    const r = cli(['--policy', 'policy.json', '--unused', '/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'refine: /dev/zero: over the 16 MB limit for the unused permissions: stopped reading after 48 MB\n',
    );
  });

  it("yes '{' | refine --policy -", () => {
    const r = pipeline(`yes '{' 2>/dev/null | $REFINE --policy - --unused unused.json`, 1);
    expect(r.stderr).toBe(
      'refine: stdin: over the 8 MB limit for a policy: stopped reading after 24 MB\nrefine exit 2\n',
    );
  });

  it('a 600 MB file (sparse: it takes no disk)', () => {
    const fd = openSync(join(dir, 'huge.json'), 'w');
    closeSync(fd);
    spawnSync('truncate', ['-s', '600M', join(dir, 'huge.json')]);
    const r = cli(['--policy', 'huge.json', '--unused', 'unused.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'refine: huge.json: over the 8 MB limit for a policy: stopped reading after 24 MB\n',
    );
  });
});

describe.each(REFINE_PATHS)('a closed pipe, refining %s', (path) => {
  it('--format json | head -1 ends quietly, exit 0', () => {
    // 33 KB in, 11 MB out: far more than a pipe holds.
    file('many.json', manyStatements(200));
    const forced = path === 'child' ? ' --time-limit 600' : '';
    const r = pipeline(
      `$REFINE --policy many.json --unused unused.txt --format json${forced} | head -1`,
      0,
    );
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).not.toMatch(/EPIPE|Error:|^\s+at /m);
    expect(r.stderr.endsWith('refine exit 0\n')).toBe(true);
  });
});

describe.each(REFINE_PATHS)(
  'several policies with the same file name, and odd names, refining %s',
  (path) => {
    const refine = (args: string[]) => cli(args, undefined, path);
    beforeAll(() => {
      mkdirSync(join(dir, 'a'), { recursive: true });
      mkdirSync(join(dir, 'b'), { recursive: true });
      file('a/x.json', workedExample.policy);
      file(
        'b/x.json',
        JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] }),
      );
      file('__proto__', workedExample.policy);
    });

    it('are keyed by the path as given, in every output', () => {
      const args = ['--policy', 'a/x.json', '--policy', 'b/x.json', '--unused', 'unused.json'];
      const policy = refine(args);
      expect(policy.status).toBe(0);
      expect(Object.keys(JSON.parse(policy.stdout))).toEqual(['a/x.json', 'b/x.json']);
      const aws = JSON.parse(refine([...args, '--format', 'aws']).stdout);
      expect(
        aws.recommendedSteps.map(
          (s: { unusedPermissionsRecommendedStep: { existingPolicyId: string } }) =>
            s.unusedPermissionsRecommendedStep.existingPolicyId,
        ),
      ).toEqual(['a/x.json', 'b/x.json']);
      const json = JSON.parse(refine([...args, '--format', 'json']).stdout);
      expect(json.policies.map((p: { name: string }) => p.name)).toEqual(['a/x.json', 'b/x.json']);
      const diff = refine([...args, '--format', 'diff']).stdout;
      expect(diff).toContain('--- a/a/x.json\n+++ b/a/x.json\tCREATE_POLICY\n');
      expect(diff).toContain('--- a/b/x.json\n+++ b/b/x.json\tCREATE_POLICY\n');
    });

    it('a file named __proto__ keeps its place', () => {
      const r = refine([
        '--policy',
        '__proto__',
        '--policy',
        'b/x.json',
        '--unused',
        'unused.json',
      ]);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['__proto__', 'b/x.json']);
      expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value.Statement).toHaveLength(2);
    });

    it('an error in the second file names the second file', () => {
      mkdirSync(join(dir, 'c'), { recursive: true });
      file('c/x.json', '{"Statement": [');
      const r = refine(['--policy', 'a/x.json', '--policy', 'c/x.json', '--unused', 'unused.json']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^refine: c\/x\.json:1:16: /);
    });

    it('a name holding a newline and ESC[2J is quoted: one line, no escape reaches the terminal', () => {
      const name = file('bad\n\u001b[2J.json', '{"Statement": [');
      const r = refine(['--policy', name, '--unused', 'unused.json']);
      expect(r.status).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^refine: "bad\\u000A\\u001B\[2J\.json":1:16: /);
      const warned = file(
        'odd\n\u001b[2J.json',
        '{"Statement": {"Effect": "Allow", "Action": "foo:Bar", "Resource": "*"}}',
      );
      const w = refine(['--policy', warned, '--unused', 'unused.json', '--format', 'diff']);
      expect(w.status).toBe(0);
      expect(w.stderr + w.stdout).not.toContain('\u001b');
      expect(w.stderr).toMatch(/^warning: "odd\\u000A\\u001B\[2J\.json":1:\d+: /);
    });
  },
);

describe('encodings', () => {
  const utf16le = (text: string, bom: boolean) =>
    Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);

  it.each([
    [true, 'UTF-16 (little-endian, with a byte-order mark)'],
    [false, 'UTF-16 (little-endian)'],
  ])('a UTF-16 file (byte-order mark: %s) is refused, naming the encoding', (bom, name) => {
    file('utf16.json', utf16le(workedExample.policy, bom));
    const r = cli(['--policy', 'utf16.json', '--unused', 'unused.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`refine: utf16.json: the file is ${name}: save it as UTF-8\n`);
  });

  it('a Latin-1 byte in a Condition is refused at its line and column', () => {
    const text = workedExample.policy.replace(
      '"Resource": "*"',
      '"Resource": "*", "Condition": {"StringEquals": {"aws:username": "Ren\u00e9"}}',
    );
    file('latin1.json', Buffer.from(text, 'latin1'));
    const line = text.split('\n').findIndex((l) => l.includes('Ren\u00e9'));
    const column = text.split('\n')[line].indexOf('\u00e9') + 1;
    const r = cli(['--policy', 'latin1.json', '--unused', 'unused.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `refine: latin1.json:${line + 1}:${column}: byte 0xE9 is not UTF-8 (a Latin-1 or Windows-1252 file?): save it as UTF-8\n`,
    );
  });
});

describe('--time-limit', () => {
  it('a refinement over the limit is stopped: exit 3, one line, nothing on stdout', () => {
    file('slow.json', manyStatements(10_000));
    const r = spawnCli(
      ['--policy', 'slow.json', '--unused', 'unused.txt', '--time-limit', '0.1'],
      undefined,
      {
        cwd: dir,
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'refine: stopped after 0.1 s, the time limit (--time-limit S sets it, up to 600)\n',
    );
  });

  it('out of range: exit 2 with the range', () => {
    const r = cli(['--policy', 'policy.json', '--unused', 'unused.json', '--time-limit', '700']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'refine: --time-limit must be a number of seconds from 0.1 to 600',
    );
  });
});
