// The trie view: why each wildcard was chosen. It owns the view state (open prefixes, folds, the
// selection, the row the keyboard is on, the step-through position); the trie itself is data from
// core's explainPattern, never changed here. What-if marks are the page's: this view only asks.
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { PatternTrie } from '../../core';
export type { Mark } from './rows';
import { CharComparison } from './CharComparison';
import type { NodeLines } from './labels';
import { layoutTrie } from './layout';
import {
  MAX_VISIBLE,
  allExpanded,
  countVisible,
  initialExpanded,
  revealed,
  searchTrie,
  trieModel,
  unfoldedTo,
  type TrieModel,
  type VisibleItem,
} from './model';
import { download } from '../clipboard';
import { paletteFor } from './palette';
import { entriesUnder, markOf, rowLines, type Mark } from './rows';
import { serializeTrieSvg } from './svgExport';
import { useStepThrough } from './useStepThrough';
import { TrieCanvas } from './TrieCanvas';
import { itemKey } from './viewport';
import { TrieDetails } from './TrieDetails';
import { TrieLegend } from './TrieLegend';
import { TrieSteps } from './TrieSteps';
import { TrieToolbar } from './TrieToolbar';
import { treeCommand } from './treeKeys';
import './trie.css';
import { figure } from '../../core/numbers';

export interface TrieViewProps {
  /** The word-level trie of one pattern (explainPattern). */
  trie: PatternTrie;
  /** The same pattern at the character level, for the side-by-side comparison. */
  charTrie?: PatternTrie | null;
  /** Asks for the character-level trie, built on demand the first time the comparison opens. */
  onWantChar?: () => void;
  /** A prefix or action to reveal and select: `s3:GetBucket`, `ec2:TerminateInstances`. */
  focus?: string;
  /**
   * Called with the selected node's prefix (null when none) and the entries written at or under it,
   * so the page can highlight them in the recommended policy.
   */
  onSelect?: (prefix: string | null, entries: string[]) => void;
  /** Called with the exported SVG text, besides the download. */
  onExportSvg?: (svg: string) => void;
  /** Which form the recommendation writes this pattern in, and why (for "*" and its NotAction). */
  form?: string;
  /** Draw for a dark page. */
  dark?: boolean;
  /** Actions marked by hand, by lower-case name. */
  marks?: ReadonlyMap<string, Mark>;
  /** Mark an action (or null: back to what the findings say). Without it, what-if is off. */
  onMark?: (action: string, mark: Mark | null) => void;
}

/** The written list beyond this many entries folds away. */
const SHOWN_ENTRIES = 12;
const NO_MARKS: ReadonlyMap<string, Mark> = new Map();

function findNode(model: TrieModel, focus: string): number {
  return model.byPrefix.get(focus) ?? searchTrie(model, focus, 1)[0] ?? -1;
}

/** The same pattern again (new inputs, or a what-if mark): the view keeps its place. */
const samePattern = (a: PatternTrie, b: PatternTrie) =>
  a.pattern === b.pattern && a.statement === b.statement && a.position === b.position;

