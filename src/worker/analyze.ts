// What the worker does with each request, as plain functions of the catalog: testable without a worker.
// A session keeps its last refinement, so the trie behind any of its patterns is asked for by the
// refinement's id, and neither the inputs nor the universe are read again.
import {
  buildUniverse,
  explainPattern,
  foldCase,
  matchList,
  parseFindings,
  parseKeepList,
  parsePattern,
  parsePolicy,
  recommend,
  refineContext,
  type Catalog,
  type PatternTrie,
  type Recommendation,
  type RefineContext,
} from '../core';
import type {
  Analysis,
  CatalogInfo,
  Completion,
  HoverInfo,
  RecommendationView,
  RefineRequest,
  TrieRequest,
} from './protocol';
import { applyMarks, keepMarked } from './marks';

export function catalogInfo(catalog: Catalog): CatalogInfo {
  return {
    version: catalog.version,
    date: catalog.date,
    services: catalog.services.size,
    actions: catalog.actionCount,
  };
}

function view(rec: Recommendation): RecommendationView {
  // The source trees stay here: the page shows texts, and cloning trees of a 5 MB policy is slow.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { document, expandedForm, notActionForm, split, ...rest } = rec;
  return {
    ...rest,
    expandedForm: expandedForm && { text: expandedForm.text, size: expandedForm.size },
    notActionForm: notActionForm && {
      text: notActionForm.text,
      size: notActionForm.size,
      chosen: notActionForm.chosen,
    },
    split: split && {
      parts: split.parts.map((p) => ({ text: p.text, size: p.size })),
      proof: split.proof,
      why: split.why,
    },
  };
}

/** The refiner as the page sees it: one session per worker. */
export class RefinerSession {
  /** The last refinement that gave a recommendation, by the id of its request. */
  private last: { id: number; context: RefineContext } | null = null;

  constructor(
    readonly catalog: Catalog,
    private readonly now: () => number,
  ) {}

  refine(req: RefineRequest): Analysis {
    const start = this.now();
    const policy = parsePolicy(req.policy);
    // What-if marks: used and unused ones change the findings, kept ones join the keep list.
    const findings = applyMarks(
      parseFindings(req.unused, { used: req.used }),
      req.marks,
      this.catalog,
    );
    const keep = keepMarked(parseKeepList(req.keep ?? ''), req.marks);
    let recommendation: RecommendationView | null = null;
    if (policy.ok && findings.ok && keep.ok) {
      const context = refineContext(policy.value, findings.value, this.catalog, {
        keep: keep.value,
        decisionNodes: false,
      });
      recommendation = view(recommend(context));
      this.last = { id: req.id, context };
    }
    return {
      refinement: req.id,
      policyError: policy.ok ? null : policy.error,
      unusedError: findings.ok ? null : findings.error,
      keepError: keep.ok ? null : keep.error,
      findings: findings.ok
        ? {
            kind: findings.value.kind,
            mode: findings.value.mode,
            summary: findings.value.summary,
            source: findings.value.source,
          }
        : null,
      recommendation,
      catalog: catalogInfo(this.catalog),
      ms: this.now() - start,
    };
  }

  /**
   * The trie behind one pattern of the refinement `req.refinement`; `unknown` when this session does
   * not hold that refinement (a newer one replaced it, or the worker was restarted).
   */
  trie(req: TrieRequest): { trie: PatternTrie | null; unknown: boolean } {
    if (this.last?.id !== req.refinement) return { trie: null, unknown: true };
    const trie = explainPattern(this.last.context, req.statement, req.position, {
      level: req.level,
    });
    return { trie, unknown: false };
  }
}

/** For tests and one-off calls: a refinement without a session. */
export function analyze(req: RefineRequest, catalog: Catalog, now: () => number): Analysis {
  return new RefinerSession(catalog, now).refine(req);
}

const MAX_COMPLETIONS = 2000;

/** Action names starting with what was typed: `s3:Get` gives every s3 action starting with Get. */
export function complete(prefix: string, catalog: Catalog): Completion[] {
  const colon = prefix.indexOf(':');
  const lower = foldCase(prefix);
  const out: Completion[] = [];
  if (colon < 0) {
    for (const key of catalog.services.keys())
      if (key.startsWith(lower)) out.push({ action: `${key}:`, level: null });
    return out.slice(0, MAX_COMPLETIONS);
  }
  const service = catalog.services.get(lower.slice(0, colon));
  if (!service) return [];
  const name = lower.slice(colon + 1);
  service.names.forEach((n, i) => {
    if (out.length < MAX_COMPLETIONS && foldCase(n).startsWith(name))
      out.push({ action: `${service.key}:${n}`, level: service.levels[i] ?? null });
  });
  return out;
}

export function hover(pattern: string, catalog: Catalog): HoverInfo {
  const p = parsePattern(pattern);
  const u = buildUniverse(catalog, []);
  const matches = p.problem === undefined ? matchList(u, p) : [];
  return {
    pattern,
    matches: matches.length,
    level: p.concrete && matches.length === 1 ? (u.level(matches[0]) ?? null) : null,
    sample: matches.slice(0, 8).map((g) => u.actionName(g)),
    problem: p.problem ?? null,
  };
}
