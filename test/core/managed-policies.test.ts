// The refiner on real policies nobody here wrote: the 1,594 AWS managed policies, each with a seeded
// tenth of what it allows reported unused. Every one must be accepted, proven exact, free of
// redundant entries, and either within the quota or given a split that is.
import { describe, expect, it } from 'vitest';
import { MANAGED_POLICY_QUOTA, refine, type Recommendation } from '../../src/core';
import { managedCorpus, type CorpusCase } from './managed-corpus';
import { oracleUniverse, redundantPairs } from './oracle';
import { catalog } from './support';

const corpus = managedCorpus(catalog);

/** The rewritten lists of a recommendation, as written. */
function rewrittenLists(rec: Recommendation): string[][] {
  if (!rec.text) return [];
  const statement = JSON.parse(rec.text).Statement as
    Record<string, unknown> | Record<string, unknown>[];
  const written = Array.isArray(statement) ? statement : [statement];
  const lists: string[][] = [];
  rec.statements
    .filter((o) => o.outcome !== 'removed')
    .forEach((o, k) => {
      if (o.outcome !== 'refined' && o.outcome !== 'extended') return;
      const list = written[k].Action ?? written[k].NotAction;
      lists.push((Array.isArray(list) ? list : [list]) as string[]);
    });
  return lists;
}

function concrete(c: CorpusCase): string[] {
  return (JSON.stringify(JSON.parse(c.policy)).match(/"[A-Za-z0-9-]+:[A-Za-z0-9_.-]+"/g) ?? []).map(
    (q) => q.slice(1, -1),
  );
}

describe('the AWS managed policies, a tenth of each reported unused', () => {
  const results = corpus.map((c) => {
    const r = refine([{ name: c.name, text: c.policy }], c.unused, catalog);
    if (!r.ok) throw new Error(`${c.name}: ${r.error.message}`);
    return { c, rec: r.value.policies[0] };
  });

  it('reads every policy and proves every result exact', () => {
    expect(corpus.length).toBe(1580); // of 1,594: the other 14 only deny
    const failed = results.filter((x) => !x.rec.proof.ok).map((x) => x.c.name);
    expect(failed).toEqual([]);
    for (const { c, rec } of results) if (rec.proof.ok) expect(rec.proof.removed).toBe(c.reported);
  });

  it('writes no entry that another entry of the same list allows entirely', () => {
    const redundant: string[] = [];
    for (const { c, rec } of results) {
      const lists = rewrittenLists(rec);
      if (lists.length === 0) continue;
      const u = oracleUniverse(concrete(c));
      for (const list of lists)
        for (const [a, b] of redundantPairs(u, list)) redundant.push(`${c.name}: ${a} beside ${b}`);
    }
    expect(redundant).toEqual([]);
  });

  it('fits every result under the quota, or offers a split whose parts fit and prove, or says why not', () => {
    let split = 0;
    let refused = 0;
    for (const { c, rec } of results) {
      if (!rec.size || rec.size.chars <= MANAGED_POLICY_QUOTA) continue;
      const s = rec.split;
      expect(s, c.name).not.toBeNull();
      if (!s) continue;
      if (s.parts.length === 0) {
        // Only when it would take more managed policies than a principal may have attached, or
        // a NotAction statement alone is over the quota.
        expect(s.why, c.name).toMatch(/more than the 10|NotAction list cannot be cut/);
        refused++;
        continue;
      }
      split++;
      expect(s.proof?.ok, c.name).toBe(true);
      for (const p of s.parts) expect(p.size.chars).toBeLessThanOrEqual(MANAGED_POLICY_QUOTA);
    }
    expect(split).toBeGreaterThan(0);
    expect(refused).toBeLessThan(split);
  });
});
