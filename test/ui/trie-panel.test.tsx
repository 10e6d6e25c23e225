// @vitest-environment jsdom
// The trie panel draws the trie as soon as the worker's answer and the view's chunk are both there.
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { TriePanel } from '../../src/ui/TriePanel';
import { RefinerSession } from '../../src/worker/analyze';
import type { RefinerClient } from '../../src/worker/client';
import { catalog } from '../core/support';

afterEach(cleanup);

describe('TriePanel', () => {
  test('a trie that arrives after its view has loaded is drawn at once, with no "Loading the trie view" in between', async () => {
    // The view's chunk has arrived (here: vitest has transformed the module once).
    await import('../../src/ui/trie/TrieView');
    const session = new RefinerSession(catalog, () => 0);
    const analysis = session.refine({
      type: 'refine',
      id: 1,
      policy: workedExample.policy,
      unused: workedExample.unused,
      used: false,
    });
    const rec = analysis.recommendation;
    if (!rec) throw new Error('no recommendation');
    const decision = rec.decisions.find((d) => d.pattern === 's3:Get*') ?? null;
    // The worker answers after the view's chunk has arrived, as it does for a large trie.
    const client = {
      trie: (req: Parameters<RefinerClient['trie']>[0]) =>
        new Promise((resolve) =>
          setTimeout(() => resolve(session.trie({ ...req, id: 2, type: 'trie' }).trie), 50),
        ),
    } as unknown as RefinerClient;
    const seen: string[] = [];
    const { container } = render(
      <TriePanel
        client={client}
        refinement={1}
        marks={[]}
        rec={rec}
        decision={decision}
        dark={false}
        onMark={() => {}}
        keep=""
        onKeep={() => {}}
        onSelectNode={() => {}}
      />,
    );
    const observer = new MutationObserver(() => seen.push(container.textContent ?? ''));
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    for (let i = 0; i < 40 && !container.querySelector('[data-testid="trie-node"]'); i++)
      await act(async () => {
        await new Promise((r) => setTimeout(r, 50));
      });
    observer.disconnect();
    expect(container.querySelector('[data-testid="trie-node"]')).not.toBeNull();
    expect(seen.filter((t) => t.includes('Loading the trie view'))).toEqual([]);
  });
});
