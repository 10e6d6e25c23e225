// NotAction lists (docs/refinement.md, rule 3): a NotAction statement extended with the unused actions
// it allows, compressed into the largest trie nodes that hold only unused actions; and a `"*"`
// statement written the same way, compactly, as "everything but the unused".
import type { RefineContext } from './context';
import { listLength, withActionList, type RefinedStatement } from './document';
import { frontierOver } from './frontier';
import { quotedLength } from './jsonPrinter';
import type { Statement } from './policy';
import type { Reach } from './reach';
import type { StatementOutcome, Warning } from './recommendation';
import { leaveOutRedundant, lintUnchanged } from './redundancy';
import type { Universe } from './universe';
import { statementActions } from './unused';

/**
 * The largest trie nodes that hold only `unused` actions, covering every `needed` one. With `maxChars`,
 * null as soon as the list would be that long or longer (see listLength).
 */
function compressUnused(
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

/** Rule 3: the unused actions a NotAction statement allows, added to its list. */
export function extendNotAction(
  ctx: RefineContext,
  reach: Reach,
  s: Statement,
  outcome: StatementOutcome,
  everythingUnused: boolean,
  warnings: Warning[],
): RefinedStatement | null {
  for (const r of s.patterns)
    if (r.pattern.problem !== undefined)
      warnings.push({
        code: 'not-an-action',
        message: r.pattern.problem,
        statement: s.index,
        line: r.line,
        column: r.column,
      });
  const original = statementActions(s);
  if (reach.neededCount === 0) {
    lintUnchanged(ctx.universe, s, warnings);
    return { index: s.index, node: s.node, actions: original };
  }
  if (reach.neededCount === reach.allowedCount) {
    outcome.outcome = 'removed';
    return null;
  }
  const added =
    compressUnused(ctx.universe, ctx.unused, reach.needed, reach.services, everythingUnused) ?? [];
  const list = [...original.patterns, ...added];
  const verbatim = list.map((_, i) => (i < original.patterns.length ? i : -1));
  const clean = leaveOutRedundant(ctx.universe, s, list, verbatim, outcome, warnings);
  outcome.outcome = 'extended';
  outcome.added = added;
  return {
    index: s.index,
    node: withActionList(
      s.node,
      'NotAction',
      'NotAction',
      clean,
      s.actionIsList || clean.length > 1,
    ),
    actions: { ...original, patterns: clean },
  };
}

/**
 * For a statement that allows `"*"`: "everything but the unused", if that is the shorter list. Its
 * walk stops as soon as it would be as long as the expanded list (with most of the catalog unused,
 * the NotAction list is by far the longer one).
 */
export function notActionAlternative(
  ctx: RefineContext,
  reach: Reach,
  expanded: readonly string[],
  asList: boolean,
  everythingUnused: boolean,
): { patterns: string[]; growth: number } | null {
  const room = quotedLength('Action') + listLength(expanded, asList) - quotedLength('NotAction');
  const patterns = compressUnused(
    ctx.universe,
    ctx.unused,
    reach.needed,
    reach.services,
    everythingUnused,
    room,
  );
  if (patterns === null) return null;
  return {
    patterns,
    growth:
      quotedLength('NotAction') +
      listLength(patterns, true, true) -
      quotedLength('Action') -
      listLength(expanded, asList),
  };
}
