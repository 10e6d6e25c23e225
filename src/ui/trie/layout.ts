// d3 computes, React draws: the tidy-tree layout of the visible part of the trie. Collapsed subtrees
// are never handed to d3-hierarchy, so a trie of 40,000 nodes costs what its open part costs.
import { hierarchy, tree } from 'd3-hierarchy';
import { COLUMN, ROW } from './palette';
import type { TrieModel } from './model';

export interface PlacedNode {
  index: number;
  /** Horizontal: depth. */
  x: number;
  /** Vertical: order among the visible nodes. */
  y: number;
  parent: number;
}

export interface TrieLayout {
  nodes: PlacedNode[];
  bounds: { left: number; top: number; right: number; bottom: number };
}

export function layoutTrie(model: TrieModel, expanded: ReadonlySet<string>): TrieLayout {
  const { trie, children } = model;
  const root = hierarchy<number>(0, (i) =>
    expanded.has(trie.nodes.prefix[i]) ? children[i] : null,
  );
  const laid = tree<number>().nodeSize([ROW, COLUMN])(root);
  const nodes: PlacedNode[] = [];
  let top = 0;
  let bottom = 0;
  let right = 0;
  laid.each((d) => {
    nodes.push({ index: d.data, x: d.y, y: d.x, parent: d.parent ? d.parent.data : -1 });
    top = Math.min(top, d.x);
    bottom = Math.max(bottom, d.x);
    right = Math.max(right, d.y);
  });
  return { nodes, bounds: { left: 0, top, right, bottom } };
}
