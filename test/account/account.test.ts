// The account module on a real-shaped account: authorization details as the AWS CLI writes them (with
// one URL-encoded document, as the IAM API returns them) and GetFindingV2 findings for its principals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyScript,
  attachedAfter,
  policyFiles,
  readAccount,
  readAccountFindings,
  recommendedSteps,
  refineAccount,
  summaryMarkdown,
  type AccountOptions,
  type PrincipalOutcome,
  type SourceFile,
} from '../../src/account';
import { MANAGED_POLICY_QUOTA, parseFindings, parsePolicy, refinePolicy } from '../../src/core';
import { catalog } from '../core/support';
import {
  allowing,
  authorizationDetails,
  EC2_FULL_ACCESS,
  findingsFor,
  splitAccount,
} from './accounts';

const fixture = (name: string): SourceFile => ({
  name,
  text: readFileSync(`src/examples/account/${name}`, 'utf8'),
});
const details = fixture('authorization-details.json');
const findings = fixture('findings.json');

function run(accountFiles = [details], findingFiles = [findings]) {
  const r = refineAccount(accountFiles, findingFiles, catalog);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function outcome(outcomes: PrincipalOutcome[], name: string): PrincipalOutcome {
  const o = outcomes.find((x) => x.principal.name === name);
  if (!o) throw new Error(`no outcome for ${name}`);
  return o;
}

describe('reading authorization details', () => {
  it('gives each principal its inline, managed and group policies, documents as text', () => {
    const r = readAccount([details]);
    if (!r.ok) throw new Error(r.error.message);
    const a = r.value;
    expect(a.accountId).toBe('111122223333');
    expect(a.principals.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'role:orders-deployer',
      'role:orders-lambda',
      'role:AWSServiceRoleForECS',
      'user:alice',
    ]);
    const deployer = a.principals[0];
    expect(deployer.policies.map((p) => [p.kind, p.name, p.group])).toEqual([
      ['inline', 'deploy', null],
      ['aws-managed', 'AmazonS3ReadOnlyAccess', null],
      ['customer-managed', 'orders-queues', null],
    ]);
    // The customer managed policy's default version is v2, URL-encoded in the file: decoded here.
    const queues = deployer.policies[2];
    expect(queues.origin?.encoded).toBe(true);
    expect(JSON.parse(queues.text as string).Statement[0].Action).toContain('sqs:SendMessage');
    expect(queues.sharedWith).toBe(2);
    const alice = a.principals[3];
    expect(alice.policies.map((p) => [p.kind, p.name, p.group])).toEqual([
      ['inline', 'orders-table', null],
      ['inline', 'iam-admin', 'operators'],
      ['aws-managed', 'AmazonS3ReadOnlyAccess', 'operators'],
    ]);
    expect(a.principals[2].serviceLinked).toBe(true);
  });

  it('reads several pages as one account', () => {
    const whole = JSON.parse(details.text);
    const page1 = { RoleDetailList: whole.RoleDetailList, IsTruncated: true, Marker: 'abc' };
    const page2 = {
      UserDetailList: whole.UserDetailList,
      GroupDetailList: whole.GroupDetailList,
      Policies: whole.Policies,
      IsTruncated: false,
    };
    const pages = [
      { name: 'page1.json', text: JSON.stringify(page1, null, 2) },
      { name: 'page2.json', text: JSON.stringify(page2, null, 2) },
    ];
    const r = readAccount(pages);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pages).toBe(2);
    // The roles of page 1 find their managed policies on page 2.
    expect(r.value.principals[0].policies.every((p) => p.text !== null)).toBe(true);
    expect(r.value.notes).toEqual([]);
    const alone = readAccount([pages[0]]);
    if (!alone.ok) throw new Error(alone.error.message);
    expect(alone.value.notes.map((n) => n.message).join('\n')).toMatch(/more pages/);
    expect(alone.value.principals[0].policies[1].error?.message).toMatch(/not in the file/);
  });

  it.each([
    [findings.text, /This is a list of GetFindingV2 findings/],
    ['{"Version": "2012-10-17", "Statement": []}', /This is an IAM policy document/],
    ['{"Roles": [{"RoleName": "a"}]}', /list-roles output/],
    ['{"PolicyVersion": {"Document": {}}}', /get-policy-version output/],
    ['RoleDetailList:\n- RoleName: a\n', /YAML .*--output json/],
    ['ROLEDETAILLIST\tarn:aws:iam::1:role/a\n', /text output/],
    ['', /empty/],
  ])('says what a file that is not authorization details looks like (%#)', (text, message) => {
    const r = readAccount([{ name: 'x.json', text }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('places a JSON error at its line and column', () => {
    const r = readAccount([
      { name: 'x.json', text: '{\n  "RoleDetailList": [\n    {"RoleName": }\n' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.input, r.error.line, r.error.column]).toEqual(['x.json', 3, 18]);
  });
});

describe('refining an account', () => {
  const result = run();

  it('refines every principal with findings, per policy, exactly as for one policy', () => {
    expect(result.outcomes.map((o) => o.principal.name)).toEqual([
      'orders-deployer',
      'orders-lambda',
      'alice',
    ]);
    const deployer = outcome(result.outcomes, 'orders-deployer');
    const principal = readAccount([details]);
    if (!principal.ok) throw new Error();
    const f = readAccountFindings([findings], principal.value.principals).byPrincipal.get(
      deployer.principal.arn,
    );
    // The same policy and findings through the single-policy path give the same document.
    const inline = principal.value.principals[0].policies[0];
    const doc = parsePolicy(inline.text as string);
    if (!doc.ok || !f) throw new Error();
    expect(deployer.policies[0].text).toBe(refinePolicy(doc.value, f, catalog).text);
    expect(JSON.parse(deployer.policies[0].text as string).Statement[0].Action).toEqual([
      'lambda:UpdateFunctionCode',
      'lambda:UpdateFunctionConfiguration',
      'lambda:GetFunction',
      'lambda:Invoke*',
    ]);
  });

  it('refines a managed policy per principal: their unused sets differ', () => {
    const forDeployer = outcome(result.outcomes, 'orders-deployer').policies[2];
    const forLambda = outcome(result.outcomes, 'orders-lambda').policies[1];
    expect(forDeployer.policy.name).toBe('orders-queues');
    expect(forLambda.policy.name).toBe('orders-queues');
    expect(forDeployer.recommendedAction).toBe('CREATE_POLICY');
    expect(JSON.parse(forDeployer.text as string).Statement[0].Action).not.toContain(
      'sqs:?etQueueAttributes',
    );
    expect(forLambda.recommendedAction).toBe('DETACH_POLICY');
  });

  it('replaces an AWS managed policy by a refined copy and detaches it, as Access Analyzer does', () => {
    const s3 = outcome(result.outcomes, 'orders-deployer').policies[1];
    expect(s3.policy.kind).toBe('aws-managed');
    const steps = recommendedSteps(s3).map((s) => s.unusedPermissionsRecommendedStep);
    expect(steps.map((s) => [s.recommendedAction, s.existingPolicyId])).toEqual([
      ['CREATE_POLICY', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      ['DETACH_POLICY', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    ]);
    expect(JSON.parse(steps[0].recommendedPolicy as string).Statement[0].Action).toContain(
      's3:GetObject*',
    );
    const script = applyScript(result.outcomes);
    expect(script).toContain(
      'aws iam create-policy --policy-name AmazonS3ReadOnlyAccess-orders-deployer --policy-document file://roles/orders-deployer/managed-AmazonS3ReadOnlyAccess.json',
    );
    expect(script).toContain(
      'aws iam detach-role-policy --role-name orders-deployer --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    );
    expect(script).toContain(
      'aws iam put-role-policy --role-name orders-deployer --policy-name deploy --policy-document file://roles/orders-deployer/inline-deploy.json',
    );
  });

  it("counts a user's group policies for the user, and leaves applying them to a person", () => {
    const alice = outcome(result.outcomes, 'alice');
    const admin = alice.policies.find((p) => p.policy.name === 'iam-admin');
    expect(admin?.policy.group).toBe('operators');
    const actions = JSON.parse(admin?.text as string).Statement[0].Action as string[];
    expect(actions).not.toContain('iam:*');
    expect(actions).toContain('iam:PassRole');
    const block = applyScript(result.outcomes)
      .split('\n')
      .filter((l) => l.includes('iam-admin-alice'));
    expect(block.length).toBeGreaterThan(0);
    expect(block.every((l) => l.startsWith('#'))).toBe(true);
  });

  it('counts removed actions by access level, once per principal across its policies', () => {
    const alice = outcome(result.outcomes, 'alice');
    // iam:CreateUser, DeleteUser, CreateAccessKey (Write); AttachRolePolicy, PutRolePolicy
    // (Permissions management); dynamodb:DeleteItem (Write).
    expect(alice.levels['Permissions management'].removed).toBe(2);
    expect(alice.levels.Write.removed).toBe(4);
    expect(alice.removed).toBe(6);
    expect(result.summary.removed).toBe(result.outcomes.reduce((n, o) => n + o.removed, 0));
  });

  it('lists findings for principals not in the file and findings of other types', () => {
    expect(result.summary.setAside.map((f) => [f.resource, f.line])).toEqual([
      ['arn:aws:iam::444455556666:role/other-account-role', 156],
      ['arn:aws:iam::111122223333:role/orders-deployer', 180],
    ]);
    expect(result.summary.setAside[0].reason).toMatch(/no such role or user/);
    expect(result.summary.setAside[1].reason).toMatch(/UnusedIAMRole/);
  });

  it('reads JSON lines, a directory of files, and a map from principal to any accepted kind', () => {
    const lines = run([details], [fixture('findings.jsonl')]);
    expect(lines.outcomes.map((o) => o.policies.map((p) => p.text))).toEqual(
      result.outcomes.map((o) => o.policies.map((p) => p.text)),
    );
    expect(lines.summary.setAside.map((f) => f.line)).toEqual([4, 5]);
    const perFile = JSON.parse(findings.text).map((f: unknown, i: number) => ({
      name: `f${i}.json`,
      text: JSON.stringify(f),
    }));
    expect(run([details], perFile).outcomes.length).toBe(3);
    const map = {
      'arn:aws:iam::111122223333:role/orders-deployer': [
        { serviceNamespace: 'lambda', actions: ['CreateFunction'] },
      ],
      'orders-lambda': ['logs:CreateLogGroup'],
      'user/alice': { usedActions: ['dynamodb:GetItem'] },
      'role/nobody': ['s3:GetObject'],
    };
    const fromMap = run([details], [{ name: 'map.json', text: JSON.stringify(map, null, 2) }]);
    expect(fromMap.outcomes.map((o) => o.principal.name)).toEqual([
      'orders-deployer',
      'orders-lambda',
      'alice',
    ]);
    expect(fromMap.summary.setAside.map((f) => f.resource)).toEqual(['role/nobody']);
    // Used actions: everything else alice's policies allow goes.
    const alice = outcome(fromMap.outcomes, 'alice');
    expect(JSON.parse(alice.policies[0].text as string).Statement[0].Action).toEqual([
      'dynamodb:GetItem',
    ]);
  });

  it('reports an unreadable document with principal, policy and position, and refines the rest', () => {
    // Valid JSON, but not a policy IAM would accept: "allow" is not an Effect.
    const broken = details.text.replace(/("Sid": "PassRole",\s*"Effect": )"Allow"/, '$1"allow"');
    expect(broken).not.toBe(details.text);
    const r = run([{ name: 'broken.json', text: broken }]);
    const p = r.summary.policyProblems;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({
      principal: 'arn:aws:iam::111122223333:role/orders-deployer',
      policy: 'deploy',
      input: 'broken.json',
      within: 'file',
    });
    // The position is in the file, at the statement or its Effect.
    const line = broken.split('\n')[p[0].line - 1];
    expect(line.slice(p[0].column - 1)).toMatch(/^("allow"|\{)/);
    expect(r.summary.policies.unreadable).toBe(1);
    expect(outcome(r.outcomes, 'orders-deployer').policies[1].status).toBe('changed');
    expect(r.outcomes).toHaveLength(3);
  });

  it('places an error in a URL-encoded document in the decoded text', () => {
    const bad = encodeURIComponent(
      '{"Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage",]}]}',
    );
    const text = details.text.replace(/"Document": "%7B%22Version[^"]*"/, `"Document": "${bad}"`);
    expect(text).not.toBe(details.text);
    const r = run([{ name: 'enc.json', text }]);
    const p = r.summary.policyProblems[0];
    expect(p).toMatchObject({ policy: 'orders-queues', within: 'decoded document', line: 2 });
    // Shared by two roles: reported for each.
    expect(r.summary.policyProblems).toHaveLength(2);
  });

  it('refuses a finding that is not readable for its principal only', () => {
    const list = JSON.parse(findings.text);
    list[2].findingDetails[0].unusedPermissionDetails.actions[0] = { action: 'not an action' };
    const r = run([details], [{ name: 'f.json', text: JSON.stringify(list, null, 2) }]);
    expect(r.outcomes.map((o) => o.principal.name)).toEqual(['orders-deployer', 'orders-lambda']);
    expect(r.summary.findingsProblems[0].principal).toBe('arn:aws:iam::111122223333:user/alice');
  });

  it('is consistent with core for the findings it merges', () => {
    const list = JSON.parse(findings.text);
    const split = [
      { ...list[0], findingDetails: list[0].findingDetails.slice(0, 2) },
      { ...list[0], findingDetails: list[0].findingDetails.slice(2) },
    ];
    const merged = run([details], [{ name: 'split.json', text: JSON.stringify(split) }]);
    const whole = parseFindings(JSON.stringify(list[0]));
    if (!whole.ok) throw new Error();
    expect(outcome(merged.outcomes, 'orders-deployer').policies.map((p) => p.text)).toEqual(
      outcome(result.outcomes, 'orders-deployer').policies.map((p) => p.text),
    );
  });
});

describe("access levels, from core's counts", () => {
  const account = authorizationDetails([
    {
      name: 'reporting',
      inline: {
        a: allowing(['iam:AttachRolePolicy', 's3:GetObject', 'S3:PUTOBJECT']),
        b: allowing(['iam:AttachRolePolicy', 's3:PutObject', 'foo:Bar']),
      },
    },
  ]);
  const r = run(
    [{ name: 'account.json', text: account }],
    [
      {
        name: 'findings.json',
        text: findingsFor({ reporting: ['iam:AttachRolePolicy', 's3:putobject', 'foo:Bar'] }),
      },
    ],
  );
  const o = r.outcomes[0];

  it('gives each policy the counts of its recommendation', () => {
    const doc = parsePolicy(
      JSON.stringify(allowing(['iam:AttachRolePolicy', 's3:PutObject', 'foo:Bar'])),
    );
    const f = r.findings.byPrincipal.get(o.principal.arn);
    if (!doc.ok || !f) throw new Error();
    const rec = refinePolicy(doc.value, f, catalog);
    for (const c of rec.levels)
      expect(o.policies[1].levels[c.level]).toEqual({
        removed: c.before - c.after,
        before: c.before,
        after: c.after,
      });
    expect(o.policies[1].levels.Unknown).toEqual({ removed: 1, before: 1, after: 0 });
  });

  it('counts an action two policies of a principal allow once in what is removed', () => {
    // iam:AttachRolePolicy and s3:PutObject (in either spelling) are in both policies.
    expect(o.levels['Permissions management']).toEqual({ removed: 1, before: 2, after: 0 });
    expect(o.levels.Write).toEqual({ removed: 1, before: 2, after: 0 });
    expect(o.levels.Read).toEqual({ removed: 0, before: 1, after: 1 });
    expect(o.levels.Unknown.removed).toBe(1);
    expect(o.removed).toBe(3);
    expect(o.policies.map((p) => p.proof?.removed)).toEqual([2, 3]);
    expect(r.summary.levels.Write.removed).toBe(1);
    expect(r.summary.removed).toBe(3);
    expect(summaryMarkdown(r.summary)).toContain('| Unknown (not in the catalog) | 1 | 1 | 0 |');
  });
});

describe('results over the quota', () => {
  const EC2_FULL = EC2_FULL_ACCESS;
  const { account, findings: unused } = splitAccount(catalog, { managed: true });
  const files = {
    account: [{ name: 'account.json', text: account }],
    findings: [{ name: 'findings.json', text: unused }],
  };
  const refined = (options: AccountOptions = {}) => {
    const r = refineAccount(files.account, files.findings, catalog, options);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const r = refined();
  const [inline, managed] = r.outcomes[0].policies;

  it('are split into managed policies that each fit, proven together', () => {
    for (const p of [inline, managed]) {
      expect(p.overQuota).toBe(true);
      expect(p.split?.why).toBeNull();
      expect(p.split?.parts.length).toBe(3);
      for (const part of p.split?.parts ?? [])
        expect(part.size.chars).toBeLessThanOrEqual(MANAGED_POLICY_QUOTA);
      // Together the parts hold exactly the entries of the single document.
      const entries = (text: string) =>
        (JSON.parse(text).Statement as { Action: string[] }[]).flatMap((s) => s.Action).sort();
      expect((p.split?.parts ?? []).flatMap((x) => entries(x.text)).sort()).toEqual(
        entries(p.text as string),
      );
    }
    expect(r.summary.policies).toMatchObject({ overQuota: 2, split: 2, parts: 6, unsplittable: 0 });
    expect(summaryMarkdown(r.summary)).toContain(
      '- Results over the 6,144-character managed policy quota: 2: 2 split into 6 managed policies that each fit, attached together',
    );
  });

  it('give one CREATE_POLICY step per part for the same policy, as Access Analyzer does', () => {
    const steps = recommendedSteps(managed).map((s) => s.unusedPermissionsRecommendedStep);
    expect(steps.map((s) => [s.recommendedAction, s.existingPolicyId])).toEqual([
      ['CREATE_POLICY', EC2_FULL],
      ['CREATE_POLICY', EC2_FULL],
      ['CREATE_POLICY', EC2_FULL],
      ['DETACH_POLICY', EC2_FULL],
    ]);
    expect(steps.slice(0, 3).map((s) => JSON.parse(s.recommendedPolicy as string))).toEqual(
      managed.split?.parts.map((p) => JSON.parse(p.text)),
    );
    expect(
      recommendedSteps(inline).map((s) => s.unusedPermissionsRecommendedStep.recommendedAction),
    ).toEqual(['CREATE_POLICY', 'CREATE_POLICY', 'CREATE_POLICY']);
  });

  it('are applied as one customer managed policy per part, attached to the same principal', () => {
    const o = r.outcomes[0];
    expect(policyFiles(o.principal, inline).map((f) => f.file)).toEqual([
      'roles/builder/inline-ec2.part1.json',
      'roles/builder/inline-ec2.part2.json',
      'roles/builder/inline-ec2.part3.json',
    ]);
    const script = applyScript(r.outcomes).split('\n');
    const commands = script.filter((l) => l.startsWith('aws '));
    expect(commands).toEqual([
      ...[1, 2, 3].flatMap((k) => [
        `aws iam create-policy --policy-name ec2-builder-part${k} --policy-document file://roles/builder/inline-ec2.part${k}.json`,
        `aws iam attach-role-policy --role-name builder --policy-arn arn:aws:iam::111122223333:policy/ec2-builder-part${k}`,
      ]),
      'aws iam delete-role-policy --role-name builder --policy-name ec2',
      ...[1, 2, 3].flatMap((k) => [
        `aws iam create-policy --policy-name AmazonEC2FullAccess-builder-part${k} --policy-document file://roles/builder/managed-AmazonEC2FullAccess.part${k}.json`,
        `aws iam attach-role-policy --role-name builder --policy-arn arn:aws:iam::111122223333:policy/AmazonEC2FullAccess-builder-part${k}`,
      ]),
      `aws iam detach-role-policy --role-name builder --policy-arn ${EC2_FULL}`,
    ]);
    expect(attachedAfter(o)).toBe(6);
  });

  it('say why when no split fits, and leave their commands commented out', () => {
    const small = refined({ sizeLimit: 1000 });
    const p = small.outcomes[0].policies[0];
    expect(p.split?.parts).toEqual([]);
    expect(p.split?.why).toMatch(/it would take at least 17: more than the 10/);
    expect(small.summary.policies).toMatchObject({ overQuota: 2, split: 0, unsplittable: 2 });
    expect(small.summary.splitProblems[0]).toMatchObject({ policy: 'ec2' });
    const md = summaryMarkdown(small.summary);
    expect(md).toContain('- Results over the 1,000-character size limit: 2: 2 that no split fits');
    expect(md).toMatch(
      /## Results over the quota that no split fits .*\(2\)\n\n- arn:aws:iam::111122223333:role\/builder, policy ec2: Split into/,
    );
    const script = applyScript(small.outcomes).split('\n');
    expect(script.filter((l) => l.startsWith('aws '))).toEqual([]);
    expect(script).toContain(
      '# aws iam put-role-policy --role-name builder --policy-name ec2 --policy-document file://roles/builder/inline-ec2.json',
    );
  });

  it('warn when the parts take a principal past the managed policies it may have attached', () => {
    const many = Array.from({ length: 8 }, (_, i) => `arn:aws:iam::aws:policy/Other${i}`);
    const crowded = refineAccount(
      [
        {
          name: 'account.json',
          text: authorizationDetails(
            [{ name: 'builder', inline: { ec2: allowing(['ec2:*']) }, managed: many }],
            Object.fromEntries(many.map((m) => [m, allowing(['sqs:ListQueues'])])),
          ),
        },
      ],
      files.findings,
      catalog,
    );
    if (!crowded.ok) throw new Error(crowded.error.message);
    expect(attachedAfter(crowded.value.outcomes[0])).toBe(11);
    expect(applyScript(crowded.value.outcomes)).toContain(
      '# afterwards it has 11 managed policies attached, over the default quota of 10',
    );
  });
});
