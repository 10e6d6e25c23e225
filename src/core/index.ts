// The public face of core: pure functions from strings and a catalog to plain data. No DOM, no Node.
//
//   const policy = parsePolicy(text);            // { ok, value: PolicyDocument } | { ok: false, error }
//   const findings = parseFindings(unusedText);  // which of the five kinds, and its entries
//   const rec = refinePolicy(policy.value, findings.value, catalog, { keep });
//   rec.recommendedAction, rec.text, rec.decisions, rec.proof, rec.warnings, rec.split, rec.levels
//
// `refineContext` + `recommend` do the same in two steps, keeping the context so that the trie behind
// any pattern can then be explained (`explainPattern(context, statement, position)`) without reading
// the inputs again. `refine` does it all for one or several policies and returns the first input
// error as a value.
import { parseFindings, type Findings, type FindingsOptions } from './findings';
import type { SourceError } from './source';
import { parseKeepList } from './keep';
import { parsePolicy } from './policy';
import type { Recommendation, RefineOptions } from './recommendation';
import { refinePolicy } from './refine';
import type { Catalog } from './universe';

export { parseJson, MAX_JSON_DEPTH } from './jsonParser';
export { printJson, compactJson } from './jsonPrinter';
export { LineMap, quote } from './source';
export type { JsonValue, JsonObject, JsonArray, JsonString } from './json';
export type { SourceError, Result } from './source';
export { parsePolicy, MAX_POLICY_CHARS, MAX_STATEMENTS, MAX_ACTION_ENTRIES } from './policy';
export type { PolicyDocument, Statement, PatternRef, GrammarNote } from './policy';
export { parsePattern, MAX_PATTERN_LENGTH } from './patterns';
export { figure, plural } from './messages';
export { matchList } from './matching';
export { globMatches } from './glob';
export { parseKeepList, MAX_KEEP_CHARS } from './keep';
export type { KeepList, KeepEntry } from './keep';
export { refineContext } from './context';
export type { RefineContext } from './context';
export { redundantEntries } from './redundancy';
export type { Step } from './walk';
export type { Pattern } from './patterns';
export { tokenize } from './tokens';
export { charTrie, serviceTrie } from './trie';
export type { TrieNode } from './trie';
export { buildUniverse, foldCase, Universe, ACCESS_LEVELS } from './universe';
export type { Catalog, ServiceCatalog, AccessLevel, UniverseService } from './universe';
export { parseFindings, FINDINGS_KINDS, MAX_FINDINGS_CHARS } from './findings';
export type { Findings, FindingsKind, FindingsEntry, FindingsOptions } from './findings';
export { refinePolicy, recommend } from './refine';
export { MAX_SUGGESTIONS } from './decide';
export { MANAGED_POLICY_QUOTA, ROLE_INLINE_QUOTA, ATTACHED_POLICIES_QUOTA } from './recommendation';
export type {
  Recommendation,
  RefineOptions,
  PatternDecision,
  PatternOutcome,
  StatementOutcome,
  TrieNodeInfo,
  TrieNodeCounts,
  Warning,
  WarningCode,
  PolicySize,
  PolicyPart,
  PolicySplit,
  LevelCount,
} from './recommendation';
export { prove } from './verify';
export type { Proof, StatementProof, Counterexample } from './verify';
export { explainPattern } from './explain';
export type { ExplainOptions } from './explain';
export {
  trieNode,
  trieAction,
  trieChildren,
  nodeActions,
  nodeBlockers,
  STEPS,
} from './patternTrie';
export type {
  PatternTrie,
  PatternTrieNode,
  PatternTrieAction,
  PatternTrieNodes,
  PatternTrieActions,
  TrieLevel,
} from './patternTrie';

export interface PolicyInput {
  /** A name for the policy: the file name in the CLI. */
  name: string;
  text: string;
}

export type InputError = SourceError & { input: string };

export interface RefineInputOptions extends Omit<RefineOptions, 'keep'>, FindingsOptions {
  /** The keep list's text: actions or patterns never to remove. */
  keep?: string;
}

export interface Refinement {
  findings: Findings;
  policies: (Recommendation & { name: string })[];
}

/** Refines each policy against the same unused permissions: one recommendation per policy. */
export function refine(
  policies: readonly PolicyInput[],
  unusedText: string,
  catalog: Catalog,
  options: RefineInputOptions = {},
): { ok: true; value: Refinement } | { ok: false; error: InputError } {
  const findings = parseFindings(unusedText, options);
  if (!findings.ok) return { ok: false, error: { ...findings.error, input: 'unused permissions' } };
  const keep = options.keep === undefined ? null : parseKeepList(options.keep);
  if (keep && !keep.ok) return { ok: false, error: { ...keep.error, input: 'keep list' } };
  const refineOptions: RefineOptions = { ...options, keep: keep?.value };
  const out: Refinement['policies'] = [];
  for (const p of policies) {
    const doc = parsePolicy(p.text);
    if (!doc.ok) return { ok: false, error: { ...doc.error, input: p.name } };
    out.push({ name: p.name, ...refinePolicy(doc.value, findings.value, catalog, refineOptions) });
  }
  return { ok: true, value: { findings: findings.value, policies: out } };
}
