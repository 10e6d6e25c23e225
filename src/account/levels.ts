// What was removed, by access level, for a policy, a principal and the account, from core's counts
// (each recommendation's `levels`). A principal's policies may share actions: the removed ones are
// counted once by name, while "before" and "after" add up policy by policy.
import type { AccessLevel, LevelCount as PolicyLevelCount } from '../core';

/** Most privilege first: the order of the table's columns and of ties when sorting. */
export const ACCESS_LEVELS = [
  'Permissions management',
  'Write',
  'Tagging',
  'Read',
  'List',
] as const satisfies readonly AccessLevel[];

/** The access levels and `Unknown`, for actions the catalog does not know. */
export const LEVELS = [...ACCESS_LEVELS, 'Unknown'] as const;

export type Level = (typeof LEVELS)[number];

export interface LevelCount {
  /** Actions that go: for a principal, each once however many of its policies allowed it. */
  removed: number;
  /** Actions allowed before and after, added up policy by policy. */
  before: number;
  after: number;
}

export type LevelCounts = Record<Level, LevelCount>;

export function emptyLevels(): LevelCounts {
  const out = {} as LevelCounts;
  for (const l of LEVELS) out[l] = { removed: 0, before: 0, after: 0 };
  return out;
}

/** A principal's counts from its policies' recommendations (one policy: that policy's counts). */
export function principalLevels(policies: readonly (readonly PolicyLevelCount[])[]): LevelCounts {
  const out = emptyLevels();
  const removed = new Map<Level, Set<string>>();
  for (const levels of policies)
    for (const c of levels) {
      out[c.level].before += c.before;
      out[c.level].after += c.after;
      if (policies.length === 1) out[c.level].removed += c.removed.length;
      else {
        const names = removed.get(c.level) ?? new Set<string>();
        removed.set(c.level, names);
        for (const n of c.removed) names.add(n.toLowerCase());
      }
    }
  for (const [l, names] of removed) out[l].removed = names.size;
  return out;
}

export function addLevels(into: LevelCounts, more: LevelCounts): void {
  for (const l of LEVELS) {
    into[l].removed += more[l].removed;
    into[l].before += more[l].before;
    into[l].after += more[l].after;
  }
}

export function removedCount(levels: LevelCounts): number {
  let n = 0;
  for (const l of LEVELS) n += levels[l].removed;
  return n;
}
