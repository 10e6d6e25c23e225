// Why each wildcard was chosen: the whole trie under one pattern of the policy, every node with what it
// covers and what the refiner's walk did there (patternTrie.ts). The decision and the walk are the
// refiner's own (decidePattern), read from the same context, so the picture cannot disagree with the
// recommendation.
import type { RefineContext } from './context';
import { decidePattern, scratchFor } from './decide';
import type { ServiceWalk } from './frontier';
import { STEPS, type PatternTrie, type PatternTrieNodes, type TrieLevel } from './patternTrie';
import { matchList } from './matching';
import { charTrie, flatTrie, prefixSums, serviceTrie, type FlatTrie } from './trie';
import type { AccessLevel } from './universe';
import { walk, type Walk } from './walk';

export interface ExplainOptions {
  level?: TrieLevel;
}

/** The deepest node that still holds every matched action, unless the walk writes or keeps one above. */
function displayRoot(flat: FlatTrie, scope: Int32Array, marks: WalkMarks): number {
  const total = scope[flat.hi[0]] - scope[flat.lo[0]];
  let i = 0;
  for (;;) {
    if (marks.written[i] >= 0) return i;
    const a = flat.action[i];
    if (a >= 0 && scope[a + 1] > scope[a]) return i;
    let inside = -1;
    let holding = 0;
    for (let c = i + 1; c < flat.next[i]; c = flat.next[c])
      if (scope[flat.hi[c]] > scope[flat.lo[c]]) {
        inside = c;
        holding++;
      }
    if (holding !== 1 || scope[flat.hi[inside]] - scope[flat.lo[inside]] !== total) return i;
    i = inside;
  }
}

/** A walk's record laid over its flat trie: per node, the step and the entry written or covering. */
interface WalkMarks {
  step: Int8Array;
  written: Int32Array;
  cover: Int32Array;
}

function marksOf(flat: FlatTrie, w: Walk | null, firstEntry: number): WalkMarks {
  const n = flat.nodes.length;
  const marks = {
    step: new Int8Array(n).fill(-1),
    written: new Int32Array(n).fill(-1),
    cover: new Int32Array(n).fill(-1),
  };
  if (!w) return marks;
  const index = new Map<string, number>(w.written.map((e, k) => [e, firstEntry + k]));
  for (let k = 0; k < w.nodes.length; k++) {
    const i = w.nodes[k];
    const step = w.steps[k];
    const entry = w.entries[k];
    marks.step[i] = STEPS.indexOf(step);
    if (entry === null) continue;
    if (step === 'covered') marks.cover[i] = index.get(entry) ?? -1;
    else marks.written[i] = index.get(entry) ?? -1;
  }
  return marks;
}

/** Output columns with room for `capacity` nodes, none filled yet; `cutColumns` sizes them. */
function nodeColumns(capacity: number): PatternTrieNodes {
  const ints = (fill = 0) => new Int32Array(capacity).fill(fill);
  return {
    count: 0,
    prefix: [],
    token: [],
    parent: ints(),
    depth: ints(),
    matched: ints(),
    unused: ints(),
    kept: ints(),
    action: ints(-1),
    first: ints(),
    end: ints(),
    written: ints(-1),
    step: new Int8Array(capacity).fill(-1),
    cover: ints(-1),
  };
}

const NUMBER_COLUMNS = [
  'parent',
  'depth',
  'matched',
  'unused',
  'kept',
  'action',
  'first',
  'end',
  'written',
  'step',
  'cover',
] as const;

/** The columns cut to the nodes filled. */
function cutColumns(c: PatternTrieNodes): PatternTrieNodes {
  const out = { ...c };
  for (const k of NUMBER_COLUMNS) Object.assign(out, { [k]: c[k].slice(0, c.count) });
  return out;
}

/**
 * The trie of one pattern (`statements[statement]`, entry `position` of its Action list), or null
 * when there is no such Allow/Action pattern or it matches no action.
 */
