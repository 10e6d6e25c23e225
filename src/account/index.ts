// The public face of the account module: a whole account's authorization details and the unused
// permissions of its principals, refined principal by principal with core's refinePolicy. Pure, like
// core: the CLI runs `refinePrincipal` in worker threads, the app in web workers.
//
//   const account = readAccount(files);                       // { ok, value } | { ok: false, error }
//   const findings = readAccountFindings(findingFiles, account.value.principals);
//   const outcomes = principalTasks(account.value, findings).map((t) => refinePrincipal(t, catalog));
//   const summary = summarize(account.value, findings, outcomes);
import type { Catalog, FindingsOptions, RefineOptions } from '../core';
import { readAccount, type Account, type AccountError } from './authorization';
import type { SourceFile } from './documents';
import { readAccountFindings, type AccountFindings } from './findings';
import { refinePrincipal, type PrincipalOutcome, type PrincipalTask } from './principal';
import { summarize, type AccountSummary } from './summary';

export { readAccount, isAwsManaged } from './authorization';
export type {
  Account,
  AccountError,
  AccountNote,
  AttachedPolicy,
  Principal,
  PrincipalKind,
  PolicyKind,
} from './authorization';
export type { SourceFile, DocumentError } from './documents';
export { readAccountFindings, findingsText, PrincipalIndex } from './findings';
export type { AccountFindings, FindingsProblem, SetAsideFinding } from './findings';
export { ACCESS_LEVELS, LEVELS, removedCount } from './levels';
export type { Level, LevelCount, LevelCounts } from './levels';
export { refinePrincipal } from './principal';
export type {
  PolicyOutcome,
  PolicySplit,
  PolicyStatus,
  PrincipalOutcome,
  PrincipalTask,
} from './principal';
export {
  recommendedSteps,
  applyCommands,
  applyScript,
  attachedAfter,
  policyFile,
  policyFiles,
  copyName,
} from './steps';
export type { RecommendedStep } from './steps';
export { serveBatches, BATCH_SIZE } from './batches';
export type { BatchAnswer, TaskBatch } from './batches';
export { summarize, summaryMarkdown, byPrivilegeRemoved, overQuota } from './summary';
export type { AccountSummary, PolicyProblem } from './summary';

/** What every principal is refined with: core's options, the keep list among them once core has it. */
export type AccountOptions = RefineOptions & FindingsOptions;

/** One task per principal that has findings, in the account file's order. */
export function principalTasks(account: Account, findings: AccountFindings): PrincipalTask[] {
  const tasks: PrincipalTask[] = [];
  account.principals.forEach((principal, index) => {
    const f = findings.byPrincipal.get(principal.arn);
    if (f) tasks.push({ index, principal, findings: f });
  });
  return tasks;
}

export interface AccountRefinement {
  account: Account;
  findings: AccountFindings;
  outcomes: PrincipalOutcome[];
  summary: AccountSummary;
}

/** Everything in one thread: for tests and small accounts. The CLI and the app share the tasks out. */
export function refineAccount(
  accountFiles: readonly SourceFile[],
  findingFiles: readonly SourceFile[],
  catalog: Catalog,
  options: AccountOptions = {},
): { ok: true; value: AccountRefinement } | { ok: false; error: AccountError } {
  const account = readAccount(accountFiles);
  if (!account.ok) return account;
  const findings = readAccountFindings(findingFiles, account.value.principals, options);
  const outcomes = principalTasks(account.value, findings).map((t) =>
    refinePrincipal(t, catalog, options),
  );
  return {
    ok: true,
    value: {
      account: account.value,
      findings,
      outcomes,
      summary: summarize(account.value, findings, outcomes),
    },
  };
}
