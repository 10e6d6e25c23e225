// The panel for the selected node: its prefix, why the refiner chose as it did (from the record of its
// walk), what makes it unsafe (core's nodeBlockers), keeping the action it is, and every action it
// covers with its access level.
import { useMemo } from 'react';
import { nodeBlockers, type PatternTrie } from '../../core';
import { figure, plural } from '../../core/messages';
import { whyNode } from './explanation';
import type { Keeping } from './keeping';
import { coverOf, isSafe, writtenOf, type TrieModel } from './model';
import type { Mark } from './rows';

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
  /** What if the action this node is were kept (a what-if mark, not the keep list). */
  onKeep?: (action: number) => void;
  /** What a click does about keeping the action this node is, if anything. */
  keeping?: Keeping | null;
  onKeeping?: () => void;
  /** Move a what-if "kept" mark into the keep list. */
  onKeepForGood?: (action: number) => void;
}

function ActionList(props: {
  model: TrieModel;
  /** Action names, as nodeBlockers gives them; each is a node of the trie (its prefix). */
  actions: string[];
  testId: string;
  onPick: (index: number) => void;
}) {
  const { model, actions } = props;
  const shown = actions.slice(0, MAX_ROWS);
  return (
    <ul className="trie-details__list" data-testid={props.testId}>
      {shown.map((name) => {
        const node = model.byPrefix.get(name) ?? -1;
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
        <li className="trie-details__more">{`and ${figure(actions.length - shown.length)} more`}</li>
      )}
    </ul>
  );
}

/** The badge under the prefix: safe or not, and what the walk wrote or left out here. */
function badge(model: TrieModel, index: number): string {
  const { trie } = model;
  const written = writtenOf(trie, index);
  const cover = coverOf(trie, index);
  const head = isSafe(trie, index) ? 'Safe' : 'Unsafe';
  if (written !== null) return `${head} · written as ${written}`;
  if (cover !== null) return `${head} · already allowed by ${cover}`;
  return head;
}

/** What the details offer about keeping the action this node is (see keeping.ts). */
function KeepingLine(props: {
  keeping: Keeping;
  onKeeping: () => void;
  /** A what-if "kept" mark made lasting: the action goes into the keep list. */
  onKeepForGood?: () => void;
}) {
  const k = props.keeping;
  return (
    <p className="trie-details__keep" data-testid="trie-keeping">
      {k.do === 'keep' && (
        <button type="button" data-testid="trie-keep-list" onClick={props.onKeeping}>
          Keep it: add it to the keep list
        </button>
      )}
      {k.do === 'unlist' && (
        <>
          {`Kept on purpose: ${k.lines.length === 1 ? 'line' : 'lines'} ${k.lines.join(', ')} of the keep list. `}
          <button type="button" data-testid="trie-keep-list" onClick={props.onKeeping}>
            Take it off the keep list
          </button>
        </>
      )}
      {k.do === 'unmark' && (
        <>
          Kept for now by your what-if mark.{' '}
          {props.onKeepForGood && (
            <button type="button" data-testid="trie-keep-for-good" onClick={props.onKeepForGood}>
              Keep it for good: add it to the keep list
            </button>
          )}
        </>
      )}
      {k.do === 'none' && k.why}
    </p>
  );
}

export function TrieDetails(props: TrieDetailsProps) {
  const { model, index, onPick, onClose, mark, onFlip, onKeep, keeping } = props;
  const { trie } = model;
  const n = trie.nodes;
  const safe = isSafe(trie, index);
  const acts = trie.actions;
  const a = n.action[index];
  const first = n.first[index];
  const end = n.end[index];
  const blockers = useMemo(() => nodeBlockers(trie, index), [trie, index]);
  const shown: number[] = [];
  for (let k = first; k < Math.min(end, first + MAX_ROWS); k++) shown.push(k);
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
      <p className={`trie-badge ${safe ? 'is-safe' : 'is-unsafe'}`}>{badge(model, index)}</p>
      {onFlip && a >= 0 && acts.matched[a] === 1 && (
        <p className="trie-details__what-if">
          <button type="button" data-testid="trie-flip" onClick={() => onFlip(a)}>
            {mark
              ? `Back to the findings (marked ${mark} by you)`
              : acts.unused[a]
                ? 'What if it was used?'
                : 'What if it was unused?'}
          </button>{' '}
          {!mark && onKeep && acts.unused[a] === 1 && (
            <button type="button" data-testid="trie-keep" onClick={() => onKeep(a)}>
              What if it was kept?
            </button>
          )}
        </p>
      )}
      {keeping && (
        <KeepingLine
          keeping={keeping}
          onKeeping={props.onKeeping ?? (() => {})}
          onKeepForGood={props.onKeepForGood && (() => props.onKeepForGood?.(a))}
        />
      )}
      <p className="trie-details__why" data-testid="trie-why">
        {whyNode(model, index)}
      </p>
      <p className="trie-details__counts">
        {`${plural(coveredCount, 'action')} covered, ${figure(n.matched[index])} matched by ${trie.pattern}, ${figure(n.unused[index])} unused, ${figure(n.kept[index])} stay allowed.`}
      </p>
      {blockers.unused.length > 0 && (
        <section>
          <h4>{safe ? 'Unused' : `Unused, so ${n.prefix[index]} is unsafe`}</h4>
          <ActionList
            model={model}
            actions={blockers.unused.map((b) => b.name)}
            testId="trie-details-unused"
            onPick={onPick}
          />
        </section>
      )}
      {blockers.outside.length > 0 && (
        <section>
          <h4>{`Not matched by ${trie.pattern}`}</h4>
          <ActionList
            model={model}
            actions={blockers.outside.map((b) => b.name)}
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
            {shown.map((k) => (
              <tr key={k} className={acts.unused[k] ? 'is-unused' : undefined}>
                <td>{acts.name[k]}</td>
                <td>{acts.level[k] ?? 'not in the catalog'}</td>
                <td>{actionState(trie, k)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {coveredCount > shown.length && (
          <p className="trie-details__more">{`and ${figure(coveredCount - shown.length)} more actions`}</p>
        )}
      </section>
    </aside>
  );
}

function actionState(trie: PatternTrie, k: number): string {
  const acts = trie.actions;
  if (acts.unused[k]) return 'unused';
  if (!acts.matched[k]) return 'not matched';
  return acts.onPurpose[k] ? 'unused, kept on purpose' : 'stays allowed';
}
