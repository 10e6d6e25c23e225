// Sorting and searching the principals' rows: by how much privilege would go unless asked otherwise.
import { ACCESS_LEVELS, type LevelCounts } from '../../account';
import type { PrincipalRow } from '../../worker/account/protocol';

export type SortKey = 'name' | 'policies' | 'removed' | (typeof ACCESS_LEVELS)[number];

export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const DEFAULT_SORT: Sort = { key: 'removed', descending: true };

function gone(levels: LevelCounts, level: (typeof ACCESS_LEVELS)[number]): number {
  return levels[level].removed;
}

function value(row: PrincipalRow, key: SortKey): number | string {
  if (key === 'name') return row.name.toLowerCase();
  if (key === 'policies') return row.policies.length;
  if (key === 'removed') return row.removed;
  return gone(row.levels, key);
}

export function removedAt(row: PrincipalRow, level: (typeof ACCESS_LEVELS)[number]): number {
  return gone(row.levels, level);
}

/** Rows matching every word of the search (name, ARN, policy names), in the chosen order. */
export function visibleRows(
  rows: readonly PrincipalRow[],
  search: string,
  sort: Sort,
): PrincipalRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length
    ? rows.filter((r) => {
        const text =
          `${r.kind} ${r.name} ${r.arn} ${r.policies.map((p) => p.name).join(' ')}`.toLowerCase();
        return words.every((w) => text.includes(w));
      })
    : [...rows];
  const sign = sort.descending ? -1 : 1;
  return found.sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x !== y) return (x < y ? -1 : 1) * sign;
    // Ties: most Permissions management, then Write... gone first; then by ARN, so the order is stable.
    for (const l of ACCESS_LEVELS) {
      const d = gone(b.levels, l) - gone(a.levels, l);
      if (d !== 0) return d;
    }
    return a.arn < b.arn ? -1 : 1;
  });
}
