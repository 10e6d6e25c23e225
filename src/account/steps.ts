// What a person does with each recommendation: Access Analyzer's recommended steps, the file each
// refined document is written to, and the `aws iam` commands that apply it. Nothing here runs them.
import { ATTACHED_POLICIES_QUOTA, parseJson, plural, printJson } from '../core';
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
 * form is a new customer managed policy, and the AWS managed one is detached. A result split to fit
 * the quota gives one CREATE_POLICY step per part, all for the same policy.
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
  const texts = o.split?.parts.length ? o.split.parts.map((p) => p.text) : [o.text];
  const creates = texts.map((t) => {
    const parsed = parseJson(t);
    return step('CREATE_POLICY', parsed.ok ? printJson(parsed.value, 0) : t);
  });
  return o.policy.kind === 'aws-managed' ? [...creates, step('DETACH_POLICY')] : creates;
}

/** Where the refined document (or its part `part`, from 0) is written under --out: a folder per principal. */
export function policyFile(
  principal: PrincipalOutcome['principal'],
  o: PolicyOutcome,
  part: number | null = null,
): string {
  const what =
    o.policy.group !== null
      ? `group-${o.policy.group}-${o.policy.name}`
      : `${o.policy.kind === 'inline' ? 'inline' : 'managed'}-${o.policy.name}`;
  return `${principal.kind}s/${safeName(principal.name)}/${safeName(what)}${part === null ? '' : `.part${part + 1}`}.json`;
}

/** The files written for one policy: its parts when it was split, else the document itself. */
export function policyFiles(
  principal: PrincipalOutcome['principal'],
  o: PolicyOutcome,
): { file: string; text: string }[] {
  if (o.text === null) return [];
  if (o.split?.parts.length)
    return o.split.parts.map((p, k) => ({ file: policyFile(principal, o, k), text: p.text }));
  return [{ file: policyFile(principal, o), text: o.text }];
}

function safeName(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '_');
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The name of the customer managed copy made for one principal (with `suffix`, one of its parts). */
export function copyName(policyName: string, principalName: string, suffix = ''): string {
  const name = `${policyName}-${principalName}`.replace(/[^\w+=,.@-]/g, '_');
  if (name.length + suffix.length <= MAX_POLICY_NAME) return name + suffix;
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return `${name.slice(0, MAX_POLICY_NAME - 9 - suffix.length)}-${hash.toString(16).padStart(8, '0')}${suffix}`;
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
  const verb = p.kind === 'role' ? 'role' : 'user';
  const lines: string[] = [];
  const detach = o.recommendedAction === 'DETACH_POLICY';
  lines.push(
    `# ${o.policy.kind} policy ${o.policy.name}${o.policy.group ? ` (from group ${o.policy.group})` : ''}: ${detach ? 'every permission it grants is unused' : `${plural(o.proof?.removed ?? 0, 'unused action', 'unused actions')} removed`}`,
  );
  const parts = o.split?.parts.length ? o.split.parts : null;
  if (o.overQuota && o.size)
    lines.push(
      `# over the quota: ${o.size.chars} characters, the limit is ${o.size.limit}; ${parts ? `split into ${plural(parts.length, 'managed policy', 'managed policies')} that each fit, attached together` : 'IAM would refuse it and no split fits, so nothing here can be run'}`,
      ...(parts || !o.split?.why ? [] : [`# ${o.split.why}`]),
    );
  // Each part, or the whole document, as a customer managed policy of its own attached to the principal.
  const files = policyFiles(p, o).map((f) => `file://${f.file}`);
  const copies = parts
    ? parts.map((_, k) => copyName(o.policy.name, p.name, `-part${k + 1}`))
    : [copyName(o.policy.name, p.name)];
  const createAndAttach = (principalVerb: string) =>
    copies.flatMap((copy, k) => [
      `aws iam create-policy --policy-name ${shellQuote(copy)} --policy-document ${shellQuote(files[k])}`,
      `aws iam attach-${principalVerb}-policy ${who} --policy-arn ${shellQuote(`arn:${partitionOf(p.arn)}:iam::${accountOf(p.arn)}:policy/${copy}`)}`,
    ]);
  const commands: string[] = [];
  if (o.policy.group !== null) {
    // The group's policy is shared: refining it for one user means giving the user its own copy.
    lines.push(
      `# it comes from group ${o.policy.group}, shared by ${o.policy.sharedWith} user(s): to apply, give this user its own copy and take it out of the group (which removes all the group's policies)`,
    );
    if (!detach) commands.push(...createAndAttach('user'));
    commands.push(
      `aws iam remove-user-from-group --group-name ${shellQuote(o.policy.group)} ${who}`,
    );
    return [...lines, ...commands.map((c) => `# ${c}`)];
  }
  const arn = shellQuote(o.policy.arn ?? '');
  if (o.policy.kind === 'inline') {
    const name = shellQuote(o.policy.name);
    if (parts) {
      lines.push(
        '# split: each part becomes a customer managed policy, and the inline policy goes',
      );
      commands.push(...createAndAttach(verb));
    }
    commands.push(
      detach || parts
        ? `aws iam delete-${verb}-policy ${who} --policy-name ${name}`
        : `aws iam put-${verb}-policy ${who} --policy-name ${name} --policy-document ${shellQuote(files[0])}`,
    );
  } else if (detach) commands.push(`aws iam detach-${verb}-policy ${who} --policy-arn ${arn}`);
  else if (o.policy.kind === 'customer-managed' && o.policy.sharedWith <= 1 && !parts) {
    lines.push('# a managed policy keeps at most 5 versions: delete an old one first if it has 5');
    commands.push(
      `aws iam create-policy-version --policy-arn ${arn} --policy-document ${shellQuote(files[0])} --set-as-default`,
    );
  } else {
    lines.push(
      parts
        ? '# split: each part becomes a customer managed policy of its own, and this one is detached'
        : o.policy.kind === 'aws-managed'
          ? '# an AWS managed policy cannot be edited: a customer managed copy replaces it'
          : `# shared by ${o.policy.sharedWith} principals: this one gets its own copy`,
    );
    commands.push(
      ...createAndAttach(verb),
      `aws iam detach-${verb}-policy ${who} --policy-arn ${arn}`,
    );
  }
  if (p.serviceLinked) {
    lines.push('# a service-linked role: AWS manages its policies, so this cannot be applied');
    return [...lines, ...commands.map((c) => `# ${c}`)];
  }
  if (o.overQuota && !parts) return [...lines, ...commands.map((c) => `# ${c}`)];
  return [...lines, ...commands];
}

/**
 * Managed policies attached to the principal once its commands have run (the group's aside): each
 * part of a split is one more, a detached policy one fewer.
 */
export function attachedAfter(o: PrincipalOutcome): number {
  let n = 0;
  for (const po of o.policies) {
    if (po.policy.group !== null) continue;
    const parts = po.split?.parts.length ?? 0;
    if (po.recommendedAction === 'DETACH_POLICY') continue;
    if (parts > 0) n += parts;
    else if (po.policy.kind !== 'inline') n++;
  }
  return n;
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
    const attached = attachedAfter(o);
    if (attached > ATTACHED_POLICIES_QUOTA && !o.principal.serviceLinked)
      out.push(
        `# afterwards it has ${attached} managed policies attached, over the default quota of ${ATTACHED_POLICIES_QUOTA}: ask for a higher quota first, or the last attach commands fail`,
      );
    for (const b of blocks) out.push(...b);
  }
  return out.join('\n') + '\n';
}
