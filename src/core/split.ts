// A recommended document over the size quota, cut into the fewest managed policies that each fit it.
// Statements keep all their keys; an Action list may be cut between entries, never inside one, and
// each piece of it goes to a different policy. NotAction lists cannot be cut (the pieces would each
// allow what the others exclude). Attached to the same principal, the policies together allow exactly
// what the document allows, and that is proven from their printed text.
import type { RefineContext } from './context';
import { render, withActionList, withStatements, type DocumentForm } from './document';
import { type JsonObject } from './json';
import { compactLength, quotedLength } from './jsonPrinter';
import { split as say, warnings as warn } from './messages';
import { parsePolicy } from './policy';
import {
  ATTACHED_POLICIES_QUOTA,
  type PolicyPart,
  type PolicySplit,
  type Warning,
} from './recommendation';
import { prove, type StatementActions } from './verify';

export interface SplitStatement {
  /** Its index in the original policy. */
  origin: number;
  node: JsonObject;
  actions: StatementActions;
  /** The original wrote its list as a list (a single entry then stays a string). */
  asList: boolean;
}

/** A statement placed in a part, whole or as a piece of its Action list. */
interface Placed {
  statement: SplitStatement;
  entries: readonly string[] | null;
}

interface Part {
  placed: Placed[];
  chars: number;
}

/** How a set of statements is laid out: parts, or why it cannot be. */
type Layout = { parts: Part[] } | { why: string };

function piece(s: SplitStatement, entries: readonly string[] | null): JsonObject {
  if (entries === null) return s.node;
  return withActionList(s.node, 'Action', 'Action', entries, s.asList || entries.length > 1);
}

/**
 * Fills parts in order, cutting Action lists at the end of a part (next fit). With `atomicFirst`,
 * statements that cannot be cut are placed first, each into the first part it fits, and the lists
 * then fill what room is left before new parts are opened: fewer parts when big NotAction statements
 * would otherwise leave gaps.
 */
function layout(
  statements: readonly SplitStatement[],
  wrapper: number,
  limit: number,
  atomicFirst: boolean,
): Layout {
  const parts: Part[] = [];
  const room = (p: Part) => limit - p.chars - (p.placed.length > 0 ? 1 : 0);
  const open = (): Part => {
    const p = { placed: [], chars: wrapper };
    parts.push(p);
    return p;
  };
  const add = (p: Part, s: SplitStatement, entries: readonly string[] | null, chars: number) => {
    p.chars += chars + (p.placed.length > 0 ? 1 : 0);
    p.placed.push({ statement: s, entries });
  };
  const cuttable = (s: SplitStatement) =>
    s.actions.actionKey === 'Action' && s.actions.patterns.length > 1;
  const whole = statements.map((s) => compactLength(s.node));
  const order = statements.map((_, i) => i);
  if (atomicFirst)
    order.sort((a, b) => Number(cuttable(statements[a])) - Number(cuttable(statements[b])));
  for (const i of order) {
    const s = statements[i];
    if (!atomicFirst || !cuttable(s)) {
      const candidates = atomicFirst ? parts : parts.slice(-1);
      const fit = candidates.find((p) => room(p) >= whole[i]);
      if (fit) {
        add(fit, s, null, whole[i]);
        continue;
      }
      if (!cuttable(s)) {
        if (whole[i] + wrapper > limit)
          return { why: say.statementOverQuota(s.origin, whole[i] + wrapper, limit) };
        add(open(), s, null, whole[i]);
        continue;
      }
    }
    // An Action list cut into pieces: each piece is the statement with part of the list.
    const empty = compactLength(piece(s, [])) - 2; // the statement with its list's brackets left out
    const entries = s.actions.patterns;
    let next = 0;
    const targets = atomicFirst ? parts.filter((p) => p.placed.length > 0) : parts.slice(-1);
    let t = 0;
    while (next < entries.length) {
      const p = t < targets.length ? targets[t++] : open();
      let chars = empty + 2;
      let k = next;
      const free = room(p);
      for (; k < entries.length; k++) {
        const more = quotedLength(entries[k]) + (k > next ? 1 : 0);
        if (chars + more > free) break;
        chars += more;
      }
      if (k === next) {
        if (p.placed.length > 0) continue; // no room here: the next part
        return {
          why: say.entryOverQuota(
            entries[next],
            s.origin,
            empty + 2 + quotedLength(entries[next]) + wrapper,
            limit,
          ),
        };
      }
      const slice = entries.slice(next, k);
      add(p, s, slice, compactLength(piece(s, slice)));
      next = k;
    }
  }
  return { parts };
}