export function TrieView({
  trie,
  charTrie = null,
  onWantChar,
  focus,
  onSelect,
  onExportSvg,
  form,
  dark = false,
  marks = NO_MARKS,
  onMark,
}: TrieViewProps) {
  const model = useMemo(() => trieModel(trie), [trie]);
  const [shown, setShown] = useState<TrieModel>(model);
  const [expanded, setExpanded] = useState<Set<string>>(() => initialExpanded(model));
  const [unfolded, setUnfolded] = useState<Set<string>>(() => new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [center, setCenter] = useState<{ index: number } | null>(null);
  const [fit, setFit] = useState<{ readable: boolean } | null>(() => ({ readable: true }));
  const [showChar, setShowChar] = useState(false);
  const [whatIf, setWhatIf] = useState(false);
  const [lastFocus, setLastFocus] = useState<string | undefined>(undefined);
  const svgRef = useRef<SVGSVGElement | null>(null);
  // Each step brings its node into view, opening (and unfolding) the path to it.
  const stepThrough = useStepThrough(model, (i) => {
    setExpanded((e) => revealed(model, e, i));
    setUnfolded((u) => unfoldedTo(model, u, i));
    setCenter({ index: i });
  });
  const idBase = useId().replace(/:/g, '');
  const palette = paletteFor(dark);

  // A new trie: another pattern starts over; the same one (a what-if mark) keeps its place.
  if (shown !== model) {
    const same = samePattern(shown.trie, model.trie);
    setShown(model);
    if (!same) {
      setExpanded(initialExpanded(model));
      setUnfolded(new Set());
      stepThrough.restart();
      setCenter(null);
      setActive(null);
      setFit({ readable: true });
    }
    if (selected !== null && !model.byPrefix.has(selected)) setSelected(null);
  }
  if (focus !== lastFocus) {
    setLastFocus(focus);
    const i = focus ? findNode(model, focus) : -1;
    if (i >= 0) {
      setExpanded((e) => revealed(model, e, i));
      setUnfolded((u) => unfoldedTo(model, u, i));
      setSelected(model.trie.nodes.prefix[i]);
      setActive(model.trie.nodes.prefix[i]);
      setCenter({ index: i });
    }
  }

  const visible = useMemo(
    () => countVisible(model, expanded, unfolded, MAX_VISIBLE),
    [model, expanded, unfolded],
  );
  const tooMany = visible > MAX_VISIBLE;
  const linesOf = useCallback(
    (item: VisibleItem): NodeLines => rowLines(model, unfolded, marks, item),
    [model, unfolded, marks],
  );
  const layout = useMemo(
    () => (tooMany ? null : layoutTrie(model, expanded, unfolded, linesOf)),
    [model, expanded, unfolded, tooMany, linesOf],
  );

  const select = useCallback(
    (i: number | null) => {
      const prefix = i === null ? null : model.trie.nodes.prefix[i];
      setSelected(prefix);
      onSelect?.(prefix, i === null ? [] : entriesUnder(model.trie, i));
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
  const unfold = useCallback(
    (parent: number) => {
      setUnfolded((u) => new Set(u).add(model.trie.nodes.prefix[parent]));
      setActive(model.trie.nodes.prefix[parent]);
    },
    [model],
  );
  const reveal = useCallback(
    (i: number) => {
      setExpanded((e) => revealed(model, e, i));
      setUnfolded((u) => unfoldedTo(model, u, i));
      select(i);
      setActive(model.trie.nodes.prefix[i]);
      setCenter({ index: i });
    },
    [model, select],
  );
  /** The mark a click gives an action: back to the findings if marked, else the other state. */
  const flip = useCallback(
    (a: number) => {
      const name = model.trie.actions.name[a];
      const had = marks.get(name.toLowerCase());
      onMark?.(name, had ? null : model.trie.actions.unused[a] ? 'used' : 'unused');
    },
    [model, marks, onMark],
  );
  const clickNode = useCallback(
    (i: number) => {
      setActive(model.trie.nodes.prefix[i]);
      const a = model.trie.nodes.action[i];
      if (whatIf && a >= 0 && model.children[i].length === 0) flip(a);
      else select(i);
    },
    [model, whatIf, flip, select],
  );

  const activeKey = active ?? selected ?? model.trie.nodes.prefix[0];
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const rows = layout?.nodes ?? [];
    const at = Math.max(
      0,
      rows.findIndex((r) => itemKey(model, r) === activeKey),
    );
    const command = treeCommand(e.key, rows, at, {
      open: (i) => expanded.has(model.trie.nodes.prefix[i]),
      parent: (i) => model.children[i].length > 0,
      detailsOpen: selected !== null,
    });
    if (!command) return;
    e.preventDefault();
    if (command.do === 'move') setActive(itemKey(model, rows[command.to]));
    else if (command.do === 'toggle') toggle(command.index);
    else if (command.do === 'unfold') unfold(command.parent);
    else if (command.do === 'close') select(null);
    else {
      setActive(itemKey(model, rows[at]));
      clickNode(command.index);
      if (command.expand) toggle(command.index);
    }
  };

  const [drawAll, setDrawAll] = useState(false);
  const exportSvg = () => {
    const svg = svgRef.current;
    if (!svg || !layout) return;
    // The canvas draws what is in view; the file has every open node.
    flushSync(() => setDrawAll(true));
    const text = serializeTrieSvg(svg, layout.bounds, palette.background);
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
        {form && (
          <p className="trie-view__form" data-testid="trie-form">
            {form}
          </p>
        )}
        <div className="trie-view__written" data-testid="trie-written">
          {trie.written.length === 0
            ? 'Nothing is written.'
            : `Written: ${trie.written.slice(0, SHOWN_ENTRIES).join(', ')}`}
          {trie.written.length > SHOWN_ENTRIES && (
            <details className="trie-view__more">
              <summary>{`and ${figure(trie.written.length - SHOWN_ENTRIES)} more`}</summary>
              {trie.written.slice(SHOWN_ENTRIES).join(', ')}
            </details>
          )}
        </div>
      </header>
      <TrieToolbar
        model={model}
        onPick={reveal}
        onCollapseAll={() => {
          setExpanded(new Set([model.trie.nodes.prefix[0]]));
          setUnfolded(new Set());
        }}
        onExpandAll={() => {
          const all = allExpanded(model);
          setExpanded(all);
          setUnfolded(all);
        }}
        onExport={layout ? exportSvg : null}
        onStepThrough={stepThrough.stepping ? null : stepThrough.start}
        whatIf={onMark ? whatIf : null}
        onWhatIf={() => setWhatIf((w) => !w)}
        showChar={charTrie || onWantChar ? showChar : null}
        onShowChar={(on) => {
          setShowChar(on);
          if (on && !charTrie) onWantChar?.();
        }}
      />
      {whatIf && onMark && (
        <p className="trie-view__what-if" data-testid="trie-what-if-hint">
          What if: click an action (a leaf) to mark it used or unused, and the recommendation and
          this trie follow at once; click it again to go back to the findings.
        </p>
      )}
      {stepThrough.stepping && (
        <TrieSteps
          steps={stepThrough.steps}
          step={stepThrough.step}
          playing={stepThrough.playing}
          form={form}
          onGo={stepThrough.goTo}
          onPlay={stepThrough.setPlaying}
          onExit={stepThrough.exit}
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
              {`More than ${figure(MAX_VISIBLE)} nodes are open. Search for an action or collapse some nodes to narrow down.`}
              <button
                type="button"
                onClick={() => {
                  setExpanded(initialExpanded(model));
                  setUnfolded(new Set());
                }}
              >
                Back to the refiner’s path
              </button>
            </div>
          )}
          <TrieCanvas
            model={model}
            layout={layout}
            expanded={expanded}
            selected={selected}
            active={activeKey}
            stepStates={stepThrough.states}
            current={stepThrough.current}
            center={center}
            fit={fit}
            overrides={marks}
            svgRef={svgRef}
            idBase={idBase}
            palette={palette}
            onClickNode={clickNode}
            onToggle={toggle}
            onUnfold={unfold}
            onKeyDown={onKeyDown}
            drawAll={drawAll}
          />
          <TrieLegend palette={palette} />
        </div>
        {selectedIndex >= 0 && (
          <TrieDetails
            model={model}
            index={selectedIndex}
            onPick={reveal}
            mark={markOf(model, marks, selectedIndex)}
            onFlip={onMark ? flip : undefined}
            onKeep={onMark ? (a) => onMark(model.trie.actions.name[a], 'kept') : undefined}
            onClose={() => {
              select(null);
              svgRef.current?.focus();
            }}
          />
        )}
      </div>
    </section>
  );
}
