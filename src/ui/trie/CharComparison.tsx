// The word-level result beside the character-level one, and why words are the unit.
import type { PatternTrie } from '../../core';
import { WORDS_NOT_CHARACTERS } from './explanation';
import { figure } from '../../core/numbers';

interface Chosen {
  entry: string;
  prefix: string;
  covered: number;
}

/** The written entries with the node each comes from, in order. */
function chosen(trie: PatternTrie): Chosen[] {
  const out: Chosen[] = trie.written.map((entry) => ({ entry, prefix: '', covered: 0 }));
  const n = trie.nodes;
  for (let i = 0; i < n.count; i++) {
    const w = n.written[i];
    if (w >= 0)
      out[w] = { entry: trie.written[w], prefix: n.prefix[i], covered: n.end[i] - n.first[i] };
  }
  return out;
}

function Column(props: {
  title: string;
  trie: PatternTrie;
  other: PatternTrie;
  testId: string;
  onPick?: (prefix: string) => void;
}) {
  const others = new Set(props.other.written);
  return (
    <div className="trie-compare__column" data-testid={props.testId}>
      <h4>{props.title}</h4>
      <ol>
        {chosen(props.trie).map((c) => (
          <li key={c.entry} className={others.has(c.entry) ? undefined : 'is-different'}>
            {props.onPick && c.prefix ? (
              <button type="button" className="trie-link" onClick={() => props.onPick?.(c.prefix)}>
                {c.entry}
              </button>
            ) : (
              <code>{c.entry}</code>
            )}
            <span className="trie-compare__covered">
              {` ${figure(c.covered)} ${c.covered === 1 ? 'action' : 'actions'}`}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function CharComparison(props: {
  word: PatternTrie;
  char: PatternTrie;
  onPick: (prefix: string) => void;
}) {
  const { word, char } = props;
  const same = word.written.join('\n') === char.written.join('\n');
  return (
    <section className="trie-compare" data-testid="trie-compare" aria-label="Words and characters">
      <div className="trie-compare__columns">
        <Column
          title={`Words: ${word.written.length} entries (the recommendation)`}
          trie={word}
          other={char}
          testId="trie-compare-word"
          onPick={props.onPick}
        />
        <Column
          title={`Characters: ${char.written.length} entries`}
          trie={char}
          other={word}
          testId="trie-compare-char"
        />
      </div>
      <p className="trie-compare__why">
        {same ? 'Both units give the same entries here. ' : ''}
        {WORDS_NOT_CHARACTERS}
      </p>
    </section>
  );
}
