// Shared by the core tests: the real catalog, variants of it, and one-call refinement.
import { loadCatalog } from '../../src/catalog/node';
import {
  parseKeepList,
  parseFindings,
  parsePolicy,
  refinePolicy,
  type Catalog,
  type Recommendation,
  type ServiceCatalog,
} from '../../src/core';
import s3of2024 from '../fixtures/s3-actions-2024.json';

export const catalog: Catalog = loadCatalog();

/** Today's catalog with some services replaced (or added). */
export function catalogWith(services: Record<string, string[]>): Catalog {
  const map = new Map<string, ServiceCatalog>(catalog.services);
  for (const [key, names] of Object.entries(services)) {
    const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    map.set(key, { key, names: sorted, levels: sorted.map(() => 'Read' as const) });
  }
  let actionCount = 0;
  for (const s of map.values()) actionCount += s.names.length;
  return { ...catalog, services: map, actionCount };
}

/** The catalog as it was in August 2024 for s3 (the announcement's data). */
export const catalog2024 = catalogWith({ s3: s3of2024.actions.map((a) => a.name) });

export function refineText(
  policy: unknown,
  unused: string,
  options: { used?: boolean; sizeLimit?: number; catalog?: Catalog; keep?: string } = {},
): Recommendation {
  const doc = parsePolicy(typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
  if (!doc.ok) throw new Error(`policy: ${doc.error.message}`);
  const findings = parseFindings(unused, { used: options.used });
  if (!findings.ok) throw new Error(`findings: ${findings.error.message}`);
  const keep = options.keep === undefined ? undefined : parseKeepList(options.keep);
  if (keep && !keep.ok) throw new Error(`keep: ${keep.error.message}`);
  const rec = refinePolicy(doc.value, findings.value, options.catalog ?? catalog, {
    sizeLimit: options.sizeLimit,
    keep: keep?.value,
  });
  if (!rec.proof.ok) throw new Error(rec.proof.message);
  return rec;
}

export function allow(actions: string | string[], extra: Record<string, unknown> = {}) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*', ...extra }],
  };
}

/** The recommended document as plain JSON. */
export function recommended(rec: Recommendation): { Statement: Record<string, unknown>[] } | null {
  return rec.text === null ? null : JSON.parse(rec.text);
}

export function actionsOf(rec: Recommendation, statement = 0): unknown {
  return recommended(rec)?.Statement[statement]?.Action;
}

/** The Action list of the expanded form, even when the NotAction form was proposed instead. */
export function expandedActionsOf(rec: Recommendation, statement = 0): unknown {
  const text = rec.expandedForm?.text;
  return text ? JSON.parse(text).Statement[statement]?.Action : undefined;
}

export function serviceNames(key: string): readonly string[] {
  const s = catalog.services.get(key);
  if (!s) throw new Error(`no service ${key}`);
  return s.names;
}
