// What the trie view derives once per trie: children lists, lookups by prefix and by action, the nodes
// open at first, and search. Collapse state lives in the view as a Set of prefixes, never in the trie.
import { STEPS, trieChildren, type PatternTrie, type Step } from '../../core';

export interface TrieModel {
  trie: PatternTrie;
  children: number[][];
  readonly byPrefix: Map<string, number>;
  /** The node each action is, by action index (-1 when none). */
  readonly nodeOfAction: Int32Array;
  /** Lower-case action names, for search. */
  readonly lowerNames: string[];
}

/** Tries up to this size open fully; larger ones open on the path the refiner walked. */
export const SMALL_TRIE = 40;
/** Above this many visible nodes the view asks to narrow down instead of drawing. */
export const MAX_VISIBLE = 1500;
/** An open node with more safe children than this shows them as one row until it is unfolded. */
export const FOLD_MIN = 8;

/** A row of the drawing: a trie node, or (index -1) the fold of `foldOf`'s safe children. */
export interface VisibleItem {
  index: number;
  foldOf: number;
}

/** The safe children of `i` that a fold hides: all of them, or none when they are few. */
export function foldable(model: TrieModel, i: number): number[] {
  const safe = model.children[i].filter((c) => isSafe(model.trie, c));
  return safe.length > FOLD_MIN ? safe : [];
}

/**
 * The rows under an item. `unfolded` holds prefixes shown in full: a node whose safe children are not
 * folded, or a safe child revealed through its parent's fold.
 */
export function visibleChildren(
  model: TrieModel,
  expanded: ReadonlySet<string>,
  unfolded: ReadonlySet<string>,
  item: VisibleItem,
): VisibleItem[] | null {
  const i = item.index;
  if (i < 0 || !expanded.has(model.trie.nodes.prefix[i])) return null;
  const all = model.children[i];
  const folded = unfolded.has(model.trie.nodes.prefix[i]) ? [] : foldable(model, i);
  if (folded.length === 0) return all.map((c) => ({ index: c, foldOf: -1 }));
  const hidden = new Set(folded.filter((c) => !unfolded.has(model.trie.nodes.prefix[c])));
  const rows: VisibleItem[] = all
    .filter((c) => !hidden.has(c))
    .map((c) => ({ index: c, foldOf: -1 }));
  if (hidden.size > 0) rows.push({ index: -1, foldOf: i });
  return rows;
}

/** The safe children a fold row stands for, with the entries they are written as. */
export function foldContents(
  model: TrieModel,
  unfolded: ReadonlySet<string>,
  parent: number,
): { nodes: number[]; actions: number; written: string[] } {
  const nodes = foldable(model, parent).filter((c) => !unfolded.has(model.trie.nodes.prefix[c]));
  const n = model.trie.nodes;
  let actions = 0;
  const written: string[] = [];
  for (const c of nodes) {
    actions += n.end[c] - n.first[c];
    const w = writtenOf(model.trie, c);
    if (w !== null) written.push(w);
  }
  return { nodes, actions, written };
}

/**
 * The lookups are built on first use: the first frame needs only the children, and a search or a
 * reveal on a trie of 40,000 nodes can pay for its maps when it happens.
 */
export function trieModel(trie: PatternTrie): TrieModel {
  let byPrefix: Map<string, number> | undefined;
  let nodeOfAction: Int32Array | undefined;
  let lowerNames: string[] | undefined;
  return {
    trie,
    children: trieChildren(trie),
    get byPrefix() {
      if (!byPrefix) {
        byPrefix = new Map();
        for (let i = 0; i < trie.nodes.count; i++) byPrefix.set(trie.nodes.prefix[i], i);
      }
      return byPrefix;
    },
    get nodeOfAction() {
      if (!nodeOfAction) {
        nodeOfAction = new Int32Array(trie.actions.count).fill(-1);
        for (let i = 0; i < trie.nodes.count; i++) {
          const a = trie.nodes.action[i];
          if (a >= 0) nodeOfAction[a] = i;
        }
      }
      return nodeOfAction;
    },
    get lowerNames() {
      lowerNames ??= trie.actions.name.map((n) => n.toLowerCase());
      return lowerNames;
    },
  };
}

export function isSafe(trie: PatternTrie, i: number): boolean {
  return trie.nodes.kept[i] === trie.nodes.end[i] - trie.nodes.first[i];
}

export function writtenOf(trie: PatternTrie, i: number): string | null {
  const w = trie.nodes.written[i];
  return w < 0 ? null : trie.written[w];
}

/** What the refiner's walk did at node `i` (its own record), or null where it did not reach. */
export function stepOf(trie: PatternTrie, i: number): Step | null {
  const s = trie.nodes.step[i];
  return s < 0 ? null : STEPS[s];
}

