// Which actions of the universe a pattern matches. A prefix pattern costs a binary search; any other
// glob is narrowed first through an index of the one- and two-character runs of the names, so the
// work follows what the patterns match rather than patterns × names.
import { compileGlob, globTest, type Glob } from './glob';
import type { Pattern } from './patterns';
import { lowerBound } from './search';
import { prefixRange, type Universe, type UniverseService } from './universe';

const WILDCARD = /[*?]/;

/** The service indices a pattern can reach. */
export function patternServices(u: Universe, p: Pattern): number[] {
  if (p.foreign || (p.problem !== undefined && p.service === null)) return [];
  if (p.service === null) return u.services.map((_, i) => i);
  if (!p.spansServices) {
    const i = u.serviceIndex(p.service);
    return i < 0 ? [] : [i];
  }
  if (p.service === '*') return u.services.map((_, i) => i);
  const g = compileGlob(p.service);
  const out: number[] = [];
  u.services.forEach((s, i) => {
    if (globTest(g, s.key)) out.push(i);
  });
  return out;
}

/**
 * Names tested against a glob since the process started. The tests read it to check that matching
 * stays near-linear in what the patterns match, whatever the patterns.
 */
export const matchCost = { names: 0 };

/**
 * Past this many names (a big service such as ec2, or one the inputs filled with names of their
 * own), a service is searched through an index of its own rather than scanned for each pattern.
 */
const SERVICE_INDEX_FROM = 256;

/** For each one- and two-character run of some names (lower case), those holding it, in order. */
type Grams = Map<string, Int32Array>;

function gramsOver(names: readonly string[], base: number): Grams {
  const lists = new Map<string, number[]>();
  const add = (gram: string, g: number): void => {
    const list = lists.get(gram);
    if (!list) lists.set(gram, [g]);
    else if (list[list.length - 1] !== g) list.push(g);
  };
  names.forEach((name, i) => {
    for (let k = 0; k < name.length; k++) {
      add(name[k], base + i);
      if (k + 1 < name.length) add(name.slice(k, k + 2), base + i);
    }
  });
  const grams: Grams = new Map();
  for (const [gram, list] of lists) grams.set(gram, Int32Array.from(list));
  return grams;
}

/** The universe's grams, by global index, and each action's service: for globs across services. */
const universeGrams = new WeakMap<Universe, { grams: Grams; serviceOf: Int32Array }>();

function gramIndex(u: Universe): { grams: Grams; serviceOf: Int32Array } {
  let index = universeGrams.get(u);
  if (!index) {
    const serviceOf = new Int32Array(u.size);
    const lower: string[] = [];
    u.services.forEach((s, si) => {
      serviceOf.fill(si, u.offsets[si], u.offsets[si + 1]);
      for (const n of s.lower) lower.push(n);
    });
    universeGrams.set(u, (index = { grams: gramsOver(lower, 0), serviceOf }));
  }
  return index;
}

/** A big service's grams, by local index. */
const serviceGrams = new WeakMap<UniverseService, Grams>();

function serviceIndex(s: UniverseService): Grams {
  let grams = serviceGrams.get(s);
  if (!grams) serviceGrams.set(s, (grams = gramsOver(s.lower, 0)));
  return grams;
}

/** The one- and two-character literal runs of a glob's name part (a `?` breaks a run). */
function gramsOf(g: Glob): string[] {
  const out: string[] = [];
  for (const part of g.parts)
    for (let k = 0; k < part.length; k++) {
      if (part.charCodeAt(k) === 63) continue;
      const two = k + 1 < part.length && part.charCodeAt(k + 1) !== 63;
      out.push(two ? part.slice(k, k + 2) : part[k]);
    }
  return out;
}

/**
 * The names that can match `g`: those holding its rarest literal run, or null when it has none
 * (then every name is a candidate). A pattern such as `*:*e1` tests a few dozen names instead of
 * the whole catalog.
 */
