// What a refinement returns: the recommendation, why each pattern became what it did, the proof and
// the warnings, as plain data a worker can post and a CLI can print.
import type { JsonObject } from './json';
import type { KeepList } from './keep';
import type { AccessLevel } from './universe';
import type { Proof } from './verify';
import type { Step } from './walk';

/** IAM's quota for a customer managed policy, white space not counted. */
export const MANAGED_POLICY_QUOTA = 6144;

/** IAM's quota for a role's inline policies, all of them together, white space not counted. */
export const ROLE_INLINE_QUOTA = 10240;

/** Managed policies a role or user may have attached, unless the account's quota was raised. */
export const ATTACHED_POLICIES_QUOTA = 10;

export interface RefineOptions {
  /** Characters, white space not counted; default 6,144. */
  sizeLimit?: number;
  /** Actions or patterns never to remove, even when reported unused. */
  keep?: KeepList;
  /** Each replaced pattern's trie nodes in its decision (default true; the app does without). */
  decisionNodes?: boolean;
}

/** What every trie node shows, in a decision and in the trie view alike. */
export interface TrieNodeCounts {
  /** `s3:GetBucket`, `s3:` for a service, `*` for the root of a pattern that spans services. */
  prefix: string;
  /** The part this node adds to its parent: `Bucket` (a run of characters at the char level). */
  token: string;
  depth: number;
  /** Actions of the universe whose names start with the prefix, character by character. */
  covered: number;
  /** Covered actions the original pattern matches. */
  matched: number;
  /** Covered actions that are unused (and not kept on purpose). */
  unused: number;
  /** Covered actions that stay allowed: matched and not unused. */
  kept: number;
  /** Everything covered stays allowed (green); otherwise unsafe (orange). */
  safe: boolean;
  /** The entry written into the recommendation for this node, or null. */
  written: string | null;
}

/** One node of a trie involved in a decision, with what it covers and what the walk did there. */
export interface TrieNodeInfo extends TrieNodeCounts {
  service: string;
  isAction: boolean;
  /** What the frontier walk did at this node; null for the root of a spanning pattern. */
  step: Step | null;
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
  /** Matched actions taken away: reported unused and not kept on purpose. */
  unused: number;
  /** Matched actions reported unused but kept on purpose (the keep list). */
  keptOnPurpose: number;
  replacement: string[];
  /** The trie nodes the choice went through (replaced patterns, when asked for). */
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
  /** Entries left out of the rewritten list because another entry of it allows all they match. */
  redundant: string[];
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
  | 'invalid-sid'
  | 'split'
  | 'keep-matches-nothing';

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

/** One policy of a split recommendation. */
export interface PolicyPart {
  document: JsonObject;
  text: string;
  size: PolicySize;
}

/**
 * The recommended document cut into managed policies that each fit the quota, when it does not.
 * `parts` is empty when no split fits, and `why` says what the user can do instead.
 */
export interface PolicySplit {
  parts: PolicyPart[];
  /** That the parts together allow exactly what the original allowed minus the unused (null: no split). */
  proof: Proof | null;
  /** Why no split is offered (too many parts, or one statement over the quota alone), or null. */
  why: string | null;
}

/** Per access level, the actions the policy allowed before and after (`Unknown`: not in the catalog). */
export interface LevelCount {
  level: AccessLevel | 'Unknown';
  before: number;
  after: number;
  /**
   * The actions of this level allowed before and not after (`svc:Name`, the catalog's spelling), so
   * that several policies of one principal can count an action they share once.
   */
  removed: string[];
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
  /** When the recommended document is over the size limit: the managed policies it can be cut into. */
  split: PolicySplit | null;
  /** What the policy allowed before and after, by access level. */
  levels: LevelCount[];
  /**
   * For each line of `text` (0-based), the index in `decisions` of the replaced pattern that wrote
   * the entry on it, or -1; lines past the end of the array are -1 too.
   */
  lines: number[];
  /** Unused actions in the universe, how many of them this policy allowed, and how many it keeps on purpose. */
  unused: { total: number; allowed: number; keptOnPurpose: number };
  universe: { actions: number; catalogVersion: string; catalogDate: string };
}
