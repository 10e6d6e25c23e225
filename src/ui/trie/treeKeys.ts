// The keys of a WAI-ARIA tree (the APG's tree view pattern) over the drawn rows, in preorder:
// Up and Down move, Right opens or goes to the first child, Left closes or goes to the parent,
// Home and End, Enter and Space open and select, Escape closes the details; K keeps (or lets go) the
// action the row is.
import type { PlacedNode } from './layout';

export type TreeCommand =
  | { do: 'move'; to: number }
  | { do: 'toggle'; index: number }
  | { do: 'unfold'; parent: number }
  | { do: 'select'; index: number; expand: boolean }
  | { do: 'keep'; index: number }
  | { do: 'close' };

export interface TreeState {
  /** Whether trie node `i` is open. */
  open: (i: number) => boolean;
  /** Whether trie node `i` has children. */
  parent: (i: number) => boolean;
  detailsOpen: boolean;
}

/** What a key does on row `at` of `rows`; null when the tree does not use the key. */
export function treeCommand(
  key: string,
  rows: readonly PlacedNode[],
  at: number,
  state: TreeState,
): TreeCommand | null {
  if (key === 'Escape') return state.detailsOpen ? { do: 'close' } : null;
  const row = rows[at];
  if (!row) return null;
  const move = (k: number): TreeCommand => ({
    do: 'move',
    to: Math.max(0, Math.min(rows.length - 1, k)),
  });
  const node = row.index;
  const open = node >= 0 && state.open(node);
  switch (key) {
    case 'ArrowDown':
      return move(at + 1);
    case 'ArrowUp':
      return move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(rows.length - 1);
    case 'ArrowRight':
      if (node < 0) return { do: 'unfold', parent: row.foldOf };
      if (state.parent(node) && !open) return { do: 'toggle', index: node };
      return open && rows[at + 1]?.parent === at ? move(at + 1) : null;
    case 'ArrowLeft':
      if (open) return { do: 'toggle', index: node };
      return row.parent >= 0 ? move(row.parent) : null;
    case 'Enter':
    case ' ':
      if (node < 0) return { do: 'unfold', parent: row.foldOf };
      return { do: 'select', index: node, expand: state.parent(node) && !open };
    case 'k':
    case 'K':
      return node < 0 ? null : { do: 'keep', index: node };
    default:
      return null;
  }
}
