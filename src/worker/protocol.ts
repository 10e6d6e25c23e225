// The messages between the page and the refiner worker. Every request carries an id; the answer
// repeats it, so the page can drop answers to inputs that have since changed.
import type {
  Findings,
  PatternTrie,
  PolicySize,
  Proof,
  Recommendation,
  SourceError,
} from '../core';
import type { AccessLevel } from '../core/universe';

/**
 * An action marked by hand in the page ("what if"), overriding what the findings say: used, unused,
 * or kept (never removed, whatever the findings say). The worker turns them into findings and keep
 * entries (worker/marks.ts).
 */
export interface ActionMark {
  /** `s3:GetBucketAcl`. */
  action: string;
  mark: 'used' | 'unused' | 'kept';
}

export interface RefineRequest {
  type: 'refine';
  id: number;
  policy: string;
  unused: string;
  used: boolean;
  /** The keep list: actions or patterns never to remove ('' or absent: none). */
  keep?: string;
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

/** The trie behind one pattern of a refinement the worker answered, named by that request's id. */
export interface TrieRequest {
  type: 'trie';
  id: number;
  refinement: number;
  statement: number;
  position: number;
  /** Words (what the refiner uses), or characters for the comparison. */
  level: 'word' | 'char';
}

export type Request = RefineRequest | CompleteRequest | HoverRequest | TrieRequest;

/**
 * The page's first refinement can ride in the worker's name, `refine:` and the request as JSON: the
 * worker reads it as it starts. A message posted to a worker that has not started yet is held by the
 * page's thread until that thread is free again, which on a first visit is while it compiles the page
 * (20-40 ms); the name is there at once.
 */
export const BOOT_NAME_PREFIX = 'refine:';

/** The refine request in a worker's name, or null when the name holds none. */
export function bootRequest(name: string): RefineRequest | null {
  if (!name.startsWith(BOOT_NAME_PREFIX)) return null;
  try {
    const req = JSON.parse(name.slice(BOOT_NAME_PREFIX.length)) as Partial<RefineRequest>;
    return req.type === 'refine' &&
      typeof req.id === 'number' &&
      typeof req.policy === 'string' &&
      typeof req.unused === 'string' &&
      typeof req.used === 'boolean'
      ? (req as RefineRequest)
      : null;
  } catch {
    return null;
  }
}

export interface CatalogInfo {
  version: string;
  date: string;
  services: number;
  actions: number;
}

/** The recommendation as the page needs it: texts, not the documents' source trees. */
export type RecommendationView = Omit<
  Recommendation,
  'document' | 'expandedForm' | 'notActionForm' | 'split'
> & {
  expandedForm: { text: string; size: PolicySize } | null;
  notActionForm: { text: string; size: PolicySize; chosen: boolean } | null;
  split: {
    parts: { text: string; size: PolicySize }[];
    proof: Proof | null;
    why: string | null;
  } | null;
};

/** What the inputs gave: each editor's error or reading, and the recommendation when both read. */
export interface Analysis {
  /** The id of the refine request this answers: trie requests name it. */
  refinement: number;
  policyError: SourceError | null;
  unusedError: SourceError | null;
  keepError: SourceError | null;
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
  | { type: 'trie'; id: number; trie: PatternTrie | null; unknown: boolean }
  | { type: 'error'; id: number; message: string };
