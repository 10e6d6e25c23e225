// The ARN of the policy being refined, which the AWS CLI commands name: typed once, checked, and
// kept in this browser between visits.
import { useState } from 'react';
import { ARN_PLACEHOLDER } from './awsCommand';

/** `arn:aws:iam::123456789012:policy/path/name`, in any partition. */
const POLICY_ARN = /^arn:aws[a-z-]*:iam::\d{12}:policy\/\S+$/;

export function arnProblem(arn: string): string | null {
  const a = arn.trim();
  if (a === '') return 'Enter the ARN of the policy to copy the command for it.';
  return POLICY_ARN.test(a) ? null : `That is not a policy ARN: they look like ${ARN_PLACEHOLDER}.`;
}

const ARN_KEY = 'iam-policy-refiner:v1:arn';

export function usePolicyArn(storage: Storage | null): [string, (arn: string) => void] {
  const [arn, setArn] = useState(() => {
    try {
      return storage?.getItem(ARN_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const change = (v: string) => {
    setArn(v);
    try {
      storage?.setItem(ARN_KEY, v);
    } catch {
      /* kept for this visit only */
    }
  };
  return [arn, change];
}