function splitPolicy(
  ctx: RefineContext,
  originals: readonly StatementActions[],
  statements: readonly SplitStatement[],
  limit: number,
): PolicySplit {
  const { doc } = ctx;
  const wrapper = compactLength(withStatements(doc, [], true));
  // Fewer parts than the characters need cannot be: past the number a principal may have attached,
  // there is nothing to lay out.
  let chars = 0;
  for (const s of statements) chars += compactLength(s.node) + 1;
  const atLeast = Math.ceil(chars / Math.max(1, limit - wrapper));
  if (atLeast > ATTACHED_POLICIES_QUOTA)
    return {
      parts: [],
      proof: null,
      why: say.tooManyParts(atLeast, limit, ATTACHED_POLICIES_QUOTA, true),
    };
  const inOrder = layout(statements, wrapper, limit, false);
  const packed = layout(statements, wrapper, limit, true);
  const best =
    'parts' in packed && (!('parts' in inOrder) || packed.parts.length < inOrder.parts.length)
      ? packed
      : inOrder;
  if (!('parts' in best)) return { parts: [], proof: null, why: best.why };
  if (best.parts.length > ATTACHED_POLICIES_QUOTA)
    return {
      parts: [],
      proof: null,
      why: say.tooManyParts(best.parts.length, limit, ATTACHED_POLICIES_QUOTA),
    };
  const parts: PolicyPart[] = best.parts.map((p) => {
    const document = withStatements(
      doc,
      p.placed.map((x) => piece(x.statement, x.entries)),
      doc.statementIsList || p.placed.length > 1,
    );
    const part = { document, ...render(document, limit) };
    if (part.size.chars > limit)
      throw new Error(`BUG: a part of the split is ${part.size.chars} characters, over ${limit}`);
    return part;
  });
  // The proof reads the parts back from their text: what each allows, statement by statement, joined
  // up by the original statement each piece came from.
  const union: (StatementActions | null)[] = originals.map(() => null);
  best.parts.forEach((p, k) => {
    const read = parsePolicy(parts[k].text);
    if (!read.ok)
      throw new Error(`BUG: part ${k + 1} of the split does not read back: ${read.error.message}`);
    read.value.statements.forEach((s, j) => {
      const origin = p.placed[j].statement.origin;
      const patterns = s.patterns.map((r) => r.pattern.text);
      const had = union[origin];
      union[origin] = had
        ? { ...had, patterns: [...had.patterns, ...patterns] }
        : { effect: s.effect, actionKey: s.actionKey, patterns };
    });
  });
  const proof = prove(ctx.universe, ctx.unused, originals, union, { reported: ctx.reported });
  return { parts, proof, why: null };
}

/** Over the quota: the managed policies the chosen form can be cut into, or why it cannot be. */
export function splitOverQuota(
  ctx: RefineContext,
  originals: readonly StatementActions[],
  chosen: DocumentForm,
  expanded: DocumentForm,
  limit: number,
  warnings: Warning[],
): PolicySplit {
  warnings.push({ code: 'over-quota', message: warn.overQuota(chosen.size.chars, limit) });
  const splitOf = (form: DocumentForm) =>
    splitPolicy(
      ctx,
      originals,
      form.statements.map((r) => ({
        origin: r.index,
        node: r.node,
        actions: r.actions,
        asList: ctx.doc.statements[r.index].actionIsList,
      })),
      limit,
    );
  let split = splitOf(chosen);
  // A NotAction form over the quota cannot be cut; its expanded form can.
  if (split.parts.length === 0 && chosen !== expanded) {
    const expandedSplit = splitOf(expanded);
    if (expandedSplit.parts.length > 0 || /more than the/.test(expandedSplit.why ?? ''))
      split = expandedSplit;
  }
  warnings.push({
    code: 'split',
    message: split.why ?? say.offered(split.parts.length, limit),
  });
  return split;
}
