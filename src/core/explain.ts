// Why each wildcard was chosen: the whole trie under one pattern of the policy, every node with what it
// covers and what the refiner's walk did there, as plain data a worker can post. The decision and the
// walk are the refiner's own (decidePattern), read from the same context, so the picture cannot
// disagree with the recommendation.
import type { RefineContext } from './context';
import { decidePattern, scratchFor } from './decide';
import type { ServiceWalk } from './frontier';
import { matchList } from './patterns';
import type { PatternOutcome, TrieNodeCounts } from './recommendation';
import { flatTrie, prefixSums, serviceTrie, type FlatTrie, type TrieNode } from './trie';
import type { AccessLevel, UniverseService } from './universe';
import { walk, type Step, type Walk } from './walk';

/** The steps of the walk by their code in `PatternTrieNodes.step` (-1: not reached). */
export const STEPS: readonly Step[] = ['written', 'exact', 'entered', 'empty', 'covered'];

/** Words (the product's unit) or single characters (what docs/refinement.md shows to be wrong). */
export type TrieLevel = 'word' | 'char';

/** One action under the pattern's trie (a view: the trie stores actions as columns). */
export interface PatternTrieAction {
  /** `s3:GetObject`, in the catalog's spelling. */
  name: string;
  level: AccessLevel | null;
  /** The original pattern matches it. */
  matched: boolean;
  /** Reported unused, and taken away. */
  unused: boolean;
  /** Reported unused, but kept on purpose (the keep list). */
  keptOnPurpose: boolean;
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
  /** What the walk did here, or null where it did not reach (below a node it wrote or passed over). */
  step: Step | null;
  /** For a covered node, the entry that covers it. */
  coveredBy: string | null;
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
  /** Index in STEPS of what the walk did here, or -1 where it did not reach. */
  step: Int8Array;
  /** For a covered node, the index in `PatternTrie.written` of the entry covering it, else -1. */
  cover: Int32Array;
}

export interface PatternTrieActions {
  count: number;
  name: string[];
  level: (AccessLevel | null)[];
  /** 1 when the original pattern matches the action. */
  matched: Uint8Array;
  /** 1 when the action is unused (and taken away). */
  unused: Uint8Array;
  /** 1 when the action is reported unused but kept on purpose. */
  onPurpose: Uint8Array;
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
function displayRoot(flat: FlatTrie, scope: Int32Array, marks: WalkMarks): number {
  const total = scope[flat.hi[0]] - scope[flat.lo[0]];
  let i = 0;
  for (;;) {
    if (marks.written[i] >= 0) return i;
    const a = flat.action[i];
    if (a >= 0 && scope[a + 1] > scope[a]) return i;
    let inside = -1;
    let holding = 0;
    for (let c = i + 1; c < flat.next[i]; c = flat.next[c])
      if (scope[flat.hi[c]] > scope[flat.lo[c]]) {
        inside = c;
        holding++;
      }
    if (holding !== 1 || scope[flat.hi[inside]] - scope[flat.lo[inside]] !== total) return i;
    i = inside;
  }
}

/** A walk's record laid over its flat trie: per node, the step and the entry written or covering. */
interface WalkMarks {
  step: Int8Array;
  written: Int32Array;
  cover: Int32Array;
}

function marksOf(flat: FlatTrie, w: Walk | null, firstEntry: number): WalkMarks {
  const n = flat.nodes.length;
  const marks = {
    step: new Int8Array(n).fill(-1),
    written: new Int32Array(n).fill(-1),
    cover: new Int32Array(n).fill(-1),
  };
  if (!w) return marks;
  const index = new Map<string, number>(w.written.map((e, k) => [e, firstEntry + k]));
  for (let k = 0; k < w.nodes.length; k++) {
    const i = w.nodes[k];
    const step = w.steps[k];
    const entry = w.entries[k];
    marks.step[i] = STEPS.indexOf(step);
    if (entry === null) continue;
    if (step === 'covered') marks.cover[i] = index.get(entry) ?? -1;
    else marks.written[i] = index.get(entry) ?? -1;
  }
  return marks;
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
  step: Int8Array;
  cover: Int32Array;

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
    this.step = new Int8Array(capacity).fill(-1);
    this.cover = new Int32Array(capacity).fill(-1);
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
      step: this.step.slice(0, n),
      cover: this.cover.slice(0, n),
    };
  }
}

