// The text of each row of the drawing, and the entries a selected node stands for.
import type { PatternTrie } from '../../core';
import { countsText, type NodeLines } from './labels';
import { foldContents, writtenOf, type TrieModel, type VisibleItem } from './model';
import { MAX_TOKEN } from './palette';

import type { ActionMark } from '../../worker/protocol';
import { figure } from '../../core/numbers';

/** An action marked by hand, overriding what the findings say of it. */
export type Mark = ActionMark['mark'];

const short = (token: string) =>
  token.length > MAX_TOKEN ? `${token.slice(0, MAX_TOKEN - 1)}…` : token;

/** Entries written at node `i` or below it (nodes are in preorder, a subtree is a run). */
export function entriesUnder(trie: PatternTrie, i: number): string[] {
  const n = trie.nodes;
  const out: string[] = [];
  for (let j = i; j < n.count && (j === i || n.depth[j] > n.depth[i]); j++) {
    const w = writtenOf(trie, j);
    if (w !== null) out.push(w);
  }
  return out;
}

export function markOf(
  model: TrieModel,
  marks: ReadonlyMap<string, Mark>,
  i: number,
): Mark | undefined {
  const a = model.trie.nodes.action[i];
  return a >= 0 ? marks.get(model.trie.actions.name[a].toLowerCase()) : undefined;
}

/** The two lines of text of a row. */
export function rowLines(
  model: TrieModel,
  unfolded: ReadonlySet<string>,
  marks: ReadonlyMap<string, Mark>,
  item: VisibleItem,
): NodeLines {
  const { trie } = model;
  const n = trie.nodes;
  if (item.index < 0) {
    const fold = foldContents(model, unfolded, item.foldOf);
    const k = figure(fold.nodes.length);
    const services = trie.spansServices && item.foldOf === 0;
    const shown = fold.written[0] ?? '';
    return {
      token: services ? `${k} services entirely kept` : `${k} more words, all safe`,
      counts: `${countsText(fold.actions, 0)} → ${services ? 'written svc:*' : `${shown}${fold.written.length > 1 ? ', …' : ''}`}`,
      written: null,
      strong: false,
    };
  }
  const i = item.index;
  const written = writtenOf(trie, i);
  const mark = markOf(model, marks, i);
  const a = n.action[i];
  const onPurpose = a >= 0 && trie.actions.onPurpose[a] === 1 && n.end[i] - n.first[i] === 1;
  return {
    token: short(n.token[i]),
    counts: countsText(
      n.end[i] - n.first[i],
      n.unused[i],
      mark ? `marked ${mark} by you` : onPurpose ? 'kept on purpose' : undefined,
    ),
    written,
    strong: written !== null,
  };
}
