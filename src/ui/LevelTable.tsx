// What the policy allowed before and after, by access level: the first thing a reviewer of least
// privilege looks at ("3 Permissions management and 12 Write actions are gone").
import type { LevelCount } from '../core';
import { figure } from '../core/messages';

/** Most sensitive first: what a reviewer reads first. */
const ORDER: readonly LevelCount['level'][] = [
  'Permissions management',
  'Write',
  'Tagging',
  'Read',
  'List',
  'Unknown',
];

const NAME = (level: LevelCount['level']) => (level === 'Unknown' ? 'not in the catalog' : level);

/** `3 Permissions management and 12 Write actions are gone.` */
export function goneSentence(levels: readonly LevelCount[]): string {
  const gone = sorted(levels).filter((l) => l.before > l.after);
  if (gone.length === 0) return 'No action is gone at any access level.';
  const parts = gone.map((l) => `${figure(l.before - l.after)} ${NAME(l.level)}`);
  const total = gone.reduce((t, l) => t + l.before - l.after, 0);
  const joined =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${joined} ${total === 1 ? 'action is' : 'actions are'} gone.`;
}

function sorted(levels: readonly LevelCount[]): LevelCount[] {
  return [...levels].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
}

export function LevelTable({ levels }: { levels: readonly LevelCount[] }) {
  const rows = sorted(levels).filter((l) => l.before > 0 || l.after > 0);
  if (rows.length === 0) return null;
  return (
    <table className="levels" data-testid="levels">
      <caption>
        By access level: <span data-testid="levels-gone">{goneSentence(rows)}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Access level</th>
          <th scope="col">Allowed before</th>
          <th scope="col">After</th>
          <th scope="col">Gone</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((l) => (
          <tr
            key={l.level}
            data-level={l.level}
            className={l.after < l.before ? 'is-gone' : undefined}
          >
            <th scope="row">{NAME(l.level)}</th>
            <td>{figure(l.before)}</td>
            <td>{figure(l.after)}</td>
            <td>{l.before > l.after ? figure(l.before - l.after) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
