// The original and the recommended policy side by side, both printed the same way by core so only
// real changes show. A click on a line number of the recommended side opens that entry's trie.
// Rows come from the app's own line diff (diffRows.ts), made and drawn a page at a time as the list
// scrolls.
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PatternDecision } from '../core';
import { figure } from '../core/numbers';
import type { RecommendationView } from '../worker/protocol';
import { recommendedText } from './awsCommand';
import { DiffRowList, type DiffLayout, type DiffLine } from './diffRows';
import { decisionAtLine, literal } from './policyLines';

/** Rows drawn at first, and added each time the end of the list comes into view. */
const PAGE = 500;
/** Above this many lines, unchanged runs are folded to the lines around each change. */
const FOLD_ABOVE = 400;

/** State that belongs to one list of rows: it starts over when the rows change. */
function usePerRows<T>(rows: DiffRowList, initial: T): [T, (next: T) => void] {
  const [state, setState] = useState({ rows, value: initial });
  const value = state.rows === rows ? state.value : initial;
  return [value, (next: T) => setState({ rows, value: next })];
}

export const DiffView = memo(function DiffView(props: {
  rec: RecommendationView;
  selected: PatternDecision | null;
  onSelect: (d: PatternDecision, written: string) => void;
  /** One column (narrow screens) instead of side by side. */
  unified?: boolean;
}) {
  const { rec, selected, onSelect } = props;
  const layout: DiffLayout = props.unified ? 'unified' : 'split';
  const columns = layout === 'split' ? 6 : 4;
  const after = recommendedText(rec);
  const lines = useMemo(() => (after === '' ? [] : after.split('\n')), [after]);
  const before = useMemo(() => rec.originalText.split('\n'), [rec.originalText]);
  const rows = useMemo(
    () =>
      new DiffRowList(before, lines, Math.max(before.length, lines.length) > FOLD_ABOVE, layout),
    [before, lines, layout],
  );
  const [shown, setShown] = usePerRows(rows, PAGE);
  const [open, setOpen] = usePerRows(rows, new Set<number>());

  const scroller = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const showMore = () => setShown(shown + PAGE);
  useEffect(() => {
    const end = moreButton.current;
    if (!end || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && end.click(), {
      root: scroller.current,
      rootMargin: '400px',
    });
    seen.observe(end);
    return () => seen.disconnect();
  });

  const line = (
    key: string,
    kind: 'same' | 'changed',
    left: DiffLine | null,
    right: DiffLine | null,
  ) => {
    const removed = kind === 'changed' && left !== null;
    const added = kind === 'changed' && right !== null;
    const mark =
      right && selected && decisionAtLine(rec, right.n) === selected ? ' highlighted' : '';
    const number = right && (
      <button
        type="button"
        title="Why this line: open its trie"
        onClick={() => {
          const d = decisionAtLine(rec, right.n);
          if (d) onSelect(d, literal(right.text) ?? '');
        }}
      >
        {right.n}
      </button>
    );
    if (layout === 'unified') {
      // A kept line belongs to both sides; a changed row holds one line, removed or added.
      const side = removed ? 'left removed' : added ? 'right added' : 'left right';
      return (
        <tr key={key} className={`diff-row ${kind}`}>
          <td className="gutter">{left?.n}</td>
          <td className={`gutter${mark}`}>{number}</td>
          <td className={`marker${removed ? ' removed' : added ? ' added' : ''}`}>
            {removed ? '-' : added ? '+' : ''}
          </td>
          <td className={`content ${side}${mark}`}>{removed ? left?.text : right?.text}</td>
        </tr>
      );
    }
    return (
      <tr key={key} className={`diff-row ${kind}`}>
        <td className="gutter">{left?.n}</td>
        <td className={`marker${removed ? ' removed' : ''}`}>{removed ? '-' : ''}</td>
        <td className={`content left${removed ? ' removed' : ''}`}>{left?.text}</td>
        <td className={`gutter${mark}`}>{number}</td>
        <td className={`marker${added ? ' added' : ''}`}>{added ? '+' : ''}</td>
        <td className={`content right${added ? ' added' : ''}${mark}`}>{right?.text}</td>
      </tr>
    );
  };

  const body: ReactNode[] = [];
  let drawn = 0;
  let index = 0;
  for (let row = rows.at(0); row !== null && drawn < shown; row = rows.at(++index)) {
    if (row.kind !== 'fold') {
      body.push(line(`${row.left?.n}:${row.right?.n}`, row.kind, row.left, row.right));
      drawn++;
    } else if (open.has(row.left)) {
      for (let k = 0; k < row.count && drawn < shown; k++, drawn++) {
        const l = { n: row.left + k, text: before[row.left + k - 1] };
        const r = { n: row.right + k, text: lines[row.right + k - 1] };
        body.push(line(`${l.n}:${r.n}`, 'same', l, r));
      }
    } else {
      const fold = row;
      body.push(
        <tr key={`fold:${fold.left}`} className="diff-row fold">
          <td colSpan={columns}>
            <button type="button" onClick={() => setOpen(new Set([...open, fold.left]))}>
              ⋯ {figure(fold.count)} unchanged lines ({figure(fold.left)}–
              {figure(fold.left + fold.count - 1)}
              ): show
            </button>
          </td>
        </tr>,
      );
      drawn++;
    }
  }
  // More when a row is left, or an opened fold was cut at the end of the page (it is row `index`).
  const more = rows.at(index) !== null;
  return (
    <section
      className="diff"
      aria-label="Original and recommended policy"
      data-testid="diff"
      data-layout={layout}
    >
      <div ref={scroller} className={more || shown > PAGE ? 'diff-scroll paged' : 'diff-scroll'}>
        <table>
          <colgroup>
            {(layout === 'split'
              ? ['gutter', 'marker', 'content', 'gutter', 'marker', 'content']
              : ['gutter', 'gutter', 'marker', 'content']
            ).map((c, i) => (
              <col key={i} className={c} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {layout === 'split' && (
                <th colSpan={3} scope="col">
                  Original
                </th>
              )}
              <th colSpan={layout === 'split' ? 3 : 4} scope="col">
                {layout === 'split' ? '' : 'Original → '}
                {rec.recommendedAction === 'DETACH_POLICY' ? 'Recommended: detach' : 'Recommended'}
              </th>
            </tr>
          </thead>
          <tbody>
            {body}
            {more && (
              <tr className="diff-row more">
                <td colSpan={columns}>
                  <button ref={moreButton} type="button" onClick={showMore}>
                    Show {figure(PAGE)} more rows
                  </button>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});
