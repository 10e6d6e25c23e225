// @vitest-environment jsdom
// The trie view tells the refiner's own story: its sentences, step-through and details read the walk
// core recorded (what it did at each node, and which entry covers a node it left out), and a leaf the
// findings call unused is kept, or let go, with one click.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  explainPattern,
  parseFindings,
  parseKeepList,
  parsePolicy,
  refineContext,
  STEPS,
  type PatternTrie,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { whyNode } from '../../src/ui/trie/explanation';
import { trieModel } from '../../src/ui/trie/model';
import { algorithmSteps } from '../../src/ui/trie/steps';
import { TrieView } from '../../src/ui/trie/TrieView';
import { catalog } from '../core/support';

afterEach(cleanup);

function trieOf(policy: string, unused: string, keep = ''): PatternTrie {
  const doc = parsePolicy(policy);
  const findings = parseFindings(unused);
  const list = parseKeepList(keep);
  if (!doc.ok || !findings.ok || !list.ok) throw new Error('inputs');
  const ctx = refineContext(doc.value, findings.value, catalog, { keep: list.value });
  const trie = explainPattern(ctx, 1, 0) ?? explainPattern(ctx, 0, 0);
  if (!trie) throw new Error('no trie');
  return trie;
}

// grafana:ListWorkspace* also matches its sibling ListWorkspaces: the walk leaves that one out.
const grafana = trieOf(
  '{"Statement": {"Effect": "Allow", "Action": "grafana:List*", "Resource": "*"}}',
  'grafana:ListVersions',
);
const at = (trie: PatternTrie, prefix: string) => trie.nodes.prefix.indexOf(prefix);
const node = (container: Element, prefix: string) =>
  container.querySelector(`[data-testid="trie-node"][data-prefix="${prefix}"]`) as Element;

describe('the recorded walk', () => {
  test('a node left out as covered says which entry allows it, in every place that explains it', () => {
    const model = trieModel(grafana);
    const covered = at(grafana, 'grafana:ListWorkspaces');
    expect(STEPS[grafana.nodes.step[covered]]).toBe('covered');
    expect(whyNode(model, covered)).toBe(
      'Everything under grafana:ListWorkspaces stays allowed, and grafana:ListWorkspace*, written for another node, already allows all of it, so nothing more is written here.',
    );
    expect(algorithmSteps(model).map((s) => s.narration)).toContain(
      'grafana:ListWorkspaces is safe, but it is already allowed by grafana:ListWorkspace*: write nothing more.',
    );
    const { container } = render(<TrieView trie={grafana} />);
    fireEvent.click(node(container, 'grafana:ListWorkspaces'));
    const details = screen.getByTestId('trie-details');
    expect(details.querySelector('.trie-badge')?.textContent).toBe(
      'Safe · already allowed by grafana:ListWorkspace*',
    );
    fireEvent.click(screen.getByTestId('trie-step-start'));
    for (let k = 0; k < 40; k++) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(node(container, 'grafana:ListWorkspaces').getAttribute('data-step')).toBe('covered');
  });

  test('the sentences follow the record, not a rule worked out again from the counts', () => {
    // The same trie with one step of the record changed: what is said changes with it.
    const step = grafana.nodes.step.slice();
    step[at(grafana, 'grafana:ListPermissions')] = STEPS.indexOf('empty');
    const altered = { ...grafana, nodes: { ...grafana.nodes, step } };
    const model = trieModel(altered);
    expect(whyNode(model, at(altered, 'grafana:ListPermissions'))).toMatch(
      /^Nothing under grafana:ListPermissions stays allowed/,
    );
    expect(algorithmSteps(model).map((s) => s.narration)).toContain(
      'Nothing under grafana:ListPermissions stays allowed: write nothing, go no further.',
    );
    expect(algorithmSteps(trieModel(grafana)).map((s) => s.narration)).toContain(
      'grafana:ListPermissions is safe: write grafana:ListPermissions and go no further.',
    );
  });

  test('a node below a written one is already allowed by what was written there', () => {
    const model = trieModel(grafana);
    expect(whyNode(model, at(grafana, 'grafana:ListTagsForResource'))).toBe(
      'All that grafana:ListTagsForResource covers is grafana:ListTagsForResource, written by its exact name at grafana:ListTags above it.',
    );
    const getStar = trieOf(workedExample.policy, workedExample.unused);
    expect(whyNode(trieModel(getStar), at(getStar, 's3:GetObjectAcl'))).toBe(
      's3:GetObjectAcl is already allowed by s3:GetObject*, written above it.',
    );
  });
});

