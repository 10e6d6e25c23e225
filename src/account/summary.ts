// The account in numbers, for the CLI's summary and the app's header: principals, policies, the
// actions that go by access level, results over the quota, and everything that was set aside.
import { figure, MANAGED_POLICY_QUOTA } from '../core';
import type { Account, AccountNote } from './authorization';
import type { AccountFindings, FindingsProblem, SetAsideFinding } from './findings';
import { addLevels, emptyLevels, LEVELS, type LevelCounts } from './levels';
import type { PrincipalOutcome } from './principal';

export interface PolicyProblem {
  principal: string;
  policy: string;
  message: string;
  input: string;
  line: number;
  column: number;
  within: 'file' | 'decoded document';
}

export interface AccountSummary {
  accountId: string | null;
  principals: {
    inFile: number;
    refined: number;
    /** In the file, with no finding: nothing is known unused, so nothing is changed. */
    withoutFindings: number;
  };
  policies: {
    refined: number;
    changed: number;
    detached: number;
    unchanged: number;
    unreadable: number;
    /** Rewritten, yet over the size limit: split, or not. */
    overQuota: number;
    split: number;
    /** Managed policies the split results make, all together. */
    parts: number;
    unsplittable: number;
  };
  /** The size limit the results were held to (the managed policy quota unless asked otherwise). */
  sizeLimit: number;
  /** Per access level, summed over principals (each counts a removed action once). */
  levels: LevelCounts;
  removed: number;
  policyProblems: PolicyProblem[];
  /** Results over the size limit that no split fits, and why. */
  splitProblems: { principal: string; policy: string; why: string }[];
  findingsProblems: FindingsProblem[];
  setAside: SetAsideFinding[];
  notes: AccountNote[];
  /** Principals whose proof failed: bugs, never shown as recommendations. */
  bugs: { principal: string; message: string }[];
}

export function summarize(
  account: Account,
  findings: AccountFindings,
  outcomes: readonly PrincipalOutcome[],
): AccountSummary {
  const levels = emptyLevels();
  const policies = {
    refined: 0,
    changed: 0,
    detached: 0,
    unchanged: 0,
    unreadable: 0,
    overQuota: 0,
    split: 0,
    parts: 0,
    unsplittable: 0,
  };
  let sizeLimit = MANAGED_POLICY_QUOTA;
  const policyProblems: PolicyProblem[] = [];
  const splitProblems: AccountSummary['splitProblems'] = [];
  const bugs: AccountSummary['bugs'] = [];
  let removed = 0;
  for (const o of outcomes) {
    if (o.bug !== null) {
      bugs.push({ principal: o.principal.arn, message: o.bug });
      continue;
    }
    addLevels(levels, o.levels);
    removed += o.removed;
    for (const p of o.policies) {
      policies.refined++;
      if (p.status === 'error') {
        policies.unreadable++;
        if (p.error)
          policyProblems.push({ principal: o.principal.arn, policy: p.policy.name, ...p.error });
      } else if (p.status === 'unchanged') policies.unchanged++;
      else if (p.recommendedAction === 'DETACH_POLICY') policies.detached++;
      else policies.changed++;
      if (p.size) sizeLimit = p.size.limit;
      if (p.status !== 'changed' || !p.overQuota) continue;
      policies.overQuota++;
      if (p.split && p.split.parts.length > 0) {
        policies.split++;
        policies.parts += p.split.parts.length;
      } else {
        policies.unsplittable++;
        splitProblems.push({
          principal: o.principal.arn,
          policy: p.policy.name,
          why: p.split?.why ?? 'no split was computed',
        });
      }
    }
  }
  return {
    accountId: account.accountId,
    principals: {
      inFile: account.principals.length,
      refined: outcomes.length,
      withoutFindings: account.principals.filter((p) => !findings.byPrincipal.has(p.arn)).length,
    },
    policies,
    sizeLimit,
    levels,
    removed,
    policyProblems,
    splitProblems,
    findingsProblems: findings.problems,
    setAside: findings.setAside,
    notes: account.notes,
    bugs,
  };
}

function place(p: { input: string; line: number; column: number }): string {
  return `${p.input}:${p.line}:${p.column}`;
}

