// What a file given as authorization details (or as findings) looks like when it is not what was
// asked for: people paste the neighbouring command's output, and "not valid" alone does not help.
import { quote, type JsonValue } from '../core';
import { field } from './fields';

function has(v: JsonValue, key: string): boolean {
  return v.kind === 'object' && field(v, key) !== undefined;
}

function firstItem(v: JsonValue | undefined): JsonValue | undefined {
  return v?.kind === 'array' ? v.items[0] : undefined;
}

/** One sentence naming what this JSON value is, for a message that says what was expected instead. */
export function describeJson(root: JsonValue): string {
  if (root.kind === 'array') {
    const head = root.items[0];
    if (!head) return 'an empty list';
    if (has(head, 'findingDetails')) return 'a list of GetFindingV2 findings';
    if (has(head, 'Statement')) return 'a list of policy documents';
    if (head.kind === 'string') return 'a list of strings';
    return `a list of ${head.kind === 'object' ? 'objects' : `${head.kind}s`}`;
  }
  if (root.kind !== 'object') return `a JSON ${root.kind}`;
  if (has(root, 'Statement')) return 'an IAM policy document';
  if (['RoleDetailList', 'UserDetailList', 'GroupDetailList'].some((k) => has(root, k)))
    return 'aws iam get-account-authorization-details output (the account, not its findings)';
  if (has(root, 'findingDetails')) return 'a GetFindingV2 finding';
  if (has(root, 'findings')) return 'a ListFindingsV2 page (finding ids, without their details)';
  if (has(root, 'recommendedSteps')) return 'a GetFindingRecommendation answer';
  if (has(root, 'ServicesLastAccessed')) return 'GetServiceLastAccessedDetails output';
  if (has(root, 'Records')) return 'CloudTrail events';
  if (has(root, 'Roles')) return 'list-roles output (it names the roles, not their policies)';
  if (has(root, 'Users')) return 'list-users output (it names the users, not their policies)';
  if (has(root, 'Groups')) return 'list-groups output';
  if (has(root, 'Role')) return 'get-role output (one role, without its policies)';
  if (has(root, 'PolicyVersion')) return 'get-policy-version output (one policy document)';
  if (
    has(root, 'Policies') &&
    !has(firstItem(field(root, 'Policies')) ?? root, 'PolicyVersionList')
  )
    return 'list-policies output (policy names, without their documents)';
  if (has(root, 'Resources') || has(root, 'AWSTemplateFormatVersion'))
    return 'a CloudFormation template';
  const keys = root.entries.slice(0, 4).map((e) => quote(e.key, 40));
  return keys.length === 0
    ? 'an empty object'
    : `an object with the keys ${keys.join(', ')}${root.entries.length > 4 ? ', ...' : ''}`;
}

/** For text that is not JSON: the AWS CLI's other output formats, named so the fix is obvious. */
export function describeText(text: string): string | null {
  const head = text.slice(0, 2000);
  if (/^\s*(RoleDetailList|UserDetailList|GroupDetailList|Policies):\s*$/m.test(head))
    return 'YAML (the AWS CLI with --output yaml); run it again with --output json';
  if (/^\s*(ROLEDETAILLIST|USERDETAILLIST|GROUPDETAILLIST|POLICIES)\s/m.test(head))
    return 'the AWS CLI text output; run it again with --output json';
  if (/^\s*<\?xml|^\s*<GetAccountAuthorizationDetailsResponse/.test(head))
    return 'the XML of the IAM query API; run aws iam get-account-authorization-details --output json';
  return null;
}
