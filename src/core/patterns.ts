// IAM action patterns as written: `svc:Name` with `*` (any run) and `?` (exactly one character)
// anywhere, or `*` alone, read once into their case-folded parts and any problem they have
// (matching.ts matches them over the universe).
import { quote } from './source';
import { foldCase } from './universe';

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
