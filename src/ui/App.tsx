// The page: the inputs (policy, unused permissions, actions to keep); under them the answer (the summary beside the recommended policy), then
// the trie that explains the picked rewrite, then the original and the recommendation line by line.
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { PatternDecision } from '../core';
import type { Example } from '../examples';
import { RefinerCancelled, type RefinerClient } from '../worker/client';
import { Deferred } from './Deferred';
import { ExamplesMenu } from './ExamplesMenu';
import { storedInputs, type FirstView } from './firstView';
import { exampleInputs, shareFragment, store, type Inputs } from './inputs';
import { RecommendedPolicy } from './RecommendedPolicy';
import { PolicyParts } from './PolicyParts';
import { usePolicyArn } from './policyArn';
import { ResultActions } from './ResultActions';
import { ShareLinkNotice } from './ShareLinkNotice';
import { initialState, isStale, reduce } from './state';
import { pageSettled } from './offline';
import { Summary } from './Summary';
import { copyText } from './clipboard';
import { figure } from '../core/messages';
import { InputPanes } from './InputPanes';
import { withKept } from './keepList';
import { useTheme } from './theme';
import { ThemeSwitch } from './ThemeSwitch';
import { TriePanel } from './TriePanel';
import type { Mark } from './trie/rows';
import { useNarrow } from './useNarrow';
import { useShareLink, type EarlyLink } from './useShareLink';
import { marksFragment, readMarks, storeMarks } from './whatIf';
import { WhatIfNotice } from './WhatIfNotice';
import { UpdateNote } from './UpdateNote';

// The side-by-side diff (with the line diff it draws from) is a chunk of its own, drawn after the
// answer.
const DiffView = lazy(() => import('./DiffView').then((m) => ({ default: m.DiffView })));

/** The diff's height before it is drawn: a row per line of the longer side (folded past 400). */
function diffHeight(rec: { originalText: string; text: string | null }): number {
  const lines = (t: string | null) => (t ? t.split('\n', 400).length : 0);
  return 40 + 19 * Math.max(lines(rec.originalText), lines(rec.text));
}

/** The pause after an edit before the refiner runs. */
export const REFINE_DELAY_MS = 250;

