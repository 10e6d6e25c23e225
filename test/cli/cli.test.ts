// The CLI as a person runs it: the bundled command in a real process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { buildCli, REFINE_PATHS, spawnCli } from './support';

const dir = mkdtempSync(join(tmpdir(), 'refine-cli-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
beforeAll(buildCli);

file('policy.json', workedExample.policy);
file('unused.json', workedExample.unused);
const policy = 'policy.json';
const unused = 'unused.json';

describe.each(REFINE_PATHS)('refine CLI, refining %s', (path) => {
  /** Run where the files are, so they are named as a person would type them. */
  const cli = (args: string[], input?: string) => spawnCli(args, input, { cwd: dir }, path);

  it('prints the recommended policy by default', () => {
    const r = cli(['--policy', policy, '--unused', unused]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.Statement[0].Action).toEqual(['lambda:Invoke*']);
    expect(doc.Statement[1].Action).toContain('s3:GetMulti*');
  });

  it('--format aws gives the GetFindingRecommendation shape', () => {
    const r = cli(['--policy', policy, '--unused', unused, '--format', 'aws']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recommendationType).toBe('UnusedPermissionRecommendation');
    expect(out.status).toBe('SUCCEEDED');
    const step = out.recommendedSteps[0].unusedPermissionsRecommendedStep;
    expect(step.recommendedAction).toBe('CREATE_POLICY');
    expect(step.existingPolicyId).toBe('policy.json');
    expect(JSON.parse(step.recommendedPolicy).Statement[1].Action).toContain('s3:GetObject*');
  });

  it('--format aws with several policies gives one step each, DETACH_POLICY without a document', () => {
    const other = 'other.json';
    file(
      other,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: '*' }],
      }),
    );
    const r = cli(['--policy', policy, '--policy', other, '--unused', unused, '--format', 'aws']);
    expect(r.status).toBe(0);
    const steps = JSON.parse(r.stdout).recommendedSteps.map(
      (s: { unusedPermissionsRecommendedStep: unknown }) => s.unusedPermissionsRecommendedStep,
    );
    expect(steps.map((s: { recommendedAction: string }) => s.recommendedAction)).toEqual([
      'CREATE_POLICY',
      'DETACH_POLICY',
    ]);
    expect(steps[1]).toEqual({
      recommendedAction: 'DETACH_POLICY',
      existingPolicyId: 'other.json',
    });
  });

  it('--format json carries decisions, proof and warnings', () => {
    const r = cli(['--policy', policy, '--unused', unused, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.findings.kind).toBe('short-form');
    const p = out.policies[0];
    expect(p.proof.ok).toBe(true);
    expect(p.proof.removed).toBe(30);
    expect(p.decisions.find((d: { pattern: string }) => d.pattern === 's3:Get*').outcome).toBe(
      'replaced',
    );
  });

  it('--format diff is a unified diff against the original', () => {
    const r = cli(['--policy', policy, '--unused', unused, '--format', 'diff']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/policy.json');
    expect(r.stdout).toContain('-        "s3:Get*",');
    expect(r.stdout).toContain('+        "s3:GetMulti*",');
  });

  it('reads stdin with -, and --used takes the actions that were used', () => {
    file('used.txt', 's3:ListBucket\nlambda:InvokeFunction');
    const r = cli(['--policy', '-', '--used', 'used.txt'], workedExample.policy);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.Statement.map((s: { Action: unknown }) => s.Action)).toEqual([
      ['lambda:InvokeFunction'],
      ['s3:ListBucket'],
    ]);
  });

  it('bad input exits 2 with one clear line: file, line, column, what is wrong', () => {
    const broken = file(
      'broken.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}',
    );
    const r = cli(['--policy', broken, '--unused', unused]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/broken\.json:4:24: Trailing comma before '}'/);
    expect(r.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/);
  });

  it.each([
    [['--policy', '/nonexistent/p.json', '--unused', 'x'], /no such file/],
    [['--policy', 'p.json'], /no --unused/],
    [['--bogus'], /unknown argument/],
    [['--policy', 'x', '--unused', 'y', '--format', 'yaml'], /--format must be one of/],
  ])('usage errors exit 2: %j', (args, message) => {
    const r = cli(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('bad unused permissions exit 2 and name the file', () => {
    const r = cli([
      '--policy',
      policy,
      '--unused',
      file('bad-unused.txt', 's3:GetObject\nnot an action'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-unused\.txt:2:1: /);
  });

  it('--help prints the usage', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--format');
  });
});
