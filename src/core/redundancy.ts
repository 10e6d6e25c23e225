// Redundant entries of one Action or NotAction list (docs/refinement.md, rule 4): an entry every match
// of which another entry of the same list also matches, over the universe. This is what IAM's policy
// validation reports as REDUNDANT_ACTION; a rewritten list must never hold one.
//
// Most entries match one run of the sorted universe (an action, `svc:Prefix*`, `svc:*`, `*`): those are
// compared by a sweep in O(n log n). Entries matching several runs (`s3:*Object*`, `*:Get*`) are
// compared with the runs and with each other. An entry matching nothing in the universe (an unknown
// service's wildcard) is redundant only when another entry's text covers its text.
//
// A rewritten list is written without them; in a list kept as written they stay, and are reported.
import { warnings as say } from './messages';
import { compileGlob, globTest, type Glob } from './glob';
import { matchRanges } from './matching';
import { parsePattern, type Pattern } from './patterns';
import type { PatternRef, Statement } from './policy';
import type { StatementOutcome, Warning } from './recommendation';
import { lowerBound, upperBound } from './search';
import { foldCase, type Universe } from './universe';

/** The runs an entry matches, adjacent ones merged: `*` is one run, not one per service. */
function runsOf(u: Universe, p: Pattern): number[] {
  const raw = matchRanges(u, p);
  const out: number[] = [];
  for (let r = 0; r < raw.length; r += 2) {
    if (out.length > 0 && out[out.length - 1] === raw[r]) out[out.length - 1] = raw[r + 1];
    else out.push(raw[r], raw[r + 1]);
  }
  return out;
}

/** Text comparisons allowed per list for entries that match nothing in the universe. */
export const TEXT_COMPARISONS = 4_000_000;
/** Comparisons allowed per list between entries that match several runs each (`*:*Object*`). */
export const MULTI_COMPARISONS = 20_000_000;

function size(runs: readonly number[]): number {
  let n = 0;
  for (let r = 0; r < runs.length; r += 2) n += runs[r + 1] - runs[r];
  return n;
}

/** Whether every run of `a` lies inside a run of `b` (both sorted). */
function within(a: readonly number[], b: readonly number[]): boolean {
  let k = 0;
  for (let r = 0; r < a.length; r += 2) {
    while (k < b.length && b[k + 1] <= a[r]) k += 2;
    if (k >= b.length || b[k] > a[r] || b[k + 1] < a[r + 1]) return false;
  }
  return true;
}

/**
 * For each entry, the index of another entry of the list that allows all it matches, or -1. Of
 * entries matching the same actions, one stays: the one whose text covers the others' (`foo:*`
 * rather than `foo:Bar` when the universe knows no other foo action, so an action newer than the
 * catalog is not lost), else the first. Every entry marked is covered by one that is not, so leaving
 * out all marked entries changes nothing the list allows.
 */
