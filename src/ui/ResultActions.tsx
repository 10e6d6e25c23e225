// Copy or download the recommended policy, and copy the AWS CLI command that applies it. Nothing is
// offered from a stale result or from one whose proof failed, and the command is only offered once
// the policy's ARN is given and the policy fits a managed policy.
import { useState } from 'react';
import { figure } from '../core/messages';
import type { RecommendationView } from '../worker/protocol';
import { awsCommand, recommendedText } from './awsCommand';
import { copyText, download } from './clipboard';
import { arnProblem } from './policyArn';

/**
 * Why nothing can be copied or downloaded from this result, or null: a stale result answers an
 * earlier input, and an unproven one may allow what it should not.
 */
export function notOffered(rec: RecommendationView, stale: boolean): string | null {
  if (stale) return 'Copy and download wait for the result of the current input.';
  if (!rec.proof.ok)
    return `Not proven, so nothing is offered to copy or download: ${rec.proof.message}. That is a bug in the refiner; please report it with the share link.`;
  return null;
}

/** A copy's outcome, said in the status line beside the buttons. */
export function useCopyNote(): [string, (ok: boolean, what: string) => void] {
  const [note, setNote] = useState('');
  return [
    note,
    (ok, what) => setNote(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`),
  ];
}

export function ResultActions(props: {
  rec: RecommendationView;
  /** The result is for an earlier input: nothing can be copied from it. */
  stale: boolean;
  /** The policy's ARN, for the command, and how to change it. */
  arn: string;
  onArn: (arn: string) => void;
}) {
  const { rec, stale, arn } = props;
  const [note, say] = useCopyNote();
  const text = recommendedText(rec);
  const blocked = notOffered(rec, stale);
  const size = rec.notActionForm?.chosen ? rec.notActionForm.size : rec.size;
  const overQuota =
    size && size.chars > size.limit
      ? `The policy is ${figure(size.chars)} characters, over the ${figure(size.limit)}-character quota of a managed policy, so IAM would refuse this command: ${rec.split?.parts.length ? 'use the parts below' : 'see below what to do instead'}.`
      : null;
  const cliProblem = blocked ?? overQuota ?? arnProblem(arn);
  return (
    <div className="result-actions" data-testid="result-actions">
      {rec.recommendedAction === 'CREATE_POLICY' && (
        <>
          <button
            type="button"
            data-testid="copy-policy"
            disabled={blocked !== null}
            onClick={async () => say(await copyText(text), 'Recommended policy')}
          >
            Copy policy
          </button>
          <button
            type="button"
            data-testid="download-policy"
            disabled={blocked !== null}
            onClick={() => download('recommended-policy.json', text)}
          >
            Download
          </button>
        </>
      )}
      <label className="arn">
        Policy ARN{' '}
        <input
          type="text"
          value={arn}
          data-testid="arn"
          placeholder="arn:aws:iam::…:policy/…"
          spellcheck={false}
          aria-describedby="arn-hint"
          onChange={(e) => props.onArn(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        data-testid="copy-cli"
        disabled={cliProblem !== null}
        onClick={async () => say(await copyText(awsCommand(rec, arn)), 'AWS CLI command')}
      >
        Copy AWS CLI command
      </button>
      <p id="arn-hint" className="note" data-testid="actions-hint">
        {cliProblem ?? 'The command sets the recommended version as the default.'}
      </p>
      <span className="note" role="status">
        {blocked ? '' : note}
      </span>
    </div>
  );
}