describe('keeping with one click', () => {
  const getStar = trieOf(workedExample.policy, workedExample.unused);

  test('an unused leaf has a keep chip that adds it to the keep list without selecting it', () => {
    const onChange = vi.fn();
    const { container } = render(
      <TrieView trie={getStar} keep={{ text: '# drills\n', onChange }} onMark={() => {}} />,
    );
    const chips = [...container.querySelectorAll('[data-testid="trie-keep-chip"]')];
    expect(chips.map((c) => c.textContent)).toContain('keep');
    expect(chips.map((c) => c.getAttribute('data-prefix'))).not.toContain('s3:GetDataAccess');
    fireEvent.click(
      container.querySelector('[data-testid="trie-keep-chip"][data-prefix="s3:GetBucketAcl"]')!,
    );
    expect(onChange).toHaveBeenCalledWith('s3:GetBucketAcl', '# drills\ns3:GetBucketAcl\n');
    expect(screen.queryByTestId('trie-details')).toBeNull();
    expect(screen.getByTestId('trie-legend').textContent).toContain('press K on the tree');
    // The chip is beside the node, not in its name, and stays out of an exported drawing.
    expect(node(container, 's3:GetBucketAcl').getAttribute('aria-label')).toBe(
      'Acl 1 action, unused, unsafe',
    );
    let svg = '';
    render(
      <TrieView trie={getStar} keep={{ text: '', onChange }} onExportSvg={(t) => (svg = t)} />,
    );
    fireEvent.click(screen.getAllByTestId('trie-export')[1]);
    expect(svg).toContain('data-prefix="s3:GetBucketAcl"');
    expect(svg).not.toContain('trie-keep-chip');
  });

  test('K on the tree keeps the row the arrow keys are on', () => {
    const onChange = vi.fn();
    const { container } = render(
      <TrieView trie={getStar} keep={{ text: '', onChange }} focus="s3:GetBucketCORS" />,
    );
    fireEvent.keyDown(screen.getByTestId('trie-svg'), { key: 'k' });
    expect(onChange).toHaveBeenCalledWith('s3:GetBucketCORS', 's3:GetBucketCORS\n');
    expect(node(container, 's3:GetBucketCORS')).toBeTruthy();
  });

  test('a leaf the keep list keeps is a square with an un-keep chip, and the details say which line', () => {
    const keep = 'x:Y\ns3:GetBucketAcl\n';
    const kept = trieOf(workedExample.policy, workedExample.unused, keep);
    const onChange = vi.fn();
    const { container } = render(<TrieView trie={kept} keep={{ text: keep, onChange }} />);
    const leaf = node(container, 's3:GetBucketAcl');
    expect(leaf.getAttribute('data-kept')).toBe('true');
    expect(leaf.querySelector('rect[width="20"]')).toBeTruthy();
    fireEvent.click(leaf);
    expect(within(screen.getByTestId('trie-details')).getByTestId('trie-keeping').textContent).toBe(
      'Kept on purpose: line 2 of the keep list. Take it off the keep list',
    );
    fireEvent.click(
      container.querySelector('[data-testid="trie-keep-chip"][data-prefix="s3:GetBucketAcl"]')!,
    );
    expect(onChange).toHaveBeenCalledWith('s3:GetBucketAcl', 'x:Y\n');
  });

  test('kept by a wildcard of the list: no chip, and the details say where to change it', () => {
    const keep = 's3:GetBucket*';
    const kept = trieOf(workedExample.policy, workedExample.unused, keep);
    const { container } = render(
      <TrieView trie={kept} keep={{ text: keep, onChange: vi.fn() }} focus="s3:GetBucketAcl" />,
    );
    expect(
      container.querySelector('[data-testid="trie-keep-chip"][data-prefix="s3:GetBucketAcl"]'),
    ).toBeNull();
    fireEvent.click(node(container, 's3:GetBucketAcl'));
    expect(screen.getByTestId('trie-keeping').textContent).toBe(
      'Kept by s3:GetBucket*, line 1 of the keep list: edit the list to let it go.',
    );
  });
});
