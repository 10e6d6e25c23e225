// The refinement (docs/refinement.md), statement by statement, as the rule reads:
//   1. Deny: unchanged.
//   2. Allow with Action: each pattern decided on its own, its replacement in its place.
//   3. Allow with NotAction: the unused actions it allows added to NotAction, compressed.
//   4. Every other key kept as written; a rewritten list holds no redundant entry; a statement the
//      refiner does not change stays byte for byte.
//   5. An emptied statement is removed; with no statement left, the policy is to be detached.
// Then the result is proven, offered in its NotAction form where that is shorter, and split into
// several managed policies when it is over the size limit.
import { refineContext, type RefineContext } from './context';
import { decidePattern, scratchFor, type Scratch } from './decide';
import {
  documentForm,
  forEachEntry,
  withActionList,
  type DocumentForm,
  type RefinedStatement,
} from './document';
import type { Findings } from './findings';
import { count } from './frontier';
import { type JsonValue } from './json';
import { printJson } from './jsonPrinter';
import { levelCounts } from './levels';
import { warnings as say } from './messages';
import { extendNotAction, notActionAlternative } from './notAction';
import type { PolicyDocument, Statement } from './policy';
import { Reach } from './reach';
import {
  MANAGED_POLICY_QUOTA,
  type PatternDecision,
  type Recommendation,
  type RefineOptions,
  type StatementOutcome,
  type Warning,
} from './recommendation';
import { leaveOutRedundant, lintUnchanged } from './redundancy';
import { splitOverQuota } from './split';
import type { Catalog } from './universe';
import { statementActions } from './unused';
import { prove, type Proof, type StatementActions } from './verify';

export function refinePolicy(
  doc: PolicyDocument,
  findings: Findings,
  catalog: Catalog,
  options: RefineOptions = {},
): Recommendation {
  return recommend(refineContext(doc, findings, catalog, options));
}

export function recommend(ctx: RefineContext): Recommendation {
  const { doc, universe: u, unused } = ctx;
  const limit = ctx.options.sizeLimit ?? MANAGED_POLICY_QUOTA;
  const warnings: Warning[] = [...doc.notes.map((n) => ({ ...n })), ...ctx.notes];
  const run = refineStatements(ctx, warnings);
  const originals = doc.statements.map(statementActions);
  const survivors = run.refined.filter((r): r is RefinedStatement => r !== null);
  const expanded = survivors.length === 0 ? null : documentForm(doc, survivors, limit, run.writers);
  const allowed = { before: new Uint8Array(u.size), after: new Uint8Array(u.size) };
  const expandedProof = prove(u, unused, originals, actionsOf(run.refined), {
    reported: ctx.reported,
    allowed,
  });
  const notAction = expanded ? notActionForm(run, originals, expanded, limit) : null;
  const chosen = notAction?.chosen ? notAction : expanded;
  const proof =
    notAction && (!notAction.proof.ok || notAction.chosen) ? notAction.proof : expandedProof;
  const split =
    chosen && expanded && chosen.size.chars > limit
      ? splitOverQuota(ctx, originals, chosen, expanded, limit, warnings)
      : null;
  const counts = unusedCounts(ctx, run.reach, proof, warnings);
  return {
    recommendedAction: chosen ? 'CREATE_POLICY' : 'DETACH_POLICY',
    document: chosen?.document ?? null,
    text: chosen?.text ?? null,
    originalText: printJson(doc.root),
    decisions: run.decisions,
    statements: run.outcomes,
    proof,
    warnings,
    size: chosen?.size ?? null,
    notActionForm: notAction && {
      document: notAction.document,
      text: notAction.text,
      size: notAction.size,
      chosen: notAction.chosen,
    },
    expandedForm: expanded && {
      document: expanded.document,
      text: expanded.text,
      size: expanded.size,
    },
    split,
    levels: levelCounts(u, allowed.before, allowed.after),
    lines: chosen?.lines ?? [],
    unused: counts,
    universe: {
      actions: u.size,
      catalogVersion: ctx.catalog.version,
      catalogDate: ctx.catalog.date,
    },
  };
}

/** A "*" statement's NotAction form: its list, the characters it adds, and the decision of the "*". */
interface Alternative {
  patterns: string[];
  growth: number;
  decision: number;
}

/** What the statement loop carries from one statement to the next, and hands to the steps after it. */
interface Run {
  readonly ctx: RefineContext;
  readonly warnings: Warning[];
  readonly reach: Reach;
  readonly scratch: Scratch;
  readonly everythingUnused: boolean;
  readonly decisions: PatternDecision[];
  readonly outcomes: StatementOutcome[];
  /** Each statement's result, in order: null when it is removed. */
  readonly refined: (RefinedStatement | null)[];
  /** By statement index, for the "*" statements that have one. */
  readonly alternatives: Map<number, Alternative>;
  /** Which decision wrote each entry of the document, by JSON node. */
  readonly writers: Map<JsonValue, number>;
}

/** Rules 1 to 5, statement by statement. */
function refineStatements(ctx: RefineContext, warnings: Warning[]): Run {
  const { doc, universe: u, unused } = ctx;
  const run: Run = {
    ctx,
    warnings,
    reach: new Reach(u, unused),
    scratch: scratchFor(u),
    everythingUnused: unused.indexOf(0) < 0,
    decisions: [],
    outcomes: [],
    refined: [],
    alternatives: new Map(),
    writers: new Map(),
  };
  for (const s of doc.statements) {
    const outcome: StatementOutcome = {
      index: s.index,
      sid: s.sid,
      effect: s.effect,
      actionKey: s.actionKey,
      outcome: 'unchanged',
      added: [],
      redundant: [],
      line: s.line,
      column: s.column,
    };
    run.outcomes.push(outcome);
    const original = statementActions(s);
    if (s.effect === 'Deny') {
      lintUnchanged(u, s, warnings);
      run.refined.push({ index: s.index, node: s.node, actions: original });
      continue;
    }
    run.reach.of(original);
    run.refined.push(
      s.actionKey === 'NotAction'
        ? extendNotAction(ctx, run.reach, s, outcome, run.everythingUnused, warnings)
        : refineActions(run, s, original, outcome),
    );
  }
  return run;
}