export function explainPattern(
  ctx: RefineContext,
  statement: number,
  position: number,
  options: ExplainOptions = {},
): PatternTrie | null {
  const level = options.level ?? 'word';
  const s = ctx.doc.statements[statement];
  if (!s || s.effect !== 'Allow' || s.actionKey !== 'Action') return null;
  const ref = s.patterns[position];
  if (!ref) return null;
  const u = ctx.universe;
  const { unused, reported } = ctx;
  const scratch = scratchFor(u);
  const { decision, walks } = decidePattern(ctx, scratch, s, position, ref, []);
  const matches = matchList(u, ref.pattern);
  if (matches.length === 0) return null;

  const scope = scratch.scope;
  const good = scratch.kept;
  for (const g of matches) {
    scope[g] = 1;
    good[g] = unused[g] ^ 1;
  }
  const services: number[] = [];
  for (const g of matches) {
    const si = u.serviceOf(g);
    if (services[services.length - 1] !== si) services.push(si);
  }
  const spanning = ref.pattern.spansServices;
  const replaced = decision.outcome === 'replaced';
  const walkOf = new Map<number, Walk>(walks.map((w: ServiceWalk) => [w.service, w.walk]));
  const flats = services.map((si) => {
    const svc = u.services[si];
    return flatTrie(svc, level === 'word' ? serviceTrie(svc) : charTrie(svc));
  });
  const cols = nodeColumns(flats.reduce((n, f) => n + f.nodes.length, spanning ? 1 : 0));
  const written: string[] = replaced ? [] : decision.replacement.slice();
  const names: string[] = [];
  const levels: (AccessLevel | null)[] = [];
  const actionBits: number[] = [];
  if (spanning) {
    cols.prefix.push('*');
    cols.token.push(ref.pattern.text);
    cols.parent[0] = -1;
    cols.count = 1;
  }
  services.forEach((si, k) => {
    const svc = u.services[si];
    const flat = flats[k];
    const offset = u.offsets[si];
    const n = svc.names.length;
    const sums = {
      scope: prefixSums(scope, offset, n),
      unused: prefixSums(unused, offset, n),
      onPurpose: ctx.keep ? prefixSums(reported, offset, n) : null,
      good: prefixSums(good, offset, n),
    };
    // At the word level the walk is the refiner's own; at the character level, the same walk over
    // the character trie shows what a character-level refiner would write.
    const w = !replaced
      ? null
      : level === 'word'
        ? (walkOf.get(si) ?? null)
        : walk(flat, sums.good, sums.good);
    const marks = marksOf(flat, w, written.length);
    if (w) for (const e of w.written) written.push(e);
    const from = spanning ? 0 : displayRoot(flat, sums.scope, marks);
    const to = flat.next[from];
    const base = names.length - flat.lo[from];
    for (let i = flat.lo[from]; i < flat.hi[from]; i++) {
      names.push(flat.names[i]);
      levels.push(svc.levels[i] ?? null);
      const isUnused = sums.unused[i + 1] - sums.unused[i];
      const onPurpose = sums.onPurpose ? sums.onPurpose[i + 1] - sums.onPurpose[i] - isUnused : 0;
      actionBits.push((sums.scope[i + 1] - sums.scope[i]) | (isUnused << 1) | (onPurpose << 2));
    }
    const depth0 = flat.depth[from] - (spanning ? 1 : 0);
    // Where each node of the flat trie landed in the output, for its children's parent index.
    const landed = new Int32Array(to - from);
    for (let i = from; i < to;) {
      const matched = sums.scope[flat.hi[i]] - sums.scope[flat.lo[i]];
      if (matched === 0) {
        i = flat.next[i];
        continue;
      }
      const o = cols.count++;
      landed[i - from] = o;
      cols.prefix.push(flat.prefix[i]);
      cols.token.push(i === from && !spanning ? flat.prefix[i] : flat.token[i]);
      cols.parent[o] = i === from ? (spanning ? 0 : -1) : landed[flat.parent[i] - from];
      cols.depth[o] = flat.depth[i] - depth0;
      cols.matched[o] = matched;
      cols.unused[o] = sums.unused[flat.hi[i]] - sums.unused[flat.lo[i]];
      cols.kept[o] = sums.good[flat.hi[i]] - sums.good[flat.lo[i]];
      if (flat.action[i] >= 0) cols.action[o] = base + flat.action[i];
      cols.first[o] = base + flat.lo[i];
      cols.end[o] = base + flat.hi[i];
      cols.written[o] = marks.written[i];
      cols.step[o] = marks.step[i];
      cols.cover[o] = marks.cover[i];
      i++;
    }
  });
  for (const g of matches) scope[g] = good[g] = 0;
  if (spanning) {
    for (let i = 1; i < cols.count; i++) {
      if (cols.parent[i] !== 0) continue;
      cols.matched[0] += cols.matched[i];
      cols.unused[0] += cols.unused[i];
      cols.kept[0] += cols.kept[i];
    }
    cols.end[0] = names.length;
  }
  const bits = Uint8Array.from(actionBits);
  return {
    level,
    pattern: ref.pattern.text,
    statement,
    position,
    outcome: decision.outcome,
    reason: decision.reason,
    written,
    spansServices: spanning,
    nodes: cutColumns(cols),
    actions: {
      count: names.length,
      name: names,
      level: levels,
      matched: bits.map((b) => b & 1),
      unused: bits.map((b) => (b >> 1) & 1),
      onPurpose: bits.map((b) => b >> 2),
    },
  };
}
