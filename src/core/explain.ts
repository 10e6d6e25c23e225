// Why each wildcard was chosen: the whole trie under one pattern of the policy, every node with what it
// covers and whether the refiner wrote it, as plain data a worker can post. The decision itself comes
// from decidePattern and the node marks from the same frontier walk, so the picture cannot disagree
// with the recommendation.
import type { Findings } from './findings';
import { matchList } from './patterns';
import type { PolicyDocument } from './policy';
import {
  decidePattern,
  namedActions,
  unusedBits,
  type PatternOutcome,
  type TrieNodeCounts,
} from './refine';
import { flatTrie, frontier, prefixSums, serviceTrie, type TrieNode } from './trie';
import { buildUniverse, type AccessLevel, type Catalog, type UniverseService } from './universe';

/** Words (the product's unit, SPEC.md) or single characters (what SPEC.md shows to be wrong). */
export type TrieLevel = 'word' | 'char';

/** One action under the pattern's trie (a view: the trie stores actions as columns). */
export interface PatternTrieAction {
  /** `s3:GetObject`, in the catalog's spelling. */
  name: string;
  level: AccessLevel | null;
  /** The original pattern matches it. */
  matched: boolean;
  unused: boolean;
}

/** One node of the trie (a view built by `trieNode`: the trie stores nodes as columns). */
export interface PatternTrieNode extends TrieNodeCounts {
  index: number;
  /** Index of the parent, -1 for the root. Parents come before their children. */
  parent: number;
  /** Index in the actions of the action this node is, or -1. */
  action: number;
  /** The covered actions are the actions [first, end). */
  first: number;
  end: number;
}

/**
 * The nodes in preorder (index 0 is the root), one array per field: a trie of 40,000 nodes is
 * posted from a worker as a few typed arrays and string lists, not 40,000 objects.
 */
export interface PatternTrieNodes {
  count: number;
  prefix: string[];
  token: string[];
  parent: Int32Array;
  depth: Int32Array;
  matched: Int32Array;
  unused: Int32Array;
  kept: Int32Array;
  action: Int32Array;
  first: Int32Array;
  end: Int32Array;
  /** Index in `PatternTrie.written` of the entry the node is written as, or -1. */
  written: Int32Array;
}

export interface PatternTrieActions {
  count: number;
  name: string[];
  level: (AccessLevel | null)[];
  /** 1 when the original pattern matches the action. */
  matched: Uint8Array;
  /** 1 when the action is unused. */
  unused: Uint8Array;
}

/** Structured-clonable (typed arrays), not JSON: post it as it is. */
export interface PatternTrie {
  level: TrieLevel;
  pattern: string;
  statement: number;
  position: number;
  outcome: PatternOutcome;
  /** refinePolicy's reason for the outcome. */
  reason: string;
  /** What replaces the pattern at this level: at the word level, exactly refinePolicy's replacement. */
  written: string[];
  spansServices: boolean;
  /** Only nodes holding an action the pattern matches. */
  nodes: PatternTrieNodes;
  /** The actions the nodes cover, in trie order. */
  actions: PatternTrieActions;
}

export interface ExplainOptions {
  level?: TrieLevel;
}

const charTries = new WeakMap<UniverseService, TrieNode>();

/**
 * A path-compressed character trie: one node per distinct set of covered actions, named by the
 * shortest character prefix that has that set, which is what a plain character trie's top-down
 * frontier would write (`GetAcces*`, not `GetAccess*`).
 */
export function charTrie(s: UniverseService): TrieNode {
  let root = charTries.get(s);
  if (!root) {
    root = buildCharNode(s, 0, s.names.length, 0, 0, 0);
    charTries.set(s, root);
  }
  return root;
}

function buildCharNode(
  s: UniverseService,
  lo: number,
  hi: number,
  shortest: number,
  from: number,
  depth: number,
): TrieNode {
  const a = s.lower[lo];
  const b = s.lower[hi - 1];
  let full = shortest;
  while (full < a.length && full < b.length && a.charCodeAt(full) === b.charCodeAt(full)) full++;
  const action = a.length === full ? lo : -1;
  const children: TrieNode[] = [];
  let i = action >= 0 ? lo + 1 : lo;
  while (i < hi) {
    const c = s.lower[i].charCodeAt(full);
    let j = i + 1;
    while (j < hi && s.lower[j].charCodeAt(full) === c) j++;
    children.push(buildCharNode(s, i, j, full + 1, full, depth + 1));
    i = j;
  }
  return {
    prefix: s.names[lo].slice(0, shortest),
    lower: a.slice(0, shortest),
    token: s.names[lo].slice(from, full),
    lo,
    hi,
    action,
    children,
    depth,
  };
}

