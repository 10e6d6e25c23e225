// What a policy allows, counted by the catalog's access levels: before and after, so a reviewer sees at
// once that "3 Permissions management and 12 Write actions are gone". Counted over the catalog's
// actions; an action the catalog does not know has no level and is not counted here.
import {
  buildUniverse,
  matchList,
  type AccessLevel,
  type Catalog,
  type PolicyDocument,
  type Universe,
} from '../core';

export const ACCESS_LEVELS = [
  'Permissions management',
  'Write',
  'Tagging',
  'Read',
  'List',
] as const satisfies readonly AccessLevel[];

export interface LevelCount {
  before: number;
  after: number;
}

export type LevelCounts = Record<AccessLevel, LevelCount>;

const universes = new WeakMap<Catalog, Universe>();

export function catalogActions(catalog: Catalog): Universe {
  let u = universes.get(catalog);
  if (!u) {
    u = buildUniverse(catalog, []);
    universes.set(catalog, u);
  }
  return u;
}

/** Marks in `bits` the catalog actions the document's Allow statements allow. */
export function markAllowed(doc: PolicyDocument, u: Universe, bits: Uint8Array): void {
  for (const s of doc.statements) {
    if (s.effect !== 'Allow') continue;
    if (s.actionKey === 'Action') {
      for (const r of s.patterns)
        if (r.pattern.problem === undefined) for (const g of matchList(u, r.pattern)) bits[g] = 1;
      continue;
    }
    const excluded = new Uint8Array(u.size);
    for (const r of s.patterns)
      if (r.pattern.problem === undefined) for (const g of matchList(u, r.pattern)) excluded[g] = 1;
    for (let g = 0; g < u.size; g++) if (!excluded[g]) bits[g] = 1;
  }
}

export function emptyLevels(): LevelCounts {
  const out = {} as LevelCounts;
  for (const l of ACCESS_LEVELS) out[l] = { before: 0, after: 0 };
  return out;
}

/** Counts, per access level, the actions set in `before` and in `after`. */
export function countLevels(u: Universe, before: Uint8Array, after: Uint8Array): LevelCounts {
  const out = emptyLevels();
  for (let si = 0; si < u.services.length; si++) {
    const levels = u.services[si].levels;
    const base = u.offsets[si];
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      if (level === undefined) continue;
      out[level].before += before[base + i];
      out[level].after += after[base + i];
    }
  }
  return out;
}

export function addLevels(into: LevelCounts, more: LevelCounts): void {
  for (const l of ACCESS_LEVELS) {
    into[l].before += more[l].before;
    into[l].after += more[l].after;
  }
}

export function removedCount(levels: LevelCounts): number {
  let n = 0;
  for (const l of ACCESS_LEVELS) n += levels[l].before - levels[l].after;
  return n;
}
