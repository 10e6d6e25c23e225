// A line diff whose work follows the size of each edit, not of the whole text: a policy and its
// refinement share long runs of lines, and a plain Myers diff of 10,000 rewritten statements costs
// (lines x edits), minutes. Here both texts are walked together; at each difference Myers' search runs
// only until the two sides agree again on SYNC lines in a row, and the cheapest path to that point is
// kept. A search that finds no such point within MAX_COST edits keeps its furthest path and goes on
// from there, so no input costs more than (lines x MAX_COST). Runs come out as the walk goes, so the
// first screen of a long diff costs no more than the lines it shows.

export type DiffOp = 'same' | 'removed' | 'added';

/** `count` consecutive lines: kept on both sides, only in the old text, or only in the new one. */
export interface DiffRun {
  op: DiffOp;
  count: number;
}

/** Lines that must agree in a row to close an edit: fewer would let `},` or `{` end it by chance. */
const SYNC = 3;
/** How far agreeing lines are followed to choose between points that agree at the same cost. */
const LOOKAHEAD = 64;
/** Edits one search may try before it settles for its furthest path. */
const MAX_COST = 1024;

class Runs {
  readonly list: DiffRun[] = [];
  push(op: DiffOp, count: number): void {
    if (count === 0) return;
    const last = this.list[this.list.length - 1];
    if (last?.op === op) last.count += count;
    else this.list.push({ op, count });
  }
  /** The runs that can no longer grow: all but the last, or all when the walk is over. */
  *settled(all: boolean): Generator<DiffRun> {
    const keep = all ? 0 : 1;
    if (this.list.length <= keep) return;
    const out = this.list.splice(0, this.list.length - keep);
    yield* out;
  }
}

/** Lines as numbers, so that comparing two long lines costs one comparison; numbered as needed. */
class Numbered {
  readonly ids: Int32Array;
  private done = 0;
  constructor(
    private readonly lines: readonly string[],
    private readonly table: Map<string, number>,
  ) {
    this.ids = new Int32Array(lines.length);
  }
  /** Numbers the lines before `end`. */
  upTo(end: number): void {
    const stop = Math.min(end, this.lines.length);
    for (; this.done < stop; this.done++) {
      const line = this.lines[this.done];
      let id = this.table.get(line);
      if (id === undefined) {
        id = this.table.size;
        this.table.set(line, id);
      }
      this.ids[this.done] = id;
    }
  }
}

/** Lines numbered at a time while walking equal lines. */
const CHUNK = 4096;
/** How far past its start a search can look: each step but the last follows fewer than SYNC lines. */
const REACH = (MAX_COST + 1) * SYNC + LOOKAHEAD;

/**
 * Myers' forward search from one point of the two texts, remembering each step so the path can be
 * read back. Step d holds the furthest x reached on diagonals k = -d, -d+2, ..., d (x - y = k, both
 * relative to the start), at index d(d+1)/2 + (k+d)/2.
 */
class Search {
  private far = new Int32Array(0);
  /** x after the step's one edit, before following equal lines. */
  private moved = new Int32Array(0);
  /** 1 when the step's edit was an added line (down), 0 a removed one (right). */
  private down = new Uint8Array(0);

  private reserve(d: number): void {
    const need = ((d + 1) * (d + 2)) / 2;
    if (this.far.length >= need) return;
    const size = Math.max(need, this.far.length * 2, 64);
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.far = grow(this.far, (n) => new Int32Array(n));
    this.moved = grow(this.moved, (n) => new Int32Array(n));
    this.down = grow(this.down, (n) => new Uint8Array(n));
  }

