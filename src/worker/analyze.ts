// What the worker does with each request, as plain functions of the catalog: testable without a worker.
import {
  buildUniverse,
  explainPattern,
  matchList,
  parseFindings,
  parsePattern,
  parsePolicy,
  refinePolicy,
  type Catalog,
  type PatternTrie,
  type Recommendation,
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
import { applyMarks } from './marks';

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
  const { document, expandedForm, notActionForm, ...rest } = rec;
  return {
    ...rest,
    expandedForm: expandedForm && { text: expandedForm.text, size: expandedForm.size },
    notActionForm: notActionForm && {
      text: notActionForm.text,
      size: notActionForm.size,
      chosen: notActionForm.chosen,
    },
  };
}

export function analyze(req: RefineRequest, catalog: Catalog, now: () => number): Analysis {
  const start = now();
  const policy = parsePolicy(req.policy);
  const findings = applyMarks(parseFindings(req.unused, { used: req.used }), req.marks, catalog);
  let recommendation: RecommendationView | null = null;
  if (policy.ok && findings.ok)
    recommendation = view(refinePolicy(policy.value, findings.value, catalog));
  return {
    policyError: policy.ok ? null : policy.error,
    unusedError: findings.ok ? null : findings.error,
    findings: findings.ok
      ? {
          kind: findings.value.kind,
          mode: findings.value.mode,
          summary: findings.value.summary,
          source: findings.value.source,
        }
      : null,
    recommendation,
    catalog: catalogInfo(catalog),
    ms: now() - start,
  };
}

const MAX_COMPLETIONS = 2000;

/** Action names starting with what was typed: `s3:Get` gives every s3 action starting with Get. */
export function complete(prefix: string, catalog: Catalog): Completion[] {
  const colon = prefix.indexOf(':');
  const lower = prefix.toLowerCase();
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
    if (out.length < MAX_COMPLETIONS && n.toLowerCase().startsWith(name))
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

/** The last inputs read for a trie: picking one pattern after another reads them once. */
let read: {
  key: string;
  doc: ReturnType<typeof parsePolicy>;
  findings: ReturnType<typeof parseFindings>;
} | null = null;

/** The trie behind one pattern's decision, for the inputs the page shows the result of. */
export function trie(req: TrieRequest, catalog: Catalog): PatternTrie | null {
  const key = `${req.used}\u0000${JSON.stringify(req.marks ?? [])}\u0000${req.unused}\u0000${req.policy}`;
  if (read?.key !== key)
    read = {
      key,
      doc: parsePolicy(req.policy),
      findings: applyMarks(parseFindings(req.unused, { used: req.used }), req.marks, catalog),
    };
  const { doc, findings } = read;
  if (!doc.ok || !findings.ok) return null;
  return explainPattern(doc.value, findings.value, catalog, req.statement, req.position, {
    level: req.level,
  });
}
