// Said above the recommendation while any what-if mark is set: the answer is not the findings' own.
import type { ActionMark } from '../worker/protocol';
import { describeMarks } from './whatIf';

export function WhatIfNotice(props: {
  marks: readonly ActionMark[];
  onReset: () => void;
  /** Moves the marks "kept" into the keep list; absent when there are none (or it cannot be read). */
  onKeepForGood?: () => void;
}) {
  if (props.marks.length === 0) return null;
  return (
    <p className="what-if" data-testid="what-if" role="status">
      <strong>What if:</strong> this recommendation is not the findings&apos; own: you marked{' '}
      {describeMarks(props.marks)}.{' '}
      <button type="button" data-testid="reset-marks" onClick={props.onReset}>
        Reset to the findings
      </button>
      {props.onKeepForGood && (
        <>
          {' '}
          <button type="button" data-testid="keep-for-good" onClick={props.onKeepForGood}>
            Keep the kept ones for good
          </button>
        </>
      )}
    </p>
  );
}
