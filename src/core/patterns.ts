// IAM action patterns: `svc:Name` with `*` (any run) and `?` (exactly one character) anywhere, or `*`
// alone; matched case-insensitively over the universe. Matching narrows by the literal text before the
// first wildcard, so a prefix pattern costs a binary search, not a scan.
import { quote } from './json';
import { lowerBound, prefixRange, type Universe } from './universe';

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
): { serviceWild: boolean; nameWild: boolean; bad: boolean } {
  let serviceWild = false;
  let nameWild = false;
  let bad = false;
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
    }
  }
  return { serviceWild, nameWild, bad };
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
      name: text.toLowerCase(),
      spansServices: false,
      concrete: false,
      problem: `${quote(text)} is not an action: write it as service:Action (for example s3:GetObject) or "*"`,
    };
  }
  const { serviceWild, nameWild, bad } = scan(text, colon);
  const service = text.slice(0, colon).toLowerCase();
  const name = text.slice(colon + 1).toLowerCase();
  return {
    text,
    service: serviceWild ? collapseStars(service) : service,
    name: nameWild ? collapseStars(name) : name,
    spansServices: serviceWild,
    concrete: !serviceWild && !nameWild,
    problem: problemOf(text, colon, bad),
  };
}

/**
 * `*` and `?` matching in linear-ish time (the greedy two-pointer method, backtracking only to the last
 * star): a regular expression would backtrack exponentially on hostile patterns like `*a*a*a*a*b`.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = glob.charCodeAt(g);
    if (g < glob.length && (c === 63 || c === text.charCodeAt(t))) {
      g++;
      t++;
    } else if (g < glob.length && c === 42) {
      star = g++;
      mark = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob.charCodeAt(g) === 42) g++;
  return g === glob.length;
}

/** The service indices a pattern can reach. */
export function patternServices(u: Universe, p: Pattern): number[] {
  if (p.problem !== undefined && p.service === null) return [];
  if (p.service === null) return u.services.map((_, i) => i);
  if (!p.spansServices) {
    const i = u.serviceIndex(p.service);
    return i < 0 ? [] : [i];
  }
  const out: number[] = [];
  u.services.forEach((s, i) => {
    if (globMatches(p.service as string, s.key)) out.push(i);
  });
  return out;
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
  if (p.problem !== undefined && p.service === null) return;
  const name = p.name;
  const firstWild = name.search(WILDCARD);
  const literal = firstWild < 0 ? name : name.slice(0, firstWild);
  const prefixOnly = firstWild >= 0 && firstWild === name.length - 1 && name.endsWith('*');
  for (const si of patternServices(u, p)) {
    const s = u.services[si];
    const base = u.offsets[si];
    if (firstWild < 0) {
      const at = lowerBound(s.lower, name);
      if (at < s.lower.length && s.lower[at] === name) range(base + at, base + at + 1, si);
      continue;
    }
    const [lo, hi] = literal === '' ? [0, s.lower.length] : prefixRange(s.lower, literal);
    if (prefixOnly) {
      if (lo < hi) range(base + lo, base + hi, si);
      continue;
    }
    let run = -1;
    for (let i = lo; i < hi; i++) {
      if (globMatches(name, s.lower[i])) {
        if (run < 0) run = i;
      } else if (run >= 0) {
        range(base + run, base + i, si);
        run = -1;
      }
    }
    if (run >= 0) range(base + run, base + hi, si);
  }
}

/** Calls `hit` with the global index of every universe action the pattern matches, in order. */
export function forEachMatch(u: Universe, p: Pattern, hit: (global: number) => void): void {
  forEachMatchRange(u, p, (lo, hi) => {
    for (let g = lo; g < hi; g++) hit(g);
  });
}

export function matchBits(
  u: Universe,
  p: Pattern,
  into: Uint8Array = new Uint8Array(u.size),
): Uint8Array {
  forEachMatchRange(u, p, (lo, hi) => into.fill(1, lo, hi));
  return into;
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
