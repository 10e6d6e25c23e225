// What the account command writes: the json, aws and jsonl shapes on stdout, and with --out a file
// per recommended policy plus apply.sh.
import {
  applyScript,
  policyFiles,
  recommendedSteps,
  summaryMarkdown,
  type AccountSummary,
  type PolicyOutcome,
  type PrincipalOutcome,
} from '../account';
import type { AccountIo } from './account';
import { Printed, type OutValue } from './jsonWriter';

function policyJson(p: PolicyOutcome): OutValue {
  return {
    name: p.policy.name,
    kind: p.policy.kind,
    arn: p.policy.arn,
    group: p.policy.group,
    sharedWith: p.policy.sharedWith,
    status: p.status,
    recommendedAction: p.recommendedAction,
    // As printed by core, never through JSON.parse (which would rewrite a Condition's numbers).
    recommendedPolicy: p.text === null ? null : new Printed(p.text),
    recommendedSteps: recommendedSteps(p),
    size: p.size,
    overQuota: p.overQuota,
    // The parts' documents are the CREATE_POLICY steps of recommendedSteps, in order.
    split: p.split === null ? null : { parts: p.split.parts.map((x) => x.size), why: p.split.why },
    proof: p.proof,
    levels: p.levels,
    warnings: p.warnings.map((w) => ({ code: w.code, message: w.message, statement: w.statement })),
    error: p.error,
  };
}

/** One principal: the line of --format jsonl, and an element of --format json. */
export function principalJson(o: PrincipalOutcome): OutValue {
  return {
    type: 'principal',
    ...o.principal,
    findings: o.findingsSummary,
    removed: o.removed,
    levels: o.levels,
    bug: o.bug,
    policies: o.bug === null ? o.policies.map(policyJson) : [],
  };
}

export function accountJson(
  summary: AccountSummary,
  outcomes: readonly PrincipalOutcome[],
): OutValue {
  return { summary, principals: outcomes.map(principalJson) };
}

/** Per principal, the shape of Access Analyzer's GetFindingRecommendation. */
export function awsRecommendations(outcomes: readonly PrincipalOutcome[]): OutValue {
  return outcomes
    .filter((o) => o.bug === null)
    .map((o) => ({
      resource: o.principal.arn,
      recommendationType: 'UnusedPermissionRecommendation',
      status: 'SUCCEEDED',
      recommendedSteps: o.policies.flatMap(recommendedSteps),
    }));
}

/** Writes each recommended policy (or its parts), apply.sh and the summary under `dir`; returns how many files of policies. */
export function writeOut(
  dir: string,
  outcomes: readonly PrincipalOutcome[],
  summary: AccountSummary,
  io: AccountIo,
): number {
  const root = dir.replace(/\/+$/, '');
  let written = 0;
  for (const o of outcomes) {
    if (o.bug !== null) continue;
    for (const p of o.policies)
      for (const f of policyFiles(o.principal, p)) {
        io.writeFile(`${root}/${f.file}`, f.text + '\n');
        written++;
      }
  }
  io.writeFile(`${root}/apply.sh`, applyScript(outcomes));
  io.writeFile(`${root}/summary.md`, summaryMarkdown(summary));
  return written;
}
