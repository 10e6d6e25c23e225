// IAM action patterns: `svc:Name` with `*` (any run) and `?` (exactly one character) anywhere, or `*`
// alone; matched case-insensitively over the universe. Matching narrows by the literal text before the
// first wildcard, so a prefix pattern costs a binary search, not a scan.
import { quote } from './json';
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
  const g = compileGlob(p.service);
  const out: number[] = [];
  u.services.forEach((s, i) => {
    if (globTest(g, s.key)) out.push(i);
  });
  return out;
}

/** Below this many candidate names a scan is cheaper than building or reading an index. */
const INDEX_FROM = 64;

/** For each one- and two-character run of a service's names, the names holding it, in order. */
const gramIndexes = new WeakMap<UniverseService, Map<string, Int32Array>>();

function gramIndex(s: UniverseService): Map<string, Int32Array> {
  let index = gramIndexes.get(s);
  if (index) return index;
  const lists = new Map<string, number[]>();
  const add = (gram: string, i: number): void => {
    const list = lists.get(gram);
    if (!list) lists.set(gram, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  s.lower.forEach((name, i) => {
    for (let k = 0; k < name.length; k++) {
      add(name[k], i);
      if (k + 1 < name.length) add(name.slice(k, k + 2), i);
    }
  });
  index = new Map();
  for (const [gram, list] of lists) index.set(gram, Int32Array.from(list));
  gramIndexes.set(s, index);
  return index;
}

/**
 * The names that can match `g`: those holding its rarest one- or two-character literal run, or null
 * when it has no literal character (then every name is a candidate). A pattern such as `*:*e1`
 * checks a few hundred names instead of the whole catalog.
 */
function candidates(s: UniverseService, g: Glob): Int32Array | null {
  const index = gramIndex(s);
  let best: Int32Array | null = null;
  for (const part of g.parts)
    for (let k = 0; k < part.length; k++) {
      if (part.charCodeAt(k) === 63) continue;
      const two = k + 1 < part.length && part.charCodeAt(k + 1) !== 63;
      const list = index.get(two ? part.slice(k, k + 2) : part[k]);
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
  for (const si of patternServices(u, p)) {
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
    const list = hi - lo >= INDEX_FROM ? candidates(s, glob) : null;
    let run = -1;
    let last = -2;
    const test = (i: number): void => {
      if (!globTest(glob, s.lower[i])) return;
      if (i !== last + 1) {
        if (run >= 0) range(base + run, base + last + 1, si);
        run = i;
      }
      last = i;
    };
    if (list === null) for (let i = lo; i < hi; i++) test(i);
    else for (let k = lowerBound32(list, lo); k < list.length && list[k] < hi; k++) test(list[k]);
    if (run >= 0) range(base + run, base + last + 1, si);
  }
}

function lowerBound32(sorted: Int32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
