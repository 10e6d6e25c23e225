// A ready AWS CLI command for the recommended step, as IAM Access Analyzer's console suggests it.
import { compactJson } from '../core';
import type { RecommendationView } from '../worker/protocol';

export const ARN_PLACEHOLDER = 'arn:aws:iam::123456789012:policy/POLICY_NAME';

/** Single-quoted for a POSIX shell: a quote inside becomes '\''. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function awsCommand(rec: RecommendationView, policyArn: string): string {
  const arn = shellQuote(policyArn.trim() || ARN_PLACEHOLDER);
  if (rec.recommendedAction === 'DETACH_POLICY')
    return [
      '# Every action this policy allows is unused: detach it from each user, group and role, e.g.',
      `aws iam detach-role-policy --role-name ROLE_NAME --policy-arn ${arn}`,
    ].join('\n');
  const compact = compactJson(recommendedText(rec));
  return `aws iam create-policy-version --policy-arn ${arn} --set-as-default --policy-document ${shellQuote(compact)}`;
}

/** The policy the recommendation proposes: the NotAction form when it was chosen. */
export function recommendedText(rec: RecommendationView): string {
  return (rec.notActionForm?.chosen ? rec.notActionForm.text : rec.text) ?? '';
}

/**
 * The command for part `k` (1-based) of a split recommendation. Part 1 becomes the policy's new
 * version; each other part is a new managed policy named after it (`NAME-part-2`, on the same
 * path), to attach wherever the policy is attached.
 */
export function partCommand(text: string, k: number, policyArn: string): string {
  const arn = policyArn.trim() || ARN_PLACEHOLDER;
  const document = shellQuote(compactJson(text));
  if (k === 1)
    return `aws iam create-policy-version --policy-arn ${shellQuote(arn)} --set-as-default --policy-document ${document}`;
  const slash = arn.indexOf(':policy/') + ':policy'.length;
  const last = arn.lastIndexOf('/');
  const name = `${arn.slice(last + 1)}-part-${k}`;
  const path = arn.slice(slash, last + 1);
  return [
    `aws iam create-policy --policy-name ${shellQuote(name)} --path ${shellQuote(path)} --policy-document ${document}`,
    '# then attach it wherever the policy is attached, for example:',
    `aws iam attach-role-policy --role-name ROLE_NAME --policy-arn ${shellQuote(`${arn.slice(0, slash)}${path}${name}`)}`,
  ].join('\n');
}
