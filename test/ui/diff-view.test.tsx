// @vitest-environment jsdom
// The side-by-side diff: the refiner's changes row by row, a click on a recommended line number opens
// its decision, long unchanged runs folded, large diffs drawn a page at a time.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { DiffView } from '../../src/ui/DiffView';
import { diffRows } from '../../src/ui/diffRows';
import { analyze } from '../../src/worker/analyze';
import type { RecommendationView } from '../../src/worker/protocol';
import { catalog } from '../core/support';

afterEach(cleanup);

function view(policy: string, unused: string): RecommendationView {
  const a = analyze({ type: 'refine', id: 1, policy, unused, used: false }, catalog, () => 0);
  if (!a.recommendation) throw new Error(JSON.stringify(a.policyError ?? a.unusedError));
  return a.recommendation;
}

const cells = (side: 'left' | 'right') =>
  [...document.querySelectorAll(`[data-testid="diff"] td.${side}`)]
    .map((c) => c.textContent ?? '')
    .filter((t) => t.trim() !== '');

/** N statements whose s3:Get* is rewritten; their Sid, resource and condition stay as they were. */
function statements(n: number): string {
  const Statement = Array.from({ length: n }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i}` } },
    Action: ['s3:Get*', 'lambda:InvokeFunction'],
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement }, null, 2);
}

describe('diffRows', () => {
  test('a change: removed and added lines side by side, unchanged runs folded to three lines', () => {
    const before = ['{', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x', '}'];
    const after = ['{', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'y1', 'y2', '}'];
    expect(diffRows(before, after, true)).toEqual([
      { kind: 'fold', left: 1, right: 1, count: 6 },
      { kind: 'same', left: { n: 7, text: 'f' }, right: { n: 7, text: 'f' } },
      { kind: 'same', left: { n: 8, text: 'g' }, right: { n: 8, text: 'g' } },
      { kind: 'same', left: { n: 9, text: 'h' }, right: { n: 9, text: 'h' } },
      { kind: 'changed', left: { n: 10, text: 'x' }, right: { n: 10, text: 'y1' } },
      { kind: 'changed', left: null, right: { n: 11, text: 'y2' } },
      { kind: 'same', left: { n: 11, text: '}' }, right: { n: 12, text: '}' } },
    ]);
    expect(diffRows(before, after, false)).toHaveLength(12);
  });
});

describe('DiffView', () => {
  test('the worked example: every line, the rewritten wildcards removed and their frontier added', () => {
    render(
      <DiffView
        rec={view(workedExample.policy, workedExample.unused)}
        selected={null}
        onSelect={() => {}}
      />,
    );
    expect(cells('left')).toContain('        "s3:Get*",');
    expect(cells('right')).toContain('        "s3:GetMulti*",');
    expect(cells('right')).not.toContain('        "s3:Get*",');
    const removed = [...document.querySelectorAll('td.left.removed')].map((c) => c.textContent);
    expect(removed).toContain('        "s3:Get*",');
    expect(screen.getByRole('columnheader', { name: 'Recommended' })).toBeTruthy();
  });

  test('a click on a recommended line number opens the decision that wrote it', () => {
    const onSelect = vi.fn();
    render(
      <DiffView
        rec={view(workedExample.policy, workedExample.unused)}
        selected={null}
        onSelect={onSelect}
      />,
    );
    const row = [...document.querySelectorAll('tr')].find((r) =>
      r.textContent?.includes('"s3:GetObject*"'),
    );
    fireEvent.click(row!.querySelectorAll('td')[3].querySelector('button')!);
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ pattern: 's3:Get*' }),
      's3:GetObject*',
    );
  });

  test("the selected decision's lines are highlighted", () => {
    const rec = view(workedExample.policy, workedExample.unused);
    const selected = rec.decisions.find((d) => d.pattern === 's3:Get*')!;
    render(<DiffView rec={rec} selected={selected} onSelect={() => {}} />);
    const marked = [...document.querySelectorAll('td.right.highlighted')].map((c) =>
      c.textContent?.trim().replace(/^"|",?$/g, ''),
    );
    expect(marked).toEqual(selected.replacement);
  });

  test('a large diff: unchanged runs folded, a fold opens on a click, pages added on demand', () => {
    render(
      <DiffView rec={view(statements(150), 's3:GetObject')} selected={null} onSelect={() => {}} />,
    );
    // Queried by selector: role queries walk the accessibility tree of thousands of cells.
    const folds = [...document.querySelectorAll<HTMLButtonElement>('tr.fold button')];
    expect(folds.length).toBeGreaterThan(10);
    expect(cells('left')).not.toContain('      "Sid": "S1",');
    fireEvent.click(folds[1]);
    expect(cells('left')).toContain('      "Sid": "S1",');
    expect(cells('left')).not.toContain('      "Sid": "S2",');
    const rows = () => document.querySelectorAll('tr.diff-row').length;
    expect(rows()).toBe(501);
    fireEvent.click(document.querySelector('tr.more button')!);
    expect(rows()).toBe(1001);
  });

  test('one column (narrow screens): a change lists its removed lines, then its added ones', () => {
    render(
      <DiffView
        rec={view(workedExample.policy, workedExample.unused)}
        selected={null}
        onSelect={() => {}}
        unified
      />,
    );
    expect(document.querySelector('[data-testid="diff"]')?.getAttribute('data-layout')).toBe(
      'unified',
    );
    const marks = [...document.querySelectorAll('tr.changed td.marker')].map((c) => c.textContent);
    const firstAdded = marks.indexOf('+');
    expect(marks.slice(0, firstAdded).every((m) => m === '-')).toBe(true);
    expect(firstAdded).toBeGreaterThan(0);
    expect(cells('right')).toContain('        "s3:GetMulti*",');
    expect(document.querySelectorAll('tr.diff-row')[0].querySelectorAll('td')).toHaveLength(4);
  });

  test('DETACH_POLICY: every original line removed, nothing on the right', () => {
    const rec = view(workedExample.policy, 's3:*\nlambda:*');
    render(<DiffView rec={rec} selected={null} onSelect={() => {}} />);
    expect(cells('right')).toEqual([]);
    expect(cells('left')).toHaveLength(rec.originalText.split('\n').length);
    expect(screen.getByRole('columnheader', { name: 'Recommended: detach' })).toBeTruthy();
  });
});
