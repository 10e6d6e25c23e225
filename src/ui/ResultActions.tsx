// Copy or download the recommended policy, and copy the AWS CLI command that applies it. Nothing is
// copied from a stale result, and the command is only offered once the policy's ARN is given.
import { useState } from 'react';
import type { RecommendationView } from '../worker/protocol';
import { ARN_PLACEHOLDER, awsCommand, recommendedText } from './awsCommand';
import { copyText, download } from './clipboard';

/** `arn:aws:iam::123456789012:policy/path/name`, in any partition. */
const POLICY_ARN = /^arn:aws[a-z-]*:iam::\d{12}:policy\/\S+$/;

export function arnProblem(arn: string): string | null {
  const a = arn.trim();
  if (a === '') return 'Enter the ARN of the policy to copy the command for it.';
  return POLICY_ARN.test(a) ? null : `That is not a policy ARN: they look like ${ARN_PLACEHOLDER}.`;
}

const ARN_KEY = 'iam-policy-refiner:v1:arn';

export function ResultActions(props: {
  rec: RecommendationView;
  /** The result is for an earlier input: nothing can be copied from it. */
  stale: boolean;
  /** Where the ARN is kept between visits. */
  storage: Storage | null;
}) {
  const { rec, stale, storage } = props;
  const [policyArn, setArn] = useState(() => {
    try {
      return storage?.getItem(ARN_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const onArn = (v: string) => {
    setArn(v);
    try {
      storage?.setItem(ARN_KEY, v);
    } catch {
      /* kept for this visit only */
    }
  };
  const [note, setNote] = useState('');
  const text = recommendedText(rec);
  const say = (ok: boolean, what: string) =>
    setNote(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
  const problem = arnProblem(policyArn);
  return (
    <div className="result-actions" data-testid="result-actions">
      {rec.recommendedAction === 'CREATE_POLICY' && (
        <>
          <button
            type="button"
            data-testid="copy-policy"
            disabled={stale}
            onClick={async () => say(await copyText(text), 'Recommended policy')}
          >
            Copy policy
          </button>
          <button
            type="button"
            data-testid="download-policy"
            disabled={stale}
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
          value={policyArn}
          data-testid="arn"
          placeholder="arn:aws:iam::…:policy/…"
          spellCheck={false}
          aria-describedby="arn-hint"
          onChange={(e) => onArn(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="copy-cli"
        disabled={stale || problem !== null}
        onClick={async () => say(await copyText(awsCommand(rec, policyArn)), 'AWS CLI command')}
      >
        Copy AWS CLI command
      </button>
      <p id="arn-hint" className="note" data-testid="actions-hint">
        {stale
          ? 'Copy and download wait for the result of the current input.'
          : (problem ?? 'The command sets the recommended version as the default.')}
      </p>
      <span className="note" role="status">
        {stale ? '' : note}
      </span>
    </div>
  );
}
