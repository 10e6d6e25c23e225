// The rows of the side-by-side diff, from the line diff: removed and added lines of one change
// paired row by row, long unchanged runs folded to their ends. Made as they are asked for, so the
// first page of a policy of 10,000 rewritten statements costs what that page shows; the viewer this
// replaces diffed the whole text first, in time that grew with its square (28 s for 400 statements).
import { lineDiff, type DiffRun } from '../diff/lineDiff';

/** Unchanged lines kept on each side of a change when the rest is folded. */
export const CONTEXT = 3;

export interface DiffLine {
  /** 1-based. */
  n: number;
  text: string;
}

export type DiffRow =
  | { kind: 'same'; left: DiffLine; right: DiffLine }
  | { kind: 'changed'; left: DiffLine | null; right: DiffLine | null }
  /** Unchanged lines left out: `count` of them, from line `left` (original) and `right`. */
  | { kind: 'fold'; left: number; right: number; count: number };

/** Side by side: a change's lines paired row by row; one column: its removed lines, then its added. */
export type DiffLayout = 'split' | 'unified';

/** The rows in order; with `fold`, unchanged runs longer than twice CONTEXT show only their ends. */
export function* rowsOf(
  before: readonly string[],
  after: readonly string[],
  fold: boolean,
  layout: DiffLayout = 'split',
): Generator<DiffRow> {
  const runs = lineDiff(before, after);
  let i = 0;
  let j = 0;
  function* same(count: number): Generator<DiffRow> {
    for (let k = 0; k < count; k++, i++, j++)
      yield {
        kind: 'same',
        left: { n: i + 1, text: before[i] },
        right: { n: j + 1, text: after[j] },
      };
  }
  let first = true;
  let next = runs.next();
  while (!next.done) {
    const run: DiffRun = next.value;
    next = runs.next();
    if (run.op === 'same') {
      const lead = first ? 0 : CONTEXT;
      const trail = next.done ? 0 : CONTEXT;
      if (!fold || run.count <= lead + trail || (first && next.done)) yield* same(run.count);
      else {
        yield* same(lead);
        const count = run.count - lead - trail;
        yield { kind: 'fold', left: i + 1, right: j + 1, count };
        i += count;
        j += count;
        yield* same(trail);
      }
    } else {
      // One change: its removed and added lines, in whatever order the runs give them, side by side.
      const removed: DiffLine[] = [];
      const added: DiffLine[] = [];
      for (let r: DiffRun | null = run; r !== null;) {
        for (let k = 0; k < r.count; k++)
          if (r.op === 'removed') removed.push({ n: i + 1, text: before[i++] });
          else added.push({ n: j + 1, text: after[j++] });
        if (next.done || next.value.op === 'same') r = null;
        else {
          r = next.value;
          next = runs.next();
        }
      }
      if (layout === 'unified') {
        for (const left of removed) yield { kind: 'changed', left, right: null };
        for (const right of added) yield { kind: 'changed', left: null, right };
      } else
        for (let k = 0; k < Math.max(removed.length, added.length); k++)
          yield { kind: 'changed', left: removed[k] ?? null, right: added[k] ?? null };
    }
    first = false;
  }
}

/** All the rows at once. */
export function diffRows(
  before: readonly string[],
  after: readonly string[],
  fold: boolean,
  layout: DiffLayout = 'split',
) {
  return [...rowsOf(before, after, fold, layout)];
}

/** The rows made so far of one diff, and more on demand. */
export class DiffRowList {
  private readonly rows: DiffRow[] = [];
  private readonly source: Generator<DiffRow>;
  private ended = false;
  constructor(
    before: readonly string[],
    after: readonly string[],
    fold: boolean,
    layout: DiffLayout,
  ) {
    this.source = rowsOf(before, after, fold, layout);
  }
  /** Row `index`, made if need be; null past the last. */
  at(index: number): DiffRow | null {
    while (this.rows.length <= index && !this.ended) {
      const r = this.source.next();
      if (r.done) this.ended = true;
      else this.rows.push(r.value);
    }
    return this.rows[index] ?? null;
  }
}
