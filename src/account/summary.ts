// The account in numbers, for the CLI's summary and the app's header: principals, policies, the
// actions that go by access level, results over the quota, and everything that was set aside.
import type { Account, AccountNote } from './authorization';
import type { AccountFindings, FindingsProblem, SetAsideFinding } from './findings';
import { ACCESS_LEVELS, addLevels, emptyLevels, type LevelCounts } from './levels';
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
    overQuota: number;
  };
  /** Per access level, summed over principals (each counts an action once across its policies). */
  levels: LevelCounts;
  removed: number;
  policyProblems: PolicyProblem[];
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
  };
  const policyProblems: PolicyProblem[] = [];
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
      if (p.status === 'changed' && p.overQuota) policies.overQuota++;
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
    levels,
    removed,
    policyProblems,
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
  out.push(
    `- Principals: ${s.principals.inFile} in the file, ${s.principals.refined} refined, ${s.principals.withoutFindings} without findings (left as they are)`,
    `- Policies refined: ${s.policies.refined}: ${s.policies.changed} rewritten, ${s.policies.detached} to detach, ${s.policies.unchanged} unchanged, ${s.policies.unreadable} unreadable`,
    `- Results over the 6,144-character managed policy quota: ${s.policies.overQuota}`,
    `- Actions removed: ${s.removed} (each principal counts an action once across its policies)`,
    '',
    '| Access level | Allowed before | After | Removed |',
    '|---|---:|---:|---:|',
  );
  for (const l of ACCESS_LEVELS) {
    const c = s.levels[l];
    out.push(`| ${l} | ${c.before} | ${c.after} | ${c.before - c.after} |`);
  }
  if (top.length > 0) {
    out.push(
      '',
      '## Most privilege removed',
      '',
      '| Principal | Policies | Removed | Permissions management | Write |',
      '|---|---:|---:|---:|---:|',
    );
    for (const o of top) {
      const pm = o.levels['Permissions management'];
      const w = o.levels.Write;
      out.push(
        `| ${o.principal.kind} ${o.principal.name} | ${o.policies.length} | ${o.removed} | ${pm.before - pm.after} | ${w.before - w.after} |`,
      );
    }
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

/** Principals in the order of how much privilege would go: most actions removed, then by level. */
export function byPrivilegeRemoved(a: PrincipalOutcome, b: PrincipalOutcome): number {
  if (b.removed !== a.removed) return b.removed - a.removed;
  for (const l of ACCESS_LEVELS) {
    const d = b.levels[l].before - b.levels[l].after - (a.levels[l].before - a.levels[l].after);
    if (d !== 0) return d;
  }
  return a.principal.arn < b.principal.arn ? -1 : a.principal.arn > b.principal.arn ? 1 : 0;
}
