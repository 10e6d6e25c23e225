// The account in numbers, and everything set aside: what a reviewer reads before the table.
import { ACCESS_LEVELS, type AccountSummary } from '../../account';
import { figure } from '../../core/numbers';

function Problems({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details className="account-problems">
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.slice(0, 500).map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </details>
  );
}

export function AccountSummaryPanel({
  summary,
  ms,
}: {
  summary: AccountSummary;
  ms: number | null;
}) {
  const s = summary;
  const at = (p: { input: string; line: number; column: number }) =>
    `${p.input}:${p.line}:${p.column}`;
  return (
    <section className="account-summary" aria-label="Account summary" data-testid="account-summary">
      <p>
        {s.accountId ? `Account ${s.accountId}: ` : ''}
        {s.principals.refined} of {s.principals.inFile} principals refined (
        {s.principals.withoutFindings} without findings), {s.policies.refined} policies:{' '}
        {s.policies.changed} rewritten, {s.policies.detached} to detach, {s.policies.unchanged}{' '}
        unchanged, {s.policies.unreadable} unreadable; {s.policies.overQuota} over the
        6,144-character quota.
        {ms !== null && <span className="note"> Refined in {(ms / 1000).toFixed(1)} s.</span>}
      </p>
      <table className="levels">
        <caption>
          Actions allowed before and after, by access level (each principal counts an action once)
        </caption>
        <thead>
          <tr>
            <th scope="col">Access level</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              After
            </th>
            <th scope="col" className="num">
              Removed
            </th>
          </tr>
        </thead>
        <tbody>
          {ACCESS_LEVELS.map((l) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              <td className="num">{figure(s.levels[l].before)}</td>
              <td className="num">{figure(s.levels[l].after)}</td>
              <td className="num">{figure(s.levels[l].before - s.levels[l].after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Problems
        title="Bugs: the proof failed, nothing recommended"
        items={s.bugs.map((b) => `${b.principal}: ${b.message}`)}
      />
      <Problems
        title="Policies that could not be read (the rest was refined)"
        items={s.policyProblems.map(
          (p) =>
            `${p.principal}, policy ${p.policy}: ${p.message} (${at(p)}${p.within === 'decoded document' ? ' of the decoded document' : ''})`,
        )}
      />
      <Problems
        title="Findings for principals not in the file, or not about permissions"
        items={s.setAside.map((f) => `${f.resource}: ${f.reason} (${at(f)})`)}
      />
      <Problems
        title="Findings that could not be read"
        items={s.findingsProblems.map((p) => `${at(p)}: ${p.message}`)}
      />
      <Problems
        title="Notes on the account file"
        items={s.notes.map((n) => `${at(n)}: ${n.message}`)}
      />
    </section>
  );
}
