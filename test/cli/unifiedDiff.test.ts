// --format diff: a patch that `patch` and jsdiff's applyPatch turn the original into the
// recommendation with, in hunks of three lines of context.
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { writeUnifiedDiff } from '../../src/cli/unifiedDiff';

function patch(before: string, after: string | null): string {
  let out = '';
  writeUnifiedDiff(
    'a/p.json',
    after === null ? '/dev/null' : 'b/p.json',
    'STEP',
    before,
    after,
    (t) => {
      out += t;
    },
  );
  return out;
}

const text = fc
  .array(fc.constantFrom('{', '}', '"a",', '"b",', '"c"', '],', ''), { maxLength: 40 })
  .map((l) => l.join('\n'));

describe('writeUnifiedDiff', () => {
  test('applied to the original, gives the recommendation', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(applyPatch(before + '\n', patch(before, after))).toBe(after + '\n');
      }),
      { numRuns: 2000 },
    );
  });

  test('changes farther apart than six lines get hunks of their own, with three lines around', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n');
    const after = ['1', 'two', '3', '4', '5', '6', '7', '8', '9', '10', 'eleven', '12'].join('\n');
    expect(patch(before, after)).toBe(
      [
        '===================================================================',
        '--- a/p.json',
        '+++ b/p.json\tSTEP',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -8,5 +8,5 @@',
        ' 8',
        ' 9',
        ' 10',
        '-11',
        '+eleven',
        ' 12',
        '',
      ].join('\n'),
    );
  });

  test('a detached policy: every line removed, against /dev/null', () => {
    expect(patch('{\n}', null)).toBe(
      '===================================================================\n--- a/p.json\n+++ /dev/null\tSTEP\n@@ -1,2 +0,0 @@\n-{\n-}\n',
    );
  });

  test('no change: the header alone', () => {
    expect(patch('{\n}', '{\n}')).toBe(
      '===================================================================\n--- a/p.json\n+++ b/p.json\tSTEP\n',
    );
  });
});
