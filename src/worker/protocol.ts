// The messages between the page and the refiner worker. Every request carries an id; the answer
// repeats it, so the page can drop answers to inputs that have since changed.
import type { Findings, PatternTrie, PolicySize, Recommendation, SourceError } from '../core';
import type { AccessLevel } from '../core/universe';

/**
 * An action marked used or unused by hand in the page ("what if"), overriding what the findings say.
 * Turned into findings by the worker (worker/marks.ts); a third kind, kept, can join them later.
 */
export interface ActionMark {
  /** `s3:GetBucketAcl`. */
  action: string;
  mark: 'used' | 'unused';
}

export interface RefineRequest {
  type: 'refine';
  id: number;
  policy: string;
  unused: string;
  used: boolean;
  marks?: readonly ActionMark[];
}

export interface CompleteRequest {
  type: 'complete';
  id: number;
  /** What the user typed so far: `s3:Get`. */
  prefix: string;
}

export interface HoverRequest {
  type: 'hover';
  id: number;
  /** A pattern under the cursor: `s3:GetObject`, `s3:Get*`. */
  pattern: string;
}

export interface TrieRequest {
  type: 'trie';
  id: number;
  policy: string;
  unused: string;
  used: boolean;
  marks?: readonly ActionMark[];
  statement: number;
  position: number;
  /** Words (what the refiner uses), or characters for the comparison. */
  level: 'word' | 'char';
}

export type Request = RefineRequest | CompleteRequest | HoverRequest | TrieRequest;

export interface CatalogInfo {
  version: string;
  date: string;
  services: number;
  actions: number;
}

/** The recommendation as the page needs it: texts, not the documents' source trees. */
export type RecommendationView = Omit<
  Recommendation,
  'document' | 'expandedForm' | 'notActionForm'
> & {
  expandedForm: { text: string; size: PolicySize } | null;
  notActionForm: { text: string; size: PolicySize; chosen: boolean } | null;
};

/** What the inputs gave: each editor's error or reading, and the recommendation when both read. */
export interface Analysis {
  policyError: SourceError | null;
  unusedError: SourceError | null;
  findings: Pick<Findings, 'kind' | 'mode' | 'summary' | 'source'> | null;
  recommendation: RecommendationView | null;
  catalog: CatalogInfo;
  /** Milliseconds the worker spent on this input. */
  ms: number;
}

export interface Completion {
  action: string;
  level: AccessLevel | null;
}

export interface HoverInfo {
  pattern: string;
  /** Actions of the catalog it matches. */
  matches: number;
  /** Access level when it is one known action. */
  level: AccessLevel | null;
  /** Up to a few matched actions, for a wildcard. */
  sample: string[];
  problem: string | null;
}

export type Response =
  | { type: 'refine'; id: number; analysis: Analysis }
  | { type: 'complete'; id: number; items: Completion[] }
  | { type: 'hover'; id: number; info: HoverInfo }
  | { type: 'trie'; id: number; trie: PatternTrie | null }
  | { type: 'error'; id: number; message: string };