/** Rule 2: each pattern of an Action list decided on its own, its replacement in its place. */
function refineActions(
  run: Run,
  s: Statement,
  original: StatementActions,
  outcome: StatementOutcome,
): RefinedStatement | null {
  const { ctx, decisions, warnings } = run;
  let changed = false;
  const list: string[] = [];
  // For each entry, the position of the pattern kept verbatim that it is, or -1 when generated.
  const verbatim: number[] = [];
  const writtenBy = new Map<string, number>();
  // How many patterns gave entries: one replaced pattern alone wrote a list that is already free of
  // redundancy (its walks leave out what they cover), so it needs no second look.
  let writers = 0;
  s.patterns.forEach((r, position) => {
    const { decision } = decidePattern(ctx, run.scratch, s, position, r, warnings);
    if (decision.replacement.length > 0) writers++;
    if (decision.outcome === 'replaced')
      for (const w of decision.replacement)
        if (!writtenBy.has(w)) writtenBy.set(w, decisions.length);
    decisions.push(decision);
    if (decision.outcome !== 'kept') changed = true;
    for (const w of decision.replacement) {
      list.push(w);
      verbatim.push(decision.outcome === 'kept' ? position : -1);
    }
  });
  if (!changed) {
    lintUnchanged(ctx.universe, s, warnings);
    return { index: s.index, node: s.node, actions: original };
  }
  const clean =
    writers > 1 ? leaveOutRedundant(ctx.universe, s, list, verbatim, outcome, warnings) : list;
  if (clean.length === 0) {
    outcome.outcome = 'removed';
    return null;
  }
  outcome.outcome = 'refined';
  const node = withActionList(s.node, 'Action', 'Action', clean, s.actionIsList);
  forEachEntry(node, 'Action', (item, text) => {
    const d = writtenBy.get(text);
    if (d !== undefined) run.writers.set(item, d);
  });
  const { reach } = run;
  if (reach.neededCount > 0 && s.patterns.some((r) => isStar(r.pattern.text))) {
    const alt = notActionAlternative(ctx, reach, clean, s.actionIsList, run.everythingUnused);
    const star = decisions.findIndex((d) => d.statement === s.index && isStar(d.pattern));
    if (alt) run.alternatives.set(s.index, { ...alt, decision: star });
  }
  return { index: s.index, node, actions: { ...original, patterns: clean } };
}

function isStar(pattern: string): boolean {
  return pattern === '*' || pattern === '*:*';
}

function actionsOf(refined: readonly (RefinedStatement | null)[]): (StatementActions | null)[] {
  return refined.map((r) => r?.actions ?? null);
}

/**
 * The document with each "*" statement in its NotAction form, where that list is the shorter one:
 * chosen when the expanded form is over the limit, else offered beside it. Null when no statement
 * has such a form.
 */
function notActionForm(
  run: Run,
  originals: readonly StatementActions[],
  expanded: DocumentForm,
  limit: number,
): (DocumentForm & { chosen: boolean; proof: Proof }) | null {
  const { ctx, alternatives } = run;
  const { doc } = ctx;
  if (alternatives.size === 0) return null;
  let growth = 0;
  for (const a of alternatives.values()) growth += a.growth;
  const writers = new Map<JsonValue, number>();
  const altRefined = run.refined.map((r, i) => {
    const a = alternatives.get(i);
    if (!a || !r) return r;
    const node = withActionList(doc.statements[i].node, 'Action', 'NotAction', a.patterns, true);
    forEachEntry(node, 'NotAction', (item) => writers.set(item, a.decision));
    return {
      index: i,
      node,
      actions: { effect: 'Allow', actionKey: 'NotAction', patterns: a.patterns } as const,
    };
  });
  for (const [item, d] of run.writers) writers.set(item, d);
  const altSurvivors = altRefined.filter((r): r is RefinedStatement => r !== null);
  const alt = documentForm(doc, altSurvivors, limit, writers);
  if (alt.size.chars !== expanded.size.chars + growth)
    throw new Error(
      `BUG: the NotAction form is ${alt.size.chars} characters, not the ${expanded.size.chars + growth} foreseen`,
    );
  const chosen = expanded.size.chars > limit;
  const proof = prove(ctx.universe, ctx.unused, originals, actionsOf(altRefined), {
    reported: ctx.reported,
  });
  run.warnings.push({
    code: 'not-action-form',
    message: chosen
      ? say.notActionChosen(expanded.size.chars, limit, alt.size.chars)
      : say.notActionOffered(alt.size.chars),
  });
  return { ...alt, chosen, proof };
}

/** How many actions were reported unused, how many of them the policy allowed, and kept on purpose. */
function unusedCounts(
  ctx: RefineContext,
  reach: Reach,
  proof: Proof,
  warnings: Warning[],
): Recommendation['unused'] {
  const total = count(ctx.reported);
  const allowed = count(reach.allowedUnused);
  const keptOnPurpose = proof.ok ? proof.keptOnPurpose : 0;
  const notAllowed = total - allowed - keptOnPurpose;
  if (ctx.findings.mode === 'unused' && notAllowed > 0)
    warnings.push({ code: 'unused-not-allowed', message: say.notAllowed(notAllowed) });
  return { total, allowed, keptOnPurpose };
}