/** The deepest node that still holds every matched action, unless the walk writes or keeps one above. */
function displayRoot(root: TrieNode, scope: Int32Array, written: Map<TrieNode, number>): TrieNode {
  const total = scope[root.hi] - scope[root.lo];
  let node = root;
  for (;;) {
    if (written.has(node)) return node;
    if (node.action >= 0 && scope[node.action + 1] > scope[node.action]) return node;
    const inside = node.children.filter((c) => scope[c.hi] > scope[c.lo]);
    if (inside.length !== 1 || scope[inside[0].hi] - scope[inside[0].lo] !== total) return node;
    node = inside[0];
  }
}

/** Output columns with room for `capacity` nodes, cut to size at the end. */
class NodeColumns {
  count = 0;
  prefix: string[] = [];
  token: string[] = [];
  parent: Int32Array;
  depth: Int32Array;
  matched: Int32Array;
  unused: Int32Array;
  kept: Int32Array;
  action: Int32Array;
  first: Int32Array;
  end: Int32Array;
  written: Int32Array;

  constructor(capacity: number) {
    this.parent = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    this.matched = new Int32Array(capacity);
    this.unused = new Int32Array(capacity);
    this.kept = new Int32Array(capacity);
    this.action = new Int32Array(capacity).fill(-1);
    this.first = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.written = new Int32Array(capacity).fill(-1);
  }

  done(): PatternTrieNodes {
    const n = this.count;
    return {
      count: n,
      prefix: this.prefix,
      token: this.token,
      parent: this.parent.slice(0, n),
      depth: this.depth.slice(0, n),
      matched: this.matched.slice(0, n),
      unused: this.unused.slice(0, n),
      kept: this.kept.slice(0, n),
      action: this.action.slice(0, n),
      first: this.first.slice(0, n),
      end: this.end.slice(0, n),
      written: this.written.slice(0, n),
    };
  }
}

interface ServiceSums {
  scope: Int32Array;
  unused: Int32Array;
  good: Int32Array;
}

/**
 * The trie of one pattern (`doc.statements[statement]`, entry `position` of its Action list), or null
 * when there is no such Allow/Action pattern or it matches no action.
 */
