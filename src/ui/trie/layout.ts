// d3 computes, React draws: the tidy-tree layout of the visible part of the trie. Collapsed subtrees
// are never handed to d3-hierarchy, so a trie of 40,000 nodes costs what its open part costs. d3 gives
// the rows; the columns are as wide as their longest label, measured, so labels never overlap.
import { hierarchy, tree } from 'd3-hierarchy';
import { linesWidth, type NodeLines } from './labels';
import { LABEL_X, LINK_SPACE, ROW } from './palette';
import { visibleChildren, type TrieModel, type VisibleItem } from './model';

export interface PlacedNode {
  /** The trie node, or -1 for a row that folds a parent's safe children. */
  index: number;
  /** For a fold row: the node whose safe children it stands for. */
  foldOf: number;
  /** Horizontal: the column of its depth. */
  x: number;
  /** Vertical: order among the visible nodes. */
  y: number;
  depth: number;
  /** Index in `nodes` of the parent, -1 for the root. */
  parent: number;
  /** 1-based position among its siblings, and how many they are (for assistive technology). */
  position: number;
  siblings: number;
  lines: NodeLines;
}

export interface TrieLayout {
  /** In preorder: the order arrow keys move in. */
  nodes: PlacedNode[];
  /** Where each column starts. */
  columns: number[];
  bounds: { left: number; top: number; right: number; bottom: number };
}

export function layoutTrie(
  model: TrieModel,
  expanded: ReadonlySet<string>,
  unfolded: ReadonlySet<string>,
  linesOf: (item: VisibleItem) => NodeLines,
): TrieLayout {
  const root = hierarchy<VisibleItem>({ index: 0, foldOf: -1 }, (item) =>
    visibleChildren(model, expanded, unfolded, item),
  );
  // A row apart even between cousins: each label fits its row, so no wider gap is needed.
  const laid = tree<VisibleItem>()
    .nodeSize([ROW, 1])
    .separation(() => 1)(root);
  // The widest label of each depth sets where the next column starts.
  const widest: number[] = [];
  const lines = new Map<(typeof laid)['data'], NodeLines>();
  laid.each((d) => {
    const l = linesOf(d.data);
    lines.set(d.data, l);
    widest[d.depth] = Math.max(widest[d.depth] ?? 0, LABEL_X + linesWidth(l));
  });
  const columns = [0];
  for (let d = 1; d < widest.length; d++) columns.push(columns[d - 1] + widest[d - 1] + LINK_SPACE);
  const nodes: PlacedNode[] = [];
  const at = new Map<(typeof laid)['data'], number>();
  let top = 0;
  let bottom = 0;
  laid.eachBefore((d) => {
    at.set(d.data, nodes.length);
    const siblings = d.parent?.children ?? [d];
    nodes.push({
      index: d.data.index,
      foldOf: d.data.foldOf,
      x: columns[d.depth],
      y: d.x,
      depth: d.depth,
      parent: d.parent ? (at.get(d.parent.data) ?? -1) : -1,
      position: siblings.indexOf(d) + 1,
      siblings: siblings.length,
      lines: lines.get(d.data) as NodeLines,
    });
    top = Math.min(top, d.x);
    bottom = Math.max(bottom, d.x);
  });
  const last = widest.length - 1;
  return {
    nodes,
    columns,
    bounds: { left: 0, top, right: columns[last] + widest[last], bottom },
  };
}
