// What one click does to an action of the trie with respect to keeping it: an unused action is added
// to the keep list; one kept on purpose lets go of what keeps it (its what-if mark, or the keep list's
// entries naming it exactly). One kept by a wildcard of the list is left to the user, with where.
import {
  foldCase,
  globMatches,
  type KeepEntry,
  type KeepList,
  type PatternTrie,
  type Result,
} from '../../core';
import { withKept, withoutEntries } from '../keepList';
import type { Mark } from './rows';

export type Keeping =
  /** Reported unused: a click adds it to the keep list (`text` is the list with it). */
  | { do: 'keep'; text: string }
  /** Kept by a what-if mark alone: a click takes the mark away. */
  | { do: 'unmark' }
  /** Kept by entries of the keep list that name it exactly: a click takes them out. */
  | { do: 'unlist'; text: string; lines: number[] }
  /** Kept, but not by one click's worth: `why` says what keeps it, or what is in the way. */
  | { do: 'none'; why: string };

/** The keep list's entries that match `action` (`s3:GetObject`). */
export function keptBy(list: KeepList, action: string): KeepEntry[] {
  const colon = action.indexOf(':');
  const service = foldCase(action.slice(0, colon));
  const name = foldCase(action.slice(colon + 1));
  return list.entries.filter(({ pattern: p }) => {
    if (p.foreign) return false;
    if (p.service === null) return true;
    return globMatches(p.service, service) && globMatches(p.name, name);
  });
}

/**
 * What a click does for action `a` of the trie, or null when keeping has nothing to do with it (it
 * is neither reported unused nor kept on purpose, or the pattern does not match it).
 */
export function keepingOf(
  trie: PatternTrie,
  a: number,
  keep: { text: string; list: Result<KeepList> },
  mark: Mark | undefined,
): Keeping | null {
  const acts = trie.actions;
  if (acts.matched[a] !== 1) return null;
  const name = acts.name[a];
  const unused = acts.unused[a] === 1;
  if (!unused && acts.onPurpose[a] !== 1) return null;
  if (!keep.list.ok)
    return { do: 'none', why: 'The keep list has an error: fix it first (see under the editor).' };
  if (unused) return { do: 'keep', text: withKept(keep.text, name) };
  const entries = keptBy(keep.list.value, name);
  const wild = entries.find((e) => !e.pattern.concrete);
  if (wild)
    return {
      do: 'none',
      why: `Kept by ${wild.pattern.text}, line ${wild.line} of the keep list: edit the list to let it go.`,
    };
  if (entries.length > 0)
    return {
      do: 'unlist',
      text: withoutEntries(keep.text, entries),
      lines: entries.map((e) => e.line),
    };
  if (mark === 'kept') return { do: 'unmark' };
  return { do: 'none', why: 'The keep list changed since this result: wait for the new one.' };
}
