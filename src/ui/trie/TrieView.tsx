// The trie view: why each wildcard was chosen. It owns the view state (open prefixes, the selection,
// the step-through position); the trie itself is data from core's explainPattern, never changed here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PatternTrie } from '../../core';
import { CharComparison } from './CharComparison';
import { layoutTrie } from './layout';
import {
  MAX_VISIBLE,
  allExpanded,
  countVisible,
  initialExpanded,
  revealed,
  searchTrie,
  trieModel,
  type TrieModel,
} from './model';
import { download } from '../clipboard';
import { serializeTrieSvg } from './svgExport';
import { algorithmSteps, statesAt } from './steps';
import { TrieCanvas } from './TrieCanvas';
import { TrieDetails } from './TrieDetails';
import { TrieLegend } from './TrieLegend';
import { TrieSearch } from './TrieSearch';
import { TrieSteps } from './TrieSteps';
import './trie.css';

export interface TrieViewProps {
  /** The word-level trie of one pattern (explainPattern). */
  trie: PatternTrie;
  /** The same pattern at the character level, for the side-by-side comparison. */
  charTrie?: PatternTrie | null;
  /** Asks for the character-level trie, built on demand the first time the comparison opens. */
  onWantChar?: () => void;
  /** A prefix or action to reveal and select: `s3:GetBucket`, `ec2:TerminateInstances`. */
  focus?: string;
  /** Called with the selected node's prefix (null when none), e.g. to highlight the editor. */
  onSelect?: (prefix: string | null) => void;
  /** Called with the exported SVG text, besides the download. */
  onExportSvg?: (svg: string) => void;
  /** Height of the drawing in pixels; 560 by default. */
  height?: number;
}

const PLAY_INTERVAL_MS = 1200;
/** The written list beyond this many entries folds away. */
const SHOWN_ENTRIES = 12;

function findNode(model: TrieModel, focus: string): number {
  return model.byPrefix.get(focus) ?? searchTrie(model, focus, 1)[0] ?? -1;
}

