// A unified diff (`diff -u`, what `patch` and `git apply` read) from the runs of the line diff.
import { diffLines } from '../diff/lineDiff';

/** Unchanged lines shown around each change; changes closer than twice this share a hunk. */
const CONTEXT = 3;

/** `start,count` of a hunk side, as diff writes it: an empty side names the line before it. */
function range(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * Writes the patch that turns `before` into `after` (both without a final newline, `after` null
 * when the file goes away) through `write`, a hunk at a time.
 */
export function writeUnifiedDiff(
  oldName: string,
  newName: string,
  newHeader: string,
  before: string,
  after: string | null,
  write: (text: string) => void,
): void {
  const a = before.split('\n');
  const b = after === null ? [] : after.split('\n');
  const runs = diffLines(a, b);
  write(`===================================================================\n`);
  write(`--- ${oldName}\n+++ ${newName}\t${newHeader}\n`);
  // Walk the runs, cutting hunks where unchanged lines run longer than twice the context.
  let i = 0;
  let j = 0;
  let hunk: string[] = [];
  let open = false;
  let fromA = 0;
  let fromB = 0;
  let countA = 0;
  let countB = 0;
  const begin = (lead: number): void => {
    open = true;
    fromA = i - lead;
    fromB = j - lead;
    countA = lead;
    countB = lead;
    for (let k = fromA; k < i; k++) hunk.push(` ${a[k]}\n`);
  };
  const end = (): void => {
    write(`@@ -${range(fromA + 1, countA)} +${range(fromB + 1, countB)} @@\n${hunk.join('')}`);
    hunk = [];
    open = false;
  };
  runs.forEach((run, r) => {
    const last = r === runs.length - 1;
    if (run.op === 'same') {
      const kept = open && !last && run.count <= 2 * CONTEXT ? run.count : CONTEXT;
      if (open) {
        const n = Math.min(kept, run.count);
        for (let k = i; k < i + n; k++) hunk.push(` ${a[k]}\n`);
        countA += n;
        countB += n;
        if (n < run.count || last) end();
      }
      i += run.count;
      j += run.count;
      if (!open && !last) begin(Math.min(CONTEXT, run.count));
      return;
    }
    if (!open) begin(0);
    if (run.op === 'removed') {
      for (let k = i; k < i + run.count; k++) hunk.push(`-${a[k]}\n`);
      countA += run.count;
      i += run.count;
    } else {
      for (let k = j; k < j + run.count; k++) hunk.push(`+${b[k]}\n`);
      countB += run.count;
      j += run.count;
    }
  });
  if (open) end();
}
