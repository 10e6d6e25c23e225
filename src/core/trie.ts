// The token trie of a service (SPEC.md): one node per token prefix of its actions. A node covers every
// action whose name starts with its prefix, which in the sorted universe is the range [lo, hi).
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
  s.names.forEach((name, i) => {
    const lower = s.lower[i];
    let parent = root;
    let start = 0;
    for (const end of tokenBoundaries(name)) {
      const key = lower.slice(0, end);
      let node = byPrefix.get(key);
      if (!node) {
        const [lo, hi] = prefixRange(s.lower, key);
        node = {
          prefix: name.slice(0, end),
          lower: key,
          token: name.slice(start, end),
          lo,
          hi,
          action: -1,
          children: [],
          depth: parent.depth + 1,
        };
        byPrefix.set(key, node);
        parent.children.push(node);
      }
      if (end === name.length) node.action = i;
      parent = node;
      start = end;
    }
  });
  for (const node of byPrefix.values())
    if (node.children.length > 1) node.children.sort((a, b) => (a.lower < b.lower ? -1 : 1));
  return root;
}

/** Prefix sums of a 0/1 array over one service's local range: count(lo, hi) in O(1). */
export function prefixSums(bits: Uint8Array, offset: number, length: number): Int32Array {
  const sums = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) sums[i + 1] = sums[i] + bits[offset + i];
  return sums;
}

export interface FrontierVisit {
  node: TrieNode;
  /** Every covered action is good: the node is safe (green). */
  safe: boolean;
  /** Written into the result: as `svc:Prefix*`, or as the exact action it is or solely covers. */
  written: string | null;
}

/**
 * The largest nodes whose covered actions are all `good`, enough to cover every `needed` action
 * (needed is a subset of good). Top-down: a safe node is written and not entered; an unsafe node that
 * is itself a needed action is written exactly; the walk goes on into children that hold a needed action.
 */
export function frontier(
  service: UniverseService,
  root: TrieNode,
  good: Int32Array,
  needed: Int32Array,
  visit: (v: FrontierVisit) => void,
): string[] {
  const out: string[] = [];
  const walk = (node: TrieNode): void => {
    const total = node.hi - node.lo;
    const safe = good[node.hi] - good[node.lo] === total;
    if (needed[node.hi] - needed[node.lo] === 0) {
      visit({ node, safe, written: null });
      return;
    }
    if (safe) {
      const written =
        total === 1 ? `${service.key}:${service.names[node.lo]}` : `${service.key}:${node.prefix}*`;
      out.push(written);
      visit({ node, safe, written });
      return;
    }
    let written: string | null = null;
    if (node.action >= 0 && needed[node.action + 1] - needed[node.action] === 1) {
      written = `${service.key}:${service.names[node.action]}`;
      out.push(written);
    }
    visit({ node, safe, written });
    for (const child of node.children) walk(child);
  };
  walk(root);
  return out;
}