export function TrieView({
  trie,
  charTrie = null,
  onWantChar,
  focus,
  onSelect,
  onExportSvg,
  height = 560,
}: TrieViewProps) {
  const model = useMemo(() => trieModel(trie), [trie]);
  const [shown, setShown] = useState<TrieModel>(model);
  const [expanded, setExpanded] = useState<Set<string>>(() => initialExpanded(model));
  const [selected, setSelected] = useState<string | null>(null);
  const [center, setCenter] = useState<{ index: number } | null>(null);
  const [stepping, setStepping] = useState(false);
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [showChar, setShowChar] = useState(false);
  const [lastFocus, setLastFocus] = useState<string | undefined>(undefined);
  const svgRef = useRef<SVGSVGElement | null>(null);

  // A new trie (another pattern, or new inputs): start over, keeping the selection if it still exists.
  if (shown !== model) {
    setShown(model);
    setExpanded(initialExpanded(model));
    setStep(0);
    setPlaying(false);
    setCenter(null);
    if (selected !== null && !model.byPrefix.has(selected)) setSelected(null);
  }
  if (focus !== lastFocus) {
    setLastFocus(focus);
    const i = focus ? findNode(model, focus) : -1;
    if (i >= 0) {
      setExpanded((e) => revealed(model, e, i));
      setSelected(model.trie.nodes.prefix[i]);
      setCenter({ index: i });
    }
  }

  const steps = useMemo(() => (stepping ? algorithmSteps(model) : []), [model, stepping]);
  const stepStates = useMemo(
    () => (stepping ? statesAt(steps, step) : null),
    [stepping, steps, step],
  );
  const current = useMemo(
    () => new Set(stepping ? (steps[step]?.marks.map(([i]) => i) ?? []) : []),
    [stepping, steps, step],
  );
  const visible = useMemo(() => countVisible(model, expanded, MAX_VISIBLE), [model, expanded]);
  const tooMany = visible > MAX_VISIBLE;
  const layout = useMemo(
    () => (tooMany ? null : layoutTrie(model, expanded)),
    [model, expanded, tooMany],
  );

  const select = useCallback(
    (i: number) => {
      const prefix = model.trie.nodes.prefix[i];
      setSelected(prefix);
      onSelect?.(prefix);
    },
    [model, onSelect],
  );
  const toggle = useCallback(
    (i: number) => {
      const prefix = model.trie.nodes.prefix[i];
      setExpanded((e) => {
        const next = new Set(e);
        if (!next.delete(prefix)) next.add(prefix);
        return next;
      });
    },
    [model],
  );
  const reveal = useCallback(
    (i: number) => {
      setExpanded((e) => revealed(model, e, i));
      select(i);
      setCenter({ index: i });
    },
    [model, select],
  );
  const goTo = useCallback(
    (k: number) => {
      const target = Math.max(0, Math.min(steps.length - 1, k));
      setStep(target);
      if (target >= steps.length - 1) setPlaying(false);
      const focusNode = steps[target]?.focus;
      if (focusNode !== undefined && focusNode > 0) {
        setExpanded((e) => revealed(model, e, focusNode));
        setCenter({ index: focusNode });
      }
    },
    [model, steps],
  );
  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(() => goTo(step + 1), PLAY_INTERVAL_MS);
    return () => clearTimeout(t);
  }, [playing, step, goTo]);

  const [drawAll, setDrawAll] = useState(false);
  const exportSvg = () => {
    const svg = svgRef.current;
    if (!svg || !layout) return;
    // The canvas draws what is in view; the file has every open node.
    flushSync(() => setDrawAll(true));
    const text = serializeTrieSvg(svg, layout.bounds);
    setDrawAll(false);
    onExportSvg?.(text);
    download(`trie-${trie.pattern.replace(/[^A-Za-z0-9_-]+/g, '_')}.svg`, text, 'image/svg+xml');
  };
  const selectedIndex = selected === null ? -1 : (model.byPrefix.get(selected) ?? -1);

  return (
    <section className="trie-view" data-testid="trie-view" aria-label={`Why ${trie.pattern}`}>
      <header className="trie-view__header">
        <h2 className="trie-view__title">
          <code>{trie.pattern}</code>
          {` ${trie.reason}`}
        </h2>
        <div className="trie-view__written" data-testid="trie-written">
          {trie.written.length === 0
            ? 'Nothing is written.'
            : `Written: ${trie.written.slice(0, SHOWN_ENTRIES).join(', ')}`}
          {trie.written.length > SHOWN_ENTRIES && (
            <details className="trie-view__more">
              <summary>{`and ${(trie.written.length - SHOWN_ENTRIES).toLocaleString('en-US')} more`}</summary>
              {trie.written.slice(SHOWN_ENTRIES).join(', ')}
            </details>
          )}
        </div>
      </header>
      <div className="trie-view__toolbar">
        <TrieSearch model={model} onPick={reveal} />
        <button type="button" onClick={() => setExpanded(new Set([model.trie.nodes.prefix[0]]))}>
          Collapse all
        </button>
        <button
          type="button"
          data-testid="trie-expand-all"
          onClick={() => setExpanded(allExpanded(model))}
        >
          Expand all
        </button>
        <button type="button" onClick={exportSvg} disabled={!layout} data-testid="trie-export">
          Export SVG
        </button>
        {!stepping && (
          <button
            type="button"
            data-testid="trie-step-start"
            onClick={() => {
              setStepping(true);
              setStep(0);
            }}
          >
            Step through
          </button>
        )}
        {(charTrie || onWantChar) && (
          <label className="trie-view__toggle">
            <input
              type="checkbox"
              checked={showChar}
              data-testid="trie-char-toggle"
              onChange={(e) => {
                setShowChar(e.target.checked);
                if (e.target.checked && !charTrie) onWantChar?.();
              }}
            />
            Compare with characters
          </label>
        )}
      </div>
      {stepping && (
        <TrieSteps
          steps={steps}
          step={step}
          playing={playing}
          onGo={goTo}
          onPlay={setPlaying}
          onExit={() => {
            setStepping(false);
            setPlaying(false);
          }}
        />
      )}
      {showChar && !charTrie && (
        <p className="placeholder" data-testid="trie-char-pending">
          Building the character-level trie…
        </p>
      )}
      {showChar && charTrie && (
        <CharComparison
          word={trie}
          char={charTrie}
          onPick={(prefix) => {
            const i = model.byPrefix.get(prefix);
            if (i !== undefined) reveal(i);
          }}
        />
      )}
      <div className="trie-view__body">
        <div className="trie-view__drawing">
          {tooMany && (
            <div className="trie-view__too-many" role="status" data-testid="trie-too-many">
              {`More than ${MAX_VISIBLE.toLocaleString('en-US')} nodes are open. Search for an action or collapse some nodes to narrow down.`}
              <button type="button" onClick={() => setExpanded(initialExpanded(model))}>
                Back to the refiner’s path
              </button>
            </div>
          )}
          <TrieCanvas
            model={model}
            layout={layout}
            expanded={expanded}
            selected={selected}
            stepStates={stepStates}
            current={current}
            center={center}
            svgRef={svgRef}
            height={height}
            onSelect={select}
            onToggle={toggle}
            drawAll={drawAll}
          />
          <TrieLegend />
        </div>
        {selectedIndex >= 0 && (
          <TrieDetails
            model={model}
            index={selectedIndex}
            onPick={reveal}
            onClose={() => {
              setSelected(null);
              onSelect?.(null);
            }}
          />
        )}
      </div>
    </section>
  );
}
