// One principal refined: each of its policies against the principal's unused permissions, exactly as
// the single-policy view does it (core's refinePolicy, with its proof). This is the unit a worker runs:
// its input and output are plain data, cheap to post between threads.
import {
  parsePolicy,
  refinePolicy,
  type Catalog,
  type Findings,
  type LevelCount as PolicyLevelCount,
  type PolicySize,
  type RefineOptions,
  type Warning,
} from '../core';
import type { AttachedPolicy, Principal } from './authorization';
import { placeError, type DocumentError } from './documents';
import { emptyLevels, principalLevels, removedCount, type LevelCounts } from './levels';

export interface PrincipalTask {
  /** Position of the principal in the account, to put answers back in order. */
  index: number;
  principal: Principal;
  findings: Findings;
}

export type PolicyStatus = 'changed' | 'unchanged' | 'error';

/**
 * A result over the quota cut into managed policies that each fit it, attached together to the same
 * principal (proven to allow exactly what the single document would), or why it cannot be.
 */
export interface PolicySplit {
  /** Each part pretty-printed, with its size; empty when no split fits. */
  parts: { text: string; size: PolicySize }[];
  why: string | null;
}

export interface PolicyOutcome {
  policy: Omit<AttachedPolicy, 'text' | 'origin' | 'error'>;
  status: PolicyStatus;
  /** Null when nothing changes (no step) or the document could not be read. */
  recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY' | null;
  /** The refined document, pretty-printed; null when detached, unchanged or unreadable. */
  text: string | null;
  size: PolicySize | null;
  overQuota: boolean;
  /** When the refined document is over the quota (and changed): its split. */
  split: PolicySplit | null;
  /** Actions of the universe the policy allowed, and how many of them go. */
  proof: { before: number; removed: number; after: number } | null;
  warnings: Warning[];
  levels: LevelCounts;
  error: DocumentError | null;
}

export interface PrincipalOutcome {
  index: number;
  principal: Omit<Principal, 'policies'>;
  findingsSummary: string;
  policies: PolicyOutcome[];
  /** Removed actions counted once across the principal's policies; before and after added up. */
  levels: LevelCounts;
  removed: number;
  /** The exactness proof failed: a bug in the refiner, reported loudly, never a recommendation. */
  bug: string | null;
}

export function refinePrincipal(
  task: PrincipalTask,
  catalog: Catalog,
  options: RefineOptions = {},
): PrincipalOutcome {
  const counted: PolicyLevelCount[][] = [];
  const policies: PolicyOutcome[] = [];
  let bug: string | null = null;
  for (const p of task.principal.policies) {
    const outcome = refineOne(p, task.findings, catalog, options);
    policies.push(outcome.result);
    if (outcome.bug && !bug) bug = `${p.name}: ${outcome.bug}`;
    if (outcome.levels) counted.push(outcome.levels);
  }
  const levels = principalLevels(counted);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the policies travel as outcomes
  const { policies: _, ...principal } = task.principal;
  return {
    index: task.index,
    principal,
    findingsSummary: task.findings.summary,
    policies,
    levels,
    removed: removedCount(levels),
    bug,
  };
}

function refineOne(
  p: AttachedPolicy,
  findings: Findings,
  catalog: Catalog,
  options: RefineOptions,
): { result: PolicyOutcome; levels: PolicyLevelCount[] | null; bug: string | null } {
  const { text, origin, error, ...policy } = p;
  const result: PolicyOutcome = {
    policy,
    status: 'error',
    recommendedAction: null,
    text: null,
    size: null,
    overQuota: false,
    split: null,
    proof: null,
    warnings: [],
    levels: emptyLevels(),
    error,
  };
  if (text === null || origin === null) return { result, levels: null, bug: null };
  const doc = parsePolicy(text);
  if (!doc.ok) {
    result.error = placeError(origin, doc.error);
    return { result, levels: null, bug: null };
  }
  // The table and the files need no trie nodes per decision: the single-policy view recomputes them.
  const rec = refinePolicy(doc.value, findings, catalog, { decisionNodes: false, ...options });
  if (!rec.proof.ok) return { result, levels: null, bug: rec.proof.message };
  if (rec.split?.proof && !rec.split.proof.ok)
    return { result, levels: null, bug: `its split: ${rec.split.proof.message}` };
  const changed = rec.text !== rec.originalText;
  const overQuota = rec.size !== null && rec.size.chars > rec.size.limit;
  Object.assign(result, {
    status: changed ? 'changed' : 'unchanged',
    recommendedAction: changed ? rec.recommendedAction : null,
    text: changed ? rec.text : null,
    size: rec.size,
    overQuota,
    split:
      changed && rec.split
        ? {
            parts: rec.split.parts.map((x) => ({ text: x.text, size: x.size })),
            why: rec.split.why,
          }
        : null,
    proof: { before: rec.proof.before, removed: rec.proof.removed, after: rec.proof.after },
    warnings: rec.warnings,
    levels: principalLevels([rec.levels]),
  } satisfies Partial<PolicyOutcome>);
  return { result, levels: rec.levels, bug: null };
}
