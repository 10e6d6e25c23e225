// The policies of the selected principal, each opening in the single-policy view (diff, trie, proof).
import { figure, plural } from '../../core/messages';
import type { PolicyRow, PrincipalRow } from '../../worker/account/protocol';

const KIND: Record<PolicyRow['kind'], string> = {
  inline: 'inline',
  'customer-managed': 'customer managed',
  'aws-managed': 'AWS managed',
};

function outcome(p: PolicyRow): string {
  if (p.status === 'error') return 'could not be read';
  if (p.status === 'unchanged') return 'unchanged: nothing it allows is unused';
  if (p.recommendedAction === 'DETACH_POLICY') return 'detach: everything it allows is unused';
  const copy =
    p.kind === 'aws-managed' ? ' (as a customer managed copy; the AWS one is detached)' : '';
  return `${plural(p.removed, 'unused action')} removed${copy}`;
}

/** What a result over the size limit becomes: its parts, each with its size, or why it cannot be split. */
function quota(p: PolicyRow): string | null {
  if (!p.overQuota || !p.size) return null;
  const over = `The result is ${figure(p.size.chars)} characters, over the ${figure(p.size.limit)}-character quota`;
  const parts = p.split?.parts ?? [];
  if (parts.length === 0)
    return `${over}, and no split fits: ${p.split?.why ?? 'none was computed'}`;
  return `${over}: split into ${plural(parts.length, 'managed policy', 'managed policies')} attached together (${parts.map(figure).join(', ')} characters).`;
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
            {quota(p) && (
              <div
                className={p.split?.parts.length ? 'note' : 'stale error'}
                data-testid="policy-quota"
              >
                {quota(p)}
              </div>
            )}
            {p.error && <div className="stale error">{p.error}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
