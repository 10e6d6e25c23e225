// One pattern of an Allow statement's Action list, decided (docs/refinement.md, rule 2): kept when it
// matches nothing or nothing it matches is taken away, dropped when all of it is, otherwise replaced
// by the frontier of what stays allowed.
import type { RefineContext } from './context';
import { frontierOver, type ServiceWalk } from './frontier';
import { reasons, warnings as say } from './messages';
import { matchRanges } from './matching';
import type { Pattern } from './patterns';
import type { PatternRef, Statement } from './policy';
import type {
  PatternDecision,
  PatternOutcome,
  TrieNodeInfo,
  Warning,
  WarningCode,
} from './recommendation';
import { suggestAction } from './suggest';
import type { Universe } from './universe';

/**
 * "Did you mean" is offered for this many unknown patterns per refinement: each costs an edit-distance
 * scan of the catalog, and a list of 100,000 invented actions must not take minutes.
 */
export const MAX_SUGGESTIONS = 100;

/** Arrays over the universe reused by every pattern of a refinement; each pattern clears what it set. */
export interface Scratch {
  scope: Uint8Array;
  kept: Uint8Array;
  suggestions: number;
}

export function scratchFor(u: Universe): Scratch {
  return {
    scope: new Uint8Array(u.size),
    kept: new Uint8Array(u.size),
    suggestions: MAX_SUGGESTIONS,
  };
}

function suggestion(u: Universe, p: Pattern, scratch: Scratch): string {
  if (scratch.suggestions <= 0) return '';
  scratch.suggestions--;
  return say.didYouMean(suggestAction(u, p));
}

export interface Decided {
  decision: PatternDecision;
  /** The frontier walks behind a replacement (empty otherwise): what the trie view explains. */
  walks: ServiceWalk[];
}

export function decidePattern(
  ctx: RefineContext,
  scratch: Scratch,
  s: Statement,
  position: number,
  ref: PatternRef,
  warnings: Warning[],
): Decided {
  const u = ctx.universe;
  const { unused, reported } = ctx;
  const p = ref.pattern;
  // One literal of one shape per decision, not a spread of a shared base: a list may hold 100,000.
  const decided = (
    outcome: PatternOutcome,
    reason: string,
    matched: number,
    removed: number,
    keptOnPurpose: number,
    replacement: string[],
    nodes: TrieNodeInfo[] = [],
    walks: ServiceWalk[] = [],
  ): Decided => ({
    decision: {
      statement: s.index,
      position,
      pattern: p.text,
      line: ref.line,
      column: ref.column,
      start: ref.start,
      end: ref.end,
      outcome,
      reason,
      matched,
      unused: removed,
      keptOnPurpose,
      replacement,
      nodes,
    },
    walks,
  });
  const warn = (code: WarningCode, message: string): void => {
    warnings.push({ code, message, statement: s.index, line: ref.line, column: ref.column });
  };
  const ranges = matchRanges(u, p);
  let matched = 0;
  let removed = 0;
  let meet = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    matched += ranges[r + 1] - ranges[r];
    for (let g = ranges[r]; g < ranges[r + 1]; g++) {
      removed += unused[g];
      meet += reported[g];
    }
  }
  const keptOnPurpose = meet - removed;
  if (p.problem !== undefined) warn('not-an-action', p.problem);
  if (matched === 0) {
    if (p.problem === undefined)
      warn('unknown-action', say.unknownPattern(p.text, suggestion(u, p, scratch)));
    return decided('kept', reasons.unknown, 0, 0, 0, [p.text]);
  }
  if (p.concrete && !u.isKnown(ranges[0]))
    warn('unknown-action', say.notInCatalog(p.text, suggestion(u, p, scratch)));
  if (removed === 0)
    return decided(
      'kept',
      keptOnPurpose > 0
        ? reasons.allKeptOnPurpose(matched, keptOnPurpose)
        : reasons.noneUnused(matched),
      matched,
      0,
      keptOnPurpose,
      [p.text],
    );
  if (removed === matched)
    return decided('dropped', reasons.allUnused(matched), matched, removed, 0, []);
  const { scope, kept } = scratch;
  const services: number[] = [];
  let size = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let g = ranges[r]; g < ranges[r + 1]; g++) kept[g] = unused[g] ^ 1;
    const si = u.serviceOf(ranges[r]);
    if (services[services.length - 1] !== si) {
      services.push(si);
      size += u.offsets[si + 1] - u.offsets[si];
    }
  }
  // Whether the pattern matches all of every service it touches: then its scope need not be marked.
  const whole = size === matched;
  if (!whole) for (let r = 0; r < ranges.length; r += 2) scope.fill(1, ranges[r], ranges[r + 1]);
  const f = frontierOver(u, services, kept, kept, {
    spanning: p.spansServices,
    explain: ctx.options.decisionNodes === false ? null : { scope: whole ? null : scope, unused },
  });
  for (let r = 0; r < ranges.length; r += 2) {
    if (!whole) scope.fill(0, ranges[r], ranges[r + 1]);
    kept.fill(0, ranges[r], ranges[r + 1]);
  }
  return decided(
    'replaced',
    reasons.replaced(matched, removed, f.written.length, keptOnPurpose),
    matched,
    removed,
    keptOnPurpose,
    f.written,
    f.nodes,
    f.walks,
  );
}
