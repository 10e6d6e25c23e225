// The answer: the recommended policy as it will be pasted into IAM, beside the summary, with copy and
// download. The entries of the picked rewrite (or trie node) are marked; a click on a line that a
// rewrite wrote picks that rewrite.
import { memo, useMemo, type ReactNode } from 'react';
import type { PatternDecision } from '../core';
import { plural } from '../core/messages';
import type { RecommendationView } from '../worker/protocol';
import { recommendedText } from './awsCommand';
import { decisionAtLine, literal } from './policyLines';

/** Longer policies show their start here; the diff below and the download have all of it. */
const SHOWN_LINES = 2000;

export const RecommendedPolicy = memo(function RecommendedPolicy(props: {
  rec: RecommendationView;
  /** Entries to mark: the picked rewrite's, or those at and under the picked trie node. */
  marked: ReadonlySet<string>;
  onSelect: (d: PatternDecision, written: string) => void;
  children: ReactNode;
}) {
  const { rec, marked, onSelect } = props;
  const text = recommendedText(rec);
  const lines = useMemo(() => text.split('\n'), [text]);
  const shown = lines.slice(0, SHOWN_LINES);
  const detach = rec.recommendedAction === 'DETACH_POLICY';
  return (
    <section
      className="recommended"
      aria-labelledby="recommended-title"
      data-testid="recommended-policy"
    >
      <div className="recommended__head">
        <h3 id="recommended-title">
          {detach ? 'Recommended: detach the policy' : 'Recommended policy'}
        </h3>
        {props.children}
      </div>
      {detach ? (
        <p className="placeholder">Every action it allows is unused: nothing is left to write.</p>
      ) : (
        // Focusable so a keyboard can scroll it.
        <pre className="recommended__text" tabIndex={0} aria-label="Recommended policy JSON">
          {shown.map((line, i) => {
            const entry = literal(line);
            const picked = entry !== null && marked.has(entry);
            return (
              <span
                key={i}
                className={picked ? 'line is-picked' : 'line'}
                data-picked={picked || undefined}
                onClick={() => {
                  const d = decisionAtLine(rec, i + 1);
                  if (d && entry !== null) onSelect(d, entry);
                }}
              >
                {`${line}\n`}
              </span>
            );
          })}
          {lines.length > shown.length &&
            `… and ${plural(lines.length - shown.length, 'more line')}: download the policy, or see them in the diff below.`}
        </pre>
      )}
    </section>
  );
});
