// A ready AWS CLI command for the recommended step, as IAM Access Analyzer's console suggests it.
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

/**
 * The JSON text without the white space between its tokens, every value as written: no JSON.parse,
 * which would turn 9007199254740993 into ...992, 1e400 into null and 1.50 into 1.5.
 */
export function compactJson(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 32 || c === 10 || c === 13 || c === 9) {
      parts.push(text.slice(from, i));
      while (/[ \n\r\t]/.test(text[i + 1] ?? '')) i++;
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** The policy the recommendation proposes: the NotAction form when it was chosen. */
export function recommendedText(rec: RecommendationView): string {
  return (rec.notActionForm?.chosen ? rec.notActionForm.text : rec.text) ?? '';
}
