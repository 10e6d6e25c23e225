// Find an action or a prefix in the trie; picking one opens its path and selects it.
import { useState, type FormEvent } from 'react';
import { searchTrie, type TrieModel } from './model';

export interface TrieSearchProps {
  model: TrieModel;
  onPick: (index: number) => void;
}

export function TrieSearch({ model, onPick }: TrieSearchProps) {
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState<string | null>(null);
  const hits = query.trim().length >= 2 ? searchTrie(model, query) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const best = searchTrie(model, query, 1)[0];
    if (best === undefined) {
      setMissed(query.trim());
      return;
    }
    setMissed(null);
    onPick(best);
  };
  return (
    <form className="trie-search" role="search" onSubmit={submit}>
      <label>
        <span className="trie-search__label">Find an action</span>
        <input
          type="search"
          value={query}
          placeholder="ec2:TerminateInstances"
          data-testid="trie-search"
          aria-describedby={missed ? 'trie-search-missed' : undefined}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setMissed(null);
          }}
        />
      </label>
      <button type="submit">Show</button>
      {missed !== null && (
        <p id="trie-search-missed" className="trie-search__missed" role="status">
          {`Nothing under ${model.trie.pattern} is called ${missed}.`}
        </p>
      )}
      {hits.length > 0 && (
        <ul className="trie-search__hits" aria-label="Matches">
          {hits.map((i) => (
            <li key={i}>
              <button type="button" className="trie-link" onClick={() => onPick(i)}>
                {model.trie.nodes.prefix[i]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
