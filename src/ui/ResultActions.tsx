import { useState } from 'react';
import type { RecommendationView } from '../worker/protocol';
import { ARN_PLACEHOLDER, awsCommand, recommendedText } from './awsCommand';
import { copyText, download } from './clipboard';

export function ResultActions(props: {
  rec: RecommendationView;
  policyArn: string;
  onArn: (arn: string) => void;
}) {
  const { rec, policyArn, onArn } = props;
  const [note, setNote] = useState('');
  const text = recommendedText(rec);
  const say = (ok: boolean, what: string) =>
    setNote(ok ? `${what} copied` : `Could not copy ${what}`);
  return (
    <div className="result-actions">
      {rec.recommendedAction === 'CREATE_POLICY' && (
        <>
          <button type="button" onClick={async () => say(await copyText(text), 'Policy')}>
            Copy policy
          </button>
          <button type="button" onClick={() => download('recommended-policy.json', text)}>
            Download policy
          </button>
        </>
      )}
      <label className="arn">
        Policy ARN{' '}
        <input
          type="text"
          value={policyArn}
          placeholder={ARN_PLACEHOLDER}
          spellCheck={false}
          onChange={(e) => onArn(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="copy-cli"
        onClick={async () => say(await copyText(awsCommand(rec, policyArn)), 'AWS CLI command')}
      >
        Copy AWS CLI command
      </button>
      <span className="note" role="status">
        {note}
      </span>
    </div>
  );
}
