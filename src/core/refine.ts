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
import { decidePattern, scratchFor } from './decide';
import {
  forEachEntry,
  lineMarker,
  render,
  type RefinedStatement,
  withActionList,
  withStatements,
} from './document';
import type { Findings } from './findings';
import { count } from './frontier';
import { printJson, type JsonValue } from './json';
import { levelCounts } from './levels';
import { split as splitSay, warnings as say } from './messages';
import { extendNotAction, notActionAlternative } from './notAction';
import type { PolicyDocument } from './policy';
import { Reach } from './reach';
import {
  MANAGED_POLICY_QUOTA,
  type PatternDecision,
  type PolicySize,
  type Recommendation,
  type RefineOptions,
  type StatementOutcome,
  type Warning,
} from './recommendation';
import { leaveOutRedundant, lintUnchanged } from './redundancy';
import { splitPolicy } from './split';
import type { Catalog } from './universe';
import { statementActions } from './unused';
import { prove } from './verify';

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
  const reach = new Reach(u, unused);
  const scratch = scratchFor(u);
  const everythingUnused = unused.indexOf(0) < 0;
  const decisions: PatternDecision[] = [];
  const outcomes: StatementOutcome[] = [];
  const refined: (RefinedStatement | null)[] = [];
  // The NotAction form of each "*" statement: its list, and how many characters it adds.
  const alternatives = new Map<number, { patterns: string[]; growth: number; decision: number }>();
  // Which decision wrote each entry of the document (and of its NotAction form), by JSON node.
  const lines = { expanded: new Map<JsonValue, number>(), alt: new Map<JsonValue, number>() };

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
    outcomes.push(outcome);
    const original = statementActions(s);
    if (s.effect === 'Deny') {
      lintUnchanged(u, s, warnings);
      refined.push({ index: s.index, node: s.node, actions: original });
      continue;
    }
    reach.of(original);
    if (s.actionKey === 'NotAction') {
      refined.push(extendNotAction(ctx, reach, s, outcome, everythingUnused, warnings));
      continue;
    }
    let changed = false;
    const list: string[] = [];
    // For each entry, the position of the pattern kept verbatim that it is, or -1 when generated.
    const verbatim: number[] = [];
    const writtenBy = new Map<string, number>();
    // How many patterns gave entries: one replaced pattern alone wrote a list that is already free of
    // redundancy (its walks leave out what they cover), so it needs no second look.
    let writers = 0;
    s.patterns.forEach((r, position) => {
      const { decision } = decidePattern(ctx, scratch, s, position, r, warnings);
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
      lintUnchanged(u, s, warnings);
      refined.push({ index: s.index, node: s.node, actions: original });
      continue;
    }
    const clean = writers > 1 ? leaveOutRedundant(u, s, list, verbatim, outcome, warnings) : list;
    if (clean.length === 0) {
      outcome.outcome = 'removed';
      refined.push(null);
      continue;
    }
    outcome.outcome = 'refined';
    const node = withActionList(s.node, 'Action', 'Action', clean, s.actionIsList);
    forEachEntry(node, 'Action', (item, text) => {
      const d = writtenBy.get(text);
      if (d !== undefined) lines.expanded.set(item, d);
    });
    refined.push({ index: s.index, node, actions: { ...original, patterns: clean } });
    if (
      reach.neededCount > 0 &&
      s.patterns.some((r) => r.pattern.text === '*' || r.pattern.text === '*:*')
    ) {
      const alt = notActionAlternative(ctx, reach, clean, s.actionIsList, everythingUnused);
      const star = decisions.findIndex(
        (d) => d.statement === s.index && (d.pattern === '*' || d.pattern === '*:*'),
      );
      if (alt) alternatives.set(s.index, { ...alt, decision: star });
    }
  }

  const originals = doc.statements.map(statementActions);
  const survivors = refined.filter((r): r is RefinedStatement => r !== null);
  const document =
    survivors.length === 0
      ? null
      : withStatements(
          doc,
          survivors.map((r) => r.node),
        );
  const expandedLines: number[] = [];
  const expanded = document
    ? render(document, limit, lineMarker(lines.expanded, expandedLines))
    : null;
  const allowed = { before: new Uint8Array(u.size), after: new Uint8Array(u.size) };
  let proof = prove(
    u,
    unused,
    originals,
    refined.map((r) => r?.actions ?? null),
    { reported: ctx.reported, allowed },
  );

  let notActionForm: Recommendation['notActionForm'] = null;
  let final = survivors;
  const altLines: number[] = [];
  if (alternatives.size > 0 && expanded) {
    let growth = 0;
    for (const a of alternatives.values()) growth += a.growth;
    const altRefinedStatement = refined.map((r, i) => {
      const a = alternatives.get(i);
      if (!a || !r) return r;
      const node = withActionList(doc.statements[i].node, 'Action', 'NotAction', a.patterns, true);
      forEachEntry(node, 'NotAction', (item) => lines.alt.set(item, a.decision));
      return {
        index: i,
        node,
        actions: { effect: 'Allow', actionKey: 'NotAction', patterns: a.patterns } as const,
      };
    });
    for (const [item, d] of lines.expanded) lines.alt.set(item, d);
    const altSurvivors = altRefinedStatement.filter((r): r is RefinedStatement => r !== null);
    const altDoc = withStatements(
      doc,
      altSurvivors.map((r) => r.node),
    );
    const alt = render(altDoc, limit, lineMarker(lines.alt, altLines));
    if (alt.size.chars !== expanded.size.chars + growth)
      throw new Error(
        `BUG: the NotAction form is ${alt.size.chars} characters, not the ${expanded.size.chars + growth} foreseen`,
      );
    const chosen = expanded.size.chars > limit;
    notActionForm = { document: altDoc, ...alt, chosen };
    const altProof = prove(
      u,
      unused,
      originals,
      altRefinedStatement.map((r) => r?.actions ?? null),
      {
        reported: ctx.reported,
      },
    );
    if (!altProof.ok || chosen) proof = altProof;
    if (chosen) final = altSurvivors;
    warnings.push({
      code: 'not-action-form',
      message: chosen
        ? say.notActionChosen(expanded.size.chars, limit, alt.size.chars)
        : say.notActionOffered(alt.size.chars),
    });
  }
  const finalDoc = notActionForm?.chosen ? notActionForm.document : document;
  const finalSize: PolicySize | null = notActionForm?.chosen
    ? notActionForm.size
    : (expanded?.size ?? null);
  let split: Recommendation['split'] = null;
  if (finalSize && finalSize.chars > limit) {
    warnings.push({ code: 'over-quota', message: say.overQuota(finalSize.chars, limit) });
    const splitOf = (statements: readonly RefinedStatement[]) =>
      splitPolicy(
        ctx,
        originals,
        statements.map((r) => ({
          origin: r.index,
          node: r.node,
          actions: r.actions,
          asList: doc.statements[r.index].actionIsList,
        })),
        limit,
      );
    split = splitOf(final);
    // A NotAction form over the quota cannot be cut; its expanded form can.
    if (split.parts.length === 0 && final !== survivors) {
      const expandedSplit = splitOf(survivors);
      if (expandedSplit.parts.length > 0 || /more than the/.test(expandedSplit.why ?? ''))
        split = expandedSplit;
    }
    warnings.push({
      code: 'split',
      message: split.why ?? splitSay.offered(split.parts.length, limit),
    });
  }
  const totalUnused = count(ctx.reported);
  const allowedUnused = count(reach.allowedUnused);
  const keptOnPurpose = proof.ok ? proof.keptOnPurpose : 0;
  const notAllowed = totalUnused - allowedUnused - keptOnPurpose;
  if (ctx.findings.mode === 'unused' && notAllowed > 0)
    warnings.push({ code: 'unused-not-allowed', message: say.notAllowed(notAllowed) });
  return {
    recommendedAction: finalDoc ? 'CREATE_POLICY' : 'DETACH_POLICY',
    document: finalDoc,
    text: notActionForm?.chosen ? notActionForm.text : (expanded?.text ?? null),
    originalText: printJson(doc.root),
    decisions,
    statements: outcomes,
    proof,
    warnings,
    size: finalSize,
    notActionForm,
    expandedForm: document && expanded ? { document, ...expanded } : null,
    split,
    levels: levelCounts(u, allowed.before, allowed.after),
    lines: notActionForm?.chosen ? altLines : expandedLines,
    unused: { total: totalUnused, allowed: allowedUnused, keptOnPurpose },
    universe: {
      actions: u.size,
      catalogVersion: ctx.catalog.version,
      catalogDate: ctx.catalog.date,
    },
  };
}