export function App({
  client,
  storage,
  nav,
  link: early,
  first,
}: {
  client: RefinerClient;
  storage: Storage | null;
  /** The way to the page's other views, shown with the tools. */
  nav?: ReactNode;
  /** The share link of the address, already being decoded by main.tsx. */
  link?: EarlyLink | null;
  /** The inputs main.tsx started with, and their answer when it came before the page was drawn. */
  first?: FirstView | null;
}) {
  const [state, dispatch] = useReducer(reduce, undefined, () => {
    const start = first ?? storedInputs(storage);
    return initialState(start.inputs, start.marks, first?.analysis);
  });
  // A share link carries its own what-if marks (or none).
  const loadLink = useCallback(
    (inputs: Inputs) => dispatch({ type: 'load', inputs, marks: readMarks(window.location.hash) }),
    [],
  );
  const link = useShareLink(state.revision, loadLink, early, first?.link === true);
  const theme = useTheme(storage);
  const [arn, setArn] = usePolicyArn(storage);
  const narrow = useNarrow(900);
  const [shareNote, setShareNote] = useState('');
  // Monaco, the largest chunk, loads once the answer and its trie are drawn (or after 3 s), so the
  // parsing of its code never delays them.
  const [trieDrawn, setTrieDrawn] = useState(false);
  const onTrieDrawn = useCallback(() => setTrieDrawn(true), []);
  const [enhanced, setEnhanced] = useState(false);
  const answered = state.analysis !== null || state.failure !== null;
  const settled = trieDrawn || (answered && !state.selection);
  useEffect(() => {
    const t = setTimeout(() => setEnhanced(true), settled ? 0 : 3000);
    return () => clearTimeout(t);
  }, [settled]);
  // Then a first visit may precache the whole build for offline use.
  useEffect(() => {
    if (enhanced) pageSettled();
  }, [enhanced]);
  // The first input's answer, when main.tsx had it before the page was drawn, is in the first state.
  const firstRun = useRef<'answered' | 'refine' | null>(first?.analysis ? 'answered' : 'refine');

  const { inputs, revision, marks } = state;
  useEffect(() => {
    // Nothing is refined or stored while a share link is being read: a broken one changes nothing.
    if (link.opening) return;
    dispatch({ type: 'stored', ok: store(storage, inputs) });
    storeMarks(storage, marks);
    const refine = () => {
      dispatch({ type: 'started' });
      client.refine({ ...inputs, marks }).then(
        (analysis) => dispatch({ type: 'answered', revision, analysis }),
        (e: unknown) => {
          if (e instanceof RefinerCancelled) return;
          dispatch({
            type: 'failed',
            revision,
            message: e instanceof Error ? e.message : String(e),
          });
        },
      );
    };
    // The first input (a share link, the last session, an example) refines at once, in this effect
    // (unless its answer came with the first state): main.tsx asked for it before this code loaded, so
    // the answer is often in hand already and is drawn in the same render as "started". Edits
    // refine after a pause.
    if (firstRun.current) {
      const answered = firstRun.current === 'answered';
      firstRun.current = null;
      if (!answered) refine();
      return;
    }
    const timer = setTimeout(refine, REFINE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, storage, inputs, marks, revision, link.opening]);

  const inputsRef = useRef({ inputs, marks });
  useEffect(() => {
    inputsRef.current = { inputs, marks };
  }, [inputs, marks]);
  // The link is rewritten when an editor loses focus, not on every keystroke.
  const updateLink = useCallback(() => {
    const now = inputsRef.current;
    history.replaceState(null, '', shareFragment(now.inputs) + marksFragment(now.marks));
  }, []);

  const edit = useCallback(
    (patch: Partial<Inputs>) => dispatch({ type: 'edit', inputs: patch }),
    [],
  );
  const pick = (e: Example) => {
    dispatch({ type: 'load', inputs: exampleInputs(e) });
    history.replaceState(null, '', ' ');
  };
  // Picked in the summary, a line of the recommended policy or the diff: the trie comes into view.
  const select = useCallback(
    (d: PatternDecision, written?: string) =>
      dispatch({
        type: 'select',
        selection: {
          statement: d.statement,
          position: d.position,
          // `s3:GetMulti*` is the node `s3:GetMulti`; an exact action is its own node.
          focus: written?.replace(/\*$/, ''),
          entries: written ? [written] : undefined,
          scroll: true,
        },
      }),
    [],
  );
  const selectNode = useCallback(
    (_prefix: string | null, entries: string[]) =>
      dispatch({
        type: 'select-node',
        entries,
      }),
    [],
  );
  const mark = useCallback(
    (action: string, m: Mark | null) => dispatch({ type: 'mark', action, mark: m }),
    [],
  );
  const keepAction = useCallback(
    (action: string, keep: string) => dispatch({ type: 'keep', actions: [action], keep }),
    [],
  );
  // What-if "kept" marks made lasting: the actions go into the keep list, the marks away.
  const keepForGood = () => {
    const kept = marks.filter((m) => m.mark === 'kept').map((m) => m.action);
    dispatch({ type: 'keep', actions: kept, keep: kept.reduce(withKept, inputs.keep) });
  };

  // What every editor shares: the worker, when Monaco loads, the theme, and the link's update.
  const editors = { client, enhanced, dark: theme.dark, onBlur: updateLink };
  const analysis = state.analysis;
  const current = state.analysisRevision === state.revision ? analysis : null;
  const policyError = analysis?.policyError ?? null;
  const unusedError = analysis?.unusedError ?? null;
  const keepError = analysis?.keepError ?? null;
  const unreadable = policyError
    ? 'policy'
    : unusedError
      ? 'unused permissions'
      : keepError
        ? 'keep list'
        : null;
  const rec = state.good?.recommendation ?? null;
  const stale = isStale(state);
  const staleWhy = state.failure
    ? state.failure
    : current && unreadable
      ? `the ${unreadable} cannot be read (see the error above)`
      : 'refining the new input…';
  const selected =
    rec && state.selection
      ? (rec.decisions.find(
          (d) =>
            d.statement === state.selection?.statement && d.position === state.selection.position,
        ) ?? null)
      : null;
  const markedEntries = useMemo(
    () => new Set(state.selection?.entries ?? selected?.replacement ?? []),
    [state.selection, selected],
  );
  // The picked pattern, marked in the policy editor.
  const picked = useMemo(
    () =>
      selected && selected.line > 0
        ? { line: selected.line, column: selected.column, length: selected.end - selected.start }
        : null,
    [selected],
  );
  const scrollTrie = useMemo(() => (state.selection?.scroll ? {} : null), [state.selection]);

  return (
    <div className="app">
      <header className="top">
        <h1>IAM policy refiner</h1>
        <p className="tagline">
          Access Analyzer&apos;s policy recommendations, computed in your browser and explained.
          Nothing you type leaves this page.
        </p>
        <div className="tools">
          {nav}
          <ExamplesMenu onPick={pick} />
          <button
            type="button"
            data-testid="share"
            onClick={async () => {
              updateLink();
              const ok = await copyText(window.location.href);
              setShareNote(
                ok
                  ? 'Share link copied: both inputs are in its # fragment, which never reaches a server.'
                  : 'The share link is in the address bar.',
              );
            }}
          >
            Copy share link
          </button>
          <ThemeSwitch choice={theme.choice} onChoose={theme.choose} />
          <span role="status" className="note">
            {shareNote}
          </span>
        </div>
        <UpdateNote />
      </header>
      {link.problem && (
        <ShareLinkNotice
          message={link.problem}
          onDismiss={link.dismiss}
          onOpenAnyway={link.openAnyway}
        />
      )}
      {!state.stored && (
        <p className="notice" role="status">
          The browser would not keep these inputs (storage full or disabled): they will not survive
          a reload. Use a share link or download the policy.
        </p>
      )}
      <main>
        <InputPanes
          inputs={inputs}
          onEdit={edit}
          editors={editors}
          errors={{ policy: policyError, unused: unusedError, keep: keepError }}
          picked={picked}
          rec={rec && !stale ? rec : null}
          findings={analysis?.findings?.summary ?? ''}
        />
        <section
          className="result"
          aria-labelledby="result-title"
          aria-busy={state.running}
          data-testid="result"
          data-stale={stale}
        >
          <div className="result-head">
            <h2 id="result-title">Recommendation</h2>
            <span className="timing" data-testid="timing">
              {state.good
                ? `refined in ${state.good.ms.toFixed(1)} ms`
                : state.running
                  ? 'refining…'
                  : ''}
            </span>
            {analysis && (
              <span className="catalog">
                catalog: {analysis.catalog.services} services, {figure(analysis.catalog.actions)}{' '}
                actions
              </span>
            )}
          </div>
          {stale && (
            <p
              className={state.failure || current ? 'stale error' : 'stale'}
              data-testid="stale"
              role="status"
            >
              {state.failure || current ? 'Stale: ' : ''}this is the recommendation for an earlier
              input; {staleWhy}
            </p>
          )}
          {!rec && state.failure && (
            <p className="stale error" role="alert" data-testid="failure">
              {state.failure}
            </p>
          )}
          {state.good && (
            <WhatIfNotice
              marks={state.good.marks}
              onReset={() => dispatch({ type: 'reset-marks' })}
              onKeepForGood={
                !keepError && marks.some((m) => m.mark === 'kept') ? keepForGood : undefined
              }
            />
          )}
          {rec ? (
            <div className={stale ? 'is-stale' : undefined}>
              <div className="answer">
                <Summary rec={rec} onSelect={select} selected={state.selection} />
                <RecommendedPolicy rec={rec} marked={markedEntries} onSelect={select}>
                  <ResultActions rec={rec} stale={stale} arn={arn} onArn={setArn} />
                </RecommendedPolicy>
              </div>
              <PolicyParts rec={rec} stale={stale} arn={arn} />
              {state.good && (
                <TriePanel
                  client={client}
                  refinement={state.good.refinement}
                  marks={state.good.marks}
                  rec={rec}
                  decision={selected}
                  focus={state.selection?.focus}
                  scroll={scrollTrie}
                  dark={theme.dark}
                  onMark={mark}
                  keep={inputs.keep}
                  onKeep={keepAction}
                  onSelectNode={selectNode}
                  onDrawn={onTrieDrawn}
                />
              )}
              <Deferred minHeight={diffHeight(rec)} label="diff">
                <Suspense fallback={<div style={{ minHeight: diffHeight(rec) }} />}>
                  <DiffView rec={rec} selected={selected} onSelect={select} unified={narrow} />
                </Suspense>
              </Deferred>
            </div>
          ) : (
            !state.failure && (
              <p className="placeholder">
                {unreadable
                  ? 'Fix the input to see a recommendation.'
                  : link.opening
                    ? 'Opening the share link…'
                    : 'Refining…'}
              </p>
            )
          )}
        </section>
      </main>
    </div>
  );
}