function candidates(grams: Grams, g: Glob): Int32Array | null {
  let best: Int32Array | null = null;
  for (const gram of gramsOf(g)) {
    const list = grams.get(gram);
    if (!list) return new Int32Array(0);
    if (!best || list.length < best.length) best = list;
  }
  return best;
}

/**
 * Tells every universe action the pattern matches, in order, as runs of consecutive global indices
 * `range(lo, hi, service)`, each inside one service: a prefix pattern is one run per service, so "*"
 * is 456 runs, not 22,000 calls.
 */
export function forEachMatchRange(
  u: Universe,
  p: Pattern,
  range: (lo: number, hi: number, service: number) => void,
): void {
  if (p.foreign || (p.problem !== undefined && p.service === null)) return;
  const name = p.name;
  const firstWild = name.search(WILDCARD);
  const literal = firstWild < 0 ? name : name.slice(0, firstWild);
  const prefixOnly = firstWild >= 0 && firstWild === name.length - 1 && name.endsWith('*');
  const glob = firstWild < 0 || prefixOnly ? null : compileGlob(name);
  const services = patternServices(u, p);
  // A run of consecutive matches, told when it ends.
  let run = -1;
  let last = -2;
  let runService = -1;
  const hit = (g: number, si: number): void => {
    if (g !== last + 1 || si !== runService) {
      if (run >= 0) range(run, last + 1, runService);
      run = g;
      runService = si;
    }
    last = g;
  };
  const test = (g: number, si: number): void => {
    matchCost.names++;
    if (globTest(glob as Glob, u.services[si].lower[g - u.offsets[si]])) hit(g, si);
  };
  if (glob !== null && services.length > 1) {
    // Across services: the universe's gram index, so each service does not cost a scan.
    const index = gramIndex(u);
    const list = candidates(index.grams, glob);
    const reachable = new Uint8Array(u.services.length);
    for (const si of services) reachable[si] = 1;
    if (list === null) {
      for (const si of services)
        for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) test(g, si);
    } else
      for (let k = 0; k < list.length; k++) {
        const si = index.serviceOf[list[k]];
        if (reachable[si]) test(list[k], si);
      }
    if (run >= 0) range(run, last + 1, runService);
    return;
  }
  for (const si of services) {
    const s = u.services[si];
    const base = u.offsets[si];
    if (glob === null && firstWild < 0) {
      const at = lowerBound(s.lower, name);
      if (at < s.lower.length && s.lower[at] === name) range(base + at, base + at + 1, si);
      continue;
    }
    const [lo, hi] = literal === '' ? [0, s.lower.length] : prefixRange(s.lower, literal);
    if (glob === null) {
      if (lo < hi) range(base + lo, base + hi, si);
      continue;
    }
    const list = hi - lo >= SERVICE_INDEX_FROM ? candidates(serviceIndex(s), glob) : null;
    if (list === null) for (let i = lo; i < hi; i++) test(base + i, si);
    else
      for (let k = lowerBound(list, lo); k < list.length && list[k] < hi; k++)
        test(base + list[k], si);
  }
  if (run >= 0) range(run, last + 1, runService);
}

/** Calls `hit` with the global index of every universe action the pattern matches, in order. */
export function forEachMatch(u: Universe, p: Pattern, hit: (global: number) => void): void {
  forEachMatchRange(u, p, (lo, hi) => {
    for (let g = lo; g < hi; g++) hit(g);
  });
}

export function matchList(u: Universe, p: Pattern): number[] {
  const out: number[] = [];
  forEachMatch(u, p, (g) => out.push(g));
  return out;
}

/** What the pattern matches as runs [lo, hi, lo, hi, ...] (see forEachMatchRange). */
export function matchRanges(u: Universe, p: Pattern): number[] {
  const out: number[] = [];
  forEachMatchRange(u, p, (lo, hi) => out.push(lo, hi));
  return out;
}
