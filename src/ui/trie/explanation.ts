// The sentences of the trie view: the rule, and why the refiner wrote or passed over each node.
import { nodeBlockers, type PatternTrie } from '../../core';
import { isSafe, writtenOf, type TrieModel } from './model';
import { figure } from '../../core/numbers';

export const RULE_CAPTION =
  'A node is safe (green) when every action it covers stays allowed; the refiner writes the highest safe nodes under an unsafe parent, so each wildcard is as short as it can be without allowing an unused action.';

export const WORDS_NOT_CHARACTERS =
  'Words are the right unit: a word-level wildcard such as s3:GetObject* names a resource and its sub-resources, while a character-level cut such as s3:GetO* stops at whatever letter happens to tell today’s actions apart and would also allow any future action that starts with that letter.';

function count(n: number, word: string): string {
  return `${figure(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** `s3:GetBucketPolicy`, or `s3:GetBucketPolicy and 13 other unused actions`. */
function blockerPhrase(names: string[], what: string): string {
  if (names.length === 1) return `${names[0]}, which is ${what}`;
  return `${names[0]} and ${count(names.length - 1, 'other action')} that are ${what}`;
}

/** The wildcard a node stands for: `s3:GetBucket*`, or `*` for the root of a spanning pattern. */
export function wildcardOf(trie: PatternTrie, i: number): string {
  const prefix = trie.nodes.prefix[i];
  return prefix === '*' ? trie.pattern : `${prefix}*`;
}

/** Why the refiner wrote, looked past, or passed over node `i`. */
export function whyNode(model: TrieModel, i: number): string {
  const { trie } = model;
  const n = trie.nodes;
  const prefix = n.prefix[i];
  const covered = n.end[i] - n.first[i];
  const written = writtenOf(trie, i);
  if (trie.outcome === 'kept')
    return `None of the actions ${trie.pattern} matches is unused, so the pattern is kept as written.`;
  if (trie.outcome === 'dropped')
    return `Every action ${trie.pattern} matches is unused, so the pattern is dropped.`;
  for (let p = n.parent[i]; p >= 0; p = n.parent[p]) {
    const above = writtenOf(trie, p);
    if (above !== null && above.endsWith('*'))
      return `${prefix} is already allowed by ${above}, written above it.`;
  }
  if (isSafe(trie, i)) {
    if (written === null)
      return `Everything under ${prefix} stays allowed, but an entry above it already covers it.`;
    if (!written.endsWith('*'))
      return `${written} is the only action under ${prefix} and it stays allowed, so it is written by its exact name.`;
    const parent = n.parent[i];
    const why =
      parent >= 0
        ? `its parent ${n.prefix[parent]} is unsafe`
        : `it is the top of what ${trie.pattern} matches`;
    return `All ${count(covered, 'action')} under ${prefix} stay allowed and ${why}, so ${written} is the shortest wildcard that keeps them: it is written.`;
  }
  if (n.kept[i] === 0)
    return `Nothing under ${prefix} stays allowed (${count(n.unused[i], 'unused action')}), so nothing is written here and the refiner does not look further.`;
  const { unused, outside } = nodeBlockers(trie, i);
  const reasons: string[] = [];
  if (unused.length > 0)
    reasons.push(
      blockerPhrase(
        unused.map((a) => a.name),
        'unused',
      ),
    );
  if (outside.length > 0)
    reasons.push(
      blockerPhrase(
        outside.map((a) => a.name),
        `not matched by ${trie.pattern}`,
      ),
    );
  const further = trie.level === 'word' ? 'one word further' : 'one character further';
  const lead = `${wildcardOf(trie, i)} would also allow ${reasons.join(', and ')}, so the refiner looks ${further}`;
  if (written !== null)
    return `${lead}; ${written} itself stays allowed, so it is written by its exact name.`;
  return `${lead}.`;
}

/** The node's aria-label: "GetBucket, unsafe, 38 actions, 22 unused". */
export function nodeLabel(trie: PatternTrie, i: number): string {
  const n = trie.nodes;
  const parts = [
    n.token[i],
    isSafe(trie, i) ? 'safe' : 'unsafe',
    count(n.end[i] - n.first[i], 'action'),
    `${figure(n.unused[i])} unused`,
  ];
  const w = writtenOf(trie, i);
  if (w !== null) parts.push(`written as ${w}`);
  return parts.join(', ');
}
