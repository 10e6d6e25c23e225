// The CLI on the corpus of broken and hostile input: exit 2 and one line on stderr that names the
// file, the line and the column, or exit 0 with the warnings, one per line. Never a stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/refine';
import { catalog } from '../core/support';
import { cases } from '../core/bad-cases';

const dir = join(__dirname, '../fixtures/bad');
const okPolicy = join(dir, 'ok-policy.json');
const okUnused = join(dir, 'ok-unused.txt');

function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = runCli(
    args,
    {
      readFile: (path) => readFileSync(path, 'utf8'),
      readStdin: () => stdin,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    },
    () => catalog,
  );
  return { status, stdout, stderr };
}

/** The bundled command in its own process, as a person runs it. */
function spawn(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['dist-cli/refine.cjs', ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const oneLine = /^refine: [^\n]+:\d+:\d+: [^\n]+\n$/;

describe('the CLI on every case of the corpus', () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', (_, c) => {
    const file = join(dir, c.file);
    const r =
      c.editor === 'policy'
        ? run(['--policy', file, '--unused', okUnused, '--format', 'aws'])
        : run(['--policy', okPolicy, '--unused', file, '--format', 'aws']);
    if ('error' in c.expect) {
      const { line, column, message } = c.expect.error;
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(oneLine);
      expect(r.stderr.startsWith(`refine: ${file}:${line}:${column}: `)).toBe(true);
      expect(r.stderr).toContain(message);
    } else {
      expect(r.status).toBe(0);
      const aws = JSON.parse(r.stdout);
      expect(aws.recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedAction).toBe(
        c.expect.result.recommendedAction,
      );
      for (const line of r.stderr.split('\n').filter(Boolean))
        expect(line).toMatch(/^warning: [^\n]+$/);
      expect(r.stderr.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(
        c.expect.result.warnings.length,
      );
    }
  });
});

describe('the bundled CLI in its own process', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['src/cli/build.mjs']);
  });

  it.each([
    ['malformed JSON', 'policy-trailing-comma.json', 'policy'],
    ['a grammar error', 'policy-statement-string.json', 'policy'],
    ['a policy in the unused editor', 'unused-policy-pasted.json', 'unused'],
    ['JSON nested too deep', 'unused-nested-deep.json', 'unused'],
  ])('%s: exit 2 and one line', (_, name, editor) => {
    const file = join(dir, name);
    const r =
      editor === 'policy'
        ? spawn(['--policy', file, '--unused', okUnused])
        : spawn(['--policy', okPolicy, '--unused', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(oneLine);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)|Error:/);
  });

  it('JSON nested 10,000 deep on stdin: refused at the depth limit, no stack overflow', () => {
    const r = spawn(
      ['--policy', '-', '--unused', okUnused],
      '['.repeat(10_000) + ']'.repeat(10_000),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'refine: stdin:1:65: JSON nested deeper than 64 levels is refused (no policy or finding needs more)\n',
    );
  });

  it('a policy over 8 MB on stdin: refused with the limit', () => {
    const r = spawn(['--policy', '-', '--unused', okUnused], ' '.repeat(9 * 1024 * 1024) + '{}');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(oneLine);
    expect(r.stderr).toContain('the limit is 8 MB');
  });

  it('a missing file, an unknown option, no arguments: exit 2 and what is wrong', () => {
    const missing = spawn(['--policy', join(dir, 'nope.json'), '--unused', okUnused]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`refine: ${join(dir, 'nope.json')}: no such file\n`);
    const unknown = spawn(['--policy', okPolicy, '--unused', okUnused, '--fromat', 'aws']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toMatch(/^refine: .*--fromat/);
    const none = spawn([]);
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toMatch(/^refine: /);
  });

  it('random bytes as the policy: exit 2 with a position, never a stack trace', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const r = spawnSync(
      process.execPath,
      ['dist-cli/refine.cjs', '--policy', '-', '--unused', okUnused],
      {
        input: bytes,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(oneLine);
  });
});
