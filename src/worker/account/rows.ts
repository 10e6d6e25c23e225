// A principal's outcome as the table needs it: counts and statuses, none of the documents.
import type { PrincipalOutcome } from '../../account';
import type { PrincipalRow } from './protocol';

export function principalRow(o: PrincipalOutcome): PrincipalRow {
  return {
    principal: o.index,
    kind: o.principal.kind,
    name: o.principal.name,
    arn: o.principal.arn,
    serviceLinked: o.principal.serviceLinked,
    findings: o.findingsSummary,
    removed: o.removed,
    levels: o.levels,
    bug: o.bug,
    policies: o.policies.map((p) => ({
      name: p.policy.name,
      kind: p.policy.kind,
      group: p.policy.group,
      status: p.status,
      recommendedAction: p.recommendedAction,
      removed: p.proof?.removed ?? 0,
      overQuota: p.overQuota,
      size: p.overQuota ? p.size : null,
      split: p.split && { parts: p.split.parts.map((x) => x.size.chars), why: p.split.why },
      error: p.error
        ? `${p.error.message} (${p.error.input}:${p.error.line}:${p.error.column}${p.error.within === 'decoded document' ? ' of the decoded document' : ''})`
        : null,
    })),
  };
}