export function explainPattern(
  doc: PolicyDocument,
  findings: Findings,
  catalog: Catalog,
  statement: number,
  position: number,
  options: ExplainOptions = {},
): PatternTrie | null {
  const level = options.level ?? 'word';
  const s = doc.statements[statement];
  if (!s || s.effect !== 'Allow' || s.actionKey !== 'Action') return null;
  const ref = s.patterns[position];
  if (!ref) return null;
  const universe = buildUniverse(catalog, namedActions(catalog, doc, findings));
  const unused = unusedBits(universe, doc, findings, []);
  const scratch = { scope: new Uint8Array(universe.size), kept: new Uint8Array(universe.size) };
  const decision = decidePattern(universe, unused, scratch, s, position, ref, []);
  const matches = matchList(universe, ref.pattern);
  if (matches.length === 0) return null;

  const scope = scratch.scope;
  const good = scratch.kept;
  for (const g of matches) {
    scope[g] = 1;
    good[g] = unused[g] ^ 1;
  }
  const services: number[] = [];
  for (const g of matches) {
    const si = universe.serviceOf(g);
    if (services[services.length - 1] !== si) services.push(si);
  }
  const spanning = ref.pattern.spansServices;
  const replaced = decision.outcome === 'replaced';
  const written = replaced ? [] : decision.replacement.slice();
  const flats = services.map((si) => {
    const svc = universe.services[si];
    return flatTrie(svc, level === 'word' ? serviceTrie(svc) : charTrie(svc));
  });
  const cols = new NodeColumns(flats.reduce((n, f) => n + f.nodes.length, spanning ? 1 : 0));
  const names: string[] = [];
  const levels: (AccessLevel | null)[] = [];
  const actionBits: number[] = [];
  if (spanning) {
    cols.prefix.push('*');
    cols.token.push(ref.pattern.text);
    cols.parent[0] = -1;
    cols.count = 1;
  }
  services.forEach((si, k) => {
    const svc = universe.services[si];
    const flat = flats[k];
    const offset = universe.offsets[si];
    const n = svc.names.length;
    const sums: ServiceSums = {
      scope: prefixSums(scope, offset, n),
      unused: prefixSums(unused, offset, n),
      good: prefixSums(good, offset, n),
    };
    const writtenBy = new Map<TrieNode, number>();
    if (replaced)
      frontier(flat, sums.good, sums.good, (i, _safe, w) => {
        if (w !== null) writtenBy.set(flat.nodes[i], written.push(w) - 1);
      });
    const top = spanning ? flat.nodes[0] : displayRoot(flat.nodes[0], sums.scope, writtenBy);
    const base = names.length - top.lo;
    for (let i = top.lo; i < top.hi; i++) {
      names.push(flat.names[i]);
      levels.push(svc.levels[i] ?? null);
      actionBits.push(
        (sums.scope[i + 1] - sums.scope[i]) | ((sums.unused[i + 1] - sums.unused[i]) << 1),
      );
    }
    const from = flat.nodes.indexOf(top);
    const to = flat.next[from];
    const depth0 = flat.depth[from] - (spanning ? 1 : 0);
    // Where each node of the flat trie landed in the output, for its children's parent index.
    const landed = new Int32Array(to - from);
    for (let i = from; i < to;) {
      const node = flat.nodes[i];
      const matched = sums.scope[node.hi] - sums.scope[node.lo];
      if (matched === 0) {
        i = flat.next[i];
        continue;
      }
      const o = cols.count++;
      landed[i - from] = o;
      cols.prefix.push(flat.prefix[i]);
      cols.token.push(i === from && !spanning ? flat.prefix[i] : flat.token[i]);
      cols.parent[o] = i === from ? (spanning ? 0 : -1) : landed[flat.parent[i] - from];
      cols.depth[o] = flat.depth[i] - depth0;
      cols.matched[o] = matched;
      cols.unused[o] = sums.unused[node.hi] - sums.unused[node.lo];
      cols.kept[o] = sums.good[node.hi] - sums.good[node.lo];
      if (node.action >= 0) cols.action[o] = base + node.action;
      cols.first[o] = base + node.lo;
      cols.end[o] = base + node.hi;
      if (writtenBy.size > 0) cols.written[o] = writtenBy.get(node) ?? -1;
      i++;
    }
  });
  for (const g of matches) scope[g] = good[g] = 0;
  if (spanning) {
    for (let i = 1; i < cols.count; i++) {
      if (cols.parent[i] !== 0) continue;
      cols.matched[0] += cols.matched[i];
      cols.unused[0] += cols.unused[i];
      cols.kept[0] += cols.kept[i];
    }
    cols.end[0] = names.length;
  }
  const bits = Uint8Array.from(actionBits);
  return {
    level,
    pattern: ref.pattern.text,
    statement,
    position,
    outcome: decision.outcome,
    reason: decision.reason,
    // The word-level list is the refiner's own; the walk above wrote the same entries in order.
    written: replaced && level === 'word' ? decision.replacement : written,
    spansServices: spanning,
    nodes: cols.done(),
    actions: {
      count: names.length,
      name: names,
      level: levels,
      matched: bits.map((b) => b & 1),
      unused: bits.map((b) => b >> 1),
    },
  };
}

/** One node as an object. */
export function trieNode(trie: PatternTrie, index: number): PatternTrieNode {
  const n = trie.nodes;
  const covered = n.end[index] - n.first[index];
  const w = n.written[index];
  return {
    index,
    prefix: n.prefix[index],
    token: n.token[index],
    parent: n.parent[index],
    depth: n.depth[index],
    covered,
    matched: n.matched[index],
    unused: n.unused[index],
    kept: n.kept[index],
    safe: n.kept[index] === covered,
    written: w < 0 ? null : trie.written[w],
    action: n.action[index],
    first: n.first[index],
    end: n.end[index],
  };
}

/** One action as an object. */
export function trieAction(trie: PatternTrie, index: number): PatternTrieAction {
  const a = trie.actions;
  return {
    name: a.name[index],
    level: a.level[index],
    matched: a.matched[index] === 1,
    unused: a.unused[index] === 1,
  };
}

/** Children of each node, by index, in trie order. */
export function trieChildren(trie: PatternTrie): number[][] {
  const children: number[][] = [];
  const parent = trie.nodes.parent;
  for (let i = 0; i < trie.nodes.count; i++) {
    children.push([]);
    if (parent[i] >= 0) children[parent[i]].push(i);
  }
  return children;
}

/** The actions a node covers. */
export function nodeActions(trie: PatternTrie, index: number): PatternTrieAction[] {
  const out: PatternTrieAction[] = [];
  for (let i = trie.nodes.first[index]; i < trie.nodes.end[index]; i++)
    out.push(trieAction(trie, i));
  return out;
}

/** The covered actions that make a node unsafe: unused, or outside what the pattern matched. */
export function nodeBlockers(
  trie: PatternTrie,
  index: number,
): { unused: PatternTrieAction[]; outside: PatternTrieAction[] } {
  const unused: PatternTrieAction[] = [];
  const outside: PatternTrieAction[] = [];
  for (const a of nodeActions(trie, index)) {
    if (a.unused) unused.push(a);
    else if (!a.matched) outside.push(a);
  }
  return { unused, outside };
}
