// The panel for the selected node: its prefix, why the refiner chose as it did, what makes it unsafe,
// and every action it covers with its access level.
import { whyNode } from './explanation';
import { isSafe, writtenOf, type TrieModel } from './model';
import type { Mark } from './rows';
import { figure } from '../../core/numbers';

/** Longer lists are cut, with a count of the rest. */
const MAX_ROWS = 200;

export interface TrieDetailsProps {
  model: TrieModel;
  index: number;
  /** Select the node of an action listed here. */
  onPick: (index: number) => void;
  onClose: () => void;
  /** How the action this node is was marked by hand, if it was. */
  mark?: Mark;
  /** Mark the action this node is the other way (or back to the findings); absent: no what-if. */
  onFlip?: (action: number) => void;
  /** Keep the action this node is, whatever the findings say. */
  onKeep?: (action: number) => void;
}

/** Action indices of the range [first, end) that pass `keep`. */
function actionsWhere(first: number, end: number, keep: (a: number) => boolean): number[] {
  const out: number[] = [];
  for (let a = first; a < end; a++) if (keep(a)) out.push(a);
  return out;
}

function ActionList(props: {
  model: TrieModel;
  actions: number[];
  testId: string;
  onPick: (index: number) => void;
}) {
  const { model, actions } = props;
  const shown = actions.slice(0, MAX_ROWS);
  return (
    <ul className="trie-details__list" data-testid={props.testId}>
      {shown.map((a) => {
        const name = model.trie.actions.name[a];
        const node = model.nodeOfAction[a];
        return (
          <li key={name}>
            {node >= 0 ? (
              <button type="button" className="trie-link" onClick={() => props.onPick(node)}>
                {name}
              </button>
            ) : (
              name
            )}
          </li>
        );
      })}
      {actions.length > shown.length && (
        <li className="trie-details__more">
          {`and ${figure(actions.length - shown.length)} more`}
        </li>
      )}
    </ul>
  );
}

export function TrieDetails(props: TrieDetailsProps) {
  const { model, index, onPick, onClose, mark, onFlip, onKeep } = props;
  const { trie } = model;
  const n = trie.nodes;
  const safe = isSafe(trie, index);
  const written = writtenOf(trie, index);
  const acts = trie.actions;
  const first = n.first[index];
  const end = n.end[index];
  const unused = actionsWhere(first, end, (a) => acts.unused[a] === 1);
  const outside = actionsWhere(first, end, (a) => acts.unused[a] === 0 && acts.matched[a] === 0);
  const shown = actionsWhere(first, Math.min(end, first + MAX_ROWS), () => true);
  const coveredCount = end - first;
  return (
    <aside
      className="trie-details"
      data-testid="trie-details"
      data-prefix={n.prefix[index]}
      aria-label={`Details of ${n.prefix[index]}`}
    >
      <header className="trie-details__header">
        <h3 className="trie-details__prefix">{n.prefix[index]}</h3>
        <button type="button" onClick={onClose} aria-label="Close the details">
          ×
        </button>
      </header>
      <p className={`trie-badge ${safe ? 'is-safe' : 'is-unsafe'}`}>
        {safe ? 'Safe' : 'Unsafe'}
        {written !== null ? ` · written as ${written}` : ''}
      </p>
      {onFlip && n.action[index] >= 0 && acts.matched[n.action[index]] === 1 && (
        <p className="trie-details__what-if">
          <button type="button" data-testid="trie-flip" onClick={() => onFlip(n.action[index])}>
            {mark
              ? `Back to the findings (marked ${mark} by you)`
              : acts.unused[n.action[index]]
                ? 'What if it was used?'
                : 'What if it was unused?'}
          </button>{' '}
          {!mark && onKeep && acts.unused[n.action[index]] === 1 && (
            <button type="button" data-testid="trie-keep" onClick={() => onKeep(n.action[index])}>
              Keep it
            </button>
          )}
        </p>
      )}
      <p className="trie-details__why" data-testid="trie-why">
        {whyNode(model, index)}
      </p>
      <p className="trie-details__counts">
        {`${figure(coveredCount)} ${coveredCount === 1 ? 'action' : 'actions'} covered, ${figure(n.matched[index])} matched by ${trie.pattern}, ${figure(n.unused[index])} unused, ${figure(n.kept[index])} stay allowed.`}
      </p>
      {unused.length > 0 && (
        <section>
          <h4>{safe ? 'Unused' : `Unused, so ${n.prefix[index]} is unsafe`}</h4>
          <ActionList model={model} actions={unused} testId="trie-details-unused" onPick={onPick} />
        </section>
      )}
      {outside.length > 0 && (
        <section>
          <h4>{`Not matched by ${trie.pattern}`}</h4>
          <ActionList
            model={model}
            actions={outside}
            testId="trie-details-outside"
            onPick={onPick}
          />
        </section>
      )}
      <section>
        <h4>Actions it covers</h4>
        <table className="trie-details__table" data-testid="trie-details-actions">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Access level</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a} className={acts.unused[a] ? 'is-unused' : undefined}>
                <td>{acts.name[a]}</td>
                <td>{acts.level[a] ?? 'not in the catalog'}</td>
                <td>
                  {acts.unused[a] ? 'unused' : acts.matched[a] ? 'stays allowed' : 'not matched'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {coveredCount > shown.length && (
          <p className="trie-details__more">
            {`and ${figure(coveredCount - shown.length)} more actions`}
          </p>
        )}
      </section>
    </aside>
  );
}
