// The trie under one pattern (explain.ts builds it) as plain data a worker can post: nodes and actions
// as columns of typed arrays, and views of one node or action as an object for the page to read.
import type { PatternOutcome, TrieNodeCounts } from './recommendation';
import type { AccessLevel } from './universe';
import type { Step } from './walk';

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
