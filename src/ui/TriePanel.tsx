// The trie behind the selected rewrite, asked of the worker for the inputs the result was computed
// from. The trie view (d3 and all) is a chunk of its own, loaded when a trie is first shown.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { PatternDecision } from '../core';
import type { RefinerClient } from '../worker/client';
import type { TriePair } from '../worker/protocol';
import type { Inputs } from './inputs';

const TrieView = lazy(() => import('./trie/TrieView').then((m) => ({ default: m.TrieView })));

export function TriePanel(props: {
  client: RefinerClient;
  inputs: Inputs;
  decision: PatternDecision | null;
  focus?: string;
}) {
  const { client, inputs, decision, focus } = props;
  const [answer, setAnswer] = useState<{
    key: string;
    tries: TriePair | null;
    error?: string;
  } | null>(null);
  const key = decision ? `${decision.statement}:${decision.position}` : '';
  useEffect(() => {
    if (!decision) return;
    let live = true;
    client.tries({ ...inputs, statement: decision.statement, position: decision.position }).then(
      (tries) => live && setAnswer({ key, tries }),
      (e: unknown) =>
        live && setAnswer({ key, tries: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, inputs, decision, key]);

  if (!decision)
    return (
      <p className="trie-hint" data-testid="trie-hint">
        Pick a rewritten wildcard above, or click a line number of the recommended policy, to see
        the trie behind its replacement.
      </p>
    );
  const ready = answer?.key === key ? answer : null;
  return (
    <section
      className="trie-panel"
      aria-label={`Trie of ${decision.pattern}`}
      data-testid="trie-panel"
    >
      <h3>
        Why <code>{decision.pattern}</code> became{' '}
        {decision.replacement.length === 1 ? (
          <code>{decision.replacement[0]}</code>
        ) : (
          `${decision.replacement.length} entries`
        )}
      </h3>
      {!ready ? (
        <p className="placeholder">Building the trie…</p>
      ) : ready.tries ? (
        <Suspense fallback={<p className="placeholder">Loading the trie view…</p>}>
          <TrieView trie={ready.tries.word} charTrie={ready.tries.char} focus={focus} />
        </Suspense>
      ) : (
        <p className="stale error">{ready.error ?? 'This pattern has no trie to show.'}</p>
      )}
    </section>
  );
}
