// The CLI on the corpus of broken and hostile input: exit 2 and one line on stderr that names the
// file, the line and the column, or exit 0 with the warnings, one per line. Never a stack trace.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson, printJson } from '../../src/core';
import { cases } from '../core/bad-cases';
import { buildCli, REFINE_PATHS, runInProcess as run, spawnCli } from './support';

const dir = join(__dirname, '../fixtures/bad');
const okPolicy = join(dir, 'ok-policy.json');
const okUnused = join(dir, 'ok-unused.txt');

beforeAll(buildCli);

const oneLine = /^refine: [^\n]+:\d+:\d+: [^\n]+\n$/;

describe('the CLI on every case of the corpus', () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const file = join(dir, c.file);
    const r =
      c.editor === 'policy'
        ? await run(['--policy', file, '--unused', okUnused, '--format', 'aws'])
        : await run(['--policy', okPolicy, '--unused', file, '--format', 'aws']);
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

/** The recommended policy of an --format aws output, printed as the policy output prints it. */
function awsPolicy(stdout: string): string {
  // JSON.parse is safe on the envelope: the policy inside is a string, its numbers untouched.
  const text = JSON.parse(stdout).recommendedSteps[0].unusedPermissionsRecommendedStep
    .recommendedPolicy as string;
  const doc = parseJson(text);
  if (!doc.ok) throw new Error(doc.error.message);
  return printJson(doc.value);
}

describe('every output keeps what the corpus says the recommendation keeps', () => {
  const keeping = cases.filter(
    (c) => 'result' in c.expect && c.editor === 'policy' && c.expect.result.contains,
  );
  it.each(keeping.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const file = join(dir, c.file);
    const contains = 'result' in c.expect ? (c.expect.result.contains ?? []) : [];
    const outputs = {
      policy: (await run(['--policy', file, '--unused', okUnused])).stdout,
      'policy, two files': (
        await run(['--policy', file, '--policy', okPolicy, '--unused', okUnused])
      ).stdout,
      json: (await run(['--policy', file, '--unused', okUnused, '--format', 'json'])).stdout,
      aws: awsPolicy(
        (await run(['--policy', file, '--unused', okUnused, '--format', 'aws'])).stdout,
      ),
    };
    for (const [format, out] of Object.entries(outputs))
      for (const s of contains) expect(out, `${format} keeps ${s}`).toContain(s);
  });
});

describe.each(REFINE_PATHS)('the bundled CLI in its own process, refining %s', (path) => {
  const spawn = (args: string[], input?: string | Uint8Array) => spawnCli(args, input, {}, path);

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
    const r = spawn(['--policy', '-', '--unused', okUnused], bytes);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(oneLine);
  });
});
