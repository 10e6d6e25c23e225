// The policies of the selected principal, each opening in the single-policy view (diff, trie, proof).
import type { PrincipalRow } from '../../worker/account/protocol';

const KIND: Record<PrincipalRow['policies'][number]['kind'], string> = {
  inline: 'inline',
  'customer-managed': 'customer managed',
  'aws-managed': 'AWS managed',
};

function outcome(p: PrincipalRow['policies'][number]): string {
  if (p.status === 'error') return 'could not be read';
  if (p.status === 'unchanged') return 'unchanged: nothing it allows is unused';
  if (p.recommendedAction === 'DETACH_POLICY') return 'detach: everything it allows is unused';
  const copy =
    p.kind === 'aws-managed' ? ' (as a customer managed copy; the AWS one is detached)' : '';
  return `${p.removed} unused action${p.removed === 1 ? '' : 's'} removed${copy}${p.overQuota ? ', over the 6,144-character quota' : ''}`;
}

export function PrincipalPolicies({
  row,
  onOpen,
}: {
  row: PrincipalRow;
  onOpen: (principal: number, policy: number) => void;
}) {
  return (
    <section
      className="principal-policies"
      aria-label={`Policies of ${row.name}`}
      data-testid="principal-policies"
    >
      <h2>
        {row.kind} {row.name}
      </h2>
      <p className="note">
        {row.arn}. Unused permissions: {row.findings}.
        {row.serviceLinked && ' A service-linked role: AWS manages its policies.'}
      </p>
      {row.bug && <p className="stale error">The exactness proof failed (a bug): {row.bug}</p>}
      <ul>
        {row.policies.map((p, i) => (
          <li key={`${p.kind}:${p.group ?? ''}:${p.name}:${i}`}>
            <button
              type="button"
              disabled={p.status === 'error'}
              onClick={() => onOpen(row.principal, i)}
              data-testid="open-policy"
            >
              Open {p.name}
            </button>{' '}
            <span className="kind">{KIND[p.kind]}</span>
            {p.group && <span className="note"> from group {p.group}</span>}: {outcome(p)}
            {p.error && <div className="stale error">{p.error}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
