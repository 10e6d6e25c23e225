import { describe, expect, it } from 'vitest';
import {
  explainPattern,
  refineContext,
  nodeBlockers,
  parseFindings,
  parsePolicy,
  refinePolicy,
  trieChildren,
  trieAction,
  trieNode,
  type Catalog,
  type PatternTrie,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { allow, catalog, catalog2024 } from './support';

function inputs(policy: unknown, unused: string, used = false) {
  const doc = parsePolicy(typeof policy === 'string' ? policy : JSON.stringify(policy));
  if (!doc.ok) throw new Error(doc.error.message);
  const findings = parseFindings(unused, { used });
  if (!findings.ok) throw new Error(findings.error.message);
  return { doc: doc.value, findings: findings.value };
}

function explain(
  policy: unknown,
  unused: string,
  statement: number,
  position: number,
  options: { catalog?: Catalog; level?: 'word' | 'char'; used?: boolean } = {},
): { trie: PatternTrie; replacement: string[] } {
  const { doc, findings } = inputs(policy, unused, options.used);
  const cat = options.catalog ?? catalog;
  const trie = explainPattern(refineContext(doc, findings, cat), statement, position, {
    level: options.level,
  });
  if (!trie) throw new Error('no trie');
  const rec = refinePolicy(doc, findings, cat);
  const d = rec.decisions.find((x) => x.statement === statement && x.position === position);
  return { trie, replacement: d?.replacement ?? [] };
}

function nodes(trie: PatternTrie) {
  return Array.from({ length: trie.nodes.count }, (_, i) => trieNode(trie, i));
}

function node(trie: PatternTrie, prefix: string) {
  const i = trie.nodes.prefix.indexOf(prefix);
  if (i < 0) throw new Error(`no node ${prefix}`);
  return trieNode(trie, i);
}

function childTokens(trie: PatternTrie, prefix: string): string[] {
  return trieChildren(trie)[node(trie, prefix).index].map((c) => trie.nodes.token[c]);
}

/** The written marks of the nodes, in preorder: they must be the written list, in its order. */
function marks(trie: PatternTrie): string[] {
  return nodes(trie).flatMap((n) => (n.written === null ? [] : [n.written]));
}

describe('explainPattern on the worked example', () => {
  const { trie, replacement } = explain(workedExample.policy, workedExample.unused, 1, 0, {
    catalog: catalog2024,
  });

  it('draws the whole trie of s3:Get* under the root s3:Get', () => {
    expect(trieNode(trie, 0)).toMatchObject({ prefix: 's3:Get', parent: -1, safe: false });
    expect(childTokens(trie, 's3:Get')).toEqual([
      'Accelerate',
      'Access',
      'Account',
      'Analytics',
      'Bucket',
      'Data',
      'Encryption',
      'Intelligent',
      'Inventory',
      'Job',
      'Lifecycle',
      'Metrics',
      'Multi',
      'Object',
      'Replication',
      'Storage',
    ]);
    expect(trie.actions.count).toBe(58);
    expect(trieNode(trie, 0)).toMatchObject({ covered: 58, matched: 58, unused: 22, kept: 36 });
  });

  it('colours Access, Multi, Object and Storage safe and written, Bucket unsafe', () => {
    for (const t of ['Access', 'Multi', 'Object', 'Storage'])
      expect(node(trie, `s3:Get${t}`)).toMatchObject({ safe: true, written: `s3:Get${t}*` });
    expect(node(trie, 's3:GetBucket')).toMatchObject({ safe: false, written: null, unused: 14 });
    expect(node(trie, 's3:GetAccount').written).toBe('s3:GetAccountPublicAccessBlock');
    // Below a written node: safe, drawn, not written again.
    expect(node(trie, 's3:GetObjectAcl')).toMatchObject({ safe: true, written: null });
  });

  it('writes exactly refinePolicy replacement, node by node', () => {
    expect(trie.outcome).toBe('replaced');
    expect(trie.written).toEqual(replacement);
    expect(marks(trie)).toEqual(replacement);
    expect(replacement).toEqual([
      's3:GetAccess*',
      's3:GetAccountPublicAccessBlock',
      's3:GetDataAccess',
      's3:GetJobTagging',
      's3:GetMulti*',
      's3:GetObject*',
      's3:GetStorage*',
    ]);
  });

  it('lists the unused actions that make Bucket unsafe, with access levels at the leaves', () => {
    const { unused, outside } = nodeBlockers(trie, node(trie, 's3:GetBucket').index);
    expect(unused.map((a) => a.name)).toContain('s3:GetBucketPolicy');
    expect(unused).toHaveLength(14);
    expect(outside).toEqual([]);
    const leaf = node(trie, 's3:GetBucketPolicy');
    expect(trieAction(trie, leaf.action)).toEqual({
      name: 's3:GetBucketPolicy',
      level: 'Read',
      matched: true,
      unused: true,
      keptOnPurpose: false,
    });
  });

  it('keeps and drops as refinePolicy does', () => {
    const list = explain(workedExample.policy, workedExample.unused, 1, 1);
    expect(list.trie).toMatchObject({ outcome: 'kept', written: ['s3:List*'] });
    expect(nodes(list.trie).every((n) => n.safe && n.written === null)).toBe(true);
    const dropped = explain(workedExample.policy, workedExample.unused, 0, 0);
    expect(dropped.trie).toMatchObject({ outcome: 'dropped', written: [] });
    const invoke = explain(workedExample.policy, workedExample.unused, 0, 8);
    expect(invoke.trie.nodes.prefix[0]).toBe('lambda:Invoke');
  });

  it('gives the character-level result docs/refinement.md warns about', () => {
    const char = explain(workedExample.policy, workedExample.unused, 1, 0, {
      catalog: catalog2024,
      level: 'char',
    }).trie;
    expect(char.level).toBe('char');
    expect(char.written).toEqual([
      's3:GetAcces*',
      's3:GetAccountPublicAccessBlock',
      's3:GetDataAccess',
      's3:GetJobTagging',
      's3:GetMu*',
      's3:GetO*',
      's3:GetS*',
    ]);
    expect(marks(char)).toEqual(char.written);
    expect(node(char, 's3:GetAcces')).toMatchObject({ safe: true, written: 's3:GetAcces*' });
  });
});

describe('explainPattern on tricky patterns', () => {
  it('s3:GetObject* with GetObjectAcl unused keeps GetObject exact', () => {
    const { trie, replacement } = explain(allow('s3:GetObject*'), '["s3:GetObjectAcl"]', 0, 0);
    expect(trieNode(trie, 0)).toMatchObject({
      prefix: 's3:GetObject',
      safe: false,
      written: 's3:GetObject',
    });
    expect(marks(trie)).toEqual(replacement);
  });

  it('s3:*Object* marks actions outside the pattern as what blocks a node', () => {
    const { trie, replacement } = explain(allow('s3:*Object*'), '["s3:GetObjectAcl"]', 0, 0);
    expect(trie.nodes.prefix[0]).toBe('s3:');
    expect(marks(trie)).toEqual(replacement);
    expect(nodes(trie).every((n) => n.matched > 0)).toBe(true);
    expect(nodeBlockers(trie, node(trie, 's3:Get').index).outside.length).toBeGreaterThan(0);
  });

  it('returns null for what is not an Allow Action pattern', () => {
    const { doc, findings } = inputs(allow('foo:Ba*'), '["s3:GetObject"]');
    expect(explainPattern(refineContext(doc, findings, catalog), 0, 0)).toBeNull();
    expect(explainPattern(refineContext(doc, findings, catalog), 0, 5)).toBeNull();
    expect(explainPattern(refineContext(doc, findings, catalog), 3, 0)).toBeNull();
  });
});

describe('explainPattern on "*" over the whole catalog', () => {
  const used = [
    's3:GetObject',
    's3:PutObject',
    's3:ListBucket',
    'dynamodb:GetItem',
    'dynamodb:Query',
    'logs:PutLogEvents',
    'logs:CreateLogStream',
    'sts:AssumeRole',
    'kms:Decrypt',
    'ec2:DescribeInstances',
  ];
  const unused = `[
    { "serviceNamespace": "ec2", "actions": ["TerminateInstances", "DeleteVpc", "DeleteSubnet"] },
    { "serviceNamespace": "iam", "actions": ["CreateAccessKey", "CreateUser", "DeleteUser"] },
    { "serviceNamespace": "s3", "actions": ["DeleteBucket", "PutBucketPolicy"] },
    { "serviceNamespace": "organizations" }
  ]`;

  it('hangs one node per service under the root and agrees with refinePolicy', () => {
    const { trie, replacement } = explain(allow('*'), unused, 0, 0);
    const services = trieChildren(trie)[0].map((i) => trie.nodes.prefix[i]);
    expect(trieNode(trie, 0)).toMatchObject({ prefix: '*', covered: catalog.actionCount });
    expect(services.length).toBe(catalog.services.size);
    expect(services).toContain('s3:');
    expect(node(trie, 'lambda:')).toMatchObject({ safe: true, written: 'lambda:*' });
    expect(node(trie, 'organizations:')).toMatchObject({ safe: false, written: null, kept: 0 });
    expect(trie.written).toEqual(replacement);
    expect(marks(trie)).toEqual(replacement);
    expect(trie.actions.count).toBe(catalog.actionCount);
  });

  it('agrees with refinePolicy with only a few actions used', () => {
    const { trie, replacement } = explain(allow('*'), used.join('\n'), 0, 0, { used: true });
    expect(trie.written).toEqual(replacement);
    expect(marks(trie)).toEqual(replacement);
    expect(replacement).toHaveLength(used.length);
  });

  it('is quick enough to draw from a worker', () => {
    const { doc, findings } = inputs(allow('*'), unused);
    explainPattern(refineContext(doc, findings, catalog), 0, 0);
    const times: Record<string, number> = {};
    for (const level of ['word', 'char'] as const) {
      const t0 = performance.now();
      const trie = explainPattern(refineContext(doc, findings, catalog), 0, 0, { level });
      times[level] = performance.now() - t0;
      const t1 = performance.now();
      structuredClone(trie);
      times[`${level} clone`] = performance.now() - t1;
      times[`${level} nodes`] = trie?.nodes.count ?? 0;
      times[`${level} frontier`] = trie?.written.length ?? 0;
    }
    console.log('explainPattern("*"):', JSON.stringify(times));
  });
});
