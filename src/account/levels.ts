// What a policy allows, counted by the catalog's access levels: before and after, so a reviewer sees at
// once that "3 Permissions management and 12 Write actions are gone". Counted over the catalog's
// actions; an action the catalog does not know has no level and is not counted here. Sets are lists
// of action indices: most policies allow a few hundred of the catalog's 22,000 actions.
import {
  buildUniverse,
  matchList,
  parsePattern,
  type AccessLevel,
  type Catalog,
  type JsonValue,
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

/** The catalog's actions with each one's level as an index into ACCESS_LEVELS (255: none). */
export interface LevelIndex {
  u: Universe;
  level: Uint8Array;
  /** Scratch marks over the actions, always left cleared. */
  marks: Uint8Array;
}

const indices = new WeakMap<Catalog, LevelIndex>();

export function levelIndex(catalog: Catalog): LevelIndex {
  let index = indices.get(catalog);
  if (!index) {
    const u = buildUniverse(catalog, []);
    const level = new Uint8Array(u.size).fill(255);
    u.services.forEach((s, si) =>
      s.levels.forEach((l, i) => {
        if (l !== undefined) level[u.offsets[si] + i] = ACCESS_LEVELS.indexOf(l);
      }),
    );
    index = { u, level, marks: new Uint8Array(u.size) };
    indices.set(catalog, index);
  }
  return index;
}

/** A statement's grant as plain strings: read from a parsed document or from a refined one's tree. */
interface Grant {
  effect: string;
  notAction: boolean;
  patterns: string[];
}

export function documentGrants(doc: PolicyDocument): Grant[] {
  return doc.statements.map((s) => ({
    effect: s.effect,
    notAction: s.actionKey === 'NotAction',
    patterns: s.patterns.filter((r) => r.pattern.problem === undefined).map((r) => r.pattern.text),
  }));
}

/** The same from core's JSON tree of a refined document (written by the refiner, so well formed). */
export function treeGrants(root: JsonValue | null): Grant[] {
  if (root?.kind !== 'object') return [];
  const statement = root.entries.find((e) => e.key === 'Statement')?.value;
  const list = statement?.kind === 'array' ? statement.items : statement ? [statement] : [];
  const out: Grant[] = [];
  for (const s of list) {
    if (s.kind !== 'object') continue;
    const get = (k: string) => s.entries.find((e) => e.key === k)?.value;
    const effect = get('Effect');
    const action = get('Action') ?? get('NotAction');
    const patterns = (action?.kind === 'array' ? action.items : action ? [action] : []).flatMap(
      (v) => (v.kind === 'string' ? [v.value] : []),
    );
    out.push({
      effect: effect?.kind === 'string' ? effect.value : '',
      notAction: get('Action') === undefined,
      patterns,
    });
  }
  return out;
}

/** The catalog actions the Allow statements allow, each once. */
export function allowedActions(grants: readonly Grant[], index: LevelIndex): number[] {
  const { u, marks } = index;
  const out: number[] = [];
  const add = (g: number) => {
    if (!marks[g]) {
      marks[g] = 1;
      out.push(g);
    }
  };
  for (const s of grants) {
    if (s.effect !== 'Allow') continue;
    if (!s.notAction) {
      for (const p of s.patterns) for (const g of matchList(u, parsePattern(p))) add(g);
      continue;
    }
    const excluded = new Uint8Array(u.size);
    for (const p of s.patterns) for (const g of matchList(u, parsePattern(p))) excluded[g] = 1;
    for (let g = 0; g < u.size; g++) if (!excluded[g]) add(g);
  }
  for (const g of out) marks[g] = 0;
  return out;
}

export function emptyLevels(): LevelCounts {
  const out = {} as LevelCounts;
  for (const l of ACCESS_LEVELS) out[l] = { before: 0, after: 0 };
  return out;
}

/** Counts, per access level, the actions of `before` and of `after`. */
export function countLevels(
  index: LevelIndex,
  before: readonly number[],
  after: readonly number[],
): LevelCounts {
  const out = emptyLevels();
  for (const g of before) if (index.level[g] !== 255) out[ACCESS_LEVELS[index.level[g]]].before++;
  for (const g of after) if (index.level[g] !== 255) out[ACCESS_LEVELS[index.level[g]]].after++;
  return out;
}

/** The union of several lists of actions, each once. */
export function unionActions(lists: readonly (readonly number[])[], index: LevelIndex): number[] {
  const { marks } = index;
  const out: number[] = [];
  for (const list of lists)
    for (const g of list)
      if (!marks[g]) {
        marks[g] = 1;
        out.push(g);
      }
  for (const g of out) marks[g] = 0;
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
