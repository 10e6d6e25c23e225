// The original and the recommended policy side by side, both printed the same way by core so only
// real changes show. A click on a line number of the recommended side opens that entry's trie.
import ReactDiffViewer, { DiffMethod } from 'react-diff-viewer-continued';
import { memo, useMemo } from 'react';
import type { PatternDecision } from '../core';
import type { RecommendationView } from '../worker/protocol';
import { recommendedText } from './awsCommand';
import { decisionAtLine, literal } from './policyLines';

/** Above this many lines the diff is paged as it scrolls instead of drawn at once. */
const PAGED_LINES = 1500;

export const DiffView = memo(function DiffView(props: {
  rec: RecommendationView;
  selected: PatternDecision | null;
  onSelect: (d: PatternDecision, written: string) => void;
  /** One column (narrow screens) instead of side by side. */
  unified?: boolean;
  dark?: boolean;
}) {
  const { rec, selected, onSelect } = props;
  const after = recommendedText(rec);
  const lines = useMemo(() => after.split('\n'), [after]);
  const highlight = useMemo(() => {
    if (!selected) return [];
    const out: string[] = [];
    rec.lines.forEach((d, i) => {
      if (d >= 0 && rec.decisions[d] === selected) out.push(`R-${i + 1}`);
    });
    return out;
  }, [rec, selected]);
  const total = Math.max(lines.length, rec.originalText.split('\n', PAGED_LINES + 1).length);
  return (
    <section
      className="diff"
      aria-label="Original and recommended policy"
      data-testid="diff"
      data-layout={props.unified ? 'unified' : 'split'}
    >
      <ReactDiffViewer
        oldValue={rec.originalText}
        newValue={after}
        splitView={!props.unified}
        useDarkTheme={props.dark}
        compareMethod={DiffMethod.LINES}
        leftTitle="Original"
        rightTitle={
          rec.recommendedAction === 'DETACH_POLICY' ? 'Recommended: detach' : 'Recommended'
        }
        highlightLines={highlight}
        onLineNumberClick={(id) => {
          if (!id.startsWith('R-')) return;
          const line = Number(id.slice(2));
          const d = decisionAtLine(rec, line);
          if (d) onSelect(d, literal(lines[line - 1]) ?? '');
        }}
        // Small policies: every line, computed here at once; large ones: folded, in the viewer's worker.
        showDiffOnly={total > 400}
        disableWorker={total <= PAGED_LINES}
        infiniteLoading={
          total > PAGED_LINES ? { pageSize: 400, containerHeight: '70vh' } : undefined
        }
      />
    </section>
  );
});
