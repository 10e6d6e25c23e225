// The line diff behind the CLI's --format diff and the app's diff view: always a correct edit
// script, the obvious one when the texts differ in one place, and the refiner's changes line for line.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffLines, type DiffRun } from '../../src/diff/lineDiff';

/** Replays the runs: each kept line must be the same on both sides, and both texts used up. */
function replay(a: string[], b: string[], runs: DiffRun[]) {
  let i = 0;
  let j = 0;
  let removed = 0;
  let added = 0;
  for (const r of runs) {
    expect(r.count).toBeGreaterThan(0);
    if (r.op === 'same') for (let k = 0; k < r.count; k++) expect(a[i++]).toBe(b[j++]);
    else if (r.op === 'removed') {
      i += r.count;
      removed += r.count;
    } else {
      j += r.count;
      added += r.count;
    }
  }
  expect([i, j]).toEqual([a.length, b.length]);
  return { removed, added };
}

const lines = (alphabet: string[], max: number) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: max });

describe('diffLines', () => {
  test('turns any text into any other, with runs that merge nothing that could be one run', () => {
    fc.assert(
      fc.property(
        lines(['{', '}', 'a', 'b', 'c'], 60),
        lines(['{', '}', 'a', 'b', 'd'], 60),
        (a, b) => {
          const runs = diffLines(a, b);
          replay(a, b, runs);
          for (let r = 1; r < runs.length; r++) expect(runs[r].op).not.toBe(runs[r - 1].op);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('texts that differ in one place, in lines found nowhere else: only that place changes', () => {
    const shared = lines(['{', '}', '"s3:Get*",', '],', '"x"'], 40);
    const own = lines(['"a",', '"b",', '"c",', '}'], 20);
    fc.assert(
      fc.property(shared, own, own, shared, (prefix, x, y, suffix) => {
        const a = [...prefix, ...x.map((l) => `-${l}`), ...suffix];
        const b = [...prefix, ...y.map((l) => `+${l}`), ...suffix];
        expect(replay(a, b, diffLines(a, b))).toEqual({ removed: x.length, added: y.length });
      }),
      { numRuns: 2000 },
    );
  });

  test('of two places where the texts agree again, the one that agrees longer', () => {
    expect(diffLines(['{', 'x', '{', 'x', '{'], ['x', '{', 'x', '{'])).toEqual([
      { op: 'removed', count: 1 },
      { op: 'same', count: 4 },
    ]);
  });

  test('a refined statement among unchanged ones: only the rewritten entry changes, removed first', () => {
    const statement = (actions: string[]) => [
      '    {',
      '      "Effect": "Allow",',
      '      "Action": [',
      ...actions.map((a, i) => `        "${a}"${i < actions.length - 1 ? ',' : ''}`),
      '      ],',
      '      "Resource": "*"',
      '    },',
    ];
    const before = [...statement(['s3:List*']), ...statement(['s3:Get*', 'lambda:Invoke*'])];
    const after = [
      ...statement(['s3:List*']),
      ...statement(['s3:GetAccess*', 's3:GetObject*', 'lambda:Invoke*']),
    ];
    expect(diffLines(before, after)).toEqual([
      { op: 'same', count: 10 },
      { op: 'removed', count: 1 },
      { op: 'added', count: 2 },
      { op: 'same', count: 4 },
    ]);
  });

  test('10,000 rewritten statements: every one changed in place, none aligned with another', () => {
    const one = (action: string[]) => [
      '{',
      '"Effect": "Allow",',
      '"Action": [',
      ...action,
      '],',
      '}',
    ];
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      a.push(...one(['"s3:Get*",', '"lambda:InvokeFunction"']));
      b.push(...one(['"s3:GetAccess*",', '"s3:GetBucket*",', '"lambda:InvokeFunction"']));
    }
    const { removed, added } = replay(a, b, diffLines(a, b));
    expect([removed, added]).toEqual([10_000, 20_000]);
  });

  test('texts with nothing in common: every line removed and added', () => {
    const a = Array.from({ length: 5_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 7_000 }, (_, i) => `b${i}`);
    expect(replay(a, b, diffLines(a, b))).toEqual({ removed: 5_000, added: 7_000 });
  });
});
