// `*` and `?` globs over case-folded text, matched without backtracking: the matcher every pattern,
// service name and keep entry goes through.
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
