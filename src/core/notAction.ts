// NotAction lists (docs/refinement.md, rule 3): the unused actions a statement allows, compressed into
// the largest trie nodes that hold only unused actions. Used to extend a NotAction statement, and to
// write a `"*"` statement compactly as "everything but the unused".
import { frontierOver } from './frontier';
import type { Universe } from './universe';

/**
 * The largest trie nodes that hold only `unused` actions, covering every `needed` one. With `maxChars`,
 * null as soon as the list would be that long or longer (see listLength).
 */
export function compressUnused(
  u: Universe,
  unused: Uint8Array,
  needed: Uint8Array,
  services: readonly number[],
  everythingUnused: boolean,
  maxChars = Infinity,
): string[] | null {
  if (everythingUnused) return ['*'];
  const touched = services.filter((si) => {
    for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) if (needed[g]) return true;
    return false;
  });
  // A list of n entries is 2 + (n - 1) + their quoted lengths: 1 + the sum of (length + 3).
  const budget = { left: maxChars - 2 };
  const { written, cut } = frontierOver(u, touched, unused, needed, {
    spanning: true,
    explain: null,
    budget,
  });
  return cut ? null : written;
}
