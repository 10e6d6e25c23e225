// IAM action patterns: `svc:Name` with `*` (any run) and `?` (exactly one character) anywhere, or `*`
// alone; matched case-insensitively over the universe. Matching narrows by the literal text before the
// first wildcard, so a prefix pattern costs a binary search, not a scan.
import { quote } from './source';
import { foldCase, lowerBound, prefixRange, type Universe, type UniverseService } from './universe';

export interface Pattern {
  /** As written. */
  readonly text: string;
  /** Lower-case service part, or null when the pattern is `*` alone. */
  readonly service: string | null;
  /** Lower-case name part. */
  readonly name: string;
  /** The pattern may match actions of several services (`*`, `s3*:Get*`). */
  readonly spansServices: boolean;
  /** No wildcard at all: names one action. */
  readonly concrete: boolean;
  /** Why IAM would not read it as an action pattern, if so. */
  readonly problem?: string;
  /**
   * The text holds a character outside ASCII: no action has one, and IAM's case folding of such
   * characters is unknown, so the pattern matches nothing and is kept as written.
   */
  readonly foreign?: true;
}

const WILDCARD = /[*?]/;

/** Longer than any action IAM defines (the longest is under 100 characters) by a wide margin. */
export const MAX_PATTERN_LENGTH = 512;

/**
 * What one pass over the characters tells: whether the service and the name hold a wildcard, and
 * whether a character no action name has is present. Patterns are parsed twice per refinement (to
 * decide, then again to prove), a thousand of them for "*": no regular expressions on that path.
 */
function scan(
  text: string,
  colon: number,
): { serviceWild: boolean; nameWild: boolean; bad: boolean; foreign: boolean } {
  let serviceWild = false;
  let nameWild = false;
  let bad = false;
  let foreign = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 63) {
      if (i < colon) serviceWild = true;
      else nameWild = true;
    } else if (!(
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 58 ||
      c === 95 ||
      c === 46 ||
      c === 45
    )) {
      bad = true;
      if (c > 127) foreign = true;
    }
  }
  return { serviceWild, nameWild, bad, foreign };
}

function problemOf(text: string, colon: number, bad: boolean): string | undefined {
  if (text.length > MAX_PATTERN_LENGTH)
    return `${quote(text, 40)} is longer than any action name: the limit is ${MAX_PATTERN_LENGTH} characters`;
  if (colon === 0) return `${quote(text)} has no service before the colon`;
  if (colon === text.length - 1) return `${quote(text)} has no action name after the colon`;
  if (!bad) return undefined;
  const found = /[^A-Za-z0-9*?:_.-]/u.exec(text);
  if (!found) return undefined;
  const c = found[0];
  const code = c.codePointAt(0) ?? 0;
  const shown = /\s/.test(c)
    ? 'white space'
    : c !== '"' && c !== '\\' && quote(c) !== `"${c}"`
      ? `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : code > 126
        ? `"${c}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}, not ASCII)`
        : `"${c}"`;
  return `${quote(text)} contains ${shown}, which no action name has`;
}

/** `**` matches what `*` matches; runs are collapsed so a pattern of a million stars costs one. */
function collapseStars(s: string): string {
  return s.includes('**') ? s.replace(/\*{2,}/g, '*') : s;
}

export function parsePattern(text: string): Pattern {
  if (text === '*') return { text, service: null, name: '*', spansServices: true, concrete: false };
  const colon = text.indexOf(':');
  if (colon < 0) {
    return {
      text,
      service: null,
      name: foldCase(text),
      spansServices: false,
      concrete: false,
      problem: `${quote(text)} is not an action: write it as service:Action (for example s3:GetObject) or "*"`,
    };
  }
  const { serviceWild, nameWild, bad, foreign } = scan(text, colon);
  const service = foldCase(text.slice(0, colon));
  const name = foldCase(text.slice(colon + 1));
  const pattern: Pattern = {
    text,
    service: serviceWild ? collapseStars(service) : service,
    name: nameWild ? collapseStars(name) : name,
    spansServices: serviceWild,
    concrete: !serviceWild && !nameWild,
    problem: problemOf(text, colon, bad),
  };
  return foreign ? { ...pattern, foreign } : pattern;
}

/**
 * A glob read once: the runs of literal text (with `?`) between its stars. Matching takes the runs
 * left to right, each at its leftmost place, and never goes back: that is exact for `*`, and keeps
 * hostile patterns such as `*a*a*a*a*b` linear in the name, where backtracking would not be.
 */
export interface Glob {
  readonly parts: readonly string[];
  /** Characters a match needs at least: the runs' lengths. */
  readonly minLength: number;
  /** Whether each run holds a `?`. */
  readonly wild: readonly boolean[];
}

export function compileGlob(glob: string): Glob {
  const parts = glob.split('*');
  let minLength = 0;
  for (const p of parts) minLength += p.length;
  return { parts, minLength, wild: parts.map((p) => p.includes('?')) };
}

/** Whether `part` (with `?` for any character) is in `text` at `at`. */
function partAt(part: string, text: string, at: number): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c !== 63 && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost place at or after `from` where `part` fits before `end`, or -1. */
function findPart(part: string, wild: boolean, text: string, from: number, end: number): number {
  if (!wild) {
    const at = text.indexOf(part, from);
    return at >= 0 && at + part.length <= end ? at : -1;
  }
  for (let at = from; at + part.length <= end; at++) if (partAt(part, text, at)) return at;
  return -1;
}

export function globTest(g: Glob, text: string): boolean {
  const { parts } = g;
  const n = parts.length;
  if (n === 1) return text.length === parts[0].length && partAt(parts[0], text, 0);
  if (text.length < g.minLength) return false;
  const first = parts[0];
  const last = parts[n - 1];
  const end = text.length - last.length;
  if (!partAt(first, text, 0) || !partAt(last, text, end)) return false;
  let at = first.length;
  for (let k = 1; k < n - 1; k++) {
    const part = parts[k];
    if (part === '') continue;
    const found = findPart(part, g.wild[k], text, at, end);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

/** `*` and `?` matching of a whole text (both already case-folded). */
export function globMatches(glob: string, text: string): boolean {
  return globTest(compileGlob(glob), text);
}

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
