// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  explainPattern,
  parseFindings,
  parsePolicy,
  refineContext,
  type PatternTrie,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { TrieView } from '../../src/ui/trie/TrieView';
import { allow, catalog, catalog2024 } from '../core/support';

afterEach(cleanup);

function trieOf(
  policy: string,
  unused: string,
  statement: number,
  position: number,
  level: 'word' | 'char' = 'word',
  cat = catalog2024,
): PatternTrie {
  const doc = parsePolicy(policy);
  const findings = parseFindings(unused);
  if (!doc.ok || !findings.ok) throw new Error('inputs');
  const trie = explainPattern(refineContext(doc.value, findings.value, cat), statement, position, {
    level,
  });
  if (!trie) throw new Error('no trie');
  return trie;
}

// Today's catalog: s3:GetBucket holds two actions that stay allowed beside 14 unused ones.
const getStar = trieOf(workedExample.policy, workedExample.unused, 1, 0, 'word', catalog);
const getStarChars = trieOf(workedExample.policy, workedExample.unused, 1, 0, 'char', catalog);

function nodeEl(container: Element, prefix: string): Element {
  const el = container.querySelector(`[data-testid="trie-node"][data-prefix="${prefix}"]`);
  if (!el) throw new Error(`no node ${prefix} drawn`);
  return el;
}

