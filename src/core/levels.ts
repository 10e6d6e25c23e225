// What the Allow statements allowed before and after, counted per access level (Unknown where the
// catalog gives none), with the names of those taken away: the summary's table of what is gone.
import type { LevelCount } from './recommendation';
import { ACCESS_LEVELS, type Universe } from './universe';

/** Per access level, how many actions the Allow statements allowed before and after, and which went. */
export function levelCounts(u: Universe, before: Uint8Array, after: Uint8Array): LevelCount[] {
  const rows = new Map<LevelCount['level'], LevelCount>(
    [...ACCESS_LEVELS, 'Unknown' as const].map((level) => [
      level,
      { level, before: 0, after: 0, removed: [] },
    ]),
  );
  // Only the services holding an allowed action are read: found by the engine's indexOf.
  const next = (from: number) => {
    const b = before.indexOf(1, from);
    const a = after.indexOf(1, from);
    return b < 0 ? a : a < 0 ? b : Math.min(a, b);
  };
  for (let at = next(0); at >= 0;) {
    const si = u.serviceOf(at);
    const s = u.services[si];
    const end = u.offsets[si + 1];
    for (let g = at, l = at - u.offsets[si]; g < end; g++, l++) {
      if (!before[g] && !after[g]) continue;
      const row = rows.get(s.levels[l] ?? 'Unknown') as LevelCount;
      row.before += before[g];
      row.after += after[g];
      if (before[g] && !after[g]) row.removed.push(`${s.key}:${s.names[l]}`);
    }
    at = end < u.size ? next(end) : -1;
  }
  return [...rows.values()];
}