  /**
   * Walks from (i, j), where a[i] !== b[j], to the nearest point after which SYNC lines agree (or the
   * end of both texts), and writes the edits on the way into `runs`. Returns the point reached.
   */
  run(a: Int32Array, b: Int32Array, i: number, j: number, runs: Runs): [number, number] {
    const n = a.length - i;
    const m = b.length - j;
    let best = { d: 0, k: 0, x: 0, sum: 0 };
    for (let d = 0; d <= MAX_COST; d++) {
      this.reserve(d);
      const base = (d * (d + 1)) / 2;
      const prev = ((d - 1) * d) / 2;
      let agreed = { k: 0, x: 0, same: 0 };
      for (let k = -d; k <= d; k += 2) {
        const at = base + (k + d) / 2;
        this.far[at] = -1;
        if (k < -m || k > n) continue;
        let x = 0;
        let down = 0;
        if (d > 0) {
          // From diagonal k+1 by an added line, or from k-1 by a removed one: whichever gets further,
          // and on a tie the added line, so that a block of changes lists its removed lines first.
          const above = k < d ? this.far[prev + (k + d) / 2] : -1;
          const left = k > -d ? this.far[prev + (k + d - 2) / 2] : -1;
          const byAdding = above >= 0 && above - k <= m ? above : -1;
          const byRemoving = left >= 0 && left + 1 <= n ? left + 1 : -1;
          if (byAdding < 0 && byRemoving < 0) continue;
          down = byAdding >= byRemoving ? 1 : 0;
          x = down ? byAdding : byRemoving;
        }
        this.down[at] = down;
        this.moved[at] = x;
        let y = x - k;
        let same = 0;
        while (x < n && y < m && a[i + x] === b[j + y] && same < LOOKAHEAD) {
          x++;
          y++;
          same++;
        }
        if (x === n && y === m) {
          this.readBack(d, k, x, runs);
          return [a.length, b.length];
        }
        // Of the points this many edits away where the sides agree again, the one that agrees longest:
        // the first to agree for three lines may be a `{` that lines up with the wrong statement.
        if (same >= SYNC && same > agreed.same) agreed = { k, x: x - same, same };
        this.far[at] = x;
        if (x + y > best.sum) best = { d, k, x, sum: x + y };
      }
      if (agreed.same > 0) {
        this.readBack(d, agreed.k, agreed.x, runs);
        return [i + agreed.x, j + agreed.x - agreed.k];
      }
    }
    this.readBack(best.d, best.k, best.x, runs);
    return [i + best.x, j + best.x - best.k];
  }

  /** Writes the path that reaches x on diagonal k at step d. */
  private readBack(d: number, k: number, x: number, runs: Runs): void {
    const reversed: DiffRun[] = [];
    for (;;) {
      const at = (d * (d + 1)) / 2 + (k + d) / 2;
      const moved = d === 0 ? 0 : this.moved[at];
      if (x > moved) reversed.push({ op: 'same', count: x - moved });
      if (d === 0) break;
      if (this.down[at]) {
        reversed.push({ op: 'added', count: 1 });
        k += 1;
      } else {
        reversed.push({ op: 'removed', count: 1 });
        k -= 1;
      }
      d -= 1;
      x = this.far[(d * (d + 1)) / 2 + (k + d) / 2];
    }
    for (let r = reversed.length - 1; r >= 0; r--) runs.push(reversed[r].op, reversed[r].count);
  }
}

/** The runs of kept, removed and added lines that turn `a` into `b`, as the walk finds them. */
export function* lineDiff(a: readonly string[], b: readonly string[]): Generator<DiffRun> {
  const table = new Map<string, number>();
  const na = new Numbered(a, table);
  const nb = new Numbered(b, table);
  const x = na.ids;
  const y = nb.ids;
  const runs = new Runs();
  const search = new Search();
  let i = 0;
  let j = 0;
  for (;;) {
    const from = i;
    for (;;) {
      na.upTo(i + CHUNK);
      nb.upTo(j + CHUNK);
      const end = Math.min(x.length - i, y.length - j, CHUNK);
      let k = 0;
      while (k < end && x[i + k] === y[j + k]) k++;
      i += k;
      j += k;
      if (k < end || end === 0) break;
    }
    runs.push('same', i - from);
    if (i === x.length || j === y.length) {
      runs.push('removed', x.length - i);
      runs.push('added', y.length - j);
      yield* runs.settled(true);
      return;
    }
    na.upTo(i + REACH);
    nb.upTo(j + REACH);
    [i, j] = search.run(x, y, i, j, runs);
    yield* runs.settled(false);
  }
}

/** All the runs that turn `a` into `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffRun[] {
  return [...lineDiff(a, b)];
}
