// The three inputs side by side (one under the other on a narrow screen): the policy, the unused
// permissions and the actions to keep, each with what was read from it or what is wrong with it.
import { useCallback } from 'react';
import type { SourceError } from '../core';
import { plural } from '../core/messages';
import type { RefinerClient } from '../worker/client';
import type { RecommendationView } from '../worker/protocol';
import { EditorPane } from './EditorPane';
import type { Inputs } from './inputs';
import { keepStatus } from './keepList';
import { KEEP_URI, POLICY_URI, UNUSED_URI } from './policySchema';

export function InputPanes(props: {
  inputs: Inputs;
  onEdit: (patch: Partial<Inputs>) => void;
  /** What every editor shares: the worker, whether Monaco loads yet, the theme, the link's update. */
  editors: { client: RefinerClient; enhanced: boolean; dark: boolean; onBlur: () => void };
  errors: { policy: SourceError | null; unused: SourceError | null; keep: SourceError | null };
  /** The picked pattern, marked in the policy editor. */
  picked: { line: number; column: number; length: number } | null;
  /** The result for these inputs, or null while there is none (stale, or not yet). */
  rec: RecommendationView | null;
  /** What the unused permissions were read as. */
  findings: string;
}) {
  const { inputs, onEdit, editors, errors, rec } = props;
  const onPolicy = useCallback((policy: string) => onEdit({ policy }), [onEdit]);
  const onUnused = useCallback((unused: string) => onEdit({ unused }), [onEdit]);
  const onKeep = useCallback((keep: string) => onEdit({ keep }), [onEdit]);
  return (
    <>
      <div className="inputs">
        <EditorPane
          title="Policy"
          label="Policy JSON"
          path={POLICY_URI}
          testId="policy"
          value={inputs.policy}
          onChange={onPolicy}
          error={errors.policy}
          {...editors}
          highlight={props.picked}
          status={
            rec
              ? `${plural(rec.statements.length, 'statement')}, ${plural(rec.decisions.length, 'action pattern')} in Allow statements`
              : ''
          }
        />
        <EditorPane
          title="Unused permissions"
          label="Unused permissions"
          path={UNUSED_URI}
          testId="unused"
          value={inputs.unused}
          onChange={onUnused}
          error={errors.unused}
          {...editors}
          status={props.findings}
        >
          <label className="used-toggle">
            <input
              type="checkbox"
              checked={inputs.used}
              onChange={(e) => onEdit({ used: e.currentTarget.checked })}
            />{' '}
            these are the actions that were used
          </label>
        </EditorPane>
        <EditorPane
          title="Keep"
          label="Actions to keep"
          path={KEEP_URI}
          language="plaintext"
          testId="keep"
          value={inputs.keep}
          onChange={onKeep}
          error={errors.keep}
          {...editors}
          status={keepStatus(inputs.keep, rec)}
        />
      </div>
      <p className="keys" data-testid="tab-hint">
        In the editors, Tab moves to the next control; press <kbd>Ctrl</kbd>+<kbd>M</kbd> (on a Mac{' '}
        <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd>) to make Tab indent instead, and again to go
        back.
      </p>
    </>
  );
}
