// The sentences of the trie view: the rule, and why the refiner wrote or passed over each node, read
// from the refiner's own record of its walk (what it did at each node), never worked out again here.
import { nodeBlockers, type PatternTrie } from '../../core';
import { plural } from '../../core/messages';
import { coverOf, isSafe, stepOf, writtenOf, type TrieModel } from './model';

export const RULE_CAPTION =
  'A node is safe (green) when every action it covers stays allowed; the refiner writes the highest safe nodes under an unsafe parent, so each wildcard is as short as it can be without allowing an unused action.';

export const WORDS_NOT_CHARACTERS =
  'Words are the right unit: a word-level wildcard such as s3:GetObject* names a resource and its sub-resources, while a character-level cut such as s3:GetO* stops at whatever letter happens to tell today’s actions apart and would also allow any future action that starts with that letter.';

/** `s3:GetBucketPolicy`, or `s3:GetBucketPolicy and 13 other unused actions`. */
function blockerPhrase(names: string[], what: string): string {
  if (names.length === 1) return `${names[0]}, which is ${what}`;
  return `${names[0]} and ${plural(names.length - 1, 'other action')} that are ${what}`;
}

/** The wildcard a node stands for: `s3:GetBucket*`, or `*` for the root of a spanning pattern. */
export function wildcardOf(trie: PatternTrie, i: number): string {
  const prefix = trie.nodes.prefix[i];
  return prefix === '*' ? trie.pattern : `${prefix}*`;
}

/** Why the refiner wrote, looked past, or passed over node `i`: what its walk did there, and why. */
export function whyNode(model: TrieModel, i: number): string {
  const { trie } = model;
  const n = trie.nodes;
  const prefix = n.prefix[i];
  if (trie.outcome === 'kept')
    return `None of the actions ${trie.pattern} matches is unused, so the pattern is kept as written.`;
  if (trie.outcome === 'dropped')
    return `Every action ${trie.pattern} matches is unused, so the pattern is dropped.`;
  const step = stepOf(trie, i);
  // Not reached: the walk stopped above it, at a node it wrote, passed over, or left out as covered.
  if (step === null && n.parent[i] >= 0) {
    let p = n.parent[i];
    while (p >= 0 && stepOf(trie, p) === null) p = n.parent[p];
    const stop = p < 0 ? null : stepOf(trie, p);
    const above = writtenOf(trie, p);
    if (stop === 'written' && above?.endsWith('*'))
      return `${prefix} is already allowed by ${above}, written above it.`;
    if (stop === 'written')
      return `All that ${prefix} covers is ${above}, written by its exact name at ${n.prefix[p]} above it.`;
    if (stop === 'covered')
      return `${prefix} is already allowed by ${coverOf(trie, p)}, written for another node (it also covers ${n.prefix[p]}).`;
    return nothingKept(trie, i);
  }
  if (step === 'empty') return nothingKept(trie, i);
  const written = writtenOf(trie, i);
  const cover = coverOf(trie, i);
  if (step === 'written' && written !== null) {
    if (!written.endsWith('*'))
      return `${written} is the only action under ${prefix} and it stays allowed, so it is written by its exact name.`;
    const parent = n.parent[i];
    const why =
      parent >= 0
        ? `its parent ${n.prefix[parent]} is unsafe`
        : `it is the top of what ${trie.pattern} matches`;
    return `All ${plural(n.end[i] - n.first[i], 'action')} under ${prefix} stay allowed and ${why}, so ${written} is the shortest wildcard that keeps them: it is written.`;
  }
  if (step === 'covered' && isSafe(trie, i))
    return `Everything under ${prefix} stays allowed, and ${cover ?? 'another entry'}, written for another node, already allows all of it, so nothing more is written here.`;
  const lead = unsafeLead(trie, i);
  if (step === 'exact' && written !== null)
    return `${lead}; ${written} itself stays allowed, so it is written by its exact name.`;
  if (step === 'covered')
    return `${lead}; ${prefix} itself stays allowed, but ${cover ?? 'another entry'} already allows it, so it is not written again.`;
  return `${lead}.`;
}

function nothingKept(trie: PatternTrie, i: number): string {
  return `Nothing under ${trie.nodes.prefix[i]} stays allowed (${plural(trie.nodes.unused[i], 'unused action')}), so nothing is written here and the refiner does not look further.`;
}

/** `s3:GetBucket* would also allow ..., so the refiner looks one word further` */
function unsafeLead(trie: PatternTrie, i: number): string {
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
  return `${wildcardOf(trie, i)} would also allow ${reasons.join(', and ')}, so the refiner looks ${further}`;
}