/** The summary as Markdown: readable in a terminal, and pasteable into a ticket or a pull request. */
export function summaryMarkdown(s: AccountSummary, top: readonly PrincipalOutcome[] = []): string {
  const out: string[] = [];
  out.push(`# Unused permissions${s.accountId ? ` of account ${s.accountId}` : ''}`, '');
  const quota = `${figure(s.sizeLimit)}-character`;
  out.push(
    `- Principals: ${s.principals.inFile} in the file, ${s.principals.refined} refined, ${s.principals.withoutFindings} without findings (left as they are)`,
    `- Policies refined: ${s.policies.refined}: ${s.policies.changed} rewritten, ${s.policies.detached} to detach, ${s.policies.unchanged} unchanged, ${s.policies.unreadable} unreadable`,
    `- Results over the ${quota} ${s.sizeLimit === MANAGED_POLICY_QUOTA ? 'managed policy quota' : 'size limit'}: ${overQuota(s)}`,
    `- Actions removed: ${s.removed} (each principal counts an action once across its policies)`,
    '',
    '| Access level | Removed | Allowed before | After |',
    '|---|---:|---:|---:|',
  );
  for (const l of LEVELS) {
    const c = s.levels[l];
    if (l === 'Unknown' && c.before === 0) continue;
    out.push(
      `| ${l === 'Unknown' ? 'Unknown (not in the catalog)' : l} | ${c.removed} | ${c.before} | ${c.after} |`,
    );
  }
  out.push(
    '',
    'Allowed before and after add up policy by policy: an action two policies of a principal allow counts twice there, once in Removed.',
  );
  if (top.length > 0) {
    out.push(
      '',
      '## Most privilege removed',
      '',
      '| Principal | Policies | Removed | Permissions management | Write |',
      '|---|---:|---:|---:|---:|',
    );
    for (const o of top)
      out.push(
        `| ${o.principal.kind} ${o.principal.name} | ${o.policies.length} | ${o.removed} | ${o.levels['Permissions management'].removed} | ${o.levels.Write.removed} |`,
      );
  }
  const section = (title: string, items: string[]) => {
    if (items.length > 0)
      out.push('', `## ${title} (${items.length})`, '', ...items.map((i) => `- ${i}`));
  };
  section(
    'Bugs: the proof failed, nothing was recommended',
    s.bugs.map((b) => `${b.principal}: ${b.message}`),
  );
  section(
    'Results over the quota that no split fits (apply.sh leaves them commented out)',
    s.splitProblems.map((p) => `${p.principal}, policy ${p.policy}: ${p.why}`),
  );
  section(
    'Policies that could not be read (the rest was refined)',
    s.policyProblems.map(
      (p) =>
        `${p.principal}, policy ${p.policy}: ${p.message} (${place(p)}${p.within === 'decoded document' ? ', line and column in the decoded document' : ''})`,
    ),
  );
  section(
    'Findings for principals not in the account file, or not about permissions',
    s.setAside.map((f) => `${f.resource}: ${f.reason} (${place(f)})`),
  );
  section(
    'Findings that could not be read (their principal was not refined)',
    s.findingsProblems.map(
      (p) => `${place(p)}: ${p.message}${p.principal ? ` (${p.principal})` : ''}`,
    ),
  );
  section(
    'Notes on the account file',
    s.notes.map((n) => `${place(n)}: ${n.message}`),
  );
  return out.join('\n') + '\n';
}

/** "3: 2 split into 7 managed policies, 1 that no split fits" */
export function overQuota(s: AccountSummary): string {
  const p = s.policies;
  if (p.overQuota === 0) return '0';
  const split =
    p.split > 0
      ? `${p.split} split into ${p.parts} managed ${p.parts === 1 ? 'policy' : 'policies'} that each fit, attached together`
      : '';
  const not = p.unsplittable > 0 ? `${p.unsplittable} that no split fits` : '';
  return `${p.overQuota}: ${[split, not].filter(Boolean).join(', ')}`;
}

/** Principals in the order of how much privilege would go: most actions removed, then by level. */
export function byPrivilegeRemoved(a: PrincipalOutcome, b: PrincipalOutcome): number {
  if (b.removed !== a.removed) return b.removed - a.removed;
  for (const l of LEVELS) {
    const d = b.levels[l].removed - a.levels[l].removed;
    if (d !== 0) return d;
  }
  return a.principal.arn < b.principal.arn ? -1 : a.principal.arn > b.principal.arn ? 1 : 0;
}
