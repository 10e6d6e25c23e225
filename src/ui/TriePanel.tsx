// The trie behind the selected rewrite, asked of the worker by the id of the refinement on screen
// (what-if marks included): the word-level trie, and the character-level one when the comparison is
// opened. The trie view (d3 and all) is a chunk of its own, loaded when a trie is first asked for.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PatternDecision, PatternTrie } from '../core';
import type { RefinerClient } from '../worker/client';
import type { ActionMark, RecommendationView } from '../worker/protocol';
import { becameText, formSentence } from './recommendedForm';
import type { Mark } from './trie/rows';
import { AfterDraw, afterNextPaint } from './AfterDraw';
import type { TrieView as TrieViewType } from './trie/TrieView';

type TrieViewComponent = typeof TrieViewType;

// Not lazy(): a lazy view suspends once even when its chunk has arrived, and draws its fallback
// first (React also held the revealed trie back until that fallback had shown for 300 ms). The
// chunk is fetched while the worker builds the trie, and the view is drawn as soon as both are there.
let trieView: TrieViewComponent | null = null;
const loadTrieView = () =>
  import('./trie/TrieView').then((m) => {
    trieView = m.TrieView;
    return m.TrieView;
  });

interface Answer {
  key: string;
  word: PatternTrie | null;
  char: PatternTrie | null;
  error?: string;
}

export function TriePanel(props: {
  client: RefinerClient;
  /** The refinement the result on screen came from (its Analysis's `refinement`). */
  refinement: number;
  /** The what-if marks that refinement answered. */
  marks: readonly ActionMark[];
  rec: RecommendationView;
  decision: PatternDecision | null;
  focus?: string;
  /** A new object each time the panel should scroll into view. */
  scroll?: object | null;
  dark: boolean;
  onMark: (action: string, mark: Mark | null) => void;
  /** The keep list's text as it is now, and how a click in the trie replaces it. */
  keep: string;
  onKeep: (action: string, keep: string) => void;
  onSelectNode: (prefix: string | null, entries: string[]) => void;
  /** Called once the first trie (or what stands for it) has been drawn. */
  onDrawn?: () => void;
}) {
  const { client, refinement, marks, decision, focus, rec, onDrawn } = props;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [TrieView, setTrieView] = useState<TrieViewComponent | null>(() => trieView);
  const [viewError, setViewError] = useState<string | null>(null);
  const [wantChar, setWantChar] = useState<string | null>(null);
  const key = decision ? `${decision.statement}:${decision.position}` : '';
  // What the worker is asked about, at either level.
  const ask = useMemo(
    () => decision && { refinement, statement: decision.statement, position: decision.position },
    [refinement, decision],
  );
  useEffect(() => {
    if (!ask) return;
    let live = true;
    const fail = (e: unknown) =>
      live &&
      setAnswer({ key, word: null, char: null, error: e instanceof Error ? e.message : String(e) });
    // Asked once the frame with the answer is painted: the import and the message would otherwise
    // run between the answer's commit and its paint, and hold it back.
    const cancel = afterNextPaint(() => {
      // User Timing: the benchmark measures the first frame of the trie from here.
      performance.mark('trie:request');
      // The view's code loads while the worker builds the trie.
      loadTrieView().then(
        (view) => setTrieView(() => view),
        (e: unknown) =>
          setViewError(
            `The trie view could not be loaded (${e instanceof Error ? e.message : String(e)}).`,
          ),
      );
      client.trie({ ...ask, level: 'word' }).then((word) => {
        if (!live) return;
        performance.mark('trie:answer');
        setAnswer({ key, word, char: null });
      }, fail);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [client, ask, key]);

  // The character-level trie (some 30,000 nodes for "*") only when the comparison is opened.
  const ready = answer?.key === key ? answer : null;
  const charWanted = wantChar === key && ready?.word && !ready.char;
  useEffect(() => {
    if (!ask || !charWanted) return;
    let live = true;
    client.trie({ ...ask, level: 'char' }).then(
      (char) => live && setAnswer((a) => (a && a.key === key ? { ...a, char } : a)),
      (e: unknown) =>
        live &&
        setAnswer((a) =>
          a && a.key === key ? { ...a, error: e instanceof Error ? e.message : String(e) } : a,
        ),
    );
    return () => {
      live = false;
    };
  }, [client, ask, key, charWanted]);

  const panel = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (props.scroll) panel.current?.scrollIntoView({ block: 'start' });
  }, [props.scroll]);

  const marked = useMemo(
    () => new Map(marks.map((m) => [m.action.toLowerCase(), m.mark])),
    [marks],
  );
  const keep = useMemo(
    () => ({ text: props.keep, onChange: props.onKeep }),
    [props.keep, props.onKeep],
  );

  if (!decision)
    return (
      <p className="trie-hint" data-testid="trie-hint">
        Pick a rewritten wildcard above, or click a line of the recommended policy, to see the trie
        behind its replacement.
      </p>
    );
  return (
    <section
      ref={panel}
      className="trie-panel"
      aria-labelledby="trie-panel-title"
      data-testid="trie-panel"
    >
      <h3 id="trie-panel-title" data-testid="trie-heading">
        Why <code>{decision.pattern}</code> became <code>{becameText(rec, decision)}</code>
      </h3>
      {!ready ? (
        <p className="placeholder">Building the trie…</p>
      ) : ready.word && TrieView ? (
        <>
          <TrieView
            trie={ready.word}
            charTrie={ready.char}
            focus={focus}
            form={formSentence(rec, decision) ?? undefined}
            dark={props.dark}
            marks={marked}
            onMark={props.onMark}
            keep={keep}
            onSelect={props.onSelectNode}
            onWantChar={() => setWantChar(key)}
          />
          <AfterDraw then={onDrawn} />
        </>
      ) : ready.word && !viewError ? (
        <p className="placeholder">Loading the trie view…</p>
      ) : (
        <>
          <p className="stale error">
            {ready.error ?? viewError ?? 'This pattern has no trie to show.'}
          </p>
          <AfterDraw then={onDrawn} />
        </>
      )}
    </section>
  );
}
