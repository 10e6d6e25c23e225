// IAM action patterns: `svc:Name` with `*` (any run) and `?` (exactly one character) anywhere, or `*`
// alone; matched case-insensitively over the universe. Matching narrows by the literal text before the
// first wildcard, so a prefix pattern costs a binary search, not a scan.
import { prefixRange, type Universe } from './universe';

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
      problem: `"${text}" is not an action: write it as service:Action (for example s3:GetObject) or "*"`,
    };
  }
  const service = text.slice(0, colon).toLowerCase();
  const name = text.slice(colon + 1).toLowerCase();
  const spansServices = WILDCARD.test(service);
  return {
    text,
    service,
    name,
    spansServices,
    concrete: !spansServices && !WILDCARD.test(name),
    problem: /\s/.test(text)
      ? `"${text}" contains white space, which no action name has`
      : undefined,
  };
}

const globCache = new Map<string, RegExp>();
function globRegex(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = glob
      .replace(/[.+^${}()|[\]\\/-]/g, '\\$&')
      .replace(/\*/g, '[^]*')
      .replace(/\?/g, '[^]');
    re = new RegExp(`^${body}$`);
    if (globCache.size > 5000) globCache.clear();
    globCache.set(glob, re);
  }
  return re;
}

export function globMatches(glob: string, lower: string): boolean {
  return WILDCARD.test(glob) ? globRegex(glob).test(lower) : glob === lower;
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

/** Calls `hit` with the global index of every universe action the pattern matches, in order. */
export function forEachMatch(u: Universe, p: Pattern, hit: (global: number) => void): void {
  if (p.problem !== undefined && p.service === null) return;
  const name = p.name;
  const firstWild = name.search(WILDCARD);
  const literal = firstWild < 0 ? name : name.slice(0, firstWild);
  const prefixOnly = firstWild >= 0 && firstWild === name.length - 1 && name.endsWith('*');
  const re = firstWild >= 0 && !prefixOnly ? globRegex(name) : null;
  for (const si of patternServices(u, p)) {
    const s = u.services[si];
    const base = u.offsets[si];
    const [lo, hi] = prefixRange(s.lower, literal);
    if (firstWild < 0) {
      if (lo < hi && s.lower[lo] === name) hit(base + lo);
      continue;
    }
    for (let i = lo; i < hi; i++) if (re === null || re.test(s.lower[i])) hit(base + i);
  }
}

export function matchBits(u: Universe, p: Pattern, into = new Uint8Array(u.size)): Uint8Array {
  forEachMatch(u, p, (g) => {
    into[g] = 1;
  });
  return into;
}

export function matchList(u: Universe, p: Pattern): number[] {
  const out: number[] = [];
  forEachMatch(u, p, (g) => out.push(g));
  return out;
}