describe('TrieView on the worked example', () => {
  test('draws safe, unsafe and written nodes differently, with counts and labels', () => {
    const { container } = render(<TrieView trie={getStar} />);
    for (const t of ['Access', 'Multi', 'Object', 'Storage']) {
      const el = nodeEl(container, `s3:Get${t}`);
      expect(el.getAttribute('data-safe')).toBe('true');
      expect(el.getAttribute('data-written')).toBe('true');
      expect(el.getAttribute('data-entry')).toBe(`s3:Get${t}*`);
      expect(el.querySelector('circle[r="10"]')?.getAttribute('stroke-width')).toBe('4');
    }
    const bucket = nodeEl(container, 's3:GetBucket');
    expect(bucket.getAttribute('data-safe')).toBe('false');
    expect(bucket.getAttribute('data-written')).toBe('false');
    expect(bucket.querySelector('path')?.getAttribute('stroke-dasharray')).toBe('4 2');
    // The spoken name starts with the visible text, so voice control finds it by what it shows.
    expect(bucket.getAttribute('aria-label')).toBe('Bucket 16 actions · 14 unused, unsafe');
    expect(bucket.textContent).toContain('16 actions · 14 unused');
    expect(bucket.getAttribute('role')).toBe('treeitem');
    expect(bucket.getAttribute('aria-expanded')).toBe('true');
    expect(nodeEl(container, 's3:GetMulti').textContent).toContain('→ s3:GetMulti*');
    const unusedLeaf = nodeEl(container, 's3:GetBucketPolicy');
    expect(unusedLeaf.getAttribute('data-unused-action')).toBe('true');
    expect(screen.getByTestId('trie-caption').textContent).toMatch(/safe \(green\)/);
    expect(screen.getByTestId('trie-written').textContent).toContain('s3:GetMulti*');
  });

  test('clicking Bucket lists the unused actions that make it unsafe and says why', () => {
    const { container } = render(<TrieView trie={getStar} />);
    fireEvent.click(nodeEl(container, 's3:GetBucket'));
    const details = screen.getByTestId('trie-details');
    expect(within(details).getByRole('heading', { level: 3 }).textContent).toBe('s3:GetBucket');
    const unused = within(details).getByTestId('trie-details-unused');
    expect(unused.querySelectorAll('li')).toHaveLength(14);
    expect(unused.textContent).toContain('s3:GetBucketPolicy');
    expect(within(details).getByTestId('trie-why').textContent).toMatch(
      /^s3:GetBucket\* would also allow s3:GetBucket\w+ and 13 other actions that are unused, so the refiner looks one word further/,
    );
    expect(within(details).getByTestId('trie-details-actions').textContent).toContain('Read');
    fireEvent.click(nodeEl(container, 's3:GetMulti'));
    expect(screen.getByTestId('trie-why').textContent).toContain(
      'its parent s3:Get is unsafe, so s3:GetMulti* is the shortest wildcard',
    );
  });

  test('collapses and expands with the +/- marker, keyed by prefix', () => {
    const { container } = render(<TrieView trie={getStar} />);
    const toggle = container.querySelector(
      '[data-testid="trie-toggle"][data-prefix="s3:GetBucket"]',
    );
    // Pointer only: the keyboard uses the arrow keys on the tree.
    expect(toggle?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(toggle as Element);
    expect(container.querySelector('[data-prefix="s3:GetBucketPolicy"]')).toBeNull();
    fireEvent.click(toggle as Element);
    expect(nodeEl(container, 's3:GetBucketPolicy')).toBeTruthy();
  });

  test('step-through narrates the rule one step per click', () => {
    const { container } = render(<TrieView trie={getStar} />);
    fireEvent.click(screen.getByTestId('trie-step-start'));
    const narration = () => screen.getByTestId('trie-narration').textContent;
    expect(narration()).toMatch(/^The trie of s3:Get\*/);
    expect(nodeEl(container, 's3:GetMulti').getAttribute('data-step')).toBe('pending');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(narration()).toMatch(/is unused: mark it\.$/);
    const seen = [narration()];
    for (let k = 0; k < 200 && !seen[seen.length - 1]?.startsWith('Done'); k++) {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      seen.push(narration());
    }
    expect(seen.some((s) => /unsafe\.$/.test(s ?? ''))).toBe(true);
    expect(seen).toContain('s3:GetMulti is safe: write s3:GetMulti* and go no further.');
    expect(seen.at(-1)).toBe('Done: s3:Get* becomes 9 entries.');
    expect(nodeEl(container, 's3:GetMulti').getAttribute('data-step')).toBe('written');
    expect(nodeEl(container, 's3:GetBucketPolicy').getAttribute('data-step')).toBe('skipped');
    expect(nodeEl(container, 's3:GetBucketPolicyStatus').getAttribute('data-step')).toBe('unused');
    fireEvent.click(screen.getByRole('button', { name: 'Prev' }));
    expect(narration()).not.toMatch(/^Done/);
  });

  test('plays the steps on a timer and pauses', () => {
    vi.useFakeTimers();
    try {
      render(<TrieView trie={getStar} />);
      fireEvent.click(screen.getByTestId('trie-step-start'));
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      act(() => {
        vi.advanceTimersByTime(1300);
      });
      act(() => {
        vi.advanceTimersByTime(1300);
      });
      expect(screen.getByText(/^Step 3 of/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
      act(() => {
        vi.advanceTimersByTime(5000);
      });
      expect(screen.getByText(/^Step 3 of/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  test('exports a standalone SVG holding the drawn nodes', () => {
    const onExportSvg = vi.fn();
    render(<TrieView trie={getStar} onExportSvg={onExportSvg} />);
    fireEvent.click(screen.getByTestId('trie-export'));
    expect(onExportSvg).toHaveBeenCalledTimes(1);
    const svg = onExportSvg.mock.calls[0][0] as string;
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('viewBox=');
    expect(svg).toContain('data-prefix="s3:GetMulti"');
    expect(svg).toContain('→ s3:GetMulti*');
    expect(svg).toContain('<style>');
    expect(svg).not.toContain('tabindex');
    expect(svg).not.toContain('trie-focus-ring');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')?.textContent).toBeUndefined();
  });

  test('shows the character-level result beside the word-level one', () => {
    render(<TrieView trie={getStar} charTrie={getStarChars} />);
    fireEvent.click(screen.getByTestId('trie-char-toggle'));
    expect(screen.getByTestId('trie-compare-word').textContent).toContain('s3:GetAccess*');
    expect(screen.getByTestId('trie-compare-char').textContent).toContain('s3:GetAcces*');
    expect(screen.getByTestId('trie-compare').textContent).toContain('Words are the right unit');
  });

  test('is one tab stop, a tree the arrow keys walk, and starts over on another pattern', () => {
    const { container, rerender } = render(<TrieView trie={getStar} />);
    const tree = screen.getByRole('tree');
    expect(container.querySelectorAll('svg [tabindex]')).toHaveLength(0);
    expect(tree.getAttribute('tabindex')).toBe('0');
    const active = () => document.getElementById(tree.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.getAttribute('data-prefix')).toBe('s3:Get');
    fireEvent.keyDown(tree, { key: 'ArrowRight' }); // open: go to the first child
    expect(active()?.getAttribute('aria-level')).toBe('2');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // a closed child: back to the parent
    expect(active()?.getAttribute('data-prefix')).toBe('s3:Get');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // open: close it
    expect(nodeEl(container, 's3:Get').getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(tree, { key: 'Enter' }); // open it again, and select it
    expect(nodeEl(container, 's3:Get').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('trie-details').getAttribute('data-prefix')).toBe('s3:Get');
    fireEvent.keyDown(tree, { key: 'Escape' });
    expect(screen.queryByTestId('trie-details')).toBeNull();
    while (active()?.getAttribute('data-prefix') !== 's3:GetObject')
      fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: ' ' });
    expect(screen.getByTestId('trie-details').getAttribute('data-prefix')).toBe('s3:GetObject');
    const list = trieOf(workedExample.policy, workedExample.unused, 1, 1, 'word', catalog);
    rerender(<TrieView trie={list} />);
    expect(screen.queryByTestId('trie-details')).toBeNull();
    expect(nodeEl(container, 's3:List').getAttribute('data-safe')).toBe('true');
    expect(screen.getByTestId('trie-written').textContent).toBe('Written: s3:List*');
  });

  test('renders names as text, never as HTML', () => {
    const hostile = structuredClone(getStar);
    hostile.nodes.token[1] = '<img src=x onerror=alert(1)>';
    const { container } = render(<TrieView trie={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});

describe('TrieView on "*" over the whole catalog', () => {
  const everything = trieOf(
    JSON.stringify(allow('*')),
    '[{ "serviceNamespace": "ec2", "actions": ["TerminateInstances", "DeleteVpc"] }, { "serviceNamespace": "organizations" }]',
    0,
    0,
    'word',
    catalog,
  );

  test('opens on the unsafe paths with the kept services folded, and search reveals a hidden action', () => {
    const { container } = render(<TrieView trie={everything} />);
    const drawn = container.querySelectorAll('[data-testid="trie-node"]').length;
    expect(drawn).toBeLessThan(40);
    expect(nodeEl(container, 'ec2:').getAttribute('data-safe')).toBe('false');
    expect(nodeEl(container, 'ec2:Terminate').getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('[data-prefix="lambda:"]')).toBeNull();
    const fold = container.querySelector('[data-testid="trie-fold"][data-parent="*"]');
    expect(fold?.textContent).toMatch(/^45\d services entirely kept .*→ written svc:\*$/);
    expect(container.querySelector('[data-prefix="ec2:DescribeInstances"]')).toBeNull();
    const search = screen.getByTestId('trie-search');
    fireEvent.change(search, { target: { value: 'ec2:DescribeInstances' } });
    fireEvent.submit(search.closest('form') as HTMLFormElement);
    const found = nodeEl(container, 'ec2:DescribeInstances');
    expect(found.getAttribute('aria-selected')).toBe('true');
    // A click on the fold draws the services it stands for.
    fireEvent.click(
      container.querySelector('[data-testid="trie-fold"][data-parent="*"]') as Element,
    );
    expect(nodeEl(container, 'lambda:').getAttribute('data-entry')).toBe('lambda:*');
    expect(screen.getByTestId('trie-details').getAttribute('data-prefix')).toBe(
      'ec2:DescribeInstances',
    );
  });

  test('focus reveals a node, and too many open nodes ask to narrow down', () => {
    const { container, rerender } = render(<TrieView trie={everything} />);
    rerender(<TrieView trie={everything} focus="ec2:TerminateInstances" />);
    expect(nodeEl(container, 'ec2:TerminateInstances').getAttribute('data-safe')).toBe('false');
    fireEvent.click(screen.getByTestId('trie-expand-all'));
    expect(screen.getByTestId('trie-too-many').textContent).toContain('narrow down');
    expect(container.querySelectorAll('[data-testid="trie-node"]')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the refiner’s path' }));
    expect(nodeEl(container, 'ec2:Terminate')).toBeTruthy();
  });
});
