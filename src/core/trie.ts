// The token trie of a service (docs/refinement.md): one node per token prefix of its actions. A node
// covers every action whose name starts with its prefix, character by character, which in the sorted
// universe is the range [lo, hi); so `ListReport` also covers its sibling `ListReports`. Beside it, the
// character trie, to show what a refiner cutting names at any character would write.
import { tokenBoundaries } from './tokens';
import { prefixRange, type UniverseService } from './universe';

export interface TrieNode {
  /** The prefix in the catalog's spelling, without the service: `GetBucket`; '' for the service itself. */
  readonly prefix: string;
  readonly lower: string;
  /** The last token: `Bucket`. */
  readonly token: string;
  /** Covered actions: local indices [lo, hi) of the service. */
  readonly lo: number;
  readonly hi: number;
  /** The local index of the action this node is, or -1. */
  readonly action: number;
  readonly children: TrieNode[];
  readonly depth: number;
}

interface MutableNode {
  prefix: string;
  lower: string;
  token: string;
  lo: number;
  hi: number;
  action: number;
  children: MutableNode[];
  depth: number;
}

const tries = new WeakMap<UniverseService, TrieNode>();

export function serviceTrie(s: UniverseService): TrieNode {
  let root = tries.get(s);
  if (!root) {
    root = buildTrie(s);
    tries.set(s, root);
  }
  return root;
}

function buildTrie(s: UniverseService): TrieNode {
  const root: MutableNode = {
    prefix: '',
    lower: '',
    token: '',
    lo: 0,
    hi: s.names.length,
    action: -1,
    children: [],
    depth: 0,
  };
  const byPrefix = new Map<string, MutableNode>([['', root]]);
  const all: MutableNode[] = [root];
  const { names, lower: lowers } = s;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const lower = lowers[i];
    const ends = tokenBoundaries(name);
    let parent = root;
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k];
      const key = lower.slice(0, end);
      let node = byPrefix.get(key);
      if (!node) {
        const range = prefixRange(lowers, key, parent.lo, parent.hi);
        node = {
          prefix: name.slice(0, end),
          lower: key,
          token: name.slice(start, end),
          lo: range[0],
          hi: range[1],
          action: -1,
          children: [],
          depth: parent.depth + 1,
        };
        byPrefix.set(key, node);
        all.push(node);
        parent.children.push(node);
      }
      if (end === name.length) node.action = i;
      parent = node;
      start = end;
    }
  }
  for (let n = 0; n < all.length; n++)
    if (all[n].children.length > 1) all[n].children.sort((a, b) => (a.lower < b.lower ? -1 : 1));
  return root;
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

/** Prefix sums of a 0/1 array over one service's local range: count(lo, hi) in O(1). */
export function prefixSums(bits: Uint8Array, offset: number, length: number): Int32Array {
  const sums = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) sums[i + 1] = sums[i] + bits[offset + i];
  return sums;
}

/**
 * A trie laid out in preorder once: a node's children follow it, and `next` skips its subtree. The
 * frontier walks these arrays instead of the node objects; explanations count and copy from them.
 */
export interface FlatTrie {
  nodes: TrieNode[];
  /** `s3:GetBucket`. */
  prefix: string[];
  token: string[];
  parent: Int32Array;
  depth: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  /** The local index of the action each node is, or -1. */
  action: Int32Array;
  /** The index just past each node's subtree. */
  next: Int32Array;
  /** `s3:GetObject` for each action of the service. */
  names: string[];
  /**
   * `s3:GetBucket*` for each node, made when first written and then kept: the "*" refinement writes
   * a thousand of them, and strings made once are flat when the proof and the printer read them.
   */
  wildcards: (string | undefined)[];
}

const flatTries = new WeakMap<TrieNode, FlatTrie>();

/** The flat form of a trie of `svc` (word or character level), built once per trie. */
export function flatTrie(svc: UniverseService, root: TrieNode): FlatTrie {
  let flat = flatTries.get(root);
  if (flat) return flat;
  const nodes: TrieNode[] = [];
  const parents: number[] = [];
  const stack: TrieNode[] = [root];
  const stackParents: number[] = [-1];
  while (stack.length > 0) {
    const node = stack.pop() as TrieNode;
    parents.push(stackParents.pop() as number);
    const index = nodes.push(node) - 1;
    for (let c = node.children.length - 1; c >= 0; c--) {
      stack.push(node.children[c]);
      stackParents.push(index);
    }
  }
  const next = new Int32Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (next[i] === 0) next[i] = i + 1;
    const p = parents[i];
    if (p >= 0 && next[p] === 0) next[p] = next[i];
  }
  const n = nodes.length;
  flat = {
    nodes,
    prefix: [],
    token: [],
    parent: new Int32Array(parents),
    depth: new Int32Array(n),
    lo: new Int32Array(n),
    hi: new Int32Array(n),
    action: new Int32Array(n),
    next,
    names: svc.names.map((name) => `${svc.key}:${name}`),
    wildcards: [],
  };
  // One indexed pass (Int32Array.from steps an iterator, which the interpreter allocates for).
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    flat.prefix.push(`${svc.key}:${node.prefix}`);
    flat.token.push(node.depth === 0 ? `${svc.key}:` : node.token);
    flat.depth[i] = node.depth;
    flat.lo[i] = node.lo;
    flat.hi[i] = node.hi;
    flat.action[i] = node.action;
  }
  flatTries.set(root, flat);
  return flat;
}
