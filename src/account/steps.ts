// What a person does with each recommendation: Access Analyzer's recommended steps, the file each
// refined document is written to, and the `aws iam` commands that apply it. Nothing here runs them.
import { parseJson, printJson } from '../core';
import type { PolicyOutcome, PrincipalOutcome } from './principal';

export interface RecommendedStep {
  unusedPermissionsRecommendedStep: {
    recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY';
    existingPolicyId: string;
    recommendedPolicy?: string;
  };
}

/** IAM's limit on a managed policy's name. */
const MAX_POLICY_NAME = 128;

/**
 * The steps as IAM Access Analyzer gives them. An AWS managed policy cannot be edited: its refined
 * form is a new customer managed policy, and the AWS managed one is detached.
 */
export function recommendedSteps(o: PolicyOutcome): RecommendedStep[] {
  if (o.recommendedAction === null) return [];
  const id = o.policy.arn ?? o.policy.name;
  const step = (
    recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY',
    recommendedPolicy?: string,
  ): RecommendedStep => ({
    unusedPermissionsRecommendedStep: {
      recommendedAction,
      existingPolicyId: id,
      ...(recommendedPolicy !== undefined ? { recommendedPolicy } : {}),
    },
  });
  if (o.recommendedAction === 'DETACH_POLICY' || o.text === null) return [step('DETACH_POLICY')];
  const parsed = parseJson(o.text);
  const compact = parsed.ok ? printJson(parsed.value, 0) : o.text;
  if (o.policy.kind === 'aws-managed')
    return [step('CREATE_POLICY', compact), step('DETACH_POLICY')];
  return [step('CREATE_POLICY', compact)];
}

/** Where the refined document is written under --out: one folder per principal. */
export function policyFile(principal: PrincipalOutcome['principal'], o: PolicyOutcome): string {
  const what =
    o.policy.group !== null
      ? `group-${o.policy.group}-${o.policy.name}`
      : `${o.policy.kind === 'inline' ? 'inline' : 'managed'}-${o.policy.name}`;
  return `${principal.kind}s/${safeName(principal.name)}/${safeName(what)}.json`;
}

function safeName(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '_');
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The name of the customer managed copy made for one principal. */
export function copyName(policyName: string, principalName: string): string {
  const name = `${policyName}-${principalName}`.replace(/[^\w+=,.@-]/g, '_');
  if (name.length <= MAX_POLICY_NAME) return name;
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return `${name.slice(0, MAX_POLICY_NAME - 9)}-${hash.toString(16).padStart(8, '0')}`;
}

function partitionOf(arn: string): string {
  return /^arn:([a-z-]+):/.exec(arn)?.[1] ?? 'aws';
}

function accountOf(arn: string): string {
  return /^arn:[a-z-]+:iam::(\d+):/.exec(arn)?.[1] ?? 'ACCOUNT_ID';
}

/** The commands for one policy of one principal, with comments where a person must decide. */
export function applyCommands(p: PrincipalOutcome['principal'], o: PolicyOutcome): string[] {
  if (o.recommendedAction === null) return [];
  const who =
    p.kind === 'role' ? `--role-name ${shellQuote(p.name)}` : `--user-name ${shellQuote(p.name)}`;
  const file = `file://${policyFile(p, o)}`;
  const lines: string[] = [];
  const detach = o.recommendedAction === 'DETACH_POLICY';
  const title = `# ${o.policy.kind} policy ${o.policy.name}${o.policy.group ? ` (from group ${o.policy.group})` : ''}: ${detach ? 'every permission it grants is unused' : `${o.proof?.removed ?? 0} unused action${o.proof?.removed === 1 ? '' : 's'} removed`}`;
  lines.push(title);
  if (o.overQuota && o.size)
    lines.push(
      `# over the quota: ${o.size.chars} characters, the limit is ${o.size.limit}; IAM will refuse it as it is`,
    );
  const copy = copyName(o.policy.name, p.name);
  const copyArn = `arn:${partitionOf(p.arn)}:iam::${accountOf(p.arn)}:policy/${copy}`;
  const commands: string[] = [];
  if (o.policy.group !== null) {
    // The group's policy is shared: refining it for one user means giving the user its own copy.
    lines.push(
      `# it comes from group ${o.policy.group}, shared by ${o.policy.sharedWith} user(s): to apply, give this user its own copy and take it out of the group (which removes all the group's policies)`,
    );
    if (!detach)
      commands.push(
        `aws iam create-policy --policy-name ${shellQuote(copy)} --policy-document ${shellQuote(file)}`,
        `aws iam attach-user-policy ${who} --policy-arn ${shellQuote(copyArn)}`,
      );
    commands.push(
      `aws iam remove-user-from-group --group-name ${shellQuote(o.policy.group)} ${who}`,
    );
    return [...lines, ...commands.map((c) => `# ${c}`)];
  }
  const verb = p.kind === 'role' ? 'role' : 'user';
  if (o.policy.kind === 'inline') {
    commands.push(
      detach
        ? `aws iam delete-${verb}-policy ${who} --policy-name ${shellQuote(o.policy.name)}`
        : `aws iam put-${verb}-policy ${who} --policy-name ${shellQuote(o.policy.name)} --policy-document ${shellQuote(file)}`,
    );
  } else {
    const arn = shellQuote(o.policy.arn ?? '');
    if (detach) commands.push(`aws iam detach-${verb}-policy ${who} --policy-arn ${arn}`);
    else if (o.policy.kind === 'customer-managed' && o.policy.sharedWith <= 1) {
      lines.push(
        '# a managed policy keeps at most 5 versions: delete an old one first if it has 5',
      );
      commands.push(
        `aws iam create-policy-version --policy-arn ${arn} --policy-document ${shellQuote(file)} --set-as-default`,
      );
    } else {
      lines.push(
        o.policy.kind === 'aws-managed'
          ? '# an AWS managed policy cannot be edited: a customer managed copy replaces it'
          : `# shared by ${o.policy.sharedWith} principals: this one gets its own copy`,
      );
      commands.push(
        `aws iam create-policy --policy-name ${shellQuote(copy)} --policy-document ${shellQuote(file)}`,
        `aws iam attach-${verb}-policy ${who} --policy-arn ${shellQuote(copyArn)}`,
        `aws iam detach-${verb}-policy ${who} --policy-arn ${arn}`,
      );
    }
  }
  if (p.serviceLinked) {
    lines.push('# a service-linked role: AWS manages its policies, so this cannot be applied');
    return [...lines, ...commands.map((c) => `# ${c}`)];
  }
  return [...lines, ...commands];
}

/** The whole script: reviewed by a person, run by a person, never by this tool. */
export function applyScript(outcomes: readonly PrincipalOutcome[]): string {
  const out = [
    '#!/bin/sh',
    '# The `aws iam` commands that apply the recommendations written beside this file.',
    '# Nothing here has been run. Review each block, then run it (or this whole file) yourself.',
    'set -eu',
    'cd "$(dirname "$0")"',
  ];
  for (const o of outcomes) {
    if (o.bug !== null) continue;
    const blocks = o.policies.map((po) => applyCommands(o.principal, po)).filter((b) => b.length);
    if (blocks.length === 0) continue;
    out.push('', `# ${o.principal.kind} ${o.principal.arn}: ${o.removed} actions removed`);
    for (const b of blocks) out.push(...b);
  }
  return out.join('\n') + '\n';
}