/** For a node the walk left out as covered: the entry, written at another node, that covers it. */
export function coverOf(trie: PatternTrie, i: number): string | null {
  const c = trie.nodes.cover[i];
  return c < 0 ? null : trie.written[c];
}

/** Whether the walk went on into node `i`'s children (an unsafe node it reached). */
export function entered(trie: PatternTrie, i: number): boolean {
  const step = stepOf(trie, i);
  return step === 'entered' || step === 'exact' || (step === 'covered' && !isSafe(trie, i));
}

/** The node's ancestors, root first. */
export function ancestors(model: TrieModel, i: number): number[] {
  const out: number[] = [];
  for (let p = model.trie.nodes.parent[i]; p >= 0; p = model.trie.nodes.parent[p]) out.push(p);
  return out.reverse();
}

/** A copy of `expanded` with every ancestor of node `i` open, so that `i` is drawn. */
export function revealed(model: TrieModel, expanded: ReadonlySet<string>, i: number): Set<string> {
  const next = new Set(expanded);
  for (const a of ancestors(model, i)) next.add(model.trie.nodes.prefix[a]);
  return next;
}

/** A copy of `unfolded` with node `i` and its ancestors taken out of any fold, so that `i` is drawn. */
export function unfoldedTo(
  model: TrieModel,
  unfolded: ReadonlySet<string>,
  i: number,
): Set<string> {
  const next = new Set(unfolded);
  for (const a of [...ancestors(model, i), i]) {
    const prefix = model.trie.nodes.prefix[a];
    if (a !== 0 && isSafe(model.trie, a)) next.add(prefix);
  }
  return next;
}

/**
 * Small tries open fully. Larger ones open the nodes the refiner went into: the unsafe ones that
 * still hold an action to keep, so the paths to the unused leaves and the frontier beside them show;
 * many safe siblings fold into one row (`visibleChildren`), so a "*" opens on the services that matter.
 */
export function initialExpanded(model: TrieModel): Set<string> {
  const { trie, children } = model;
  const open = new Set<string>();
  const small = trie.nodes.count <= SMALL_TRIE;
  for (let i = 0; i < trie.nodes.count; i++) {
    if (children[i].length === 0) continue;
    const walked = entered(trie, i);
    if (small || walked || i === 0) open.add(trie.nodes.prefix[i]);
  }
  // When the refiner's path alone is too much to draw, start from the root's children.
  return countVisible(model, open, new Set(), MAX_VISIBLE) > MAX_VISIBLE
    ? new Set([trie.nodes.prefix[0]])
    : open;
}

/** Every node with children: for "expand all" on a small trie. */
export function allExpanded(model: TrieModel): Set<string> {
  const open = new Set<string>();
  model.children.forEach((c, i) => {
    if (c.length > 0) open.add(model.trie.nodes.prefix[i]);
  });
  return open;
}

/** How many rows would be drawn, stopping early past `limit`. */
export function countVisible(
  model: TrieModel,
  expanded: ReadonlySet<string>,
  unfolded: ReadonlySet<string>,
  limit = Infinity,
): number {
  let n = 0;
  const stack: VisibleItem[] = [{ index: 0, foldOf: -1 }];
  while (stack.length > 0 && n <= limit) {
    const item = stack.pop() as VisibleItem;
    n++;
    const below = visibleChildren(model, expanded, unfolded, item);
    if (below) stack.push(...below);
  }
  return n;
}

/**
 * Nodes matching a query, best first: the exact action (`ec2:TerminateInstances` or
 * `TerminateInstances`), the exact prefix, then names that start with it, then names that contain it.
 */
export function searchTrie(model: TrieModel, query: string, limit = 8): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const { trie, lowerNames, nodeOfAction } = model;
  const ranked: [number, number][] = [];
  const seen = new Set<number>();
  const add = (node: number, rank: number) => {
    if (node < 0 || seen.has(node)) return;
    seen.add(node);
    ranked.push([rank, node]);
  };
  for (let i = 0; i < trie.nodes.count; i++)
    if (trie.nodes.prefix[i].toLowerCase() === q) add(i, 1);
  for (let a = 0; a < lowerNames.length; a++) {
    const name = lowerNames[a];
    if (name === q || name.endsWith(`:${q}`)) add(nodeOfAction[a], 0);
    else if (name.startsWith(q) || name.slice(name.indexOf(':') + 1).startsWith(q))
      add(nodeOfAction[a], 2);
    else if (name.includes(q)) add(nodeOfAction[a], 3);
    if (ranked.length > 4 * limit && ranked.some((r) => r[0] === 0)) break;
  }
  return ranked
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, limit)
    .map((r) => r[1]);
}
