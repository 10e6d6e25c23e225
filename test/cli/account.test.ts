// The account CLI as a person (or a batch job) runs it: the bundled command, its worker threads, files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAccountCli, type AccountIo } from '../../src/cli/account';
import { inlinePool } from '../../src/cli/pool';
import { EC2_FULL_ACCESS, splitAccount } from '../account/accounts';
import { catalog } from '../core/support';

const dir = mkdtempSync(join(tmpdir(), 'refine-account-'));
const details = 'src/examples/account/authorization-details.json';
const findings = 'src/examples/account/findings.json';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['dist-cli/refine.cjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['src/cli/build.mjs']);
});

describe('refine --account', () => {
  it('prints a summary: principals, policies, removed by access level, over the quota', () => {
    const r = cli(['--account', details, '--findings', findings]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('- Principals: 4 in the file, 3 refined, 1 without findings');
    expect(r.stdout).toContain('- Results over the 6,144-character managed policy quota: 0');
    expect(r.stdout).toMatch(/\| Permissions management \| 4 \| \d+ \| \d+ \|/);
    expect(r.stdout).toContain('arn:aws:iam::444455556666:role/other-account-role');
    expect(r.stderr).toMatch(/findings\.json:156:3: finding for arn:aws:iam::444455556666/);
  });

  it('--out writes one file per recommended policy and apply.sh, and runs none of it', () => {
    const out = join(dir, 'out');
    const r = cli(['--account', details, '--findings', findings, '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'roles')).sort()).toEqual(['orders-deployer', 'orders-lambda']);
    const s3 = JSON.parse(
      readFileSync(join(out, 'roles/orders-deployer/managed-AmazonS3ReadOnlyAccess.json'), 'utf8'),
    );
    expect(s3.Statement[0].Action).toContain('s3:GetObject*');
    const script = readFileSync(join(out, 'apply.sh'), 'utf8');
    expect(script.startsWith('#!/bin/sh')).toBe(true);
    expect(script).toContain(
      'aws iam detach-role-policy --role-name orders-lambda --policy-arn arn:aws:iam::111122223333:policy/orders-queues',
    );
    // Every file the script names exists.
    for (const m of script.matchAll(/file:\/\/(\S+)/g))
      expect(() => readFileSync(join(out, m[1]))).not.toThrow();
  });

  it('--format aws gives each principal the recommendedSteps of GetFindingRecommendation', () => {
    const r = cli(['--account', details, '--findings', findings, '--format', 'aws']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { resource: string }) => o.resource)).toEqual([
      'arn:aws:iam::111122223333:role/orders-deployer',
      'arn:aws:iam::111122223333:role/service/orders-lambda',
      'arn:aws:iam::111122223333:user/alice',
    ]);
    const steps = out[0].recommendedSteps.map(
      (s: { unusedPermissionsRecommendedStep: { recommendedAction: string } }) =>
        s.unusedPermissionsRecommendedStep.recommendedAction,
    );
    expect(steps).toEqual(['CREATE_POLICY', 'CREATE_POLICY', 'DETACH_POLICY', 'CREATE_POLICY']);
  });

  it('--format jsonl: one principal per line then a summary, so runs per account can be concatenated', async () => {
    // Two accounts run at once, as a batch engine would, each on its own files.
    const other = join(dir, 'other-account.json');
    writeFileSync(other, readFileSync(details, 'utf8').replaceAll('111122223333', '999988887777'));
    const otherFindings = join(dir, 'other-findings.json');
    writeFileSync(
      otherFindings,
      readFileSync(findings, 'utf8').replaceAll('111122223333', '999988887777'),
    );
    const run = (a: string, f: string) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [
          'dist-cli/refine.cjs',
          '--account',
          a,
          '--findings',
          f,
          '--format',
          'jsonl',
          '--jobs',
          '2',
        ]);
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const outputs = await Promise.all([run(details, findings), run(other, otherFindings)]);
    const lines = outputs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const principals = lines.filter((l) => l.type === 'principal');
    expect(principals.map((p) => p.arn.split(':')[4] + ' ' + p.name)).toEqual([
      '111122223333 orders-deployer',
      '111122223333 orders-lambda',
      '111122223333 alice',
      '999988887777 orders-deployer',
      '999988887777 orders-lambda',
      '999988887777 alice',
    ]);
    expect(principals[0].policies.map((p: { name: string }) => p.name)).toEqual([
      'deploy',
      'AmazonS3ReadOnlyAccess',
      'orders-queues',
    ]);
    expect(principals[0].policies[1].recommendedSteps).toHaveLength(2);
    const summaries = lines.filter((l) => l.type === 'summary');
    expect(summaries.map((s) => s.accountId)).toEqual(['111122223333', '999988887777']);
    expect(summaries[0].removed).toBe(
      principals.slice(0, 3).reduce((n: number, p: { removed: number }) => n + p.removed, 0),
    );
  });

  it('--keep FILE applies the keep list to every principal', () => {
    const keep = join(dir, 'keep.txt');
    writeFileSync(keep, 'lambda:DeleteFunction\niam:CreateUser\n');
    const r = cli([
      '--account',
      details,
      '--findings',
      findings,
      '--format',
      'jsonl',
      '--keep',
      keep,
    ]);
    expect(r.status).toBe(0);
    const [deployer, , alice] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(deployer.policies[0].recommendedPolicy.Statement[0].Action).toContain(
      'lambda:DeleteFunction',
    );
    expect(deployer.policies[0].recommendedPolicy.Statement[0].Action).not.toContain(
      'lambda:CreateFunction',
    );
    expect(JSON.stringify(alice.policies[1].recommendedPolicy)).toContain('iam:CreateUser');
    writeFileSync(keep, 'not an action\n');
    const bad = cli(['--account', details, '--findings', findings, '--keep', keep]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/keep\.txt:1:1: /);
  });

  it('reads a directory of findings', () => {
    const fdir = join(dir, 'findings');
    execFileSync('mkdir', ['-p', fdir]);
    JSON.parse(readFileSync(findings, 'utf8')).forEach((f: unknown, i: number) =>
      writeFileSync(join(fdir, `finding-${i}.json`), JSON.stringify(f)),
    );
    writeFileSync(join(fdir, 'README.txt'), 'not a finding');
    const r = cli(['--account', details, '--findings', fdir, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });

  it.each([
    [
      ['--account', findings, '--findings', findings],
      /findings\.json:1:1: This is a list of GetFindingV2 findings/,
    ],
    [['--account', join(dir, 'nope.json'), '--findings', findings], /nope\.json: no such file/],
    [
      ['--account', details, '--findings', details],
      /This is aws iam get-account-authorization-details output \(the account, not its findings\)/,
    ],
    [['--account', details], /no --findings FILE given/],
    [
      ['--account', details, '--findings', findings, '--format', 'diff'],
      /--format must be one of md, json, aws, jsonl/,
    ],
  ])('refuses bad input with exit 2 and one clear line (%#)', (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.mjs:\d+/);
  });
});

describe('refine --account, results over the quota', () => {
  // `ec2:*` inline and in AmazonEC2FullAccess, each split into three parts.
  const EC2_FULL = EC2_FULL_ACCESS;
  const account = join(dir, 'split-account.json');
  const unused = join(dir, 'split-findings.json');
  beforeAll(() => {
    const split = splitAccount(catalog, { managed: true });
    writeFileSync(account, split.account);
    writeFileSync(unused, split.findings);
  });
  const steps = (list: { unusedPermissionsRecommendedStep: Record<string, string> }[]) =>
    list.map((s) => [
      s.unusedPermissionsRecommendedStep.recommendedAction,
      s.unusedPermissionsRecommendedStep.existingPolicyId,
    ]);
  const create = (id: string) => ['CREATE_POLICY', id];

  it('--out writes each part as its own file, and apply.sh creates and attaches each', () => {
    const out = join(dir, 'split-out');
    const r = cli(['--account', account, '--findings', unused, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Results over the 6,144-character managed policy quota: 2: 2 split into 6 managed policies that each fit, attached together',
    );
    expect(readdirSync(join(out, 'roles/builder')).sort()).toEqual([
      'inline-ec2.part1.json',
      'inline-ec2.part2.json',
      'inline-ec2.part3.json',
      'managed-AmazonEC2FullAccess.part1.json',
      'managed-AmazonEC2FullAccess.part2.json',
      'managed-AmazonEC2FullAccess.part3.json',
    ]);
    const script = readFileSync(join(out, 'apply.sh'), 'utf8');
    const files = [...script.matchAll(/^aws iam create-policy .*file:\/\/(\S+)$/gm)].map(
      (m) => m[1],
    );
    expect(files).toHaveLength(6);
    for (const f of files) {
      // Each part is a policy IAM accepts: within the quota, white space not counted.
      const text = readFileSync(join(out, f), 'utf8');
      expect(JSON.stringify(JSON.parse(text)).length).toBeLessThanOrEqual(6144);
    }
    expect(script.match(/^aws iam attach-role-policy --role-name builder /gm)).toHaveLength(6);
    expect(script).toContain('aws iam delete-role-policy --role-name builder --policy-name ec2');
    expect(script).toContain(
      `aws iam detach-role-policy --role-name builder --policy-arn ${EC2_FULL}`,
    );
  });

  it('json, aws and jsonl carry the parts as CREATE_POLICY steps for the same policy', () => {
    const json = JSON.parse(
      cli(['--account', account, '--findings', unused, '--format', 'json']).stdout,
    );
    const [inline, managed] = json.principals[0].policies;
    expect(steps(inline.recommendedSteps)).toEqual([create('ec2'), create('ec2'), create('ec2')]);
    expect(inline.split.parts.map((s: { chars: number }) => s.chars <= 6144)).toEqual([
      true,
      true,
      true,
    ]);
    expect(json.summary.policies).toMatchObject({ overQuota: 2, split: 2, parts: 6 });
    const aws = JSON.parse(
      cli(['--account', account, '--findings', unused, '--format', 'aws']).stdout,
    );
    expect(steps(aws[0].recommendedSteps)).toEqual([
      create('ec2'),
      create('ec2'),
      create('ec2'),
      create(EC2_FULL),
      create(EC2_FULL),
      create(EC2_FULL),
      ['DETACH_POLICY', EC2_FULL],
    ]);
    const line = JSON.parse(
      cli(['--account', account, '--findings', unused, '--format', 'jsonl']).stdout.split('\n')[0],
    );
    expect(line.policies[1].recommendedSteps).toEqual(managed.recommendedSteps);
  });

  it('says why a result cannot be split, and apply.sh leaves it commented out', () => {
    const out = join(dir, 'unsplit-out');
    const r = cli([
      '--account',
      account,
      '--findings',
      unused,
      '--size-limit',
      '1000',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Results over the 1,000-character size limit: 2: 2 that no split fits',
    );
    expect(r.stdout).toMatch(/role\/builder, policy ec2: Split into .* it would take at least 17/);
    const script = readFileSync(join(out, 'apply.sh'), 'utf8');
    expect(script).not.toMatch(/^aws /m);
    expect(readdirSync(join(out, 'roles/builder')).sort()).toEqual([
      'inline-ec2.json',
      'managed-AmazonEC2FullAccess.json',
    ]);
  });
});

describe('progress', () => {
  function io(tty: boolean): AccountIo & { err: string; out: string } {
    let t = 0;
    const self = {
      err: '',
      out: '',
      readFile: (p: string) => readFileSync(p, 'utf8'),
      readDir: () => null,
      writeFile: () => {},
      stdout: (s: string) => (self.out += s),
      stderr: (s: string) => (self.err += s),
      stderrIsTTY: tty,
      // Each reading of the clock moves it on by a second, so every principal redraws the line.
      now: () => (t += 1000),
    };
    return self;
  }

  it('draws a progress line on a terminal and clears it at the end', async () => {
    const tty = io(true);
    expect(
      await runAccountCli(['--account', details, '--findings', findings], tty, inlinePool(catalog)),
    ).toBe(0);
    expect(tty.err).toContain('\rrefining 3 / 3 principals (100%)');
    expect(tty.err).toContain('\r\u001b[K');
    const piped = io(false);
    await runAccountCli(['--account', details, '--findings', findings], piped, inlinePool(catalog));
    expect(piped.err).not.toContain('refining');
    expect(piped.out).toBe(tty.out);
  });
});