export function redundantEntries(u: Universe, patterns: readonly Pattern[]): Int32Array {
  const n = patterns.length;
  const cover = new Int32Array(n).fill(-1);
  if (n < 2) return cover;
  const runs = patterns.map((p) => runsOf(u, p));
  // Folded texts and globs only for the entries compared by text (few: most lists have none).
  const texts: string[] = [];
  const text = (j: number): string => (texts[j] ??= foldCase(patterns[j].text));
  const globs = new Map<number, Glob>();
  const glob = (j: number): Glob => {
    let g = globs.get(j);
    if (!g) globs.set(j, (g = compileGlob(text(j))));
    return g;
  };
  // Whether j's stars (and no `?`) cover i's text, so j allows every action i's text can match:
  // j's literal characters can only meet i's literal characters.
  const coversText = (j: number, i: number): boolean =>
    !text(j).includes('?') && globTest(glob(j), text(i));

  // Entries matching the same actions: one stays, the others point to it. An entry of one run (most
  // of them) is keyed by a number, not a joined text.
  const same = new Map<number | string, number[]>();
  runs.forEach((r, i) => {
    if (r.length === 0) return;
    const key = r.length === 2 ? r[0] * (u.size + 1) + r[1] : r.join(',');
    const group = same.get(key);
    if (group) group.push(i);
    else same.set(key, [i]);
  });
  const single: number[] = [];
  const multi: number[] = [];
  const empty: number[] = [];
  runs.forEach((r, i) => {
    if (r.length === 0) empty.push(i);
  });
  for (const group of same.values()) {
    const keeper =
      group.length === 1
        ? group[0]
        : (group.find((j) => group.every((i) => i === j || coversText(j, i))) ?? group[0]);
    for (const i of group) if (i !== keeper) cover[i] = keeper;
    (runs[keeper].length === 2 ? single : multi).push(keeper);
  }

  // One run each (no two the same now): sorted by start, longest first; an entry lies inside the
  // furthest-reaching one before it.
  single.sort((a, b) => runs[a][0] - runs[b][0] || runs[b][1] - runs[a][1]);
  const reach = new Int32Array(single.length);
  let best = -1;
  single.forEach((i, k) => {
    if (best >= 0 && runs[best][1] >= runs[i][1]) cover[i] = best;
    else best = i;
    reach[k] = best;
  });
  const starts = single.map((i) => runs[i][0]);
  /** The entry of one run reaching furthest among those starting at or before `at`, or -1. */
  const furthestFrom = (at: number): number => {
    const before = upperBound(starts, at);
    return before === 0 ? -1 : reach[before - 1];
  };

  for (const j of multi) {
    // A one-run entry inside one of j's runs.
    const b = runs[j];
    for (let r = 0; r < b.length; r += 2) {
      let k = lowerBound(starts, b[r]);
      for (; k < single.length && starts[k] < b[r + 1]; k++) {
        const i = single[k];
        if (cover[i] < 0 && runs[i][1] <= b[r + 1]) cover[i] = j;
      }
    }
  }
  // Entries of several runs against each other: pairwise, within a budget (see TEXT_COMPARISONS).
  let pairs = MULTI_COMPARISONS;
  for (const i of multi) {
    const a = runs[i];
    const first = a[0];
    const last = a[a.length - 1];
    const s = furthestFrom(first);
    if (s >= 0 && runs[s][1] >= last) {
      cover[i] = s;
      continue;
    }
    const count = size(a);
    for (const j of multi) {
      if (j === i || pairs-- <= 0) continue;
      const b = runs[j];
      if (b[0] > first || b[b.length - 1] < last) continue;
      if (size(b) <= count) continue;
      if (within(a, b)) {
        cover[i] = j;
        break;
      }
    }
  }

  if (empty.length > 0) {
    // Hostile lists of thousands of unknown wildcards would make this quadratic: past the budget,
    // such entries are left in (they match no action the refiner knows of either way).
    let budget = TEXT_COMPARISONS;
    for (const i of empty)
      for (let j = 0; j < n && budget-- > 0; j++) {
        if (j === i || !coversText(j, i)) continue;
        // Two texts covering each other (`a*`, `a**`) match the same: the first stays.
        if (j > i && runs[j].length === 0 && coversText(i, j)) continue;
        cover[i] = j;
        break;
      }
  }
  // An entry covered by one that is itself covered: point at the one that stays.
  for (let i = 0; i < n; i++) {
    let j = cover[i];
    for (let hops = 0; j >= 0 && cover[j] >= 0 && hops < n; hops++) j = cover[j];
    if (j >= 0) cover[i] = j;
  }
  return cover;
}

/** Past this many redundant entries in one statement, the rest are counted in one warning. */
const REDUNDANT_WARNINGS = 20;

/**
 * Rule 4 for a rewritten list: entries another entry of it already covers are left out. Those the
 * user wrote (`verbatim`: the position of the pattern an entry is, or -1) are reported; the
 * refiner's own are simply not written.
 */
export function leaveOutRedundant(
  u: Universe,
  s: Statement,
  list: readonly string[],
  verbatim: readonly number[],
  outcome: StatementOutcome,
  warnings: Warning[],
): string[] {
  const cover = redundantEntries(u, list.map(parsePattern));
  const clean: string[] = [];
  const report = new RedundancyReport(s, warnings);
  list.forEach((entry, i) => {
    if (cover[i] < 0) {
      clean.push(entry);
      return;
    }
    outcome.redundant.push(entry);
    if (verbatim[i] >= 0)
      report.add(
        s.patterns[verbatim[i]],
        `${say.redundant(entry, list[cover[i]])}: left out of the recommendation`,
      );
  });
  report.done();
  return clean;
}

/** The redundancy warnings of one statement: the first few one by one, the rest counted. */
class RedundancyReport {
  private count = 0;
  constructor(
    private readonly s: Statement,
    private readonly warnings: Warning[],
  ) {}

  add(at: PatternRef, message: string): void {
    if (this.count++ >= REDUNDANT_WARNINGS) return;
    this.warnings.push({
      code: 'redundant',
      message,
      statement: this.s.index,
      line: at.line,
      column: at.column,
    });
  }

  done(): void {
    const more = this.count - REDUNDANT_WARNINGS;
    if (more > 0)
      this.warnings.push({
        code: 'redundant',
        message: say.moreRedundant(more, this.s.index),
        statement: this.s.index,
      });
  }
}

/** A statement kept as written: its redundant entries stay, and are reported. */
export function lintUnchanged(u: Universe, s: Statement, warnings: Warning[]): void {
  if (s.patterns.length < 2) return;
  const cover = redundantEntries(
    u,
    s.patterns.map((r) => r.pattern),
  );
  const report = new RedundancyReport(s, warnings);
  cover.forEach((j, i) => {
    if (j < 0) return;
    const r = s.patterns[i];
    const by = s.patterns[j].pattern.text;
    report.add(
      r,
      by === r.pattern.text
        ? say.listedTwice(r.pattern.text, s.index)
        : say.redundant(r.pattern.text, by),
    );
  });
  report.done();
}