/**
 * The trie of one pattern (`statements[statement]`, entry `position` of its Action list), or null
 * when there is no such Allow/Action pattern or it matches no action.
 */
export function explainPattern(
  ctx: RefineContext,
  statement: number,
  position: number,
  options: ExplainOptions = {},
): PatternTrie | null {
  const level = options.level ?? 'word';
  const s = ctx.doc.statements[statement];
  if (!s || s.effect !== 'Allow' || s.actionKey !== 'Action') return null;
  const ref = s.patterns[position];
  if (!ref) return null;
  const u = ctx.universe;
  const { unused, reported } = ctx;
  const scratch = scratchFor(u);
  const { decision, walks } = decidePattern(ctx, scratch, s, position, ref, []);
  const matches = matchList(u, ref.pattern);
  if (matches.length === 0) return null;

  const scope = scratch.scope;
  const good = scratch.kept;
  for (const g of matches) {
    scope[g] = 1;
    good[g] = unused[g] ^ 1;
  }
  const services: number[] = [];
  for (const g of matches) {
    const si = u.serviceOf(g);
    if (services[services.length - 1] !== si) services.push(si);
  }
  const spanning = ref.pattern.spansServices;
  const replaced = decision.outcome === 'replaced';
  const walkOf = new Map<number, Walk>(walks.map((w: ServiceWalk) => [w.service, w.walk]));
  const flats = services.map((si) => {
    const svc = u.services[si];
    return flatTrie(svc, level === 'word' ? serviceTrie(svc) : charTrie(svc));
  });
  const cols = new NodeColumns(flats.reduce((n, f) => n + f.nodes.length, spanning ? 1 : 0));
  const written: string[] = replaced ? [] : decision.replacement.slice();
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
    const svc = u.services[si];
    const flat = flats[k];
    const offset = u.offsets[si];
    const n = svc.names.length;
    const sums = {
      scope: prefixSums(scope, offset, n),
      unused: prefixSums(unused, offset, n),
      onPurpose: ctx.keep ? prefixSums(reported, offset, n) : null,
      good: prefixSums(good, offset, n),
    };
    // At the word level the walk is the refiner's own; at the character level, the same walk over
    // the character trie shows what a character-level refiner would write.
    const w = !replaced
      ? null
      : level === 'word'
        ? (walkOf.get(si) ?? null)
        : walk(flat, sums.good, sums.good);
    const marks = marksOf(flat, w, written.length);
    if (w) for (const e of w.written) written.push(e);
    const from = spanning ? 0 : displayRoot(flat, sums.scope, marks);
    const to = flat.next[from];
    const base = names.length - flat.lo[from];
    for (let i = flat.lo[from]; i < flat.hi[from]; i++) {
      names.push(flat.names[i]);
      levels.push(svc.levels[i] ?? null);
      const isUnused = sums.unused[i + 1] - sums.unused[i];
      const onPurpose = sums.onPurpose ? sums.onPurpose[i + 1] - sums.onPurpose[i] - isUnused : 0;
      actionBits.push((sums.scope[i + 1] - sums.scope[i]) | (isUnused << 1) | (onPurpose << 2));
    }
    const depth0 = flat.depth[from] - (spanning ? 1 : 0);
    // Where each node of the flat trie landed in the output, for its children's parent index.
    const landed = new Int32Array(to - from);
    for (let i = from; i < to;) {
      const matched = sums.scope[flat.hi[i]] - sums.scope[flat.lo[i]];
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
      cols.unused[o] = sums.unused[flat.hi[i]] - sums.unused[flat.lo[i]];
      cols.kept[o] = sums.good[flat.hi[i]] - sums.good[flat.lo[i]];
      if (flat.action[i] >= 0) cols.action[o] = base + flat.action[i];
      cols.first[o] = base + flat.lo[i];
      cols.end[o] = base + flat.hi[i];
      cols.written[o] = marks.written[i];
      cols.step[o] = marks.step[i];
      cols.cover[o] = marks.cover[i];
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
    written,
    spansServices: spanning,
    nodes: cols.done(),
    actions: {
      count: names.length,
      name: names,
      level: levels,
      matched: bits.map((b) => b & 1),
      unused: bits.map((b) => (b >> 1) & 1),
      onPurpose: bits.map((b) => b >> 2),
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
    step: n.step[index] < 0 ? null : STEPS[n.step[index]],
    coveredBy: n.cover[index] < 0 ? null : trie.written[n.cover[index]],
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
    keptOnPurpose: a.onPurpose[index] === 1,
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
