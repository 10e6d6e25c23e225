// The frontier walk (docs/refinement.md): top-down over one service's flat trie, writing each highest
// node whose covered actions are all good, and each needed action that is itself an unsafe node, then
// leaving out what another written entry already covers. It records what it did at every node it
// reached, so the refiner's entries, a decision's nodes and the trie view's explanation all read one
// walk instead of each re-deriving the rule.
import type { FlatTrie } from './trie';

/** What the walk did at a node it reached. */
export type Step =
  /** Safe: written as `svc:Prefix*` (or as the one action it covers), and not entered. */
  | 'written'
  /** Unsafe, but itself an action that stays allowed: written exactly, then entered. */
  | 'exact'
  /** Unsafe: entered, to look at its children. */
  | 'entered'
  /** Holds nothing that must stay allowed: passed over. */
  | 'empty'
  /**
   * Safe, but all it covers is allowed by a wildcard written at another node: `grafana:ListWorkspace*`
   * also matches `ListWorkspaces`, its sibling in the trie. Not written: the entry would be redundant.
   */
  | 'covered';

export interface Walk {
  readonly trie: FlatTrie;
  /** Flat-trie indices of the nodes reached, in the order reached (preorder). */
  readonly nodes: number[];
  readonly steps: Step[];
  /** Whether each reached node is safe: everything it covers is good. */
  readonly safe: boolean[];
  /** The entry written at each reached node; for a covered node, the wildcard that covers it. */
  readonly entries: (string | null)[];
  /** The written entries, in order. */
  readonly written: string[];
  /** The character budget ran out: the walk stopped early and `written` is incomplete. */
  readonly cut: boolean;
}

/**
 * Walks `trie`, whose counts start at `base` in the prefix sums `good` and `needed` (needed is a
 * subset of good). With a budget, each written entry costs its length plus 3 (quotes and a comma),
 * and the walk stops once the budget is spent.
 */
export function walk(
  trie: FlatTrie,
  good: Int32Array,
  needed: Int32Array,
  base = 0,
  budget: { left: number } | null = null,
): Walk {
  const nodes: number[] = [];
  const steps: Step[] = [];
  const safe: boolean[] = [];
  const entries: (string | null)[] = [];
  const written: string[] = [];
  const { lo: los, hi: his, action: actions, next, prefix, names, wildcards } = trie;
  const end = next[0];
  let cut = false;
  let i = 0;
  while (i < end) {
    const total = his[i] - los[i];
    const lo = base + los[i];
    const hi = base + his[i];
    const isSafe = good[hi] - good[lo] === total;
    nodes.push(i);
    safe.push(isSafe);
    if (needed[hi] - needed[lo] === 0) {
      steps.push('empty');
      entries.push(null);
      i = next[i];
      continue;
    }
    let entry: string | null = null;
    if (isSafe) {
      entry = total === 1 ? names[los[i]] : (wildcards[i] ??= `${prefix[i]}*`);
      steps.push('written');
      i = next[i];
    } else {
      const a = actions[i];
      if (a >= 0 && needed[base + a + 1] - needed[base + a] === 1) entry = names[a];
      steps.push(entry === null ? 'entered' : 'exact');
      i++;
    }
    entries.push(entry);
    if (entry === null) continue;
    written.push(entry);
    if (budget) {
      budget.left -= entry.length + 3;
      if (budget.left < 0) {
        cut = true;
        break;
      }
    }
  }
  if (written.length > 1) leaveOutCovered(trie, nodes, steps, entries, written, budget);
  return { trie, nodes, steps, safe, entries, written, cut };
}

/**
 * A node covers by characters, so a written wildcard can hold another written entry that is not below
 * it in the trie: `ListWorkspace*` holds its sibling `ListWorkspaces*` (and `ListFunctions*` can hold
 * `ListFunctionSomething`, reached earlier). Each entry lying inside another is marked covered and
 * not written; of two holding the same actions, the first stays.
 */
function leaveOutCovered(
  trie: FlatTrie,
  nodes: readonly number[],
  steps: Step[],
  entries: (string | null)[],
  written: string[],
  budget: { left: number } | null,
): void {
  const at: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (let k = 0; k < nodes.length; k++) {
    if (entries[k] === null) continue;
    const i = nodes[k];
    // An exact entry allows its one action; a written node, all it covers.
    const a = steps[k] === 'exact' ? trie.action[i] : -1;
    at.push(k);
    lo.push(a >= 0 ? a : trie.lo[i]);
    hi.push(a >= 0 ? a + 1 : trie.hi[i]);
  }
  const order = at.map((_, j) => j).sort((x, y) => lo[x] - lo[y] || hi[y] - hi[x] || x - y);
  let best = -1;
  let dropped = 0;
  for (const j of order) {
    if (best >= 0 && hi[best] >= hi[j]) {
      const k = at[j];
      steps[k] = 'covered';
      if (budget) budget.left += (entries[k] as string).length + 3;
      entries[k] = entries[at[best]];
      dropped++;
    } else best = j;
  }
  if (dropped === 0) return;
  written.length = 0;
  for (let k = 0; k < nodes.length; k++)
    if (entries[k] !== null && steps[k] !== 'covered') written.push(entries[k] as string);
}
